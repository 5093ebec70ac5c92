/**
 * The bounded-variable primal simplex method in exact rational arithmetic.
 *
 * Each row r gets a logical variable s_r = A_r x with bounds rl_r ≤ s_r ≤
 * ru_r, so the LP becomes  min ĉ·z  s.t.  M z = 0,  lo ≤ z ≤ up  over
 * z = (x, s) with M = [A, −I] and ĉ = c (minimise) or −c (maximise). A
 * basis is m columns of M forming an invertible B; the tableau is
 * T = B⁻¹ M, nonbasic variables sit at a bound (or at zero when free) and
 * the basic ones are z_B = −T_N z_N.
 *
 * Phase 1 minimises the sum of bound violations of the basic variables
 * (a composite phase 1, so any basis can be a start: HiGHS's, or the slack
 * basis B = −I). Its cost is w_i = −1 for a basic variable below its lower
 * bound, +1 above its upper bound, 0 otherwise; the ratio test stops where
 * an infeasible variable reaches its violated bound, so the objective is
 * linear along each step. If it stops with violations left, y = −w_B B⁻¹
 * is a Farkas certificate (certificate.ts): over the box, z ↦ (w_B B⁻¹ M)z
 * stays below its value at the current point, which is 0 by M z = 0.
 *
 * Phase 2 minimises ĉ·z; at the optimum π = ĉ_B B⁻¹ are the row duals of
 * the minimisation, so y = π for a minimisation and y = −π for a
 * maximisation (the convention of model.ts).
 *
 * Anti-cycling: Bland's rule (the lowest-index improving variable enters;
 * ties in the ratio test go to the lowest index). Degenerate pivots change
 * no value, so phase 1's cost is constant along any degenerate run and the
 * classical argument applies; every nondegenerate step strictly improves.
 *
 * Limits: the tableau is dense, m × (n + m) rationals, and every pivot
 * touches all of it, so this is for LPs of up to a few hundred rows and
 * columns. It is the reference the float route is checked against and the
 * fallback when that route cannot produce a certificate.
 */

import { Rational, ZERO } from '../numbers/rational.js';
import type { LinearProgram, LpBasis, LpBasisStatus } from './model.js';

/** What the exact simplex found. */
export interface ExactSimplexResult {
  readonly status: 'optimal' | 'infeasible' | 'unbounded';
  /** Optimal x (optimal), the last feasible point (unbounded), else null. */
  readonly x: Rational[] | null;
  /** Row duals y (model.ts convention); null unless optimal. */
  readonly rowDuals: Rational[] | null;
  /** Farkas multipliers when infeasible; otherwise null. */
  readonly farkas: Rational[] | null;
  /** An improving recession direction when unbounded; otherwise null. */
  readonly ray: Rational[] | null;
  /** The final basis. */
  readonly basis: LpBasis;
  /** Simplex iterations (pivots and bound flips) taken. */
  readonly iterations: number;
  /** Whether the given start basis was used (false: the slack basis). */
  readonly warmStarted: boolean;
}

/** The number of tableau entries m × (n + m) the method would store. */
export function tableauSize(lp: LinearProgram): number {
  const m = lp.rows.length;
  return m * (lp.variables.length + m);
}

/**
 * Solves `lp` exactly, starting from `start` when it is a valid basis
 * (exactly m basic entries, invertible) and from the slack basis otherwise.
 */
export function solveExactSimplex(
  lp: LinearProgram,
  start: LpBasis | null = null,
): ExactSimplexResult {
  const simplex = new Tableau(lp);
  const warmStarted = start !== null && simplex.installBasis(start);
  if (!warmStarted) simplex.installSlackBasis();
  return simplex.run(warmStarted);
}

/**
 * Solves `lp` exactly from `start` only: null when `start` is not a valid
 * basis, where `solveExactSimplex` would fall back to the slack basis.
 */
export function solveExactSimplexFrom(
  lp: LinearProgram,
  start: LpBasis,
): ExactSimplexResult | null {
  const simplex = new Tableau(lp);
  return simplex.installBasis(start) ? simplex.run(true) : null;
}

class Tableau {
  private readonly n: number;
  private readonly m: number;
  private readonly total: number;
  private readonly lo: (Rational | null)[];
  private readonly up: (Rational | null)[];
  /** Phase-2 costs ĉ of the minimisation. */
  private readonly cost: Rational[];
  private t: Rational[][] = [];
  private basic: number[] = [];
  private rowOf: Int32Array;
  private z: Rational[];
  private iterations = 0;

  constructor(private readonly lp: LinearProgram) {
    this.n = lp.variables.length;
    this.m = lp.rows.length;
    this.total = this.n + this.m;
    const flip = lp.sense === 'maximize';
    this.lo = [
      ...lp.variables.map((v) => v.lower),
      ...lp.rows.map((r) => r.lower),
    ];
    this.up = [
      ...lp.variables.map((v) => v.upper),
      ...lp.rows.map((r) => r.upper),
    ];
    this.cost = [
      ...lp.variables.map((v) => (flip ? v.cost.neg() : v.cost)),
      ...lp.rows.map(() => ZERO),
    ];
    this.rowOf = new Int32Array(this.total).fill(-1);
    this.z = new Array<Rational>(this.total).fill(ZERO);
  }

  /** The matrix M = [A, −I], densely. */
  private initialMatrix(): Rational[][] {
    const t = Array.from({ length: this.m }, () =>
      new Array<Rational>(this.total).fill(ZERO),
    );
    this.lp.rows.forEach((row, r) => {
      row.indices.forEach((j, k) => {
        t[r][j] = t[r][j].add(row.coefficients[k]);
      });
      t[r][this.n + r] = Rational.int(-1);
    });
    return t;
  }

  /** A finite resting value for a nonbasic variable with this status. */
  private restingValue(j: number, status: LpBasisStatus): Rational {
    const lo = this.lo[j];
    const up = this.up[j];
    if (status === 'upper' && up !== null) return up;
    if (status === 'lower' && lo !== null) return lo;
    if (status === 'zero') {
      // Zero if the box allows it, else the bound nearest to zero.
      if (lo !== null && lo.sign() > 0) return lo;
      if (up !== null && up.sign() < 0) return up;
      return ZERO;
    }
    return lo ?? up ?? ZERO;
  }

  installSlackBasis(): void {
    // B = −I, so T = B⁻¹ M = −M.
    this.t = this.initialMatrix().map((row) => row.map((a) => a.neg()));
    this.basic = [];
    this.rowOf.fill(-1);
    for (let r = 0; r < this.m; r++) {
      this.basic.push(this.n + r);
      this.rowOf[this.n + r] = r;
    }
    for (let j = 0; j < this.n; j++) this.z[j] = this.restingValue(j, 'lower');
    this.computeBasicValues();
  }

  /** Installs a given basis by Gauss–Jordan pivots; false if unusable. */
  installBasis(start: LpBasis): boolean {
    const statuses = [...start.columns, ...start.rows];
    if (statuses.length !== this.total) return false;
    const wanted = statuses.flatMap((s, j) => (s === 'basic' ? [j] : []));
    if (wanted.length !== this.m) return false;
    this.t = this.initialMatrix();
    this.basic = new Array<number>(this.m).fill(-1);
    this.rowOf.fill(-1);
    for (const j of wanted) {
      let p = -1;
      for (let i = 0; i < this.m && p < 0; i++) {
        if (this.basic[i] < 0 && !this.t[i][j].isZero()) p = i;
      }
      if (p < 0) return false;
      this.pivot(p, j);
    }
    statuses.forEach((s, j) => {
      if (this.rowOf[j] < 0) this.z[j] = this.restingValue(j, s);
    });
    this.computeBasicValues();
    return true;
  }

  /** z_B = −T_N z_N. */
  private computeBasicValues(): void {
    for (let i = 0; i < this.m; i++) {
      let value = ZERO;
      const row = this.t[i];
      for (let j = 0; j < this.total; j++) {
        if (this.rowOf[j] >= 0 || row[j].isZero() || this.z[j].isZero()) {
          continue;
        }
        value = value.sub(row[j].mul(this.z[j]));
      }
      this.z[this.basic[i]] = value;
    }
  }

  /** Pivots T on (p, q): q becomes basic in row p. */
  private pivot(p: number, q: number): void {
    const pivotRow = this.t[p];
    const inverse = Rational.int(1).div(pivotRow[q]);
    const support: number[] = [];
    for (let j = 0; j < this.total; j++) {
      if (pivotRow[j].isZero()) continue;
      pivotRow[j] = pivotRow[j].mul(inverse);
      support.push(j);
    }
    for (let i = 0; i < this.m; i++) {
      const row = this.t[i];
      const f = row[q];
      if (i === p || f.isZero()) continue;
      for (const j of support) row[j] = row[j].sub(f.mul(pivotRow[j]));
    }
    const leaving = this.basic[p];
    if (leaving >= 0) this.rowOf[leaving] = -1;
    this.basic[p] = q;
    this.rowOf[q] = p;
  }

  /** Phase-1 weight of the basic variable in row i: −1, 0 or +1. */
  private violation(i: number): number {
    const b = this.basic[i];
    const lo = this.lo[b];
    const up = this.up[b];
    if (lo !== null && this.z[b].lt(lo)) return -1;
    if (up !== null && this.z[b].gt(up)) return 1;
    return 0;
  }

  run(warmStarted: boolean): ExactSimplexResult {
    let phase: 1 | 2 = 1;
    for (;;) {
      const weights = Array.from({ length: this.m }, (_, i) =>
        this.violation(i),
      );
      if (phase === 1 && weights.every((w) => w === 0)) phase = 2;
      const basicCost =
        phase === 1
          ? weights.map((w) => Rational.int(w))
          : this.basic.map((b) => this.cost[b]);
      const entering = this.chooseEntering(phase, basicCost);
      if (entering === null) {
        return phase === 1
          ? this.infeasibleResult(weights, warmStarted)
          : this.optimalResult(warmStarted);
      }
      const [q, direction] = entering;
      const step = this.ratioTest(phase, q, direction);
      if (step === null) {
        if (phase === 1) {
          throw new Error('exact simplex: phase 1 cannot be unbounded');
        }
        return this.unboundedResult(q, direction, warmStarted);
      }
      this.move(q, direction, step.length);
      if (step.row >= 0) this.pivot(step.row, q);
      this.iterations++;
    }
  }

  /** Bland: the lowest-index nonbasic variable whose move improves. */
  private chooseEntering(
    phase: 1 | 2,
    basicCost: readonly Rational[],
  ): [number, 1 | -1] | null {
    for (let j = 0; j < this.total; j++) {
      if (this.rowOf[j] >= 0) continue;
      const lo = this.lo[j];
      const up = this.up[j];
      if (lo !== null && up !== null && lo.equals(up)) continue;
      let d = phase === 1 ? ZERO : this.cost[j];
      for (let i = 0; i < this.m; i++) {
        const a = this.t[i][j];
        if (!a.isZero() && !basicCost[i].isZero()) {
          d = d.sub(basicCost[i].mul(a));
        }
      }
      const zj = this.z[j];
      if (d.sign() < 0 && (up === null || zj.lt(up))) return [j, 1];
      if (d.sign() > 0 && (lo === null || zj.gt(lo))) return [j, -1];
    }
    return null;
  }

  /**
   * The step length along the entering direction and the row that blocks
   * (−1 for a bound flip of the entering variable); null if nothing blocks.
   */
  private ratioTest(
    phase: 1 | 2,
    q: number,
    direction: 1 | -1,
  ): { length: Rational; row: number } | null {
    let best: { length: Rational; row: number } | null = null;
    for (let i = 0; i < this.m; i++) {
      const a = this.t[i][q];
      if (a.isZero()) continue;
      // z_B changes at rate ρ = −direction · T_iq per unit step.
      const rate = direction > 0 ? a.neg() : a;
      const b = this.basic[i];
      const target = this.blockingBound(phase, b, rate.sign());
      if (target === null) continue;
      const length = target.sub(this.z[b]).div(rate);
      if (
        best === null ||
        length.lt(best.length) ||
        (length.equals(best.length) && b < this.basic[best.row])
      ) {
        best = { length, row: i };
      }
    }
    // The entering variable's own bound: reaching it is a bound flip.
    const own = direction > 0 ? this.up[q] : this.lo[q];
    if (own !== null) {
      const flip = own.sub(this.z[q]).abs();
      if (best === null || flip.le(best.length))
        best = { length: flip, row: -1 };
    }
    return best;
  }

  /** The bound a basic variable moving in direction `sign` stops at. */
  private blockingBound(
    phase: 1 | 2,
    b: number,
    sign: number,
  ): Rational | null {
    const lo = this.lo[b];
    const up = this.up[b];
    const value = this.z[b];
    if (sign > 0) {
      if (lo !== null && value.lt(lo)) return phase === 1 ? lo : null;
      if (up !== null && value.gt(up)) return null;
      return up;
    }
    if (up !== null && value.gt(up)) return phase === 1 ? up : null;
    if (lo !== null && value.lt(lo)) return null;
    return lo;
  }

  /** Moves z_q by direction · length and the basic variables with it. */
  private move(q: number, direction: 1 | -1, length: Rational): void {
    if (length.isZero()) return;
    const delta = direction > 0 ? length : length.neg();
    this.z[q] = this.z[q].add(delta);
    for (let i = 0; i < this.m; i++) {
      const a = this.t[i][q];
      if (a.isZero()) continue;
      const b = this.basic[i];
      this.z[b] = this.z[b].sub(a.mul(delta));
    }
  }

  private basisStatuses(): LpBasis {
    const status = (j: number): LpBasisStatus => {
      if (this.rowOf[j] >= 0) return 'basic';
      const lo = this.lo[j];
      const up = this.up[j];
      if (lo !== null && this.z[j].equals(lo)) return 'lower';
      if (up !== null && this.z[j].equals(up)) return 'upper';
      return 'zero';
    };
    const all = Array.from({ length: this.total }, (_, j) => status(j));
    return { columns: all.slice(0, this.n), rows: all.slice(this.n) };
  }

  /** Σ_i weight_i T[i][n + r] for each row r: −(weight_B B⁻¹)_r. */
  private logicalCombination(weights: readonly Rational[]): Rational[] {
    return Array.from({ length: this.m }, (_, r) => {
      let sum = ZERO;
      for (let i = 0; i < this.m; i++) {
        const a = this.t[i][this.n + r];
        if (!a.isZero() && !weights[i].isZero()) {
          sum = sum.add(weights[i].mul(a));
        }
      }
      return sum;
    });
  }

  private optimalResult(warmStarted: boolean): ExactSimplexResult {
    // π = ĉ_B B⁻¹ = −Σ_i ĉ_{B_i} T[i][n + r]; y = π (min) or −π (max).
    const combination = this.logicalCombination(
      this.basic.map((b) => this.cost[b]),
    );
    const rowDuals =
      this.lp.sense === 'maximize'
        ? combination
        : combination.map((v) => v.neg());
    return {
      status: 'optimal',
      x: this.z.slice(0, this.n),
      rowDuals,
      farkas: null,
      ray: null,
      basis: this.basisStatuses(),
      iterations: this.iterations,
      warmStarted,
    };
  }

  private infeasibleResult(
    weights: readonly number[],
    warmStarted: boolean,
  ): ExactSimplexResult {
    const farkas = this.logicalCombination(weights.map((w) => Rational.int(w)));
    return {
      status: 'infeasible',
      x: null,
      rowDuals: null,
      farkas,
      ray: null,
      basis: this.basisStatuses(),
      iterations: this.iterations,
      warmStarted,
    };
  }

  private unboundedResult(
    q: number,
    direction: 1 | -1,
    warmStarted: boolean,
  ): ExactSimplexResult {
    const ray = new Array<Rational>(this.total).fill(ZERO);
    ray[q] = Rational.int(direction);
    for (let i = 0; i < this.m; i++) {
      const a = this.t[i][q];
      if (!a.isZero()) ray[this.basic[i]] = direction > 0 ? a.neg() : a;
    }
    return {
      status: 'unbounded',
      x: this.z.slice(0, this.n),
      rowDuals: null,
      farkas: null,
      ray: ray.slice(0, this.n),
      basis: this.basisStatuses(),
      iterations: this.iterations,
      warmStarted,
    };
  }
}
