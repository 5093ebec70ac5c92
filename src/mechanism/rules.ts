/**
 * Standard rules a problem file may name instead of tabulating them.
 *
 * - The efficient rule: at each reported profile t, the alternatives that
 *   maximise total value W(x, t) = Σ_i v_i(x, t), tied ones with equal
 *   probability. In a single-item problem this is "the highest value wins,
 *   ties split" (with "unsold" tied in only when the highest value is 0).
 * - VCG payments (Vickrey 1961, Clarke 1971, Groves 1973) with the Clarke
 *   pivot, for a given lottery q:
 *     p_i(t) = max_x Σ_{j≠i} v_j(x, t) − Σ_x q(x | t) Σ_{j≠i} v_j(x, t).
 *   With the efficient rule and private values this is dominant-strategy
 *   incentive compatible and ex post individually rational (for values
 *   and outside options with min_x v_i(x, t) ≥ o_i = 0); in a single-item
 *   problem it is the second-price auction, ties paid in expectation.
 */

import { ONE, Rational, ZERO, max } from '../numbers/rational.js';
import type { MechanismProblem } from './problem.js';

/** q(x | t) of the efficient rule, ties split uniformly. */
export function efficientRule(problem: MechanismProblem): Rational[][] {
  const n = problem.agents.length;
  return problem.prior.map((_, t) => {
    const welfare = problem.alternatives.map((_x, x) => {
      let total = ZERO;
      for (let i = 0; i < n; i++) total = total.add(problem.values[i][t][x]);
      return total;
    });
    const best = welfare.reduce((a, b) => max(a, b));
    const ties = welfare.filter((w) => w.equals(best)).length;
    const share = ONE.div(Rational.int(ties));
    return welfare.map((w) => (w.equals(best) ? share : ZERO));
  });
}

/** Clarke-pivot VCG payments p_i(t) for the lottery `q`. */
export function vcgPayments(
  problem: MechanismProblem,
  q: readonly (readonly Rational[])[],
): Rational[][] {
  const n = problem.agents.length;
  return problem.prior.map((_, t) =>
    problem.agents.map((_agent, i) => {
      const others = problem.alternatives.map((_x, x) => {
        let total = ZERO;
        for (let j = 0; j < n; j++) {
          if (j !== i) total = total.add(problem.values[j][t][x]);
        }
        return total;
      });
      const best = others.reduce((a, b) => max(a, b));
      let expected = ZERO;
      others.forEach((w, x) => {
        expected = expected.add(q[t][x].mul(w));
      });
      return best.sub(expected);
    }),
  );
}
