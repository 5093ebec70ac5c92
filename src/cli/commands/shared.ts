/** Pieces of rendering and option handling shared by several commands. */

import type { InformationStructure } from '../../bce/information-structure.js';
import type { BaseGame } from '../../game/game.js';
import { InputError } from '../../io/input-error.js';
import type { LpOptions } from '../../lp/model.js';
import type { ParsedArgs } from '../args.js';
import { show, table, type Display } from '../render.js';

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
