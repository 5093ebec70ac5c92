/**
 * The affine hull of a polyhedron and its dimension, exactly.
 *
 * For P = { x ∈ Rⁿ : E x = f, a_i·x ≥ b_i (i ∈ I) } (polyhedron.ts), an
 * inequality i is an implicit equality when a_i·x = b_i on all of P. With
 * I⁼ the set of implicit equalities, the affine hull of P is
 *
 *   aff P = { x : E x = f, a_i·x = b_i for i ∈ I⁼ },
 *
 * and dim P = n − rank [E; a_i (i ∈ I⁼)] (Schrijver, "Theory of Linear and
 * Integer Programming", sec. 8.2). The dimension −1 means P is empty.
 *
 * Finding I⁼ by linear programming (the relative-interior LP of Fukuda's
 * cdd). With I⁼ₖ the implicit equalities found so far and U the other
 * inequalities, solve
 *
 *   maximise t   s.t.  E x = f,   a_i·x = b_i (i ∈ I⁼ₖ),
 *                      a_i·x − t ≥ b_i (i ∈ U),   t ≤ 1.
 *
 * If the optimum t* is positive, its x is strictly inside every i ∈ U, so
 * none of them is implicit and I⁼ = I⁼ₖ (and x is a relative interior
 * point of P). If t* = 0, the optimal row duals y certify it: dual
 * feasibility in x and t gives Σ_U y_i a_i + Σ λ_e e + … = 0 and
 * Σ_U y_i = −1 (the t column), and equal objective values give the same
 * combination of right-hand sides, so Σ_U y_i (a_i·x − b_i) = 0 for every
 * x ∈ P. With every term of one sign, each i with y_i ≠ 0 holds with
 * equality on all of P: it joins I⁼, and since Σ_U y_i ≠ 0 at least one
 * does. So the loop ends after at most |I⁼| + 1 LPs. Every LP answer,
 * duals included, is certified exactly by the LP layer, so these tests
 * of sign are exact.
 *
 * The rank, and a parametrisation of the hull, come from the reduced row
 * echelon form of [E; a_i (i ∈ I⁼) | f; b_i] in exact rationals: with
 * pivot columns p_1 … p_r and free columns q_1 … q_d, every point of the
 * hull is x = x⁰ + Σ_k y_k g_k, where x⁰ sets the free coordinates to 0
 * and g_k moves the free coordinate q_k by one.
 */

import { solveLp } from '../lp/solve.js';
import type { LpOptions, LpRow, LpVariable } from '../lp/model.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import type { Polyhedron } from './polyhedron.js';

/** What the affine hull computation found. */
export interface AffineHull {
  /**
   * `feasible`: P is nonempty and everything below is exact; `infeasible`:
   * P is empty (dimension −1); `failed`: an LP gave no certified answer.
   */
  readonly status: 'feasible' | 'infeasible' | 'failed';
  /** dim P: −1 when empty; null when the computation failed. */
  readonly dimension: number | null;
  /** Indices (into `inequalities`) of the implicit equalities I⁼. */
  readonly implicitEqualities: readonly number[];
  /** x⁰, a point of the hull (not necessarily of P). */
  readonly origin: readonly Rational[];
  /** g_1 … g_d, a basis of the hull's direction space. */
  readonly directions: readonly (readonly Rational[])[];
  /**
   * A point of P from the last LP: in the relative interior of P (strict
   * in every inequality that is not an implicit equality).
   */
  readonly point: readonly Rational[] | null;
  /** How many LPs were solved. */
  readonly lpSolves: number;
  /** Anything unusual the LP layer reported. */
  readonly notes: readonly string[];
}

/** The affine hull and dimension of `P`, certified by exact LPs. */
export async function affineHull(
  P: Polyhedron,
  options: LpOptions = {},
): Promise<AffineHull> {
  const n = P.variables.length;
  const m = P.inequalities.length;
  const notes: string[] = [];
  let lpSolves = 0;
  let point: Rational[] | null = null;
  const failed = (why: string): AffineHull => ({
    status: 'failed',
    dimension: null,
    implicitEqualities: [],
    origin: [],
    directions: [],
    point: null,
    lpSolves,
    notes: [...notes, why],
  });

  const implicit = new Set<number>();
  const sparse = (a: readonly Rational[]) => {
    const indices: number[] = [];
    const coefficients: Rational[] = [];
    a.forEach((x, j) => {
      if (!x.isZero()) {
        indices.push(j);
        coefficients.push(x);
      }
    });
    return { indices, coefficients };
  };

  for (;;) {
    // One relative-interior LP (header): x free, t ≤ 1 the common slack.
    const variables: LpVariable[] = [
      ...P.variables.map((name) => ({
        name,
        lower: null,
        upper: null,
        cost: ZERO,
      })),
      { name: 't', lower: null, upper: ONE, cost: ONE },
    ];
    const rows: LpRow[] = P.equalities.map((e) => ({
      name: e.name,
      ...sparse(e.a),
      lower: e.b,
      upper: e.b,
    }));
    const first = rows.length;
    for (let i = 0; i < m; i++) {
      const c = P.inequalities[i];
      const { indices, coefficients } = sparse(c.a);
      if (implicit.has(i)) {
        rows.push({
          name: c.name,
          indices,
          coefficients,
          lower: c.b,
          upper: c.b,
        });
        continue;
      }
      indices.push(n);
      coefficients.push(ONE.neg());
      rows.push({
        name: c.name,
        indices,
        coefficients,
        lower: c.b,
        upper: null,
      });
    }
    const solution = await solveLp(
      { sense: 'maximize', variables, rows },
      { ...options, arithmetic: 'exact' },
    );
    lpSolves++;
    notes.push(...solution.notes);
    if (solution.status === 'infeasible') {
      return {
        status: 'infeasible',
        dimension: -1,
        implicitEqualities: [],
        origin: [],
        directions: [],
        point: null,
        lpSolves,
        notes,
      };
    }
    const { x, rowDuals } = solution;
    if (solution.status !== 'optimal' || !solution.exact || !x || !rowDuals) {
      return failed(
        `the relative-interior LP ended with status ${solution.status}` +
          (solution.exact ? '' : ' (not certified exactly)'),
      );
    }
    point = x.slice(0, n);
    if (x[n].sign() > 0) break;

    // t* = 0: the inequalities with a nonzero dual are implicit equalities.
    let found = 0;
    for (let i = 0; i < m; i++) {
      if (implicit.has(i) || rowDuals[first + i].isZero()) continue;
      implicit.add(i);
      found++;
    }
    if (found === 0) {
      return failed(
        'the relative-interior LP had optimum 0 but no dual certificate',
      );
    }
  }

  // The hull: E x = f together with the implicit equalities, reduced.
  const implicitEqualities = [...implicit].sort((i, j) => i - j);
  const system = [
    ...P.equalities,
    ...implicitEqualities.map((i) => P.inequalities[i]),
  ].map((c) => [...c.a, c.b]);
  const { rows: reduced, pivots } = rref(system, n);
  const pivotSet = new Set(pivots);
  const free: number[] = [];
  for (let j = 0; j < n; j++) if (!pivotSet.has(j)) free.push(j);

  const origin = new Array<Rational>(n).fill(ZERO);
  pivots.forEach((p, r) => {
    origin[p] = reduced[r][n];
  });
  const directions = free.map((q) => {
    const g = new Array<Rational>(n).fill(ZERO);
    g[q] = ONE;
    pivots.forEach((p, r) => {
      g[p] = reduced[r][q].neg();
    });
    return g;
  });
  return {
    status: 'feasible',
    dimension: free.length,
    implicitEqualities,
    origin,
    directions,
    point,
    lpSolves,
    notes,
  };
}

/**
 * The reduced row echelon form of an augmented matrix [M | c] with `n`
 * coefficient columns, in exact rationals: the nonzero rows and the pivot
 * column of each. A row 0 = c ≠ 0 (an inconsistent system) is an internal
 * error here, since the callers only reduce systems with a known solution.
 */
export function rref(
  matrix: readonly (readonly Rational[])[],
  n: number,
): { rows: Rational[][]; pivots: number[] } {
  const rows = matrix.map((r) => [...r]);
  const pivots: number[] = [];
  let top = 0;
  for (let col = 0; col < n && top < rows.length; col++) {
    let found = -1;
    for (let r = top; r < rows.length; r++) {
      if (!rows[r][col].isZero()) {
        found = r;
        break;
      }
    }
    if (found < 0) continue;
    [rows[top], rows[found]] = [rows[found], rows[top]];
    const pivot = rows[top][col];
    rows[top] = rows[top].map((x) => x.div(pivot));
    for (let r = 0; r < rows.length; r++) {
      const factor = rows[r][col];
      if (r === top || factor.isZero()) continue;
      rows[r] = rows[r].map((x, j) => x.sub(factor.mul(rows[top][j])));
    }
    pivots.push(col);
    top++;
  }
  for (let r = top; r < rows.length; r++) {
    if (!rows[r][n].isZero()) {
      throw new Error('internal error: inconsistent equality system');
    }
  }
  return { rows: rows.slice(0, top), pivots };
}
