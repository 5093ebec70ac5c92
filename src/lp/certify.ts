/**
 * Turning a float answer of HiGHS into an exactly certified one.
 *
 * An optimum is certified by a pair (x, y) that passes the exact checks of
 * certificate.ts: x feasible, y dual feasible, c·x = D(y). Three routes
 * produce candidate pairs, cheapest first:
 *
 * 1. Rounding. Each float is replaced by the simplest rational within a
 *    relative 1e-9 (continued fractions, `nearestRational`), after
 *    snapping values that are that close to a bound or to zero. This works
 *    whenever the optimum's denominators are modest, which they are for
 *    most formulations in revelation.
 * 2. The basis. HiGHS's final basis fixes every nonbasic variable at a bound
 *    and every nonbasic row at a bound. With B the matrix of the nonbasic
 *    rows restricted to the basic columns (square when the basis has one
 *    basic entry per row), the vertex solves
 *        B x_B = b_N − A_{N,N} x_N,
 *    and the duals, zero on basic rows, solve Bᵀ y_N = c_B (a zero reduced
 *    cost on every basic column). Both are solved exactly (rational-lu.ts).
 *    This recovers any denominator, provided HiGHS's basis is exactly
 *    optimal, which it is unless the float tolerances hid a tiny violation.
 * 3. The exact simplex (exact-simplex.ts) started from HiGHS's basis; it
 *    repairs a basis that is off by a few pivots. Its cost grows with the
 *    dense tableau, so callers bound the LP size for this route.
 *
 * Infeasibility is certified by rounding HiGHS's dual ray (of either sign,
 * since HiGHS does not fix one) and checking it exactly as a Farkas
 * certificate; unboundedness by rounding a feasible point and a primal ray.
 */

import { Rational, ZERO, nearestRational } from '../numbers/rational.js';
import {
  checkFarkas,
  checkOptimality,
  checkUnbounded,
  type ColumnMatrix,
} from './certificate.js';
import { solveExactSimplex } from './exact-simplex.js';
import type { LinearProgram, LpBasis, LpBasisStatus } from './model.js';
import { factorise } from './rational-lu.js';

/** Relative tolerance of route 1: |x − p/q| ≤ 1e-9 · max(1, |x|). */
export const ROUNDING_TOLERANCE = 1e-9;
/** Largest denominator route 1 accepts: 2^40. */
export const ROUNDING_MAX_DENOMINATOR = 1n << 40n;

/** An exactly verified optimum. */
export interface CertifiedOptimum {
  readonly method: 'highs+rounding' | 'highs+basis' | 'highs+exact-simplex';
  readonly x: readonly Rational[];
  readonly rowDuals: readonly Rational[];
  readonly value: Rational;
  readonly activity: readonly Rational[];
  readonly reducedCosts: readonly Rational[];
  readonly basis: LpBasis | null;
}

/** A candidate from a route, or why the route did not produce one. */
type Attempt<T> = { ok: true; result: T } | { ok: false; reason: string };

/**
 * The simplest rational within the rounding tolerance of v; the exact
 * value of the float when there is none. Throws on NaN or ±∞, which a
 * caller must have ruled out.
 */
export function roundFloat(v: number): Rational {
  const tolerance = ROUNDING_TOLERANCE * Math.max(1, Math.abs(v));
  return (
    nearestRational(v, ROUNDING_MAX_DENOMINATOR, tolerance) ??
    Rational.fromFloatExact(v)
  );
}

/** Rounds v, snapping it to a bound within the rounding tolerance. */
function roundNear(
  v: number,
  lower: Rational | null,
  upper: Rational | null,
): Rational {
  const tolerance = ROUNDING_TOLERANCE * Math.max(1, Math.abs(v));
  for (const bound of [lower, upper]) {
    if (bound !== null && Math.abs(bound.toNumber() - v) <= tolerance) {
      return bound;
    }
  }
  return roundFloat(v);
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return false;
  }
  return true;
}

/** Route 1: round x and y, then check exactly. */
export function certifyByRounding(
  lp: LinearProgram,
  xFloat: ArrayLike<number>,
  yFloat: ArrayLike<number>,
  columns: ColumnMatrix,
): Attempt<CertifiedOptimum> {
  if (!allFinite(xFloat) || !allFinite(yFloat)) {
    return { ok: false, reason: 'HiGHS returned a non-finite value' };
  }
  const x = lp.variables.map((v, j) => roundNear(xFloat[j], v.lower, v.upper));
  const y = lp.rows.map((_, r) => roundNear(yFloat[r], ZERO, null));
  const check = checkOptimality(lp, x, y, columns);
  if (!check.optimal) return { ok: false, reason: check.failure ?? '' };
  return {
    ok: true,
    result: {
      method: 'highs+rounding',
      x,
      rowDuals: y,
      value: check.value,
      activity: check.activity,
      reducedCosts: check.reducedCosts,
      basis: null,
    },
  };
}

/** Where a nonbasic variable or row rests, given its basis status. */
function restingValue(
  status: LpBasisStatus,
  lower: Rational | null,
  upper: Rational | null,
): Rational {
  if (status === 'upper' && upper !== null) return upper;
  if (status === 'lower' && lower !== null) return lower;
  if (status === 'zero') {
    if (lower !== null && lower.sign() > 0) return lower;
    if (upper !== null && upper.sign() < 0) return upper;
    return ZERO;
  }
  return lower ?? upper ?? ZERO;
}

/** Route 2: solve the basis system exactly, then check. */
export function certifyByBasis(
  lp: LinearProgram,
  basis: LpBasis,
  columns: ColumnMatrix,
): Attempt<CertifiedOptimum> {
  const n = lp.variables.length;
  if (basis.columns.length !== n || basis.rows.length !== lp.rows.length) {
    return { ok: false, reason: 'basis has the wrong dimensions' };
  }
  const basicColumns: number[] = [];
  const position = new Int32Array(n).fill(-1);
  basis.columns.forEach((s, j) => {
    if (s === 'basic') {
      position[j] = basicColumns.length;
      basicColumns.push(j);
    }
  });
  const tightRows: number[] = [];
  basis.rows.forEach((s, r) => {
    if (s !== 'basic') tightRows.push(r);
  });
  const k = basicColumns.length;
  if (tightRows.length !== k) {
    return {
      ok: false,
      reason: `basis has ${k} basic columns but ${tightRows.length} nonbasic rows`,
    };
  }

  // Nonbasic columns rest at a bound; the basic ones are unknowns.
  const x = lp.variables.map((v, j) =>
    position[j] >= 0 ? ZERO : restingValue(basis.columns[j], v.lower, v.upper),
  );
  const matrix: Map<number, Rational>[] = [];
  const rhs: Rational[] = [];
  for (const r of tightRows) {
    const row = lp.rows[r];
    const entries = new Map<number, Rational>();
    let b = restingValue(basis.rows[r], row.lower, row.upper);
    row.indices.forEach((j, t) => {
      const a = row.coefficients[t];
      if (position[j] >= 0) entries.set(position[j], a);
      else if (!x[j].isZero()) b = b.sub(a.mul(x[j]));
    });
    matrix.push(entries);
    rhs.push(b);
  }
  const lu = factorise(k, matrix);
  if (lu === null) return { ok: false, reason: 'basis matrix is singular' };
  const xBasic = lu.solve(rhs);
  basicColumns.forEach((j, i) => (x[j] = xBasic[i]));
  const yTight = lu.solveTranspose(
    basicColumns.map((j) => lp.variables[j].cost),
  );
  const y = lp.rows.map(() => ZERO);
  tightRows.forEach((r, i) => (y[r] = yTight[i]));

  const check = checkOptimality(lp, x, y, columns);
  if (!check.optimal) return { ok: false, reason: check.failure ?? '' };
  return {
    ok: true,
    result: {
      method: 'highs+basis',
      x,
      rowDuals: y,
      value: check.value,
      activity: check.activity,
      reducedCosts: check.reducedCosts,
      basis,
    },
  };
}

/** Route 3: the exact simplex from HiGHS's basis (or the slack basis). */
export function certifyByExactSimplex(
  lp: LinearProgram,
  basis: LpBasis | null,
  columns: ColumnMatrix,
): Attempt<CertifiedOptimum> & { warmStarted?: boolean } {
  const result = solveExactSimplex(lp, basis);
  if (
    result.status !== 'optimal' ||
    result.x === null ||
    result.rowDuals === null
  ) {
    return {
      ok: false,
      reason: `the exact simplex found the LP ${result.status}, HiGHS did not`,
    };
  }
  const check = checkOptimality(lp, result.x, result.rowDuals, columns);
  if (!check.optimal) {
    return {
      ok: false,
      reason: `exact simplex answer failed: ${check.failure}`,
    };
  }
  return {
    ok: true,
    warmStarted: result.warmStarted,
    result: {
      method: 'highs+exact-simplex',
      x: result.x,
      rowDuals: result.rowDuals,
      value: check.value,
      activity: check.activity,
      reducedCosts: check.reducedCosts,
      basis: result.basis,
    },
  };
}

/**
 * A Farkas certificate from HiGHS's dual ray: rounded, tried with both
 * signs, verified exactly; null when neither sign verifies.
 */
export function certifyFarkas(
  lp: LinearProgram,
  ray: ArrayLike<number> | null,
  columns: ColumnMatrix,
): Rational[] | null {
  if (ray === null || ray.length !== lp.rows.length || !allFinite(ray)) {
    return null;
  }
  // Scale so the largest entry is 1: HiGHS's scale is arbitrary.
  let largest = 0;
  for (let r = 0; r < ray.length; r++) {
    largest = Math.max(largest, Math.abs(ray[r]));
  }
  if (largest === 0) return null;
  const y = Array.from({ length: ray.length }, (_, r) =>
    roundNear(ray[r] / largest, ZERO, null),
  );
  if (checkFarkas(lp, y, columns)) return y;
  const negated = y.map((v) => v.neg());
  return checkFarkas(lp, negated, columns) ? negated : null;
}

/**
 * A verified proof of unboundedness from a float feasible point and ray:
 * both rounded, then checked exactly; null when the check fails.
 */
export function certifyUnbounded(
  lp: LinearProgram,
  xFloat: ArrayLike<number> | null,
  rayFloat: ArrayLike<number> | null,
): { x: Rational[]; ray: Rational[] } | null {
  const n = lp.variables.length;
  if (xFloat === null || rayFloat === null) return null;
  if (xFloat.length !== n || rayFloat.length !== n) return null;
  if (!allFinite(xFloat) || !allFinite(rayFloat)) return null;
  let largest = 0;
  for (let j = 0; j < n; j++)
    largest = Math.max(largest, Math.abs(rayFloat[j]));
  if (largest === 0) return null;
  const x = lp.variables.map((v, j) => roundNear(xFloat[j], v.lower, v.upper));
  const ray = Array.from({ length: n }, (_, j) =>
    roundNear(rayFloat[j] / largest, ZERO, null),
  );
  return checkUnbounded(lp, x, ray) ? { x, ray } : null;
}

/** A float optimum to certify: HiGHS's x, y and final basis. */
export interface FloatOptimum {
  readonly x: ArrayLike<number>;
  readonly rowDuals: ArrayLike<number>;
  readonly basis: LpBasis | null;
}

/** Options for `certifyOptimum`. */
export interface CertifyOptions {
  /** Whether route 3, the exact simplex, may run (default true). */
  readonly exactSimplex?: boolean;
}

/**
 * Certifies a float optimum exactly by routes 1, 2 and 3 in turn (module
 * header). Returns the first verified optimum, or null, with a note for
 * every route that failed and why.
 */
export function certifyOptimum(
  lp: LinearProgram,
  candidate: FloatOptimum,
  columns: ColumnMatrix,
  options: CertifyOptions = {},
): { optimum: CertifiedOptimum | null; notes: string[] } {
  const notes: string[] = [];
  const rounded = certifyByRounding(
    lp,
    candidate.x,
    candidate.rowDuals,
    columns,
  );
  if (rounded.ok) return { optimum: rounded.result, notes };
  notes.push(`rounding did not certify: ${rounded.reason}`);

  if (candidate.basis !== null) {
    const solved = certifyByBasis(lp, candidate.basis, columns);
    if (solved.ok) return { optimum: solved.result, notes };
    notes.push(`exact basis solve did not certify: ${solved.reason}`);
  } else {
    notes.push('HiGHS returned no valid basis');
  }

  if (options.exactSimplex === false) return { optimum: null, notes };
  const simplex = certifyByExactSimplex(lp, candidate.basis, columns);
  if (simplex.ok) {
    if (simplex.warmStarted === false) {
      notes.push(
        "the exact simplex could not use HiGHS's basis; it started from the slack basis",
      );
    }
    return { optimum: simplex.result, notes };
  }
  notes.push(simplex.reason);
  return { optimum: null, notes };
}
