/**
 * `revelation vertices GAME`: the vertices and the affine dimension of the
 * BCE set (the correlated equilibrium polytope with one state). Parsing and
 * rendering only; the work is `bceVertices`.
 */

import { outcomeCells } from '../../bce/bce.js';
import { profileNames } from '../../bce/obedience.js';
import { profileCount, type BaseGame } from '../../game/game.js';
import type { Outcome } from '../../game/outcome.js';
import { readGameFile } from '../../io/game-json.js';
import { InputError } from '../../io/input-error.js';
import {
  bceVertices,
  DEFAULT_VERTEX_LIMIT,
} from '../../geometry/vertex-enumeration.js';
import { intOption, parseArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import { lpOptions } from './shared.js';

/** Vertices listed in the text output without `--list`. */
const LISTED = 40;

/** Exit code when the limit stopped the enumeration. */
const STOPPED_AT_LIMIT = 3;

export const verticesCommand: Command = {
  name: 'vertices',
  summary: 'vertices and dimension of the BCE (correlated equilibrium) set',
  usage:
    'revelation vertices GAME [--limit N] [--list] [--json] ' +
    '[--decimals N] [--engine auto|exact]',
  async run(argv, out) {
    const args = parseArgs('vertices', argv, {
      values: ['limit', 'decimals', 'engine'],
      flags: ['json', 'list'],
    });
    if (args.positional.length !== 1) {
      throw new InputError(
        'revelation vertices',
        `expected one game file, got ${args.positional.length}`,
        `usage: ${verticesCommand.usage}`,
      );
    }
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const limit = intOption(args, 'limit', 1, 10_000_000);
    const game = readGameFile(args.positional[0]);
    const options = lpOptions(args);
    const result = await bceVertices(game, { ...options, limit });
    const code = result.status === 'limit' ? STOPPED_AT_LIMIT : 0;

    if (args.flags.has('json')) {
      const { outcomes, vertices: _columns, ...rest } = result;
      out.stdout(
        toJson({
          command: 'vertices',
          game: game.name,
          ...rest,
          vertices: outcomes.map((o) => outcomeCells(game, o)),
        }),
      );
      return code;
    }

    const lines = [
      `${game.name ? `${game.name}: ` : ''}vertices of the ` +
        (game.states.length === 1
          ? 'correlated equilibrium set'
          : 'Bayes correlated equilibrium set'),
      `  status      ${result.status}`,
      `  dimension   ${result.dimension ?? '-'}`,
      `  vertices    ${result.vertexCount}${result.status === 'limit' ? ' so far' : ''}`,
    ];
    if (result.vertexCount > 0) {
      lines.push('  every vertex re-checked as a BCE in exact arithmetic: yes');
    }
    if (result.implicitEqualities.length > 0) {
      lines.push(
        `  constraints binding on the whole set: ` +
          result.implicitEqualities.join(', '),
      );
    }
    if (result.message) out.stderr(`revelation vertices: ${result.message}`);
    if (result.vertexCount > LISTED && !args.flags.has('list')) {
      lines.push(
        '',
        `(${result.vertexCount} vertices: add --list to show them)`,
      );
    } else if (result.vertexCount > 0) {
      lines.push('', renderVertices(game, result.outcomes, display));
    }
    const limitText = limit ?? DEFAULT_VERTEX_LIMIT;
    lines.push(
      '',
      `Method: implicit equalities by ${result.lpSolves} exact LP(s), then ` +
        `double description (peak ${result.progress.peak} vertices held, ` +
        `limit ${limitText}).`,
    );
    out.stdout(lines.join('\n'));
    return code;
  },
};

/**
 * One row per vertex. With few cells, one column per cell; otherwise the
 * nonzero cells of each vertex written out.
 */
function renderVertices(
  game: BaseGame,
  outcomes: readonly Outcome[],
  display: Display,
): string {
  const count = profileCount(game);
  const columns: { s: number; k: number; a: number; name: string }[] = [];
  game.states.forEach((state, s) => {
    if (game.prior[s].isZero()) return;
    game.signal[s].forEach((profile, k) => {
      const types = game.hasTypes
        ? `/${profile.types.map((t, i) => game.players[i].types[t]).join(',')}`
        : '';
      for (let a = 0; a < count; a++) {
        const where = game.states.length > 1 || game.hasTypes;
        const label = profileNames(game, a).join(',');
        columns.push({
          s,
          k,
          a,
          name: where ? `${state}${types}:${label}` : label,
        });
      }
    });
  });
  if (columns.length <= 12) {
    return table(
      ['#', ...columns.map((c) => c.name)],
      outcomes.map((o, v) => [
        String(v + 1),
        ...columns.map((c) => show(o.p[c.s][c.k][c.a], display)),
      ]),
    );
  }
  return outcomes
    .map(
      (o, v) =>
        `  ${v + 1}. ` +
        outcomeCells(game, o)
          .map(
            (c) =>
              `${game.states.length > 1 ? `${c.state}:` : ''}` +
              `${c.types ? `${c.types.join(',')}/` : ''}` +
              `${c.actions.join(',')} ${show(c.p, display)}`,
          )
          .join('; '),
    )
    .join('\n');
}
