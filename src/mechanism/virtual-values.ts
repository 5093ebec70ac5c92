/**
 * Discrete virtual values and ironing (Myerson 1981; Elkind 2007,
 * "Designing and learning optimal finite support auctions"), an
 * independent route to the optimal revenue of a single-item problem with
 * independent private values, used to cross-check the LP.
 *
 * One agent with distinct values w_1 < … < w_K of probabilities f_k: let
 * S_k = Σ_{j ≥ k} f_j be the probability of a value at least w_k (S_{K+1} =
 * 0) and R_k = w_k S_k the revenue of the posted price w_k. The points
 * (S_k, R_k) form the revenue curve in quantile space, and the discrete
 * virtual value is the slope of its k-th piece:
 *
 *   φ_k = (R_k − R_{k+1}) / f_k = w_k − (w_{k+1} − w_k) S_{k+1} / f_k,
 *
 * with φ_K = w_K. When φ is not increasing in k (the prior is not
 * regular), ironing replaces the curve by its upper concave envelope; the
 * ironed virtual value φ̄_k is the slope of the envelope over
 * [S_{k+1}, S_k], increasing in k, and equal to φ_k where the envelope
 * touches the curve.
 *
 * With independent types, every Bayesian incentive compatible mechanism
 * with interim participation (outside options 0) earns at most
 * E[Σ_i φ_i Q_i] ≤ E[Σ_i φ̄_i Q_i] ≤ E[max(0, max_i φ̄_i(t_i))], and the
 * mechanism giving the item to a highest positive ironed virtual value
 * (ties split), with each agent paying its threshold
 * p_i = w_k q_k − Σ_{j < k} (w_{j+1} − w_j) q_j (q_j: its winning
 * probability at value w_j against the same t_-i), attains it while being
 * dominant-strategy incentive compatible and ex post individually
 * rational. So the optimum is E[max(0, max_i φ̄_i)] under either pair of
 * switches, and under any no-deficit budget, since these payments are never
 * negative in total when values are not negative.
 */

import { ONE, Rational, ZERO, sum } from '../numbers/rational.js';
import { auditMechanism } from './audit.js';
import {
  decodeTypes,
  replaceType,
  typeStrides,
  type Mechanism,
  type MechanismProblem,
} from './problem.js';

/** Virtual values of one agent, per type in the problem's type order. */
export interface AgentVirtualValues {
  readonly agent: string;
  readonly rows: readonly {
    readonly type: string;
    readonly value: Rational;
    readonly probability: Rational;
    /** φ: the discrete virtual value. */
    readonly virtual: Rational;
    /** φ̄: the ironed virtual value. */
    readonly ironed: Rational;
  }[];
  /** True when ironing changed some virtual value. */
  readonly ironingBinds: boolean;
}

/** The virtual-value cross-check, when it applies. */
export type MyersonCheck =
  | { readonly applies: false; readonly reason: string }
  | {
      readonly applies: true;
      /** E[max(0, max_i φ̄_i(t_i))]. */
      readonly value: Rational;
      readonly agents: readonly AgentVirtualValues[];
      /** The ironed virtual-value mechanism with threshold payments. */
      readonly mechanism: Mechanism;
      /** Its expected revenue, computed from its payments. */
      readonly revenue: Rational;
      /** Whether it passed the exact audit of the problem's constraints. */
      readonly audited: boolean;
    };

/**
 * φ and φ̄ for values `values[k]` of probabilities `probabilities[k]` (in
 * any order, repeats allowed: equal values share their virtual value).
 */
export function virtualValues(
  values: readonly Rational[],
  probabilities: readonly Rational[],
): { virtual: Rational[]; ironed: Rational[] } {
  // Distinct values in increasing order, with their total probability.
  const distinct = [...new Set(values.map((v) => v.toString()))]
    .map((s) => values.find((v) => v.toString() === s) as Rational)
    .sort((a, b) => a.cmp(b));
  const f = distinct.map((w) =>
    sum(probabilities.filter((_, k) => values[k].equals(w))),
  );
  const K = distinct.length;
  const S = new Array<Rational>(K + 1).fill(ZERO);
  for (let k = K - 1; k >= 0; k--) S[k] = S[k + 1].add(f[k]);
  const R = distinct.map((w, k) => w.mul(S[k]));
  R.push(ZERO);
  const slope = (a: number, b: number) => R[a].sub(R[b]).div(S[a].sub(S[b]));
  const phi = distinct.map((_, k) => slope(k, k + 1));

  // Upper concave envelope of the points (S_k, R_k), k = K … 0, walked in
  // increasing S; a point below the chord of its neighbours is dropped.
  const hull: number[] = [];
  for (let k = K; k >= 0; k--) {
    while (
      hull.length >= 2 &&
      slope(hull[hull.length - 1], hull[hull.length - 2]).le(
        slope(k, hull[hull.length - 1]),
      )
    ) {
      hull.pop();
    }
    hull.push(k);
  }
  const ironedDistinct = new Array<Rational>(K);
  for (let h = 0; h + 1 < hull.length; h++) {
    const [high, low] = [hull[h], hull[h + 1]];
    for (let k = low; k < high; k++) ironedDistinct[k] = slope(low, high);
  }
  const index = (v: Rational) => distinct.findIndex((w) => w.equals(v));
  return {
    virtual: values.map((v) => phi[index(v)]),
    ironed: values.map((v) => ironedDistinct[index(v)]),
  };
}

/** Why the virtual-value route does not apply to `problem`, or null. */
export function myersonInapplicable(problem: MechanismProblem): string | null {
  if (!problem.item) return 'not a single-item problem';
  if (!problem.privateValues) return 'values are not private';
  if (!isProduct(problem)) return 'types are not independent';
  const o = problem.objective;
  const isRevenue =
    o.sense === 'maximize' &&
    o.payments.every((d) => d.equals(ONE)) &&
    o.allocation.every((row) => row.every((c) => c.isZero()));
  if (!isRevenue) return 'the objective is not revenue';
  if (problem.participation === 'none')
    return 'there is no participation constraint';
  if (problem.agents.some((a) => a.outside.some((x) => !x.isZero()))) {
    return 'some outside option is not 0';
  }
  if (problem.budget === 'balanced') return 'the budget must balance';
  const negative = problem.values.some((table) =>
    table.some((row) => row.some((v) => v.sign() < 0)),
  );
  if (negative && problem.budget !== 'none') {
    return 'a value is negative and a budget constraint is set';
  }
  return null;
}

/**
 * The optimal revenue by ironed virtual values, the mechanism that earns
 * it, and its exact audit; or why the route does not apply.
 */
export function myersonOptimum(problem: MechanismProblem): MyersonCheck {
  const reason = myersonInapplicable(problem);
  if (reason !== null) return { applies: false, reason };
  const item = problem.item as NonNullable<MechanismProblem['item']>;
  const strides = typeStrides(problem);

  // Each agent's values by own type (private values: read at any profile).
  const own = problem.agents.map((agent, i) =>
    agent.types.map((_, k) => {
      const t = k * strides[i];
      return problem.values[i][t][item.alternativeOf[i]];
    }),
  );
  const tables = problem.agents.map((agent, i) => {
    const vv = virtualValues(own[i], problem.marginals[i]);
    return {
      agent: agent.name,
      rows: agent.types.map((type, k) => ({
        type,
        value: own[i][k],
        probability: problem.marginals[i][k],
        virtual: vv.virtual[k],
        ironed: vv.ironed[k],
      })),
      ironingBinds: vv.virtual.some((p, k) => !p.equals(vv.ironed[k])),
    };
  });
  const q = virtualValueRule(problem, { ironed: true });
  const p = thresholdPayments(problem, q, own);
  const mechanism = { q, p };

  let value = ZERO;
  problem.prior.forEach((w, t) => {
    const types = decodeTypes(problem, t);
    let best = ZERO;
    types.forEach((k, i) => {
      const phi = tables[i].rows[k].ironed;
      if (phi.gt(best)) best = phi;
    });
    value = value.add(w.mul(best));
  });
  const audit = auditMechanism(problem, mechanism);
  return {
    applies: true,
    value,
    agents: tables,
    mechanism,
    revenue: audit.revenue,
    audited: audit.ok,
  };
}

/**
 * The rule giving the item to a highest positive (ironed, or raw) virtual
 * value, ties split equally; `unsold` when none is positive. With raw
 * virtual values and a non-regular prior this rule is not monotone, and
 * so not implementable.
 */
export function virtualValueRule(
  problem: MechanismProblem,
  options: { readonly ironed: boolean },
): Rational[][] {
  const item = problem.item;
  if (!item || !problem.privateValues) {
    throw new Error(
      'virtualValueRule: needs a single-item problem with private values',
    );
  }
  const strides = typeStrides(problem);
  const phi = problem.agents.map((agent, i) => {
    const values = agent.types.map(
      (_, k) => problem.values[i][k * strides[i]][item.alternativeOf[i]],
    );
    const vv = virtualValues(values, problem.marginals[i]);
    return options.ironed ? vv.ironed : vv.virtual;
  });
  return problem.prior.map((_, t) => {
    const types = decodeTypes(problem, t);
    let best = ZERO;
    types.forEach((k, i) => {
      if (phi[i][k].gt(best)) best = phi[i][k];
    });
    const lottery = problem.alternatives.map(() => ZERO);
    if (best.isZero()) {
      lottery[item.unsold] = ONE;
      return lottery;
    }
    const winners = types
      .map((k, i) => (phi[i][k].equals(best) ? i : -1))
      .filter((i) => i >= 0);
    const share = Rational.of(1, winners.length);
    for (const i of winners) lottery[item.alternativeOf[i]] = share;
    return lottery;
  });
}

/**
 * Threshold payments for a monotone single-item rule: against each t_-i,
 * the lowest value pays its value times its winning probability, and each
 * higher value pays the adjacent lower one's payment plus its value times
 * the increase in winning probability.
 */
function thresholdPayments(
  problem: MechanismProblem,
  q: readonly (readonly Rational[])[],
  own: readonly (readonly Rational[])[],
): Rational[][] {
  const item = problem.item as NonNullable<MechanismProblem['item']>;
  const strides = typeStrides(problem);
  return problem.prior.map((_, t) => {
    const types = decodeTypes(problem, t);
    return problem.agents.map((agent, i) => {
      const x = item.alternativeOf[i];
      const order = agent.types
        .map((_, k) => k)
        .sort((a, b) => own[i][a].cmp(own[i][b]));
      const win = (k: number) => q[replaceType(strides, problem, t, i, k)][x];
      // U(k) = Σ over lower adjacent values (w_{j+1} − w_j) q_j, so that the
      // lowest type's participation and each adjacent downward IC bind.
      let utility = ZERO;
      for (let j = 0; j < order.length; j++) {
        const k = order[j];
        if (k === types[i]) return own[i][k].mul(win(k)).sub(utility);
        const next = order[j + 1];
        utility = utility.add(own[i][next].sub(own[i][k]).mul(win(k)));
      }
      throw new Error('unreachable: own type not found');
    });
  });
}

/** Whether ψ(t) = Π_i ψ_i(t_i) exactly. */
function isProduct(problem: MechanismProblem): boolean {
  if (problem.independent) return true;
  return problem.prior.every((w, t) => {
    const types = decodeTypes(problem, t);
    const product = types.reduce(
      (acc, k, i) => acc.mul(problem.marginals[i][k]),
      ONE,
    );
    return product.equals(w);
  });
}
