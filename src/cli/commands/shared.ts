/** Pieces of rendering and option handling shared by several commands. */

import type { OutcomeCell, PricedObedience } from '../../bce/bce.js';
import type { InformationStructure } from '../../bce/information-structure.js';
import type { BaseGame } from '../../game/game.js';
import { InputError } from '../../io/input-error.js';
import type { LpMethod, LpOptions } from '../../lp/model.js';
import type { ParsedArgs } from '../args.js';
import { show, table, type Display } from '../render.js';
import type { Command } from './command.js';

/** The one game file `command` takes; any other count is refused. */
export function oneGameFile(args: ParsedArgs, command: Command): string {
  if (args.positional.length !== 1) {
    throw new InputError(
      command.name,
      `expected one game file, got ${args.positional.length}` +
        (args.positional.length > 0
          ? `: ${args.positional.map((a) => JSON.stringify(a)).join(', ')}`
          : ''),
      `usage: ${command.usage}`,
    );
  }
  return args.positional[0];
}

/**
 * Which one of the options `modes` (such as --max, --min, --range) was
 * given; none or several are refused with `problem` and `fix`.
 */
export function oneMode<M extends string>(
  args: ParsedArgs,
  command: Command,
  modes: readonly M[],
  problem: string,
  fix: string,
): M {
  const asked = modes.filter((k) => args.values.has(k));
  if (asked.length !== 1) {
    throw new InputError(command.name, problem, fix);
  }
  return asked[0];
}

/** A title line: the game's name, when it has one, then `what`. */
export function heading(game: BaseGame, what: string): string {
  return `${game.name ? `${game.name}: ` : ''}${what}`;
}

/** How an answer was certified, in words. */
export function certifiedHow(certificate: {
  readonly exact: boolean;
  readonly method: LpMethod;
}): string {
  return certificate.exact
    ? `exact, certified by ${certificate.method}`
    : `FLOAT, not certified (${certificate.method})`;
}

/** The nonzero cells of an outcome π as a titled table. */
export function outcomeLines(
  game: BaseGame,
  outcome: readonly OutcomeCell[],
  display: Display,
): string[] {
  const typed = game.hasTypes;
  return [
    typed ? 'Outcome π(θ, t, a)' : 'Outcome π(θ, a)',
    table(
      [
        'state',
        ...(typed ? ['types'] : []),
        ...game.players.map((p) => p.name),
        'p',
      ],
      outcome.map((c) => [
        c.state,
        ...(typed ? [(c.types ?? []).join(',')] : []),
        ...c.actions,
        show(c.p, display),
      ]),
    ),
  ];
}

/**
 * The binding obedience constraints with their dual prices, titled
 * `Binding KIND constraints` (KIND such as "obedience").
 */
export function bindingLines(
  game: BaseGame,
  kind: string,
  binding: readonly PricedObedience[],
  display: Display,
): string[] {
  if (binding.length === 0) return [`Binding ${kind} constraints: none`];
  const typed = game.hasTypes;
  return [
    `Binding ${kind} constraints (with dual prices)`,
    table(
      ['player', ...(typed ? ['type'] : []), 'told', 'tempted by', 'price'],
      binding.map((b) => [
        b.player,
        ...(typed ? [b.type ?? ''] : []),
        b.recommended,
        b.deviation,
        show(b.price, display),
      ]),
    ),
  ];
}

/** `--engine` and `--float` as LP options. */
export function lpOptions(args: ParsedArgs): LpOptions {
  const engine = args.values.get('engine') ?? 'auto';
  if (engine !== 'auto' && engine !== 'exact') {
    throw new InputError(
      '--engine',
      `"${engine}" is not an engine`,
      'use --engine auto (HiGHS, then exact certification) or --engine exact (exact simplex)',
    );
  }
  return { engine, arithmetic: args.flags.has('float') ? 'float' : 'exact' };
}

/** The recommendation kernel and the posterior of each recommendation. */
export function renderInformationStructure(
  game: BaseGame,
  s: InformationStructure,
  display: Display,
): string {
  const typed = game.hasTypes;
  const lines = [
    typed
      ? 'Information structure: recommend a with probability π̂(a | θ, t)'
      : 'Information structure: recommend a with probability π̂(a | θ)',
    table(
      ['state', ...(typed ? ['types'] : []), 'recommendation', 'π̂'],
      s.kernel.map((e) => [
        e.state,
        ...(typed ? [(e.types ?? []).join(',')] : []),
        e.recommendation.join(','),
        show(e.p, display),
      ]),
    ),
    '',
    'What each recommendation tells its receiver (posterior over states)',
    table(
      [
        'player',
        ...(typed ? ['type'] : []),
        'told',
        'probability',
        ...game.states.map((x) => `µ(${x})`),
      ],
      s.recommendations.map((r) => [
        r.player,
        ...(typed ? [r.type ?? ''] : []),
        r.action,
        show(r.probability, display),
        ...r.posterior.map((q) => show(q.p, display)),
      ]),
    ),
  ];
  return lines.join('\n');
}

/** The `--plot` file, which must end in .svg (pictures are SVG). */
export function svgPlotPath(args: ParsedArgs): string | undefined {
  const plot = args.values.get('plot');
  if (plot !== undefined && !plot.toLowerCase().endsWith('.svg')) {
    throw new InputError(
      '--plot',
      `"${plot}" does not end in .svg`,
      'pictures are written as SVG: --plot FILE.svg',
    );
  }
  return plot;
}
