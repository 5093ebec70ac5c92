/**
 * `revelation sequential GAME --max OBJ | --min OBJ | --check OUTCOME`:
 * sequential information design (Doval and Ely 2020), where the designer
 * chooses the order of moves as well as the information. Parsing and
 * rendering only; the work is `solveSequential` / `checkSequential`.
 */

import type { BaseGame } from '../../game/game.js';
import { readGameFile } from '../../io/game-json.js';
import { InputError } from '../../io/input-error.js';
import { readOutcomeFile } from '../../io/outcome-json.js';
import type { ExtensiveForm } from '../../sequential/extensive-form.js';
import {
  checkSequential,
  solveSequential,
  type SequentialResult,
  type SequentialSettings,
} from '../../sequential/sequential.js';
import { intOption, parseArgs, type ParsedArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import { lpOptions } from './shared.js';

export const sequentialCommand: Command = {
  name: 'sequential',
  summary:
    'best or worst outcome, or a check, when the designer also chooses the order of moves',
  usage:
    'revelation sequential GAME (--max OBJ | --min OBJ | --check OUTCOME) ' +
    '[--threats nash|credible] [--common-order] [--form flow|permutation] ' +
    '[--json] [--decimals N] [--engine auto|exact] [--float]',
  async run(argv, out) {
    const args = parseArgs('sequential', argv, {
      values: ['max', 'min', 'check', 'threats', 'form', 'decimals', 'engine'],
      flags: ['json', 'float', 'common-order'],
    });
    if (args.positional.length !== 1) {
      throw new InputError(
        'revelation sequential',
        `expected one game file, got ${args.positional.length}`,
        `usage: ${sequentialCommand.usage}`,
      );
    }
    const asked = (['max', 'min', 'check'] as const).filter((k) =>
      args.values.has(k),
    );
    if (asked.length !== 1) {
      throw new InputError(
        'revelation sequential',
        'give exactly one of --max OBJ, --min OBJ, --check OUTCOME',
        "OBJ is designer, welfare or a player's name; OUTCOME an outcome file",
      );
    }
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const settings = sequentialSettings(args);
    const game = readGameFile(args.positional[0]);
    const json = args.flags.has('json');

    if (asked[0] === 'check') {
      const outcome = readOutcomeFile(args.values.get('check') as string, game);
      const result = await checkSequential(game, outcome, settings);
      const status =
        result.implementable === null
          ? 'undecided'
          : result.implementable
            ? 'implementable'
            : 'not-implementable';
      if (json) {
        out.stdout(
          toJson({ command: 'sequential', game: game.name, ...result, status }),
        );
        return 0;
      }
      const how = result.certificate.exact
        ? 'decided in exact arithmetic'
        : 'FLOAT, not certified';
      const lines = [
        heading(
          game,
          'can the designer implement the outcome, choosing the order of moves?',
        ),
        `  ${status === 'implementable' ? 'yes: implementable' : status === 'undecided' ? 'undecided: the LP engine failed' : 'no: not implementable'} (${how})`,
        `  threats  ${result.threats}: ${result.claim}`,
        `  orders   ${result.commonOrder ? 'one law for every state (--common-order)' : 'may depend on the state'}`,
        `  as a BCE (simultaneous moves): ${result.bce.consistent ? 'yes' : 'no'}`,
      ];
      for (const f of result.failures) {
        if (f.kind === 'martingale') {
          lines.push(
            `  state ${f.state}: mass ${show(f.actual, display)}, the prior requires ${show(f.required, display)}`,
          );
        } else if (f.kind === 'unavailable') {
          lines.push(
            `  ${f.state}: mass on ${f.actions.join(',')}, which a type cannot play`,
          );
        }
      }
      if (result.extensiveForm) {
        lines.push('', renderForm(game, result.extensiveForm, display));
        lines.push(
          '',
          `extensive form re-verified exactly: ${result.certificate.formVerified ? 'yes' : 'no'}`,
        );
      }
      for (const note of result.certificate.notes) lines.push(`note: ${note}`);
      out.stdout(lines.join('\n'));
      return 0;
    }

    const sense = asked[0] === 'max' ? 'maximize' : 'minimize';
    const objective = args.values.get(asked[0]) as string;
    const result = await solveSequential(game, {
      ...settings,
      objective,
      sense,
    });
    if (json) {
      const { outcomeTable: _unused, ...rest } = result;
      out.stdout(toJson({ command: 'sequential', game: game.name, ...rest }));
      return 0;
    }
    out.stdout(
      [
        heading(
          game,
          `${sense === 'maximize' ? 'best' : 'worst'} outcome for ` +
            `${result.objective} when the designer also chooses the order of moves`,
        ),
        renderResult(game, result, display),
      ].join('\n'),
    );
    return 0;
  },
};

function sequentialSettings(args: ParsedArgs): SequentialSettings {
  const threats = args.values.get('threats') ?? 'nash';
  if (threats !== 'nash' && threats !== 'credible') {
    throw new InputError(
      '--threats',
      `"${threats}" is not a kind of threat`,
      'use --threats nash (exact, Nash equilibrium) or --threats credible ' +
        '(sequentially rational punishments; sufficient, not exact)',
    );
  }
  const form = args.values.get('form') ?? 'flow';
  if (form !== 'flow' && form !== 'permutation') {
    throw new InputError(
      '--form',
      `"${form}" is not a formulation`,
      'use --form flow (the lattice of subsets) or --form permutation (one variable per order)',
    );
  }
  return {
    ...lpOptions(args),
    threats,
    form,
    commonOrder: args.flags.has('common-order'),
  };
}

function heading(game: BaseGame, what: string): string {
  return `${game.name ? `${game.name}: ` : ''}${what}`;
}

function renderResult(
  game: BaseGame,
  r: SequentialResult,
  display: Display,
): string {
  const how = r.certificate.exact
    ? `exact, certified by ${r.certificate.method}`
    : `FLOAT, not certified (${r.certificate.method})`;
  const lines = [
    `  threats  ${r.threats}: ${r.claim}`,
    `  orders   ${r.commonOrder ? 'one law for every state (--common-order)' : 'may depend on the state'}`,
    `  status   ${r.status}`,
  ];
  if (r.value === null) {
    lines.push(`  (${how})`);
    for (const note of r.certificate.notes) lines.push(`  note: ${note}`);
    return lines.join('\n');
  }
  lines.push(`  value    ${show(r.value, display)}   (${how})`);
  lines.push(
    `  BCE      ${show(r.bce.value, display)}   (same objective, simultaneous moves)`,
  );
  lines.push('');
  const typed = game.hasTypes;
  lines.push(typed ? 'Outcome π(θ, t, a)' : 'Outcome π(θ, a)');
  lines.push(
    table(
      [
        'state',
        ...(typed ? ['types'] : []),
        ...game.players.map((p) => p.name),
        'p',
      ],
      r.outcome.map((c) => [
        c.state,
        ...(typed ? [(c.types ?? []).join(',')] : []),
        ...c.actions,
        show(c.p, display),
      ]),
    ),
  );
  if (r.extensiveForm) {
    lines.push('', renderForm(game, r.extensiveForm, display));
  }
  lines.push('');
  if (r.binding.length === 0) {
    lines.push('Binding sequential obedience constraints: none');
  } else {
    lines.push('Binding sequential obedience constraints (with dual prices)');
    lines.push(
      table(
        ['player', ...(typed ? ['type'] : []), 'told', 'tempted by', 'price'],
        r.binding.map((b) => [
          b.player,
          ...(typed ? [b.type ?? ''] : []),
          b.recommended,
          b.deviation,
          show(b.price, display),
        ]),
      ),
    );
  }
  lines.push('');
  lines.push(
    `LP (${r.form} form): ${r.size.variables} variables, ${r.size.rows} rows, ` +
      `${r.size.nonzeros} nonzeros; extensive form re-verified exactly: ` +
      `${r.certificate.outcomeVerified ? 'yes' : 'no'}`,
  );
  for (const note of r.certificate.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

function renderForm(
  game: BaseGame,
  form: ExtensiveForm,
  display: Display,
): string {
  const typed = game.hasTypes;
  const cell = (c: { state: string; types?: readonly string[] }) => [
    c.state,
    ...(typed ? [(c.types ?? []).join(',')] : []),
  ];
  const planRows: string[][] = [];
  for (const plan of form.plans) {
    plan.orders.forEach((o, n) =>
      planRows.push([
        ...(n === 0
          ? [...cell(plan), plan.actions.join(','), show(plan.p, display)]
          : [...cell(plan).map(() => ''), '', '']),
        o.order.join(' → '),
        show(o.p, display),
      ]),
    );
  }
  const lines = [
    `Extensive form: ${form.observation}`,
    table(
      [
        'state',
        ...(typed ? ['types'] : []),
        'recommended',
        'π',
        'order of moves',
        'λ(order | cell)',
      ],
      planRows,
    ),
  ];
  if (form.orderLaw) {
    lines.push(
      '',
      'Common law of the order of moves λ(order), the same in every state',
    );
    lines.push(
      table(
        ['order of moves', 'λ'],
        form.orderLaw.map((o) => [o.order.join(' → '), show(o.p, display)]),
      ),
    );
  }
  lines.push(
    '',
    'Punishments a*_R after a deviation (what the later movers play; ' +
      'announce: the deviation and the state are revealed to them)',
  );
  lines.push(
    table(
      [
        'state',
        ...(typed ? ['types'] : []),
        'recommended',
        'mover',
        'after',
        'plays',
        'later movers',
        'mover gets',
        'how',
      ],
      form.punishments.map((p) => [
        ...cell(p),
        p.actions.join(','),
        p.mover,
        p.after.length ? p.after.join(',') : '-',
        p.deviation,
        p.response.length
          ? p.response.map((x) => `${x.player}:${x.action}`).join(' ')
          : '-',
        show(p.payoff, display),
        p.mode,
      ]),
    ),
  );
  return lines.join('\n');
}
