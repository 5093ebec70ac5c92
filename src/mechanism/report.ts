/**
 * Named views of a direct mechanism (q, p) for results and display:
 *
 * - the ex post table: at each type profile t, the lottery q(· | t) and
 *   the payments p_i(t);
 * - interim tables: for agent i of type t_i, with the conditional belief
 *   ψ(t_-i | t_i) = ψ(t) / ψ_i(t_i), the interim allocation
 *   Q_i(x | t_i) = Σ_{t_-i} ψ(t_-i | t_i) q(x | t), the interim payment
 *   P_i(t_i) = Σ_{t_-i} ψ(t_-i | t_i) p_i(t) and the interim utility
 *   Σ_{t_-i} ψ(t_-i | t_i) [Σ_x q(x | t) v_i(x, t) − p_i(t)];
 * - expected revenue E_ψ[Σ_i p_i(t)] and the objective's value;
 * - the mechanism as JSON in the problem file's `mechanism` format, so an
 *   answer can be fed back to `audit`.
 */

import { ZERO, sum, type Rational } from '../numbers/rational.js';
import type { ConstraintMeaning } from './constraints.js';
import { constraintName } from './constraints.js';
import {
  decodeTypes,
  lotteryValue,
  typeNames,
  type Mechanism,
  type MechanismProblem,
} from './problem.js';

/** One row of the ex post table. */
export interface MechanismRow {
  readonly types: readonly string[];
  /** ψ(t). */
  readonly probability: Rational;
  /** Alternatives with positive probability. */
  readonly lottery: readonly { alternative: string; p: Rational }[];
  readonly payments: readonly { agent: string; amount: Rational }[];
}

/** Interim quantities of one agent of one type. */
export interface InterimRow {
  readonly agent: string;
  readonly type: string;
  /** ψ_i(t_i). */
  readonly probability: Rational;
  /** Q_i(x | t_i) for every alternative, in the problem's order. */
  readonly allocation: readonly { alternative: string; p: Rational }[];
  /** P_i(t_i). */
  readonly payment: Rational;
  /** Interim expected utility. */
  readonly utility: Rational;
  readonly outside: Rational;
}

/** A constraint by name, for results. */
export interface NamedConstraint {
  readonly kind: ConstraintMeaning['kind'];
  /** e.g. `IC[alice@2→1]`. */
  readonly name: string;
  readonly agent?: string;
  readonly type?: string;
  readonly misreport?: string;
  /** The type profile of an ex post constraint. */
  readonly profile?: readonly string[];
}

/** The mechanism in the problem file's `mechanism` format. */
export interface MechanismJson {
  readonly allocation: readonly {
    types: readonly string[];
    lottery: Record<string, Rational>;
  }[];
  readonly payments: readonly {
    types: readonly string[];
    payments: Record<string, Rational>;
  }[];
}

/** The ex post table of a mechanism. */
export function mechanismRows(
  problem: MechanismProblem,
  m: Mechanism,
): MechanismRow[] {
  return m.q.map((lottery, t) => ({
    types: typeNames(problem, t),
    probability: problem.prior[t],
    lottery: lottery
      .map((p, x) => ({ alternative: problem.alternatives[x], p }))
      .filter((e) => !e.p.isZero()),
    payments: m.p[t].map((amount, i) => ({
      agent: problem.agents[i].name,
      amount,
    })),
  }));
}

/** The interim table of every agent and type. */
export function interimRows(
  problem: MechanismProblem,
  m: Mechanism,
): InterimRow[] {
  const rows: InterimRow[] = [];
  problem.agents.forEach((agent, i) => {
    agent.types.forEach((type, own) => {
      const mass = problem.marginals[i][own];
      const allocation = problem.alternatives.map(() => ZERO);
      let payment = ZERO;
      let utility = ZERO;
      m.q.forEach((lottery, t) => {
        const w = problem.prior[t];
        if (w.isZero() || decodeTypes(problem, t)[i] !== own) return;
        lottery.forEach((p, x) => {
          allocation[x] = allocation[x].add(w.mul(p));
        });
        payment = payment.add(w.mul(m.p[t][i]));
        utility = utility.add(
          w.mul(lotteryValue(problem, m.q, i, t, t).sub(m.p[t][i])),
        );
      });
      rows.push({
        agent: agent.name,
        type,
        probability: mass,
        allocation: allocation.map((p, x) => ({
          alternative: problem.alternatives[x],
          p: p.div(mass),
        })),
        payment: payment.div(mass),
        utility: utility.div(mass),
        outside: agent.outside[own],
      });
    });
  });
  return rows;
}

/** E_ψ[Σ_i p_i(t)]. */
export function expectedRevenue(
  problem: MechanismProblem,
  m: Mechanism,
): Rational {
  return sum(m.p.map((row, t) => problem.prior[t].mul(sum(row))));
}

/** The value of the problem's objective at a mechanism. */
export function objectiveValue(
  problem: MechanismProblem,
  m: Mechanism,
): Rational {
  const { allocation, payments } = problem.objective;
  let total = ZERO;
  m.q.forEach((lottery, t) => {
    const w = problem.prior[t];
    if (w.isZero()) return;
    let inner = ZERO;
    lottery.forEach((p, x) => {
      inner = inner.add(p.mul(allocation[t][x]));
    });
    m.p[t].forEach((amount, i) => {
      inner = inner.add(amount.mul(payments[i]));
    });
    total = total.add(w.mul(inner));
  });
  return total;
}

/** A constraint meaning with names instead of indices. */
export function namedConstraint(
  problem: MechanismProblem,
  meaning: ConstraintMeaning,
): NamedConstraint {
  const name = constraintName(problem, meaning);
  const profile =
    'profile' in meaning && meaning.profile !== undefined
      ? { profile: typeNames(problem, meaning.profile) }
      : {};
  if (meaning.kind === 'incentive') {
    const a = problem.agents[meaning.agent];
    return {
      kind: meaning.kind,
      name,
      agent: a.name,
      type: a.types[meaning.type],
      misreport: a.types[meaning.misreport],
      ...profile,
    };
  }
  if (meaning.kind === 'participation') {
    const a = problem.agents[meaning.agent];
    return {
      kind: meaning.kind,
      name,
      agent: a.name,
      type: a.types[meaning.type],
      ...profile,
    };
  }
  return { kind: meaning.kind, name, ...profile };
}

/** The mechanism in the format of the problem file's `mechanism` field. */
export function mechanismJson(
  problem: MechanismProblem,
  m: Mechanism,
): MechanismJson {
  return {
    // Object.fromEntries defines own fields, whatever the names.
    allocation: m.q.map((lottery, t) => ({
      types: typeNames(problem, t),
      lottery: Object.fromEntries(
        lottery.flatMap((p, x) =>
          p.isZero() ? [] : [[problem.alternatives[x], p] as const],
        ),
      ),
    })),
    payments: m.p.map((row, t) => ({
      types: typeNames(problem, t),
      payments: Object.fromEntries(
        row.map((amount, i) => [problem.agents[i].name, amount] as const),
      ),
    })),
  };
}
