/**
 * The incentive rows shared by the durable-good LPs over direct
 * mechanisms (commitment.ts) and period-1 devices (mediated.ts).
 *
 * Given the buyer's payoff u(i, j) when his value is v_i and he reports
 * v_j, a linear form Σ_c a_c x_c in the LP's columns, the rows are
 *
 *   u(i, i) ≥ 0                                      (participation)
 *   w_own(i, j) u(i, i) − w_lie(i, j) u(i, j) ≥ 0    (truth, j ≠ i)
 *
 * with positive weights w that let a caller whose payoffs are scaled by
 * the prior (mediated.ts: u is µ0(v)·U) compare them on one scale. Rows
 * are named by the values' labels, `participate[v]` and `truth[v→v']`.
 */

import type { LpRow } from '../lp/model.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import { valueLabel } from './problem.js';

/** A linear form in the LP's columns. */
export interface LinearForm {
  readonly indices: readonly number[];
  readonly coefficients: readonly Rational[];
}

/**
 * Participation rows, one per value in order, and truth-telling rows, one
 * per ordered pair (i, j) with i ≠ j in row-major order. `weights(i, j)`
 * gives [w_own, w_lie] for the truth row of i reporting j (default 1, 1).
 */
export function incentiveRows(
  values: readonly Rational[],
  payoff: (i: number, j: number) => LinearForm,
  weights: (i: number, j: number) => readonly [Rational, Rational] = () => [
    ONE,
    ONE,
  ],
): { participation: LpRow[]; truth: LpRow[] } {
  const n = values.length;
  const participation: LpRow[] = [];
  for (let i = 0; i < n; i++) {
    participation.push({
      name: `participate[${valueLabel(values[i])}]`,
      indices: [...payoff(i, i).indices],
      coefficients: [...payoff(i, i).coefficients],
      lower: ZERO,
      upper: null,
    });
  }
  const truth: LpRow[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const own = payoff(i, i);
      const lie = payoff(i, j);
      const [wOwn, wLie] = weights(i, j);
      truth.push({
        name: `truth[${valueLabel(values[i])}→${valueLabel(values[j])}]`,
        indices: [...own.indices, ...lie.indices],
        coefficients: [
          ...own.coefficients.map((c) => c.mul(wOwn)),
          ...lie.coefficients.map((c) => c.mul(wLie).neg()),
        ],
        lower: ZERO,
        upper: null,
      });
    }
  }
  return { participation, truth };
}
