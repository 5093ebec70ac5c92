/**
 * The durable-good sale with commitment: the seller commits at the start to
 * a T-period direct mechanism.
 *
 * A direct mechanism asks the buyer his value once and assigns, to a report
 * v, the chance q_t(v) ≥ 0 that the good changes hands in period t
 * (Σ_t q_t(v) ≤ 1) and an expected payment P(v), in period-1 money.
 * (Asking once is without loss: with commitment the seller can ask at the
 * start what she would learn later, by the revelation principle.) A buyer
 * of value v reporting v' gets Σ_t δ^{t−1} q_t(v') v − P(v'). The LP is
 *
 *   max  Σ_v µ0(v) P(v)
 *   s.t. Σ_t q_t(v) ≤ 1                                   (one unit)
 *        Σ_t δ^{t−1} q_t(v) v − P(v) ≥ 0                  (participation)
 *        Σ_t δ^{t−1} q_t(v) v − P(v)
 *            ≥ Σ_t δ^{t−1} q_t(v') v − P(v')              (truth)
 *
 * Only the discounted chance of trade Q(v) = Σ_t δ^{t−1} q_t(v) ∈ [0, 1]
 * enters, so the problem is the one-period one, whose optimum is a posted
 * price in period 1 (Riley and Zeckhauser 1983; Stokey 1979 for the
 * durable good): revenue max_j v_j Pr(v ≥ v_j). The tests check the LP
 * against that formula. The LP is solved by `solveLp` and certified.
 */

import { solveLp } from '../lp/solve.js';
import type {
  LinearProgram,
  LpMethod,
  LpOptions,
  LpRow,
  LpStatus,
  LpVariable,
} from '../lp/model.js';
import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';
import { valueLabel, type DurableProblem } from './problem.js';

/** The commitment LP with the meaning of its columns. */
export interface CommitmentProgram {
  readonly lp: LinearProgram;
  /** Column of q_t(v): trade[v][t − 1]. */
  readonly trade: readonly (readonly number[])[];
  /** Column of P(v). */
  readonly payment: readonly number[];
}

/** What a report buys under the optimal mechanism. */
export interface CommitmentEntry {
  readonly value: Rational;
  /** q_t(v) for t = 1..T. */
  readonly trade: readonly Rational[];
  /** P(v), in period-1 money. */
  readonly payment: Rational;
  /** U(v) = Σ_t δ^{t−1} q_t(v) v − P(v). */
  readonly utility: Rational;
}

/** The commitment answer. */
export interface CommitmentResult {
  readonly status: LpStatus;
  readonly value: Rational | null;
  readonly mechanism: readonly CommitmentEntry[];
  /** The mechanism passed the independent exact re-check. */
  readonly verified: boolean;
  readonly certificate: {
    readonly exact: boolean;
    readonly method: LpMethod;
    readonly notes: readonly string[];
  };
  readonly size: { readonly variables: number; readonly rows: number };
}

/** The LP over T-period direct mechanisms. */
export function commitmentProgram(problem: DurableProblem): CommitmentProgram {
  const { values: v, prior: mu, delta, horizon: T } = problem;
  const n = v.length;
  const variables: LpVariable[] = [];
  const trade = v.map((x) =>
    Array.from({ length: T }, (_, t) => {
      variables.push({
        name: `q${t + 1}[${valueLabel(x)}]`,
        lower: ZERO,
        upper: null,
        cost: ZERO,
      });
      return variables.length - 1;
    }),
  );
  const payment = v.map((x, i) => {
    variables.push({
      name: `pay[${valueLabel(x)}]`,
      lower: null,
      upper: null,
      cost: mu[i],
    });
    return variables.length - 1;
  });
  const discounts: Rational[] = [ONE];
  for (let t = 1; t < T; t++) discounts.push(discounts[t - 1].mul(delta));

  // A buyer of value i reporting j: (indices, coefficients) of his payoff.
  const payoff = (i: number, j: number) => ({
    indices: [...trade[j], payment[j]],
    coefficients: [...discounts.map((d) => d.mul(v[i])), ONE.neg()],
  });

  const rows: LpRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      name: `unit[${valueLabel(v[i])}]`,
      indices: trade[i],
      coefficients: trade[i].map(() => ONE),
      lower: null,
      upper: ONE,
    });
    rows.push({
      name: `participate[${valueLabel(v[i])}]`,
      ...payoff(i, i),
      lower: ZERO,
      upper: null,
    });
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const own = payoff(i, i);
      const lie = payoff(i, j);
      rows.push({
        name: `truth[${valueLabel(v[i])}→${valueLabel(v[j])}]`,
        indices: [...own.indices, ...lie.indices],
        coefficients: [
          ...own.coefficients,
          ...lie.coefficients.map((c) => c.neg()),
        ],
        lower: ZERO,
        upper: null,
      });
    }
  }
  return { lp: { sense: 'maximize', variables, rows }, trade, payment };
}

/** The revenue-maximising mechanism with commitment, certified. */
export async function solveCommitment(
  problem: DurableProblem,
  options: LpOptions = {},
): Promise<CommitmentResult> {
  const program = commitmentProgram(problem);
  const solution = await solveLp(program.lp, options);
  const base = {
    certificate: {
      exact: solution.exact,
      method: solution.method,
      notes: solution.notes,
    },
    size: {
      variables: program.lp.variables.length,
      rows: program.lp.rows.length,
    },
  };
  if (solution.status !== 'optimal' || !solution.x || !solution.value) {
    return {
      ...base,
      status: solution.status,
      value: null,
      mechanism: [],
      verified: false,
    };
  }
  const x = solution.x;
  const { values: v, delta } = problem;
  const discountOf = (t: number) => {
    let d = ONE;
    for (let s = 0; s < t; s++) d = d.mul(delta);
    return d;
  };
  const chance = (j: number) =>
    sum(program.trade[j].map((c, t) => discountOf(t).mul(x[c])));
  const mechanism = v.map((value, i) => {
    const trade = program.trade[i].map((c) => x[c]);
    const payment = x[program.payment[i]];
    return {
      value,
      trade,
      payment,
      utility: chance(i).mul(value).sub(payment),
    };
  });

  // Re-check in conditional form, independently of the LP rows.
  let verified = mechanism.every(
    (m) =>
      m.utility.sign() >= 0 &&
      m.trade.every((q) => q.sign() >= 0) &&
      sum(m.trade).le(ONE),
  );
  for (let i = 0; i < v.length && verified; i++) {
    for (let j = 0; j < v.length; j++) {
      const lie = chance(j).mul(v[i]).sub(mechanism[j].payment);
      if (lie.gt(mechanism[i].utility)) verified = false;
    }
  }
  const revenue = sum(mechanism.map((m, i) => problem.prior[i].mul(m.payment)));
  verified = verified && revenue.equals(solution.value);
  if (solution.exact && !verified) {
    throw new Error(
      'internal error: a certified commitment optimum failed the exact ' +
        're-check; please report this problem',
    );
  }
  return {
    ...base,
    status: 'optimal',
    value: solution.value,
    mechanism,
    verified,
  };
}
