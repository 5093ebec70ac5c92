/**
 * The value function of persuasion (Kamenica and Gentzkow 2011, sec. II).
 *
 * At a belief µ ∈ Δ(Θ) receiver i's best responses are
 *
 *   BR_i(µ) = argmax_b Σ_θ µ(θ) u_i(b, θ),
 *
 * the tie rule (see problem.ts) picks one profile a*(µ) from ×_i BR_i(µ),
 * and the sender's value is
 *
 *   V(µ) = Σ_θ µ(θ) w(a*(µ), θ).
 *
 * Under `sender-preferred` V is upper semicontinuous and its concave
 * envelope at µ0 is the sender's best value; under the other rules the
 * envelope of V's upper semicontinuous hull is a supremum that may not be
 * attained (concavification.ts). Everything here is exact: a receiver
 * exactly indifferent at µ is indifferent, whatever µ's decimals.
 */

import type { BaseGame } from '../game/game.js';
import { ZERO, sum, type Rational } from '../numbers/rational.js';
import { checkDistribution } from './plausibility.js';
import {
  persuasionProblem,
  profileActions,
  type PersuasionProblem,
  type PersuasionSpec,
} from './problem.js';

/** What the receivers do at one belief. */
export interface BeliefResponse {
  /** The flat action profile the tie rule selects. */
  readonly profile: number;
  /** For each receiver, her best responses at µ (action indices). */
  readonly bestResponses: readonly (readonly number[])[];
  /** V(µ): the objective w (not ŵ) at µ under the selected profile. */
  readonly value: Rational;
}

/** E_µ[w(a, ·)]: the objective of profile a at belief µ. */
export function objectiveAt(
  problem: PersuasionProblem,
  a: number,
  µ: readonly Rational[],
): Rational {
  return sum(
    µ.map((p, s) =>
      p.isZero() ? ZERO : p.mul(problem.objective.weights[s][a]),
    ),
  );
}

/** E_µ[ŵ(a, ·)]: the sign-adjusted objective (larger is better). */
function adjustedAt(
  problem: PersuasionProblem,
  a: number,
  µ: readonly Rational[],
): Rational {
  return sum(
    µ.map((p, s) => (p.isZero() ? ZERO : p.mul(problem.adjusted[s][a]))),
  );
}

/** The receivers' best responses at µ and the profile the tie rule picks. */
export function respond(
  problem: PersuasionProblem,
  µ: readonly Rational[],
): BeliefResponse {
  const bestResponses = problem.receivers.map((r) => {
    let best: Rational | null = null;
    let actions: number[] = [];
    r.actions.forEach((_, b) => {
      const u = sum(
        µ.map((p, s) => (p.isZero() ? ZERO : p.mul(r.utility[s][b]))),
      );
      const c = best === null ? 1 : u.cmp(best);
      if (c > 0) {
        best = u;
        actions = [b];
      } else if (c === 0) {
        actions.push(b);
      }
    });
    return actions;
  });

  let profile: number;
  if (problem.tie === 'receiver-order') {
    profile = flatIndex(
      problem,
      bestResponses.map((b) => b[0]),
    );
  } else {
    // Profiles of ×_i BR_i(µ) in increasing flat order, so the first of
    // equally good profiles is kept.
    const sign = problem.tie === 'sender-preferred' ? 1 : -1;
    profile = -1;
    let best = ZERO;
    for (const a of product(problem, bestResponses)) {
      const v = adjustedAt(problem, a, µ);
      if (profile < 0 || v.cmp(best) * sign > 0) {
        profile = a;
        best = v;
      }
    }
  }
  return {
    profile,
    bestResponses,
    value: objectiveAt(problem, profile, µ),
  };
}

/** The flat profiles of ×_i sets[i], in increasing order. */
export function product(
  problem: PersuasionProblem,
  sets: readonly (readonly number[])[],
): number[] {
  let profiles = [0];
  problem.receivers.forEach((r, i) => {
    const next: number[] = [];
    for (const a of profiles) {
      for (const b of sets[i]) next.push(a * r.actions.length + b);
    }
    profiles = next;
  });
  return profiles;
}

function flatIndex(problem: PersuasionProblem, actions: readonly number[]) {
  return actions.reduce(
    (a, b, i) => a * problem.receivers[i].actions.length + b,
    0,
  );
}

/** V(µ) with the receivers' actions by name, as `valueFunction` returns it. */
export interface ValueAtBelief {
  /** The selected action of each receiver. */
  readonly actions: readonly string[];
  /** Each receiver's best responses at µ, by name. */
  readonly bestResponses: readonly (readonly string[])[];
  /** V(µ), exact. */
  readonly value: Rational;
}

/**
 * V(µ) for a game and a belief given state by state, under the tie rule
 * of `spec`. Throws an `InputError` when µ is not a distribution over the
 * game's states.
 *
 * @example
 * ```ts
 * import { parseGameJson, Rational, valueFunction } from 'revelation';
 * const game = parseGameJson({
 *   states: ['guilty', 'innocent'],
 *   prior: { guilty: '3/10', innocent: '7/10' },
 *   players: [{ name: 'judge', actions: ['acquit', 'convict'] }],
 *   payoffs: { guilty: [[0], [1]], innocent: [[1], [0]] },
 *   designer: { guilty: [0, 1], innocent: [0, 1] },
 * });
 * // At belief 1/2 the judge is indifferent; ties favour the prosecutor.
 * const half = Rational.of(1, 2);
 * valueFunction(game, [half, half]).actions; // ['convict']
 * valueFunction(game, [half, half], { tie: 'sender-worst' }).actions; // ['acquit']
 * ```
 */
export function valueFunction(
  game: BaseGame,
  µ: readonly Rational[],
  spec: PersuasionSpec = {},
): ValueAtBelief {
  checkDistribution(game.states, µ, 'belief');
  const problem = persuasionProblem(game, spec);
  const r = respond(problem, µ);
  return {
    actions: profileActions(problem, r.profile),
    bestResponses: r.bestResponses.map((set, i) =>
      set.map((b) => problem.receivers[i].actions[b]),
    ),
    value: r.value,
  };
}
