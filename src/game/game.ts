/**
 * The base game G = (N, Θ, µ0, (A_i), (u_i), v) and a baseline information
 * structure S = ((T_i), ψ) (Bergemann and Morris 2016, "Bayes Correlated
 * Equilibrium and the Comparison of Information Structures in Games").
 *
 * - Θ: finite states with a common prior µ0 ∈ Δ(Θ) (zero entries allowed).
 * - Players i = 1..N with finite action sets A_i; an action profile
 *   a = (a_1, …, a_N) is stored as one flat index in mixed radix, player 1
 *   most significant, so the flat order is the nesting order of the game
 *   file (`payoffs[θ][a_1][a_2]…`).
 * - u_i(a, θ) in `payoffs[θ][a][i]`; the designer's v(a, θ) in
 *   `designer[θ][a]` when the game has one.
 * - Types: T_i finite; ψ(t | θ) is kept sparse, as the list of type profiles
 *   with positive probability in each state. A game without types has one
 *   uninformative type per player: ψ((0, …, 0) | θ) = 1.
 * - Type-dependent action sets (from Gambit extensive forms): when
 *   `actionSets` is present, a player of type t_i may only take the actions
 *   `actionSets[i][t_i]`; outcomes put no mass elsewhere.
 *
 * A `BaseGame` is produced by the readers in `io/` after full validation and
 * is trusted everywhere else.
 */

import type { Rational } from '../numbers/rational.js';

/** A player: a name, actions and (possibly one uninformative) types. */
export interface Player {
  readonly name: string;
  readonly actions: readonly string[];
  /** Type names; a game without types gives each player one type, `""`. */
  readonly types: readonly string[];
}

/** One type profile t = (t_1, …, t_N) with its probability ψ(t | θ) > 0. */
export interface TypeProfileWeight {
  /** Type indices, one per player. */
  readonly types: readonly number[];
  readonly p: Rational;
}

/** A validated finite base game with an optional baseline signal. */
export interface BaseGame {
  readonly name: string;
  readonly states: readonly string[];
  /** µ0(θ), summing to exactly 1. */
  readonly prior: readonly Rational[];
  readonly players: readonly Player[];
  /** u_i(a, θ): `payoffs[θ][a][i]`, a the flat profile index. */
  readonly payoffs: readonly (readonly (readonly Rational[])[])[];
  /** v(a, θ): `designer[θ][a]`, or null when the game has no designer. */
  readonly designer: readonly (readonly Rational[])[] | null;
  /** ψ(· | θ): the type profiles of positive probability in each state. */
  readonly signal: readonly (readonly TypeProfileWeight[])[];
  /** Whether the file gave types (false: one uninformative type each). */
  readonly hasTypes: boolean;
  /**
   * Named outcomes (Gambit files): the label of the outcome reached at
   * (θ, a), or null where none is named; null when the source names none.
   */
  readonly outcomeLabels: readonly (readonly (string | null)[])[] | null;
  /**
   * Type-dependent action sets: `actionSets[i][t_i]` lists the action
   * indices available to player i of type t_i; absent when every type has
   * every action.
   */
  readonly actionSets?: readonly (readonly (readonly number[])[])[];
}

/** |A| = Π_i |A_i|, the number of action profiles. */
export function profileCount(game: BaseGame): number {
  let count = 1;
  for (const p of game.players) count *= p.actions.length;
  return count;
}

/** The stride of each player's action in the flat profile index. */
export function profileStrides(game: BaseGame): number[] {
  const strides = new Array<number>(game.players.length);
  let stride = 1;
  for (let i = game.players.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= game.players[i].actions.length;
  }
  return strides;
}

/** The action indices (a_1, …, a_N) of a flat profile index. */
export function decodeProfile(game: BaseGame, a: number): number[] {
  const out = new Array<number>(game.players.length);
  for (let i = game.players.length - 1; i >= 0; i--) {
    const k = game.players[i].actions.length;
    out[i] = a % k;
    a = Math.floor(a / k);
  }
  return out;
}

/** The flat profile index of action indices (a_1, …, a_N). */
export function encodeProfile(
  game: BaseGame,
  actions: readonly number[],
): number {
  let a = 0;
  for (let i = 0; i < game.players.length; i++) {
    a = a * game.players[i].actions.length + actions[i];
  }
  return a;
}

/** Whether player i of type t may take action k. */
export function actionAvailable(
  game: BaseGame,
  i: number,
  t: number,
  k: number,
): boolean {
  return game.actionSets ? game.actionSets[i][t].includes(k) : true;
}
