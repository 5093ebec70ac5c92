/**
 * Our small linear-programming interface, independent of any engine.
 *
 * A linear program here is
 *
 *     maximise or minimise   c·x + c0
 *     subject to             rowLower ≤ A x ≤ rowUpper    (per row)
 *                            lower ≤ x ≤ upper            (per variable)
 *
 * with every coefficient an exact `Rational`; a missing bound (null) is
 * infinite. Every formulation in revelation (BCE, persuasion, sequential
 * design, mechanisms) builds one of these, and every engine (HiGHS in
 * floats, the exact simplex) reads one of these, so engines can be swapped
 * and every optimum goes through the same exact certification.
 *
 * Duals follow one convention everywhere: y_r is the row dual and
 * d_j = c_j − Σ_r y_r A_rj the reduced cost, with the objective sense as
 * given (for a maximisation, y_r ≥ 0 on a binding upper row bound and
 * y_r ≤ 0 on a binding lower row bound; the signs flip for minimisation).
 * Complementary slackness, dual feasibility and equal objective values are
 * what the certificate checks, exactly.
 */

import type { Rational } from '../numbers/rational.js';

/** One LP variable. */
export interface LpVariable {
  readonly name: string;
  /** Lower bound; null means −∞. */
  readonly lower: Rational | null;
  /** Upper bound; null means +∞. */
  readonly upper: Rational | null;
  /** Objective coefficient c_j. */
  readonly cost: Rational;
}

/** One sparse LP row: rowLower ≤ Σ_k coefficients[k] · x[indices[k]] ≤ rowUpper. */
export interface LpRow {
  readonly name: string;
  readonly indices: readonly number[];
  readonly coefficients: readonly Rational[];
  /** Lower bound; null means −∞. */
  readonly lower: Rational | null;
  /** Upper bound; null means +∞. An equality row has lower = upper. */
  readonly upper: Rational | null;
}

/** A linear program with exact data. */
export interface LinearProgram {
  readonly sense: 'maximize' | 'minimize';
  readonly variables: readonly LpVariable[];
  readonly rows: readonly LpRow[];
  /** Constant added to the objective (default 0). */
  readonly objectiveOffset?: Rational;
}

/** What an LP solve found. Misuse throws; these are answers. */
export type LpStatus =
  /** An optimum was found (see `LpSolution.exact` for how sure we are). */
  | 'optimal'
  /** No x satisfies the constraints (a Farkas certificate may come with it). */
  | 'infeasible'
  /** The objective is unbounded in the optimisation direction. */
  | 'unbounded'
  /** The engine stopped without an answer (limits, numerical trouble). */
  | 'failed';

/** How the answer was obtained. */
export type LpMethod =
  /** HiGHS floats, rounded to nearby rationals, then verified exactly. */
  | 'highs+rounding'
  /** HiGHS's final basis, re-solved in rationals, then verified exactly. */
  | 'highs+basis'
  /** The exact rational simplex, started from HiGHS's basis. */
  | 'highs+exact-simplex'
  /** The exact rational simplex alone. */
  | 'exact-simplex'
  /**
   * HiGHS floats rounded to nearby rationals, not certified: when floats
   * were asked for, or when no certificate was found (`exact` is then
   * false and `notes` say why).
   */
  | 'highs-float';

/** Measured quality of an answer: largest violations, as floats. */
export interface LpResiduals {
  /** Largest primal infeasibility (row or bound violation) of the float solution. */
  readonly primal: number;
  /** Largest dual infeasibility of the float solution. */
  readonly dual: number;
  /** |primal objective − dual objective| of the float solution. */
  readonly gap: number;
}

/**
 * Where a variable or row activity sits in a simplex basis: basic, or
 * nonbasic at its lower bound, its upper bound, or (when free) at zero.
 */
export type LpBasisStatus = 'basic' | 'lower' | 'upper' | 'zero';

/** A simplex basis: one status per variable and one per row activity. */
export interface LpBasis {
  readonly columns: readonly LpBasisStatus[];
  readonly rows: readonly LpBasisStatus[];
}

/** The answer of an LP solve. */
export interface LpSolution {
  readonly status: LpStatus;
  /** True when every number below was verified in exact arithmetic. */
  readonly exact: boolean;
  readonly method: LpMethod;
  /** Optimal objective value (including the offset); null unless optimal. */
  readonly value: Rational | null;
  /** Primal solution x; null unless optimal. */
  readonly x: readonly Rational[] | null;
  /** Row duals y (convention in the module header); null unless optimal. */
  readonly rowDuals: readonly Rational[] | null;
  /** Row activities A x; null unless optimal. */
  readonly rowActivity: readonly Rational[] | null;
  /**
   * For an infeasible LP, row multipliers y proving it (a Farkas ray), when
   * one was cheap to find and verified exactly; otherwise null.
   */
  readonly farkas: readonly Rational[] | null;
  /** Residuals of the engine's float answer (zeros for exact methods). */
  readonly residuals: LpResiduals;
  /** Tolerances the float engine ran with (empty for exact methods). */
  readonly tolerances: Readonly<Record<string, number>>;
  /** Timings in milliseconds: building the engine model, solving, certifying. */
  readonly timings: { readonly solve: number; readonly certify: number };
  /** Free text on anything unusual (a fallback taken, a limit hit). */
  readonly notes: readonly string[];
  /**
   * Reduced costs d_j = c_j − Σ_r y_r A_rj of the returned duals; null
   * unless optimal. (Optional: absent from answers built elsewhere.)
   */
  readonly reducedCosts?: readonly Rational[] | null;
  /** The final simplex basis, when the method produced one. */
  readonly basis?: LpBasis | null;
  /**
   * For an unbounded LP, a direction r with x + t·r feasible for all t ≥ 0
   * from a feasible x and with the objective improving along r, when one was
   * found and verified exactly; otherwise null.
   */
  readonly ray?: readonly Rational[] | null;
}

/** Options for `solveLp`. */
export interface LpOptions {
  /**
   * Which engine: 'auto' (HiGHS then exact certification; default),
   * 'highs' (same, never the exact simplex from scratch), or 'exact'
   * (the exact rational simplex alone).
   */
  readonly engine?: 'auto' | 'highs' | 'exact';
  /** 'exact' (default) certifies; 'float' returns HiGHS's floats as they are. */
  readonly arithmetic?: 'exact' | 'float';
}
