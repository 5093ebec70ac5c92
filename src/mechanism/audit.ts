/**
 * Auditing a given direct mechanism (q, p): every incentive, participation
 * and budget constraint of the problem's switches, checked exhaustively in
 * exact arithmetic, with the worst violation reported.
 *
 * With U_i(s | t) = Σ_x q(x | s) v_i(x, t) − p_i(s) and t' = (r, t_-i), the
 * amount of a violation is in money, as a user would state it:
 *
 * - Bayesian IC: the expected gain of type t_i from reporting r,
 *   Σ_{t_-i} ψ(t_-i | t_i) [U_i(t' | t) − U_i(t | t)];
 * - dominant IC: the gain U_i(t' | t) − U_i(t | t) at one profile t;
 * - interim IR: o_i(t_i) − Σ_{t_-i} ψ(t_-i | t_i) U_i(t | t);
 * - ex post IR: o_i(t_i) − U_i(t | t);
 * - budget: the deficit −E_ψ[Σ_i p_i] (ex ante) or −Σ_i p_i(t) (ex post),
 *   or the imbalance |Σ_i p_i(t)| (balanced);
 * - lottery: how far q(· | t) is from a probability vector.
 *
 * A constraint is violated when its amount is positive. This evaluation is
 * written from the formulas, independently of the LP rows of
 * constraints.ts, so that it can re-check what the LP returns.
 */

import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';
import type { ConstraintMeaning } from './constraints.js';
import {
  decodeTypes,
  lotteryValue,
  replaceType,
  typeProfileCount,
  typeStrides,
  type Mechanism,
  type MechanismProblem,
} from './problem.js';
import {
  expectedRevenue,
  interimRows,
  namedConstraint,
  objectiveValue,
  type InterimRow,
  type NamedConstraint,
} from './report.js';

/** A violated constraint and by how much (in money; positive). */
export interface Violation extends NamedConstraint {
  readonly amount: Rational;
}

/** The result of an audit. */
export interface AuditResult {
  /** True when no constraint is violated. */
  readonly ok: boolean;
  /** The violation with the largest amount, or null. */
  readonly worst: Violation | null;
  /** Every violation, largest first. */
  readonly violations: readonly Violation[];
  /** How many constraints of each kind were checked. */
  readonly checked: {
    readonly lottery: number;
    readonly incentive: number;
    readonly participation: number;
    readonly budget: number;
  };
  /** E_ψ[Σ_i p_i(t)]. */
  readonly revenue: Rational;
  /** The problem's objective at this mechanism. */
  readonly objective: Rational;
  readonly interim: readonly InterimRow[];
}

/** Checks every constraint of `problem` at the mechanism `m`. */
export function auditMechanism(
  problem: MechanismProblem,
  m: Mechanism,
): AuditResult {
  const count = typeProfileCount(problem);
  const strides = typeStrides(problem);
  const dominant = problem.incentives === 'dominant';
  const found: { meaning: ConstraintMeaning; amount: Rational }[] = [];
  const checked = { lottery: 0, incentive: 0, participation: 0, budget: 0 };
  const record = (meaning: ConstraintMeaning, amount: Rational) => {
    checked[meaning.kind]++;
    if (amount.sign() > 0) found.push({ meaning, amount });
  };
  const U = (i: number, s: number, t: number) =>
    lotteryValue(problem, m.q, i, s, t).sub(m.p[s][i]);
  const types = Array.from({ length: count }, (_, t) =>
    decodeTypes(problem, t),
  );
  const everywhere = (t: number) => dominant || !problem.prior[t].isZero();

  // Lotteries.
  for (let t = 0; t < count; t++) {
    const negative = m.q[t].reduce(
      (worst, p) => (p.lt(worst) ? p : worst),
      ZERO,
    );
    const off = sum(m.q[t]).sub(ONE).abs();
    record(
      { kind: 'lottery', profile: t },
      off.gt(negative.neg()) ? off : negative.neg(),
    );
  }

  // Incentives.
  problem.agents.forEach((agent, i) => {
    const k = agent.types.length;
    if (dominant) {
      for (let t = 0; t < count; t++) {
        const truth = U(i, t, t);
        for (let r = 0; r < k; r++) {
          if (r === types[t][i]) continue;
          const lie = replaceType(strides, problem, t, i, r);
          record(
            {
              kind: 'incentive',
              agent: i,
              type: types[t][i],
              misreport: r,
              profile: t,
            },
            U(i, lie, t).sub(truth),
          );
        }
      }
      return;
    }
    for (let own = 0; own < k; own++) {
      const mass = problem.marginals[i][own];
      for (let r = 0; r < k; r++) {
        if (r === own) continue;
        let gain = ZERO;
        for (let t = 0; t < count; t++) {
          const w = problem.prior[t];
          if (w.isZero() || types[t][i] !== own) continue;
          const lie = replaceType(strides, problem, t, i, r);
          gain = gain.add(w.mul(U(i, lie, t).sub(U(i, t, t))));
        }
        record(
          { kind: 'incentive', agent: i, type: own, misreport: r },
          gain.div(mass),
        );
      }
    }
  });

  // Participation.
  if (problem.participation === 'interim') {
    problem.agents.forEach((agent, i) => {
      agent.types.forEach((_, own) => {
        let utility = ZERO;
        for (let t = 0; t < count; t++) {
          const w = problem.prior[t];
          if (w.isZero() || types[t][i] !== own) continue;
          utility = utility.add(w.mul(U(i, t, t)));
        }
        utility = utility.div(problem.marginals[i][own]);
        record(
          { kind: 'participation', agent: i, type: own },
          agent.outside[own].sub(utility),
        );
      });
    });
  } else if (problem.participation === 'ex-post') {
    for (let t = 0; t < count; t++) {
      if (!everywhere(t)) continue;
      problem.agents.forEach((agent, i) => {
        const own = types[t][i];
        record(
          { kind: 'participation', agent: i, type: own, profile: t },
          agent.outside[own].sub(U(i, t, t)),
        );
      });
    }
  }

  // Budget.
  if (problem.budget === 'ex-ante') {
    record({ kind: 'budget' }, expectedRevenue(problem, m).neg());
  } else if (problem.budget !== 'none') {
    for (let t = 0; t < count; t++) {
      if (!everywhere(t)) continue;
      const collected = sum(m.p[t]);
      record(
        { kind: 'budget', profile: t },
        problem.budget === 'balanced' ? collected.abs() : collected.neg(),
      );
    }
  }

  const violations = found
    .map((v) => ({ ...namedConstraint(problem, v.meaning), amount: v.amount }))
    .sort((a, b) => b.amount.cmp(a.amount));
  return {
    ok: violations.length === 0,
    worst: violations[0] ?? null,
    violations,
    checked,
    revenue: expectedRevenue(problem, m),
    objective: objectiveValue(problem, m),
    interim: interimRows(problem, m),
  };
}
