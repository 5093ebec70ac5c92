/**
 * Pictures of a projected BCE set: the polygon of projection.ts drawn as
 * an SVG, each vertex labelled with its exact coordinates, plus any points
 * the caller passes (an observed outcome, Nash equilibrium payoffs).
 *
 * Drawing is done by Observable Plot (npm `@observablehq/plot`), a
 * well-kept plotting library, rendered outside a browser: Plot builds its
 * SVG through a `document` object, which `linkedom` (a small DOM in plain
 * JavaScript) provides. Positions on the page are floats, as any picture's
 * are; every number written on the picture is the exact rational.
 *
 * Labels sit outside the polygon: each is pushed away from the centroid of
 * the vertices, in page coordinates, so they do not overlap the shape. A
 * marked point on the boundary is labelled inwards instead, so that it
 * does not collide with the label of a vertex it sits on or near.
 */

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Rational } from '../numbers/rational.js';
import { locatePoint, type Point, type Projection } from './projection.js';

/** A point to mark on the picture. */
export interface MarkedPoint {
  readonly point: Point;
  /** Shown beside the point; default: its coordinates. */
  readonly label?: string;
}

/** Options for `projectionSvg`. */
export interface ProjectionPlotOptions {
  /** A title above the plot; default none. */
  readonly title?: string;
  /** Axis labels; default the statistics' names. */
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Extra points to mark (drawn in red, labelled). Default none. */
  readonly points?: readonly MarkedPoint[];
  /** Size in pixels; default 560 × 420. */
  readonly width?: number;
  readonly height?: number;
}

const POLYGON = '#4269d0';
const MARKED = '#d62728';

/** The projection as a standalone SVG document (a string). */
export function projectionSvg(
  projection: Projection,
  options: ProjectionPlotOptions = {},
): string {
  const width = options.width ?? 560;
  const height = options.height ?? 420;
  const vertices = projection.vertices.map((v) => v.point);
  const marked = options.points ?? [];
  const all = [...vertices, ...marked.map((m) => m.point)];
  const xs = all.map((p) => p[0].toNumber());
  const ys = all.map((p) => p[1].toNumber());
  const xDomain = padded(xs);
  const yDomain = padded(ys);

  // The centroid of the vertices, and the page direction away from it.
  const cx = mean(vertices.map((p) => p[0].toNumber()));
  const cy = mean(vertices.map((p) => p[1].toNumber()));
  const away = (p: Point) => {
    const u = ((p[0].toNumber() - cx) / (xDomain[1] - xDomain[0])) * width;
    const v = -((p[1].toNumber() - cy) / (yDomain[1] - yDomain[0])) * height;
    const norm = Math.hypot(u, v);
    return norm < 1e-9 ? [0, -1] : [u / norm, v / norm];
  };
  const labelMark = (p: Point, text: string, fill: string, inward = false) => {
    const [u, v] = away(p).map((w) => (inward ? -w : w));
    return Plot.text([p], {
      x: (d: Point) => d[0].toNumber(),
      y: (d: Point) => d[1].toNumber(),
      text: () => text,
      dx: 12 * u,
      dy: 12 * v,
      textAnchor: u > 0.35 ? 'start' : u < -0.35 ? 'end' : 'middle',
      fill,
      fontSize: 12,
    });
  };
  const closed = vertices.length > 0 ? [...vertices, vertices[0]] : [];
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: '#ccc' }),
    Plot.line(closed, {
      x: (d: Point) => d[0].toNumber(),
      y: (d: Point) => d[1].toNumber(),
      stroke: POLYGON,
      strokeWidth: 2,
      fill: POLYGON,
      fillOpacity: 0.15,
    }),
    Plot.dot(vertices, {
      x: (d: Point) => d[0].toNumber(),
      y: (d: Point) => d[1].toNumber(),
      fill: POLYGON,
      r: 4,
    }),
    ...vertices.map((p) => labelMark(p, coordinates(p), 'black')),
    Plot.dot(
      marked.map((m) => m.point),
      {
        x: (d: Point) => d[0].toNumber(),
        y: (d: Point) => d[1].toNumber(),
        fill: MARKED,
        symbol: 'diamond',
        r: 5,
      },
    ),
    // A marked point on the boundary (often at a vertex, whose label is
    // outside) is labelled inwards, so the two labels do not collide.
    ...marked.map((m) =>
      labelMark(
        m.point,
        m.label ?? coordinates(m.point),
        MARKED,
        locatePoint(vertices, m.point) === 'boundary',
      ),
    ),
  ];
  if (options.title) {
    marks.push(
      Plot.text([options.title], {
        frameAnchor: 'top',
        dy: -24,
        fontSize: 14,
        fontWeight: 'bold',
      }),
    );
  }

  const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
  const svg = Plot.plot({
    document: document as never,
    width,
    height,
    marginTop: options.title ? 44 : 24,
    marginRight: 48,
    marginBottom: 44,
    marginLeft: 56,
    style: { background: 'white', fontSize: '12px' },
    x: {
      domain: xDomain,
      label: options.xLabel ?? projection.x,
      labelAnchor: 'center',
      labelArrow: 'none',
      grid: true,
    },
    y: {
      domain: yDomain,
      label: options.yLabel ?? projection.y,
      labelAnchor: 'center',
      labelArrow: 'none',
      grid: true,
    },
    marks,
  }) as unknown as {
    setAttribute(k: string, v: string): void;
    outerHTML: string;
  };
  // A standalone SVG file needs its namespace; in a page it is implied.
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `${svg.outerHTML}\n`;
}

/** "(x, y)" with exact fractions. */
function coordinates(p: Point): string {
  return `(${fraction(p[0])}, ${fraction(p[1])})`;
}

function fraction(q: Rational): string {
  return q.toString();
}

function mean(values: readonly number[]): number {
  return values.length === 0
    ? 0
    : values.reduce((a, b) => a + b, 0) / values.length;
}

/** [min, max] widened by 12 % each side (or by 1 when flat) for labels. */
function padded(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low;
  const pad = span > 0 ? 0.12 * span : Math.max(1, Math.abs(low) * 0.1);
  return [low - pad, high + pad];
}
