/**
 * Pictures of persuasion, as standalone SVG.
 *
 * - Two states: V(µ) against x = µ(θ_1) — its linear pieces, its values
 *   at the breakpoints (where the tie rule decides), the concave envelope
 *   (dashed), the prior (vertical rule), and the chord through the
 *   optimal posteriors, whose height at the prior is the value
 *   (Kamenica and Gentzkow 2011, fig. 1).
 * - Three states: the simplex Δ(Θ) in barycentric coordinates, corner θ_k
 *   at the k-th vertex of an equilateral triangle, with each nonempty
 *   best-response region (receivers' inequalities only) coloured and
 *   labelled, the prior (a cross) and the optimal posteriors (discs whose
 *   area is proportional to their weight τ), joined to the prior.
 *
 * The figures are drawn with Observable Plot rendered on the server with
 * linkedom as its document; the geometry is exact (regions, posteriors)
 * and only converted to floats for drawing. Plot's colour legend is HTML,
 * not SVG, so regions are labelled in place instead.
 */

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { BaseGame } from '../game/game.js';
import { InputError } from '../io/input-error.js';
import type { Rational } from '../numbers/rational.js';
import { enumerateRegions, planRegions } from './best-response-regions.js';
import type { PersuasionResult } from './persuade.js';
import { persuasionProblem, profileActions } from './problem.js';

/** Options for `persuasionPlot`. */
export interface PlotOptions {
  /** Width in pixels (default 640 for two states, 520 for three). */
  readonly width?: number;
}

/** A number for a label: the exact fraction when short, else 3 decimals. */
function label(q: Rational): string {
  const exact = q.toString();
  return exact.length <= 7 ? exact : q.toDecimal(3);
}

/** The part of a DOM element the serialiser needs. */
interface SvgNode {
  setAttribute(name: string, value: string): void;
  readonly outerHTML: string;
}

/** A fresh server-side document for Plot to build its SVG in. */
function newDocument(): PlotDocument {
  const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
  return document as unknown as PlotDocument;
}

type PlotDocument = NonNullable<Plot.PlotOptions['document']>;

/** Serialises Plot's SVG element as a standalone file. */
function serialise(node: unknown): string {
  const svg = node as SvgNode;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `${svg.outerHTML}\n`;
}

/**
 * The SVG picture of a persuasion answer for a game with two or three
 * states. Throws an `InputError` for other numbers of states.
 */
export function persuasionPlot(
  game: BaseGame,
  result: PersuasionResult,
  options: PlotOptions = {},
): string {
  if (game.states.length === 2 && result.twoStates) {
    return twoStatePlot(game, result, options);
  }
  if (game.states.length === 3) return simplexPlot(game, result, options);
  throw new InputError(
    '--plot',
    `pictures are drawn for two or three states; this game has ${game.states.length}`,
    'leave out --plot, or read the posteriors from the text or --json output',
  );
}

function twoStatePlot(
  game: BaseGame,
  result: PersuasionResult,
  options: PlotOptions,
): string {
  const f = result.twoStates as NonNullable<PersuasionResult['twoStates']>;
  const x0 = game.prior[0].toNumber();
  const pieces = f.pieces.map((p) => ({
    x1: p.from.toNumber(),
    y1: p.atFrom.toNumber(),
    x2: p.to.toNumber(),
    y2: p.atTo.toNumber(),
    xm: p.from.add(p.to).toNumber() / 2,
    ym: p.atFrom.add(p.atTo).toNumber() / 2,
    text: p.actions.join(','),
  }));
  const points = f.points.map((p) => ({
    x: p.x.toNumber(),
    y: p.value.toNumber(),
  }));
  const envelope = f.envelope.map((k) => ({
    x: k.x.toNumber(),
    y: k.value.toNumber(),
  }));
  const posteriors = result.posteriors.map((s) => ({
    x: s.posterior[0].toNumber(),
    y: s.value.toNumber(),
    text: `${s.signal}: τ = ${label(s.probability)}`,
  }));
  const value = result.value;
  const ys = [
    ...points.map((p) => p.y),
    ...pieces.flatMap((p) => [p.y1, p.y2]),
  ];
  const low = Math.min(...ys);
  const high = Math.max(...ys);
  const pad = (high - low || 1) * 0.12;

  const svg = Plot.plot({
    document: newDocument(),
    width: options.width ?? 640,
    height: 420,
    marginTop: 36,
    marginBottom: 72,
    marginRight: 24,
    x: { domain: [0, 1], label: `µ(${f.axis}) →`, labelAnchor: 'right' },
    y: {
      domain: [low - pad, high + pad],
      label: `↑ ${result.objective}`,
      grid: true,
    },
    marks: [
      Plot.ruleX([x0], { stroke: '#888', strokeDasharray: '2,3' }),
      Plot.text([{ x: x0 }], {
        x: 'x',
        frameAnchor: 'top',
        dy: -10,
        text: () => `prior ${label(game.prior[0])}`,
        fill: '#555',
      }),
      Plot.line(envelope, {
        x: 'x',
        y: 'y',
        stroke: '#e8702a',
        strokeWidth: 7,
        strokeOpacity: 0.45,
      }),
      Plot.link(pieces, {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        stroke: '#2b6cb0',
        strokeWidth: 2.5,
      }),
      Plot.text(pieces, {
        x: 'xm',
        y: 'ym',
        text: 'text',
        dy: 12,
        fill: '#2b6cb0',
      }),
      Plot.dot(points, { x: 'x', y: 'y', r: 3.5, fill: '#2b6cb0' }),
      Plot.line(posteriors, {
        x: 'x',
        y: 'y',
        stroke: 'black',
        strokeWidth: 1,
        strokeDasharray: '4,3',
      }),
      Plot.dot(posteriors, { x: 'x', y: 'y', r: 5, fill: 'black' }),
      // Labels near the ends of the axis are anchored inwards.
      ...(['start', 'middle', 'end'] as const).map((anchor) =>
        Plot.text(
          posteriors.filter((p) => anchorOf(p.x) === anchor),
          {
            x: 'x',
            y: 'y',
            text: 'text',
            dy: -12,
            textAnchor: anchor,
            fill: 'black',
          },
        ),
      ),
      Plot.text(
        [
          'blue: V(µ), dots at breakpoints · orange: envelope · ' +
            'black: optimal posteriors',
        ],
        {
          frameAnchor: 'bottom-left',
          text: (d: string) => d,
          dy: 52,
          lineAnchor: 'top',
          textAnchor: 'start',
          fill: '#555',
        },
      ),
      ...(value
        ? [
            Plot.dot([{ x: x0, y: value.toNumber() }], {
              x: 'x',
              y: 'y',
              r: 5,
              fill: 'white',
              stroke: 'black',
              strokeWidth: 2,
            }),
            Plot.text([{ x: x0, y: value.toNumber() }], {
              x: 'x',
              y: 'y',
              text: () => `value ${label(value)}`,
              dx: 8,
              dy: 14,
              textAnchor: 'start',
            }),
          ]
        : []),
    ],
  });
  return serialise(svg);
}

/** Rough width of one label character in plot units (13 px at 520 px). */
const LABEL_CHAR = 0.016;

/**
 * The width of a convex polygon along the horizontal line at height y: a
 * region gets its label in place only when the label fits there.
 */
function widthAt(corners: readonly { x: number; y: number }[], y: number) {
  const xs: number[] = [];
  corners.forEach((p, k) => {
    const q = corners[(k + 1) % corners.length];
    if ((p.y - y) * (q.y - y) > 0 || p.y === q.y) return;
    xs.push(p.x + ((y - p.y) / (q.y - p.y)) * (q.x - p.x));
  });
  return xs.length < 2 ? 0 : Math.max(...xs) - Math.min(...xs);
}

/** The area of a polygon whose corners are in order (shoelace formula). */
function area(corners: readonly { x: number; y: number }[]): number {
  let twice = 0;
  corners.forEach((p, k) => {
    const q = corners[(k + 1) % corners.length];
    twice += p.x * q.y - q.x * p.y;
  });
  return Math.abs(twice) / 2;
}

function anchorOf(x: number): 'start' | 'middle' | 'end' {
  return x < 0.12 ? 'start' : x > 0.88 ? 'end' : 'middle';
}

const HEIGHT = Math.sqrt(3) / 2;

/** Barycentric µ = (µ1, µ2, µ3) to the plane: corners (0,0), (1,0), (½, √3/2). */
function ternary(µ: readonly Rational[]): { x: number; y: number } {
  const b = µ[1].toNumber();
  const c = µ[2].toNumber();
  return { x: b + c / 2, y: c * HEIGHT };
}

function simplexPlot(
  game: BaseGame,
  result: PersuasionResult,
  options: PlotOptions,
): string {
  const problem = persuasionProblem(game, {
    objective: result.objective,
    sense: result.sense,
    tie: result.tie,
    public: result.public,
  });
  const all = game.states.map((_, s) => s);
  const regions = enumerateRegions(
    problem,
    planRegions(problem, { face: all, tieRows: false }),
  ).filter((r) => r.vertices.length > 0);

  // Each region's corners in angular order around their mean.
  const polygons: { x: number; y: number; region: string }[] = [];
  const labels: { x: number; y: number; text: string }[] = [];
  const flat = new Set<string>();
  for (const r of regions) {
    const name = profileActions(problem, r.profile).join(',');
    const corners = r.vertices.map(ternary);
    const cx = corners.reduce((t, p) => t + p.x, 0) / corners.length;
    const cy = corners.reduce((t, p) => t + p.y, 0) / corners.length;
    corners.sort(
      (p, q) => Math.atan2(p.y - cy, p.x - cx) - Math.atan2(q.y - cy, q.x - cx),
    );
    for (const p of corners) polygons.push({ ...p, region: name });
    // Only regions with room for a label get one in place; every region
    // is named in the key below the triangle.
    if (widthAt(corners, cy) >= LABEL_CHAR * (name.length + 2)) {
      labels.push({ x: cx, y: cy, text: name });
    }
    if (area(corners) < 1e-9) flat.add(name);
  }
  const names = [...new Set(polygons.map((p) => p.region))];
  const columns = 3;
  const keyRows = Math.ceil(names.length / columns);
  const key = names.map((region, k) => ({
    x: 0.02 + (k % columns) * 0.36,
    y: -0.12 - Math.floor(k / columns) * 0.06,
    region,
    text: flat.has(region) ? `${region} (no area)` : region,
  }));
  const prior = ternary(game.prior);
  const posteriors = result.posteriors.map((s) => ({
    ...ternary(s.posterior),
    weight: s.probability.toNumber(),
    text: `${s.signal}: ${s.actions.join(',')} (τ = ${label(s.probability)})`,
  }));
  const spokes = posteriors.flatMap((p, k) => [
    { x: prior.x, y: prior.y, k },
    { x: p.x, y: p.y, k },
  ]);
  const corners = game.states.map((name, s) => {
    const e = all.map((t) => (t === s ? 1 : 0));
    const p = { x: e[1] + e[2] / 2, y: e[2] * HEIGHT };
    return { ...p, text: name };
  });
  const outline = [...corners, corners[0]];

  const svg = Plot.plot({
    document: newDocument(),
    width: options.width ?? 520,
    aspectRatio: 1,
    margin: 30,
    x: { domain: [-0.05, 1.05], axis: null },
    y: { domain: [-0.1 - 0.06 * keyRows, HEIGHT + 0.08], axis: null },
    color: { type: 'categorical', scheme: 'set2', domain: names },
    r: { type: 'sqrt', domain: [0, 1], range: [0, 16] },
    marks: [
      Plot.line(polygons, {
        x: 'x',
        y: 'y',
        z: 'region',
        fill: 'region',
        fillOpacity: 0.75,
        stroke: 'white',
        strokeWidth: 1.5,
        curve: 'linear-closed',
      }),
      Plot.line(outline, { x: 'x', y: 'y', stroke: '#333' }),
      Plot.dot(key, {
        x: 'x',
        y: 'y',
        fill: 'region',
        symbol: 'square',
        r: 6,
      }),
      Plot.text(key, {
        x: 'x',
        y: 'y',
        text: 'text',
        dx: 10,
        textAnchor: 'start',
      }),
      Plot.text(corners.slice(0, 2), {
        x: 'x',
        y: 'y',
        text: 'text',
        dy: 14,
        fontWeight: 'bold',
      }),
      Plot.text(corners.slice(2), {
        x: 'x',
        y: 'y',
        text: 'text',
        dy: -12,
        fontWeight: 'bold',
      }),
      Plot.text(labels, {
        x: 'x',
        y: 'y',
        text: 'text',
        fill: '#222',
        fontSize: 13,
      }),
      Plot.line(spokes, {
        x: 'x',
        y: 'y',
        z: 'k',
        stroke: 'black',
        strokeWidth: 0.8,
        strokeDasharray: '3,2',
      }),
      Plot.dot(posteriors, {
        x: 'x',
        y: 'y',
        r: 'weight',
        fill: 'black',
        fillOpacity: 0.8,
      }),
      // Labels near the side corners are anchored inwards, near the top
      // corner placed below the disc, always with a halo.
      ...(['start', 'middle', 'end'] as const).flatMap((anchor) =>
        [false, true].map((top) =>
          Plot.text(
            posteriors.filter(
              (p) => anchorOf(p.x) === anchor && p.y > 0.8 * HEIGHT === top,
            ),
            {
              x: 'x',
              y: 'y',
              text: 'text',
              dy: top ? 22 : -20,
              textAnchor: anchor,
              fill: 'black',
              stroke: 'white',
              strokeWidth: 3,
            },
          ),
        ),
      ),
      Plot.dot([prior], {
        x: 'x',
        y: 'y',
        symbol: 'times',
        r: 6,
        stroke: 'black',
        strokeWidth: 2,
      }),
      Plot.text([prior], {
        x: 'x',
        y: 'y',
        text: () => 'prior',
        dy: 14,
      }),
    ],
  });
  return serialise(svg);
}
