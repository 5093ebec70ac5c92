/**
 * A mechanism design problem over finite types (Myerson 1981; Börgers,
 * "An Introduction to the Theory of Mechanism Design", 2015, ch. 3–6).
 *
 * - Agents i = 1..n, each with a finite type set T_i; a type profile
 *   t = (t_1, …, t_n) ∈ T = Π_i T_i is stored as one flat index in mixed
 *   radix, agent 1 most significant (the same order as action profiles in
 *   game.ts).
 * - A common prior ψ ∈ Δ(T), independent (ψ(t) = Π_i ψ_i(t_i)) or joint
 *   (correlated). Every type has positive marginal ψ_i(t_i) > 0.
 * - Finite alternatives x ∈ X; a direct mechanism picks a lottery
 *   q(· | t) ∈ Δ(X) and payments p_i(t) ∈ ℝ from the reported profile t.
 * - Quasi-linear utilities: agent i of true type t_i, when the reported
 *   profile is t' and the true one t, gets Σ_x q(x | t') v_i(x, t) − p_i(t').
 *   Values are private when v_i(x, t) depends on t only through t_i.
 * - Switches: incentive compatibility (Bayesian or dominant-strategy),
 *   participation (interim, ex post, or none) against outside options
 *   o_i(t_i), and the budget of the designer, who collects Σ_i p_i(t)
 *   (none, no deficit ex ante, no deficit ex post, exact balance ex post).
 * - An objective: E_ψ[Σ_x c(x, t) q(x | t) + Σ_i d_i p_i(t)], maximised or
 *   minimised; revenue is d = 1, c = 0; welfare is c(x, t) = Σ_i v_i(x, t).
 *
 * A `MechanismProblem` is produced by `parseMechanismJson` after full
 * validation and is trusted everywhere else.
 */

import { ZERO, type Rational } from '../numbers/rational.js';

/** Which incentive constraints: Bayesian (interim) or dominant-strategy. */
export type Incentives = 'bayesian' | 'dominant';
/** When agents may walk away to their outside option. */
export type Participation = 'interim' | 'ex-post' | 'none';
/**
 * The designer's budget: `ex-ante` and `ex-post` forbid an expected or a
 * realised deficit (Σ_i p_i < 0); `balanced` asks Σ_i p_i(t) = 0 at every t.
 */
export type Budget = 'none' | 'ex-ante' | 'ex-post' | 'balanced';

/** One agent: a name, finite types and an outside option per type. */
export interface Agent {
  readonly name: string;
  readonly types: readonly string[];
  /** o_i(t_i): what type t_i gets by not participating. */
  readonly outside: readonly Rational[];
}

/**
 * The structure of a single-item problem (the `item` shorthand): the
 * alternative `unsold` and, for each agent i, the alternative "i gets the
 * item". Agent i values only its own alternative.
 */
export interface ItemStructure {
  /** Index of the alternative "nobody gets the item". */
  readonly unsold: number;
  /** `alternativeOf[i]`: index of the alternative "agent i gets it". */
  readonly alternativeOf: readonly number[];
}

/** A linear objective over the mechanism (see the module header). */
export interface MechanismObjective {
  /** What the file asked for, e.g. `revenue`, `welfare`, `custom`. */
  readonly name: string;
  readonly sense: 'maximize' | 'minimize';
  /** c(x, t) as `allocation[t][x]` (per unit of probability). */
  readonly allocation: readonly (readonly Rational[])[];
  /** d_i as `payments[i]` (per unit of money paid by agent i). */
  readonly payments: readonly Rational[];
}

/** A direct mechanism: a lottery and payments for each reported profile. */
export interface Mechanism {
  /** q(x | t) as `q[t][x]`; each row is a probability vector. */
  readonly q: readonly (readonly Rational[])[];
  /** p_i(t) as `p[t][i]`: what agent i pays (negative: receives). */
  readonly p: readonly (readonly Rational[])[];
}

/** A validated mechanism design problem. */
export interface MechanismProblem {
  readonly name: string;
  readonly agents: readonly Agent[];
  readonly alternatives: readonly string[];
  /** ψ(t) for every flat type profile t (zeros allowed), summing to 1. */
  readonly prior: readonly Rational[];
  /** Whether the file gave the prior as a product of marginals. */
  readonly independent: boolean;
  /** ψ_i(t_i) as `marginals[i][t_i]`, all positive. */
  readonly marginals: readonly (readonly Rational[])[];
  /** v_i(x, t) as `values[i][t][x]`. */
  readonly values: readonly (readonly (readonly Rational[])[])[];
  /** True when every v_i(x, t) depends on t only through t_i. */
  readonly privateValues: boolean;
  /** Present when the file used the single-item shorthand. */
  readonly item: ItemStructure | null;
  readonly incentives: Incentives;
  readonly participation: Participation;
  readonly budget: Budget;
  readonly objective: MechanismObjective;
  /** A given allocation rule (for implement, audit, robust), if any. */
  readonly rule: readonly (readonly Rational[])[] | null;
  /** Given payments (for audit), if any; null when the file gave none. */
  readonly payments: readonly (readonly Rational[])[] | null;
}

/** |T| = Π_i |T_i|, the number of type profiles. */
export function typeProfileCount(problem: MechanismProblem): number {
  let count = 1;
  for (const agent of problem.agents) count *= agent.types.length;
  return count;
}

/** The stride of each agent's type in the flat profile index. */
export function typeStrides(problem: MechanismProblem): number[] {
  const strides = new Array<number>(problem.agents.length);
  let stride = 1;
  for (let i = problem.agents.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= problem.agents[i].types.length;
  }
  return strides;
}

/** The type indices (t_1, …, t_n) of a flat type profile. */
export function decodeTypes(problem: MechanismProblem, t: number): number[] {
  const out = new Array<number>(problem.agents.length);
  for (let i = problem.agents.length - 1; i >= 0; i--) {
    const k = problem.agents[i].types.length;
    out[i] = t % k;
    t = Math.floor(t / k);
  }
  return out;
}

/** The flat index of type indices (t_1, …, t_n). */
export function encodeTypes(
  problem: MechanismProblem,
  types: readonly number[],
): number {
  let t = 0;
  for (let i = 0; i < problem.agents.length; i++) {
    t = t * problem.agents[i].types.length + types[i];
  }
  return t;
}

/** The type names of a flat profile, for display. */
export function typeNames(problem: MechanismProblem, t: number): string[] {
  return decodeTypes(problem, t).map((k, i) => problem.agents[i].types[k]);
}

/**
 * The profile (r, t_-i): `t` with agent i's type replaced by r, given the
 * strides from `typeStrides`.
 */
export function replaceType(
  strides: readonly number[],
  problem: MechanismProblem,
  t: number,
  i: number,
  r: number,
): number {
  const own = Math.floor(t / strides[i]) % problem.agents[i].types.length;
  return t + (r - own) * strides[i];
}

/** The same problem with some switches replaced (e.g. from the CLI). */
export function withSettings(
  problem: MechanismProblem,
  settings: {
    readonly incentives?: Incentives;
    readonly participation?: Participation;
    readonly budget?: Budget;
  },
): MechanismProblem {
  return {
    ...problem,
    incentives: settings.incentives ?? problem.incentives,
    participation: settings.participation ?? problem.participation,
    budget: settings.budget ?? problem.budget,
  };
}

/**
 * V_i(s | t) = Σ_x q(x | s) v_i(x, t): agent i's expected value of the
 * lottery chosen at reported profile s when the true profile is t.
 */
export function lotteryValue(
  problem: MechanismProblem,
  q: readonly (readonly Rational[])[],
  i: number,
  s: number,
  t: number,
): Rational {
  const v = problem.values[i][t];
  let total = ZERO;
  q[s].forEach((probability, x) => {
    if (!probability.isZero() && !v[x].isZero()) {
      total = total.add(probability.mul(v[x]));
    }
  });
  return total;
}
