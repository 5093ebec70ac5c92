/**
 * `revelation check GAME OUTCOME`: is the outcome a Bayes correlated
 * equilibrium? Parsing and rendering only; the work is `checkOutcome`.
 */

import { checkOutcome, type CheckFailure } from '../../bce/check.js';
import type { BaseGame } from '../../game/game.js';
import { readGameFile } from '../../io/game-json.js';
import { InputError } from '../../io/input-error.js';
import { readOutcomeFile } from '../../io/outcome-json.js';
import { intOption, parseArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import { heading, renderInformationStructure } from './shared.js';

export const checkCommand: Command = {
  name: 'check',
  summary:
    'is an outcome a Bayes correlated equilibrium? which incentive fails?',
  usage: 'revelation check GAME OUTCOME [--json] [--decimals N]',
  async run(argv, out) {
    const args = parseArgs('check', argv, {
      values: ['decimals'],
      flags: ['json'],
    });
    if (args.positional.length !== 2) {
      throw new InputError(
        'check',
        `expected a game file and an outcome file, got ${args.positional.length} file(s)`,
        `usage: ${checkCommand.usage}`,
      );
    }
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const game = readGameFile(args.positional[0]);
    const outcome = readOutcomeFile(args.positional[1], game);
    const result = checkOutcome(game, outcome);
    if (args.flags.has('json')) {
      out.stdout(
        toJson({
          command: 'check',
          game: game.name,
          status: result.consistent ? 'consistent' : 'inconsistent',
          ...result,
        }),
      );
      return 0;
    }
    const lines = [
      heading(game, 'is the outcome a BCE?'),
      `  ${result.consistent ? 'yes: consistent' : 'no: not consistent'} (decided in exact arithmetic)`,
    ];
    if (!result.consistent) {
      lines.push('', 'Failed conditions');
      lines.push(renderFailures(game, result.failures, display));
    }
    if (result.informationStructure) {
      lines.push('');
      lines.push(
        renderInformationStructure(game, result.informationStructure, display),
      );
    }
    out.stdout(lines.join('\n'));
    return 0;
  },
};

function renderFailures(
  game: BaseGame,
  failures: readonly CheckFailure[],
  display: Display,
): string {
  const rows = failures.map((f) => {
    switch (f.kind) {
      case 'martingale':
        return [
          'prior',
          `state ${f.state}${f.types ? ` types ${f.types.join(',')}` : ''}`,
          `mass ${show(f.actual, display)}, prior requires ${show(f.required, display)}`,
        ];
      case 'obedience':
        return [
          'obedience',
          `${f.player}${f.type !== undefined ? ` (type ${f.type})` : ''} told ${f.recommended}`,
          `gains ${show(f.shortfall, display)} by playing ${f.deviation} instead`,
        ];
      case 'unavailable':
        return [
          'action',
          `state ${f.state}${f.types ? ` types ${f.types.join(',')}` : ''}`,
          `mass ${show(f.p, display)} on ${f.actions.join(',')}, which the type cannot play`,
        ];
    }
  });
  void game;
  return table(['condition', 'where', 'shortfall'], rows);
}
