/**
 * `revelation induce GAME SIGNAL`: what a given signal makes a single
 * receiver do, and the designer's value. Parsing and rendering only; the
 * work is `induceOutcome`.
 */

import {
  induceOutcome,
  TIE_RULES,
  type InducedOutcome,
  type TieRule,
} from '../../induce/induce.js';
import type { BaseGame } from '../../game/game.js';
import { readGameFile } from '../../io/game-json.js';
import { InputError } from '../../io/input-error.js';
import { readSignalFile } from '../../io/signal-json.js';
import { intOption, parseArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import { heading } from './shared.js';

export const induceCommand: Command = {
  name: 'induce',
  summary:
    "the outcome a given signal induces: posteriors, the receiver's best " +
    "responses, the designer's value",
  usage:
    'revelation induce GAME SIGNAL [--tie sender-preferred|sender-worst|' +
    'receiver-order] [--objective OBJ] [--json] [--decimals N]',
  async run(argv, out) {
    const args = parseArgs('induce', argv, {
      values: ['tie', 'objective', 'decimals'],
      flags: ['json'],
    });
    if (args.positional.length !== 2) {
      throw new InputError(
        'induce',
        `expected a game file and a signal file, got ${args.positional.length} file(s)`,
        `usage: ${induceCommand.usage}`,
      );
    }
    const tie = args.values.get('tie') ?? 'sender-preferred';
    if (!(TIE_RULES as readonly string[]).includes(tie)) {
      throw new InputError(
        '--tie',
        `"${tie}" is not a tie rule`,
        `use one of ${TIE_RULES.join(', ')}`,
      );
    }
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const game = readGameFile(args.positional[0]);
    const signal = readSignalFile(args.positional[1], game);
    const result = induceOutcome(game, signal, {
      tie: tie as TieRule,
      objective: args.values.get('objective') ?? 'designer',
    });
    if (args.flags.has('json')) {
      const { outcomeTable: _unused, ...rest } = result;
      out.stdout(
        toJson({
          command: 'induce',
          game: game.name,
          signalName: signal.name,
          ...rest,
        }),
      );
      return 0;
    }
    out.stdout(render(game, signal.name, result, display));
    return 0;
  },
};

function render(
  game: BaseGame,
  signalName: string,
  r: InducedOutcome,
  display: Display,
): string {
  const typed = game.hasTypes;
  const receiver = game.players[0];
  const title = signalName ? `the signal "${signalName}"` : 'the signal';
  const lines = [
    heading(game, `what ${title} induces`),
    `  value     ${show(r.value, display)}   (${r.objective}, exact)`,
    `  receiver  ${show(r.receiverValue, display)}   (${receiver.name}'s expected payoff)`,
    `  ties      ${r.tieRule}`,
    '',
    'Each signal: its probability, the posterior, the best responses',
    table(
      [
        'signal',
        ...(typed ? ['type'] : []),
        'probability',
        ...game.states.map((x) => `µ(${x})`),
        'best responses',
        'action',
        'value',
      ],
      r.responses.map((s) => [
        s.signal,
        ...(typed ? [s.type ?? ''] : []),
        show(s.probability, display),
        ...game.states.map((_, k) =>
          s.posterior ? show(s.posterior[k].p, display) : '-',
        ),
        s.posterior ? s.bestResponses.join(', ') : 'never sent: skipped',
        s.action ?? '-',
        show(s.value, display),
      ]),
    ),
  ];
  if (r.responses.some((s) => s.tie)) {
    lines.push(
      '',
      `Ties among best responses were broken by the rule ${r.tieRule}.`,
    );
  }
  lines.push('');
  lines.push(typed ? 'Induced outcome π̃(θ, t, a)' : 'Induced outcome π̃(θ, a)');
  lines.push(
    table(
      ['state', ...(typed ? ['type'] : []), receiver.name, 'p'],
      r.outcome.map((c) => [
        c.state,
        ...(typed ? [(c.types ?? []).join(',')] : []),
        ...c.actions,
        show(c.p, display),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    `Induced outcome re-checked exactly as a BCE: ${r.verified ? 'yes' : 'NO'}`,
  );
  return lines.join('\n');
}
