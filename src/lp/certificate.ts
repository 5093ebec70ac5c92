/**
 * Exact checks of LP certificates: optimality, infeasibility, unboundedness.
 *
 * For the LP  max (or min) c·x + c0  s.t.  rl ≤ A x ≤ ru,  l ≤ x ≤ u,  write
 * τ = +1 for a maximisation and τ = −1 for a minimisation.
 *
 * Optimality. Take any row multipliers y and the reduced costs
 * d = c − Aᵀy. For every feasible x, c·x = y·(Ax) + d·x, so
 *
 *     τ c·x ≤ Σ_r sup τ y_r a_r + Σ_j sup τ d_j x_j =: τ D(y),
 *
 * the suprema over a_r ∈ [rl_r, ru_r] and x_j ∈ [l_j, u_j]. D(y) is finite
 * exactly when every nonzero τ y_r and τ d_j points at a finite bound (this
 * is dual feasibility, and it is where the sign convention of model.ts comes
 * from). If x is feasible, D(y) is finite and c·x = D(y), then x is optimal
 * and y is an optimal dual: weak duality gives the inequality for every
 * other feasible point, and equality forces complementary slackness.
 *
 * Infeasibility (Farkas). For multipliers y let z = Aᵀy. Every x in the box
 * has z·x ≥ L(y) := Σ_j inf z_j x_j, and every feasible row activity has
 * y·(Ax) ≤ U(y) := Σ_r sup y_r a_r. If L(y) > U(y) no x satisfies both, so
 * y proves infeasibility; only finite bounds may carry nonzero terms.
 *
 * Unboundedness. A feasible x and a direction r with l_j finite ⇒ r_j ≥ 0,
 * u_j finite ⇒ r_j ≤ 0, rl finite ⇒ (Ar) ≥ 0, ru finite ⇒ (Ar) ≤ 0 and
 * τ c·r > 0 show that x + t r is feasible for all t ≥ 0 while the objective
 * grows without limit.
 *
 * Every check here runs in exact arithmetic, in time linear in the number of
 * nonzeros, with sums kept as unreduced fractions (see exact-sum.ts).
 */

import { Rational, ZERO } from '../numbers/rational.js';
import { ExactSum } from './exact-sum.js';
import type { LinearProgram } from './model.js';

/** The constraint matrix stored by columns (compressed sparse columns). */
export interface ColumnMatrix {
  /** Entries of column j sit at positions start[j] .. start[j + 1] − 1. */
  readonly start: Int32Array;
  /** Row index of each entry. */
  readonly row: Int32Array;
  /** Coefficient of each entry. */
  readonly coefficient: readonly Rational[];
}

/** The constraint matrix of `lp` by columns, built in one linear pass. */
export function columnsOf(lp: LinearProgram): ColumnMatrix {
  const n = lp.variables.length;
  const start = new Int32Array(n + 1);
  for (const row of lp.rows) for (const j of row.indices) start[j + 1]++;
  for (let j = 0; j < n; j++) start[j + 1] += start[j];
  const fill = start.slice(0, n);
  const rowIndex = new Int32Array(start[n]);
  const coefficient = new Array<Rational>(start[n]);
  lp.rows.forEach((row, r) => {
    for (let k = 0; k < row.indices.length; k++) {
      const at = fill[row.indices[k]]++;
      rowIndex[at] = r;
      coefficient[at] = row.coefficients[k];
    }
  });
  return { start, row: rowIndex, coefficient };
}

/** Outcome of an exact primal feasibility check. */
export interface PrimalCheck {
  /** True when every row and bound holds exactly. */
  readonly feasible: boolean;
  /** Row activities A x (computed even when infeasible). */
  readonly activity: readonly Rational[];
  /** The first violation found, in words; null when feasible. */
  readonly violation: string | null;
}

/** Checks rl ≤ A x ≤ ru and l ≤ x ≤ u exactly. */
export function checkPrimal(
  lp: LinearProgram,
  x: readonly Rational[],
): PrimalCheck {
  let violation: string | null = null;
  lp.variables.forEach((v, j) => {
    if (violation !== null) return;
    if (v.lower !== null && x[j].lt(v.lower)) {
      violation = `variable '${v.name}' = ${x[j]} is below its lower bound ${v.lower}`;
    } else if (v.upper !== null && x[j].gt(v.upper)) {
      violation = `variable '${v.name}' = ${x[j]} is above its upper bound ${v.upper}`;
    }
  });
  const activity = lp.rows.map((row) => {
    const sum = new ExactSum();
    for (let k = 0; k < row.indices.length; k++) {
      sum.addProduct(row.coefficients[k], x[row.indices[k]]);
    }
    if (violation === null && row.lower !== null && sum.cmp(row.lower) < 0) {
      violation = `row '${row.name}' activity ${sum.toRational()} is below ${row.lower}`;
    }
    if (violation === null && row.upper !== null && sum.cmp(row.upper) > 0) {
      violation = `row '${row.name}' activity ${sum.toRational()} is above ${row.upper}`;
    }
    return sum.toRational();
  });
  return { feasible: violation === null, activity, violation };
}

/** Outcome of an exact optimality check. */
export interface OptimalityCheck {
  /** True when x is feasible, y dual feasible and c·x = D(y). */
  readonly optimal: boolean;
  /** The objective value c·x + c0 of x (even when not optimal). */
  readonly value: Rational;
  /** Row activities A x. */
  readonly activity: readonly Rational[];
  /** Reduced costs c − Aᵀy. */
  readonly reducedCosts: readonly Rational[];
  /** The first reason the pair is not optimal, in words; null if optimal. */
  readonly failure: string | null;
}

/**
 * The bound a multiplier with this (sense-adjusted) sign pays for, or
 * `undefined` when the multiplier is zero and pays for nothing.
 */
function boundFor(
  sign: number,
  lower: Rational | null,
  upper: Rational | null,
): Rational | null | undefined {
  if (sign === 0) return undefined;
  return sign > 0 ? upper : lower;
}

/**
 * Checks exactly that x is optimal with dual certificate y (module header):
 * primal feasibility, dual feasibility, and equal objective values.
 */
export function checkOptimality(
  lp: LinearProgram,
  x: readonly Rational[],
  y: readonly Rational[],
  columns: ColumnMatrix = columnsOf(lp),
): OptimalityCheck {
  const tau = lp.sense === 'maximize' ? 1 : -1;
  const offset = lp.objectiveOffset ?? ZERO;
  const primal = checkPrimal(lp, x);
  let failure = primal.violation;

  // The primal objective c·x + c0.
  const primalValue = new ExactSum();
  primalValue.addRational(offset);
  lp.variables.forEach((v, j) => primalValue.addProduct(v.cost, x[j]));

  // The dual objective D(y): row terms, then reduced-cost terms.
  const dualValue = new ExactSum();
  dualValue.addRational(offset);
  lp.rows.forEach((row, r) => {
    const bound = boundFor(tau * y[r].sign(), row.lower, row.upper);
    if (bound === undefined) return;
    if (bound === null) {
      failure ??= `row '${row.name}' has dual ${y[r]} of the wrong sign`;
      return;
    }
    dualValue.addProduct(y[r], bound);
  });
  const reducedCosts = lp.variables.map((v, j) => {
    const d = new ExactSum();
    d.addRational(v.cost);
    for (let k = columns.start[j]; k < columns.start[j + 1]; k++) {
      d.subProduct(y[columns.row[k]], columns.coefficient[k]);
    }
    const dj = d.toRational();
    const bound = boundFor(tau * dj.sign(), v.lower, v.upper);
    if (bound === null) {
      failure ??= `variable '${v.name}' has reduced cost ${dj} of the wrong sign`;
    } else if (bound !== undefined) {
      dualValue.addProduct(dj, bound);
    }
    return dj;
  });

  const value = primalValue.toRational();
  if (failure === null && dualValue.cmp(value) !== 0) {
    failure = `primal value ${value} differs from dual value ${dualValue.toRational()}`;
  }
  return {
    optimal: failure === null,
    value,
    activity: primal.activity,
    reducedCosts,
    failure,
  };
}

/**
 * Checks exactly that the row multipliers y prove `lp` infeasible:
 * L(y) > U(y) in the notation of the module header.
 */
export function checkFarkas(
  lp: LinearProgram,
  y: readonly Rational[],
  columns: ColumnMatrix = columnsOf(lp),
): boolean {
  if (y.length !== lp.rows.length) return false;
  const upperSum = new ExactSum();
  for (let r = 0; r < lp.rows.length; r++) {
    const row = lp.rows[r];
    const bound = boundFor(y[r].sign(), row.lower, row.upper);
    if (bound === null) return false;
    if (bound !== undefined) upperSum.addProduct(y[r], bound);
  }
  const lowerSum = new ExactSum();
  for (let j = 0; j < lp.variables.length; j++) {
    const z = new ExactSum();
    for (let k = columns.start[j]; k < columns.start[j + 1]; k++) {
      z.addProduct(y[columns.row[k]], columns.coefficient[k]);
    }
    const v = lp.variables[j];
    const s = z.sign();
    if (s === 0) continue;
    // The infimum of z_j x_j sits at l_j when z_j > 0 and at u_j when z_j < 0.
    const bound = s > 0 ? v.lower : v.upper;
    if (bound === null) return false;
    lowerSum.addProduct(z.toRational(), bound);
  }
  // L > U, compared as fractions with positive denominators.
  return lowerSum.num * upperSum.den > upperSum.num * lowerSum.den;
}

/**
 * Checks exactly that x is feasible and r an improving recession direction
 * (module header), which together prove `lp` unbounded.
 */
export function checkUnbounded(
  lp: LinearProgram,
  x: readonly Rational[],
  r: readonly Rational[],
): boolean {
  if (r.length !== lp.variables.length) return false;
  if (!checkPrimal(lp, x).feasible) return false;
  const tau = lp.sense === 'maximize' ? 1 : -1;
  const gain = new ExactSum();
  for (let j = 0; j < lp.variables.length; j++) {
    const v = lp.variables[j];
    const s = r[j].sign();
    if ((s < 0 && v.lower !== null) || (s > 0 && v.upper !== null))
      return false;
    gain.addProduct(v.cost, r[j]);
  }
  for (const row of lp.rows) {
    const ar = new ExactSum();
    for (let k = 0; k < row.indices.length; k++) {
      ar.addProduct(row.coefficients[k], r[row.indices[k]]);
    }
    const s = ar.sign();
    if ((s < 0 && row.lower !== null) || (s > 0 && row.upper !== null)) {
      return false;
    }
  }
  return tau * gain.sign() > 0;
}
