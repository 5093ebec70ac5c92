/**
 * `revelation project GAME --x STAT --y STAT`: the exact polygon of pairs
 * (STAT_x, STAT_y) over all BCE, optionally drawn to an SVG file with the
 * user's points marked. Parsing and rendering only; the work is
 * `projectBce`, `locatePoint` and `projectionSvg`.
 */

import { writeFileSync } from 'node:fs';
import { outcomeCells } from '../../bce/bce.js';
import { readGameFile } from '../../io/game-json.js';
import { InputError } from '../../io/input-error.js';
import { projectionSvg } from '../../geometry/plot.js';
import {
  locatePoint,
  projectBce,
  type Point,
} from '../../geometry/projection.js';
import { parseStatistic } from '../../bce/statistics.js';
import { Rational } from '../../numbers/rational.js';
import { intOption, parseArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import { heading, lpOptions, oneGameFile, svgPlotPath } from './shared.js';

export const projectCommand: Command = {
  name: 'project',
  summary:
    'the exact polygon of two statistics over all BCE, optionally plotted',
  usage:
    'revelation project GAME --x STAT --y STAT [--plot FILE.svg] ' +
    '[--point [LABEL=]X,Y ...] [--title TEXT] [--json] [--decimals N] ' +
    '[--engine auto|exact]',
  async run(argv, out) {
    const args = parseArgs('project', argv, {
      values: ['x', 'y', 'plot', 'point', 'title', 'decimals', 'engine'],
      flags: ['json'],
      repeatable: ['point'],
    });
    const file = oneGameFile(args, projectCommand);
    for (const axis of ['x', 'y']) {
      if (!args.values.has(axis)) {
        throw new InputError(
          'project',
          `--${axis} STAT is missing`,
          "STAT is designer, welfare, a player's name, 'Pr(ACTION)' or " +
            "'Pr(ACTION | STATE)' (see docs/geometry.md)",
        );
      }
    }
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const points = (args.lists.get('point') ?? []).map(parsePoint);
    const game = readGameFile(file);
    const x = parseStatistic(game, args.values.get('x') as string, '--x');
    const y = parseStatistic(game, args.values.get('y') as string, '--y');
    const plot = svgPlotPath(args);
    const projection = await projectBce(game, x, y, lpOptions(args));
    const polygon = projection.vertices.map((v) => v.point);
    const located = points.map((p) => ({
      ...p,
      position: locatePoint(polygon, p.point),
    }));

    if (plot !== undefined && projection.status === 'optimal') {
      const svg = projectionSvg(projection, {
        title: args.values.get('title'),
        points: points.map((p) => ({
          point: p.point,
          label: p.label
            ? `${p.label} (${p.point[0]}, ${p.point[1]})`
            : undefined,
        })),
      });
      try {
        writeFileSync(plot, svg);
      } catch (error) {
        throw new InputError(
          '--plot',
          `cannot write "${plot}": ${(error as Error).message}`,
          'give a path in a folder that exists and is writable',
        );
      }
    }

    if (args.flags.has('json')) {
      out.stdout(
        toJson({
          command: 'project',
          game: game.name,
          status: projection.status,
          x: projection.x,
          y: projection.y,
          vertices: polygon,
          outcomes: projection.vertices.map((v) =>
            outcomeCells(game, v.outcome),
          ),
          verified: projection.vertices.every((v) => v.verified),
          edges: projection.edges,
          points: located.map((p) => ({
            label: p.label ?? null,
            point: p.point,
            position: p.position,
          })),
          lpSolves: projection.lpSolves,
          plot: plot ?? null,
          notes: projection.notes,
        }),
      );
      return 0;
    }

    const shape =
      polygon.length === 1
        ? 'a single point'
        : polygon.length === 2
          ? 'a segment'
          : `a polygon with ${polygon.length} vertices`;
    const lines = [
      heading(
        game,
        `all BCE seen through x = ${projection.x}, y = ${projection.y}`,
      ),
      `  status  ${projection.status}`,
    ];
    if (projection.status === 'optimal') {
      lines.push(
        `  shape   ${shape}; every vertex attained by a BCE re-checked ` +
          'exactly, every edge certified by an exact LP',
        '',
        'Vertices, counter-clockwise',
        table(
          ['x', 'y'],
          polygon.map((p) => [show(p[0], display), show(p[1], display)]),
        ),
      );
    }
    if (located.length > 0) {
      lines.push(
        '',
        'Points',
        table(
          ['label', 'x', 'y', 'where'],
          located.map((p) => [
            p.label ?? '',
            show(p.point[0], display),
            show(p.point[1], display),
            p.position,
          ]),
        ),
      );
    }
    if (plot !== undefined && projection.status === 'optimal') {
      lines.push('', `Plot written to ${plot}`);
    }
    lines.push('', `LPs solved: ${projection.lpSolves}`);
    // The LP layer's notes repeat across many LPs; show a few.
    const notes = projection.notes;
    for (const note of notes.slice(0, 3)) lines.push(`note: ${note}`);
    if (notes.length > 3) {
      lines.push(`(${notes.length - 3} more notes: see --json)`);
    }
    out.stdout(lines.join('\n'));
    return 0;
  },
};

/** `LABEL=X,Y` or `X,Y` with exact numbers. */
function parsePoint(text: string): { label?: string; point: Point } {
  const eq = text.lastIndexOf('=');
  const label = eq >= 0 ? text.slice(0, eq).trim() : undefined;
  const parts = text.slice(eq + 1).split(',');
  const numbers = parts.map((p) => Rational.parse(p));
  if (parts.length !== 2 || numbers.some((q) => q === null)) {
    throw new InputError(
      '--point',
      `"${text}" is not a point X,Y`,
      'write two exact numbers separated by a comma, optionally labelled: ' +
        '--point 1/2,3/4 or --point "Nash=14/3,14/3"',
    );
  }
  return {
    ...(label ? { label } : {}),
    point: [numbers[0] as Rational, numbers[1] as Rational],
  };
}
