/**
 * `revelation bce GAME --max OBJ | --min OBJ | --range OBJ`: the best, the
 * worst, or the range of an objective over all Bayes correlated equilibria.
 * Parsing and rendering only; the work is `solveBce` / `bceRange`.
 */

import { bceRange, solveBce, type BceResult } from '../../bce/bce.js';
import { readGameFile } from '../../io/game-json.js';
import type { BaseGame } from '../../game/game.js';
import { intOption, parseArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import {
  bindingLines,
  certifiedHow,
  heading,
  lpOptions,
  oneGameFile,
  oneMode,
  outcomeLines,
  renderInformationStructure,
} from './shared.js';

export const bceCommand: Command = {
  name: 'bce',
  summary:
    'best, worst or range of an objective over Bayes correlated equilibria',
  usage:
    'revelation bce GAME (--max OBJ | --min OBJ | --range OBJ) ' +
    '[--json] [--decimals N] [--engine auto|exact] [--float]',
  async run(argv, out) {
    const args = parseArgs('bce', argv, {
      values: ['max', 'min', 'range', 'decimals', 'engine'],
      flags: ['json', 'float'],
    });
    const file = oneGameFile(args, bceCommand);
    const mode = oneMode(
      args,
      bceCommand,
      ['max', 'min', 'range'],
      'give exactly one of --max OBJ, --min OBJ, --range OBJ',
      "OBJ is designer, welfare or a player's name",
    );
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const game = readGameFile(file);
    const options = lpOptions(args);
    const objective = args.values.get(mode) as string;

    if (mode === 'range') {
      const range = await bceRange(game, { ...options, objective });
      if (args.flags.has('json')) {
        out.stdout(
          toJson({
            command: 'bce',
            game: game.name,
            status: range.status,
            objective: range.objective,
            min: range.min,
            max: range.max,
            arithmetic: range.arithmetic,
            exact: range.exact,
            minimum: jsonResult(range.minimum),
            maximum: jsonResult(range.maximum),
          }),
        );
        return 0;
      }
      out.stdout(
        [
          heading(game, `range of ${range.objective} over all BCE`),
          `  status  ${range.status}`,
          `  range   [${show(range.min, display)}, ${show(range.max, display)}]` +
            (range.exact
              ? '   (exact, certified)'
              : '   (FLOAT, not certified)'),
          '',
          '--- minimum ---',
          renderResult(game, range.minimum, display),
          '',
          '--- maximum ---',
          renderResult(game, range.maximum, display),
        ].join('\n'),
      );
      return 0;
    }

    const sense = mode === 'max' ? 'maximize' : 'minimize';
    const result = await solveBce(game, { ...options, objective, sense });
    if (args.flags.has('json')) {
      out.stdout(
        toJson({ command: 'bce', game: game.name, ...jsonResult(result) }),
      );
      return 0;
    }
    out.stdout(
      [
        heading(
          game,
          `${sense === 'maximize' ? 'best' : 'worst'} BCE for ${result.objective}`,
        ),
        renderResult(game, result, display),
      ].join('\n'),
    );
    return 0;
  },
};

/** The JSON form of a result: everything but the dense outcome table. */
function jsonResult(result: BceResult): object {
  const { outcomeTable: _unused, ...rest } = result;
  return rest;
}

function renderResult(game: BaseGame, r: BceResult, display: Display): string {
  const lines: string[] = [];
  const how = certifiedHow(r.certificate);
  lines.push(`  status  ${r.status}`);
  if (r.value === null) {
    lines.push(`  (${how})`);
    for (const note of r.certificate.notes) lines.push(`  note: ${note}`);
    return lines.join('\n');
  }
  lines.push(`  value   ${show(r.value, display)}   (${how})`);
  lines.push('');
  lines.push(...outcomeLines(game, r.outcome, display));
  if (r.informationStructure) {
    lines.push('');
    lines.push(
      renderInformationStructure(game, r.informationStructure, display),
    );
  }
  lines.push('');
  lines.push(...bindingLines(game, 'obedience', r.binding, display));
  if (r.duals) {
    const typed = game.hasTypes;
    lines.push('');
    lines.push('Dual prices of the prior (value of mass in each state)');
    lines.push(
      table(
        ['state', ...(typed ? ['types'] : []), 'price'],
        r.duals.martingale.map((m) => [
          m.state,
          ...(typed ? [(m.types ?? []).join(',')] : []),
          show(m.price, display),
        ]),
      ),
    );
  }
  lines.push('');
  lines.push(
    `LP: ${r.size.variables} variables, ${r.size.rows} rows, ${r.size.nonzeros} nonzeros; ` +
      `outcome re-checked exactly: ${r.certificate.outcomeVerified ? 'yes' : 'no'}`,
  );
  for (const note of r.certificate.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
