/**
 * The constraints on a direct mechanism (q, p), written once as linear
 * expressions in the unknowns q(x | t) and p_i(t), each `Σ terms + c ≥ 0`
 * (or `= 0`). The optimal-mechanism LP (direct.ts) takes both q and p as
 * unknowns; `implement` fixes q and solves for p. Writing
 * U_i(s | t) = Σ_x q(x | s) v_i(x, t) − p_i(s) for agent i's utility at the
 * true profile t when s is reported, and t' = (r, t_-i):
 *
 * - lottery:        Σ_x q(x | t) − 1 = 0                       for every t;
 * - Bayesian IC:    Σ_{t_-i} ψ(t) [U_i(t | t) − U_i(t' | t)] ≥ 0
 *                                           for every i, t_i, r ≠ t_i;
 * - dominant IC:    U_i(t | t) − U_i(t' | t) ≥ 0   for every i, t, r ≠ t_i
 *                   (with interdependent values: ex post IC);
 * - interim IR:     Σ_{t_-i} ψ(t) [U_i(t | t) − o_i(t_i)] ≥ 0  for every i, t_i;
 * - ex post IR:     U_i(t | t) − o_i(t_i) ≥ 0;
 * - budget:         Σ_t ψ(t) Σ_i p_i(t) ≥ 0 (ex ante), Σ_i p_i(t) ≥ 0
 *                   (ex post), Σ_i p_i(t) = 0 (balanced).
 *
 * Bayesian rows are weighted by ψ(t), not by the conditional ψ(t_-i | t_i):
 * the same inequality scaled by ψ_i(t_i) > 0, with no division. Ex post
 * rows (IR and budget) are imposed at every profile of positive
 * probability, and under dominant-strategy incentives at every profile,
 * since there the others' reports may be anything.
 *
 * audit.ts evaluates the same conditions independently, from the formulas,
 * not from these rows.
 */

import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import {
  decodeTypes,
  replaceType,
  typeNames,
  typeProfileCount,
  typeStrides,
  type MechanismProblem,
} from './problem.js';

/** What a constraint says, by index (agent i, type t_i, report r, profile t). */
export type ConstraintMeaning =
  | { readonly kind: 'lottery'; readonly profile: number }
  | {
      readonly kind: 'incentive';
      readonly agent: number;
      readonly type: number;
      readonly misreport: number;
      /** The true profile t for dominant-strategy rows; absent for Bayesian. */
      readonly profile?: number;
    }
  | {
      readonly kind: 'participation';
      readonly agent: number;
      readonly type: number;
      /** The profile t for ex post rows; absent for interim ones. */
      readonly profile?: number;
    }
  | {
      readonly kind: 'budget';
      /** The profile t for ex post rows; absent for the ex ante row. */
      readonly profile?: number;
    };

/** One term: a coefficient times q(x | t) (index = x) or p_i(t) (index = i). */
export interface Term {
  readonly variable: 'q' | 'p';
  readonly profile: number;
  readonly index: number;
  readonly coefficient: Rational;
}

/** Σ terms + constant ≥ 0, or = 0 when `equality`. */
export interface MechanismConstraint {
  readonly meaning: ConstraintMeaning;
  readonly terms: readonly Term[];
  readonly constant: Rational;
  readonly equality: boolean;
}

/** Collects terms, merging repeated unknowns and dropping zeros. */
class Expression {
  private readonly terms = new Map<string, Term>();
  constant: Rational = ZERO;

  add(variable: 'q' | 'p', profile: number, index: number, c: Rational) {
    if (c.isZero()) return;
    const key = `${variable}${profile}:${index}`;
    const old = this.terms.get(key);
    const coefficient = old ? old.coefficient.add(c) : c;
    this.terms.set(key, { variable, profile, index, coefficient });
  }

  /** + w · U_i(s | t) = w Σ_x q(x | s) v_i(x, t) − w p_i(s). */
  addUtility(
    problem: MechanismProblem,
    w: Rational,
    i: number,
    s: number,
    t: number,
  ) {
    problem.values[i][t].forEach((v, x) => this.add('q', s, x, w.mul(v)));
    this.add('p', s, i, w.neg());
  }

  done(meaning: ConstraintMeaning, equality = false): MechanismConstraint {
    const terms = [...this.terms.values()].filter(
      (term) => !term.coefficient.isZero(),
    );
    return { meaning, terms, constant: this.constant, equality };
  }
}

/**
 * Every constraint of `problem`'s switches, in a fixed order: lottery rows
 * (when asked), incentive rows, participation rows, budget rows.
 */
export function mechanismConstraints(
  problem: MechanismProblem,
  options: { readonly lottery: boolean },
): MechanismConstraint[] {
  const count = typeProfileCount(problem);
  const strides = typeStrides(problem);
  const dominant = problem.incentives === 'dominant';
  const expost = (t: number) => dominant || !problem.prior[t].isZero();
  const out: MechanismConstraint[] = [];

  if (options.lottery) {
    for (let t = 0; t < count; t++) {
      const e = new Expression();
      problem.alternatives.forEach((_, x) => e.add('q', t, x, ONE));
      e.constant = ONE.neg();
      out.push(e.done({ kind: 'lottery', profile: t }, true));
    }
  }

  // Incentive compatibility.
  problem.agents.forEach((agent, i) => {
    const k = agent.types.length;
    if (dominant) {
      for (let t = 0; t < count; t++) {
        const own = decodeTypes(problem, t)[i];
        for (let r = 0; r < k; r++) {
          if (r === own) continue;
          const e = new Expression();
          const lie = replaceType(strides, problem, t, i, r);
          e.addUtility(problem, ONE, i, t, t);
          e.addUtility(problem, ONE.neg(), i, lie, t);
          out.push(
            e.done({
              kind: 'incentive',
              agent: i,
              type: own,
              misreport: r,
              profile: t,
            }),
          );
        }
      }
      return;
    }
    for (let own = 0; own < k; own++) {
      for (let r = 0; r < k; r++) {
        if (r === own) continue;
        const e = new Expression();
        for (let t = 0; t < count; t++) {
          const w = problem.prior[t];
          if (w.isZero() || decodeTypes(problem, t)[i] !== own) continue;
          e.addUtility(problem, w, i, t, t);
          e.addUtility(
            problem,
            w.neg(),
            i,
            replaceType(strides, problem, t, i, r),
            t,
          );
        }
        out.push(
          e.done({ kind: 'incentive', agent: i, type: own, misreport: r }),
        );
      }
    }
  });

  // Participation.
  if (problem.participation === 'interim') {
    problem.agents.forEach((agent, i) => {
      agent.types.forEach((_, own) => {
        const e = new Expression();
        for (let t = 0; t < count; t++) {
          const w = problem.prior[t];
          if (w.isZero() || decodeTypes(problem, t)[i] !== own) continue;
          e.addUtility(problem, w, i, t, t);
        }
        e.constant = problem.marginals[i][own].mul(agent.outside[own]).neg();
        out.push(e.done({ kind: 'participation', agent: i, type: own }));
      });
    });
  } else if (problem.participation === 'ex-post') {
    for (let t = 0; t < count; t++) {
      if (!expost(t)) continue;
      const types = decodeTypes(problem, t);
      problem.agents.forEach((agent, i) => {
        const e = new Expression();
        e.addUtility(problem, ONE, i, t, t);
        e.constant = agent.outside[types[i]].neg();
        out.push(
          e.done({
            kind: 'participation',
            agent: i,
            type: types[i],
            profile: t,
          }),
        );
      });
    }
  }

  // The designer's budget: she collects Σ_i p_i(t).
  if (problem.budget === 'ex-ante') {
    const e = new Expression();
    for (let t = 0; t < count; t++) {
      problem.agents.forEach((_, i) => e.add('p', t, i, problem.prior[t]));
    }
    out.push(e.done({ kind: 'budget' }));
  } else if (problem.budget !== 'none') {
    for (let t = 0; t < count; t++) {
      if (!expost(t)) continue;
      const e = new Expression();
      problem.agents.forEach((_, i) => e.add('p', t, i, ONE));
      out.push(
        e.done({ kind: 'budget', profile: t }, problem.budget === 'balanced'),
      );
    }
  }
  return out;
}

/**
 * A short readable name for a constraint, e.g. `IC[alice@2→1]`,
 * `IC[alice@2→1 | 2,3]`, `IR[bob@1]`, `budget[1,1]`, `lottery[1,2]`.
 */
export function constraintName(
  problem: MechanismProblem,
  m: ConstraintMeaning,
): string {
  const at = (t: number | undefined) =>
    t === undefined ? '' : ` | ${typeNames(problem, t).join(',')}`;
  switch (m.kind) {
    case 'lottery':
      return `lottery[${typeNames(problem, m.profile).join(',')}]`;
    case 'incentive': {
      const a = problem.agents[m.agent];
      return `IC[${a.name}@${a.types[m.type]}→${a.types[m.misreport]}${at(m.profile)}]`;
    }
    case 'participation': {
      const a = problem.agents[m.agent];
      return `IR[${a.name}@${a.types[m.type]}${at(m.profile)}]`;
    }
    case 'budget':
      return m.profile === undefined
        ? 'budget[ex ante]'
        : `budget[${typeNames(problem, m.profile).join(',')}]`;
  }
}
