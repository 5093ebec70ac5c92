/**
 * Comparative statics in information: more baseline information, fewer
 * equilibrium outcomes (Bergemann and Morris 2016).
 *
 * Given one base game G under two baseline structures S and S', we ask
 * whether either is a garbling of the other (garbling.ts) and compute the
 * interval [min, max] of an objective over BCE(G, S) and over BCE(G, S').
 * When S' is a garbling of S, BCE(G, S) ⊆ BCE(G, S') on states and actions,
 * so the interval under S lies inside the interval under S'; the result
 * records that containment as a check (`nested`). Objectives depend only on
 * (θ, a), which is what makes intervals under different type spaces
 * comparable at all.
 *
 * The two games must agree on everything but their types and signal:
 * states, prior, players, actions, payoffs, designer table and outcome
 * names. Type-dependent action sets (Gambit games whose players have
 * different actions at different information sets) are refused: there a
 * type changes what a player can do, not only what she knows.
 */

import { parseStatistic } from '../bce/statistics.js';
import { bceRange, type BceRange } from '../bce/bce.js';
import type { BaseGame } from '../game/game.js';
import { InputError } from '../io/input-error.js';
import type { LpOptions } from '../lp/model.js';
import type { Rational } from '../numbers/rational.js';
import { findGarbling, type GarblingResult } from './garbling.js';

/** How two baseline structures are ordered by garbling. */
export type InformationOrder =
  /** The second is a garbling of the first, not conversely. */
  | 'first-more-informed'
  /** The first is a garbling of the second, not conversely. */
  | 'second-more-informed'
  /** Each is a garbling of the other. */
  | 'equivalent'
  /** Neither is a garbling of the other (as far as the LP shows). */
  | 'not-comparable';

/** The answer of `compareInformation`. */
export interface InformationComparison {
  readonly objective: string;
  readonly order: InformationOrder;
  /** Is the second structure a garbling of the first? */
  readonly secondFromFirst: GarblingResult;
  /** Is the first structure a garbling of the second? */
  readonly firstFromSecond: GarblingResult;
  /** The interval of the objective over BCE under the first structure. */
  readonly first: BceRange;
  /** The interval under the second structure. */
  readonly second: BceRange;
  /**
   * When one structure is a garbling of the other, whether the interval of
   * the more informed one lies inside the other's (theory says it must);
   * null when not comparable or when a range is not optimal.
   */
  readonly nested: boolean | null;
}

/** Options for `compareInformation`. */
export interface CompareOptions extends LpOptions {
  readonly objective: string;
}

/**
 * Compares two baseline information structures of one base game: which is
 * a garbling of which, and the BCE interval of an objective under each.
 */
export async function compareInformation(
  first: BaseGame,
  second: BaseGame,
  options: CompareOptions,
): Promise<InformationComparison> {
  requireSameBaseGame(first, second);
  parseStatistic(first, options.objective);
  const lp: LpOptions = { engine: options.engine };
  const secondFromFirst = await findGarbling(first, second, lp);
  const firstFromSecond = await findGarbling(second, first, lp);
  const a = secondFromFirst.status === 'garbling';
  const b = firstFromSecond.status === 'garbling';
  const order: InformationOrder =
    a && b
      ? 'equivalent'
      : a
        ? 'first-more-informed'
        : b
          ? 'second-more-informed'
          : 'not-comparable';

  const firstRange = await bceRange(first, options);
  const secondRange = await bceRange(second, options);
  return {
    objective: firstRange.objective,
    order,
    secondFromFirst,
    firstFromSecond,
    first: firstRange,
    second: secondRange,
    nested: nestedAsTheorySays(order, firstRange, secondRange),
  };
}

/** Whether the intervals nest as the order says (null if not applicable). */
function nestedAsTheorySays(
  order: InformationOrder,
  first: BceRange,
  second: BceRange,
): boolean | null {
  if (order === 'not-comparable') return null;
  if (!first.min || !first.max || !second.min || !second.max) return null;
  const inside = (inner: BceRange, outer: BceRange) =>
    (outer.min as Rational).le(inner.min as Rational) &&
    (inner.max as Rational).le(outer.max as Rational);
  if (order === 'first-more-informed') return inside(first, second);
  if (order === 'second-more-informed') return inside(second, first);
  return inside(first, second) && inside(second, first);
}
/**
 * Throws an `InputError` naming the first thing, other than types and
 * signal, in which the two games differ.
 */
export function requireSameBaseGame(first: BaseGame, second: BaseGame): void {
  const differ = (
    what: string,
    fix = 'compare two versions of one game that differ only in "types" and "signal"',
  ) => {
    throw new InputError(
      'second game',
      `differs from the first in ${what}`,
      fix,
    );
  };
  const sameList = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((v, k) => v === y[k]);

  if (!sameList(first.states, second.states)) differ('its states');
  first.prior.forEach((p, s) => {
    if (!p.equals(second.prior[s]))
      differ(`the prior of state "${first.states[s]}"`);
  });
  if (first.players.length !== second.players.length)
    differ('its number of players');
  first.players.forEach((p, i) => {
    const q = second.players[i];
    if (p.name !== q.name) differ(`the name of player ${i + 1}`);
    if (!sameList(p.actions, q.actions)) differ(`the actions of "${p.name}"`);
  });
  first.payoffs.forEach((byProfile, s) =>
    byProfile.forEach((u, a) =>
      u.forEach((x, i) => {
        if (!x.equals(second.payoffs[s][a][i])) {
          differ(`the payoffs in state "${first.states[s]}"`);
        }
      }),
    ),
  );
  if ((first.designer === null) !== (second.designer === null)) {
    differ('having a designer table');
  }
  const designer = second.designer;
  if (first.designer && designer) {
    first.designer.forEach((row, s) =>
      row.forEach((v, a) => {
        if (!v.equals(designer[s][a])) {
          differ(`the designer table in state "${first.states[s]}"`);
        }
      }),
    );
  }
  const labels = (g: BaseGame) => JSON.stringify(g.outcomeLabels);
  if (labels(first) !== labels(second)) differ('its outcome names');
  for (const [g, which] of [
    [first, 'first'],
    [second, 'second'],
  ] as const) {
    if (g.actionSets) {
      throw new InputError(
        `${which} game`,
        'has type-dependent action sets, so its types change what players ' +
          'can do, not only what they know',
        'comparing information needs every type of a player to have the same actions',
      );
    }
  }
}
