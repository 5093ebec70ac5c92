/**
 * The seller's future self as a receiver of Bayesian persuasion.
 *
 * After a period-1 device outputs a message and the good is unsold, the
 * seller's next self holds the posterior that the message induces and
 * chooses a continuation plan ℓ (in the last period: a posted price). If a
 * plan ℓ earns r_ℓ(v) per unit of buyer mass of value v (so the future
 * revenue of a message is Σ_v π(v, ℓ) r_ℓ(v), linear in the joint mass
 * π(v, ℓ) = Pr(value v, no sale, message ℓ)), then the future self follows
 * the recommendation ℓ exactly when
 *
 *   Σ_v π(v, ℓ) [r_ℓ(v) − r_d(v)] ≥ 0     for every other plan d,
 *
 * which is the obedience constraint of a one-player persuasion problem
 * (Kamenica and Gentzkow 2011) with states Θ = buyer values, prior µ0,
 * actions = plans and receiver payoff u(ℓ, v) = r_ℓ(v). We build that
 * one-player `BaseGame` and take its rows from `obedienceRows`, the same
 * builder the BCE and persuasion LPs use; only the column map is ours.
 * The only difference from persuasion is that the masses π(v, ·) add up
 * to µ0(v) minus the mass sold in period 1, not to µ0(v): the martingale
 * rows are replaced by the device's own feasibility rows.
 */

import type { BaseGame } from '../game/game.js';
import type { LpRow } from '../lp/model.js';
import { obedienceRows, type ObedienceConstraint } from '../bce/obedience.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import { valueLabel, type DurableProblem } from './problem.js';

/** A continuation the future seller may be told to follow. */
export interface ContinuationPlan {
  /** Short name, e.g. `price 2`. */
  readonly name: string;
  /** r_ℓ(v): the future revenue per unit mass of value v, discounted to the future period. */
  readonly revenue: readonly Rational[];
  /** u_ℓ(v): the continuation utility of a buyer of value v, same units. */
  readonly utility: readonly Rational[];
  /** What the plan does, in words, for display. */
  readonly description: string;
}

/** The name of the future seller in the one-player game. */
export const FUTURE_SELLER = 'future seller';

/**
 * The last-period plans: post one of the values v_j as a price. Buyers of
 * value at least v_j buy: r(v) = v_j·[v ≥ v_j], u(v) = max(v − v_j, 0).
 * Prices other than the values are never better for the seller and give
 * no buyer more (see the mediated module header).
 */
export function lastPeriodPlans(problem: DurableProblem): ContinuationPlan[] {
  return problem.values.map((p) => ({
    name: `price ${p}`,
    revenue: problem.values.map((v) => (v.ge(p) ? p : ZERO)),
    utility: problem.values.map((v) => (v.ge(p) ? v.sub(p) : ZERO)),
    description: `post the price ${p}`,
  }));
}

/** The one-player game of the future seller choosing among `plans`. */
export function futureSellerGame(
  problem: DurableProblem,
  plans: readonly ContinuationPlan[],
): BaseGame {
  return {
    name: 'future seller',
    states: problem.values.map(valueLabel),
    prior: problem.prior,
    players: [
      {
        name: FUTURE_SELLER,
        actions: plans.map((p) => p.name),
        types: [''],
      },
    ],
    payoffs: problem.values.map((_, v) => plans.map((p) => [p.revenue[v]])),
    designer: null,
    signal: problem.values.map(() => [{ types: [0], p: ONE }]),
    hasTypes: false,
    outcomeLabels: null,
  };
}

/**
 * The future seller's obedience rows over the columns π(v, ℓ), from
 * `obedienceRows` on `futureSellerGame`. `column(v, ℓ)` is the LP column
 * of π(v, ℓ).
 */
export function futureSellerObedience(
  problem: DurableProblem,
  plans: readonly ContinuationPlan[],
  column: (value: number, plan: number) => number,
): { rows: LpRow[]; constraints: ObedienceConstraint[] } {
  const game = futureSellerGame(problem, plans);
  return obedienceRows(game, (state, _k, profile) => column(state, profile));
}
