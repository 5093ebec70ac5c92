/**
 * Sparse LU factorisation of a square matrix over exact rationals.
 *
 * Gaussian elimination turns B into an upper-triangular U' by row
 * operations E = E_S ⋯ E_1, where step s picks a pivot (p_s, c_s) and
 * subtracts f · (row p_s) from every other active row i holding an entry
 * in column c_s. Then E B = U' and
 *
 *     B x = b     ⇔  U' x = E b             (apply E, back-substitute),
 *     Bᵀ y = g    ⇔  U'ᵀ w = g,  y = Eᵀ w    (forward-substitute, apply Eᵀ).
 *
 * Pivots follow a cheap Markowitz rule: the active column with the fewest
 * entries, then its shortest row, which keeps fill-in low on the sparse
 * bases LP formulations produce (many singleton columns). Every entry of an
 * intermediate matrix is a ratio of two minors of B (Bareiss), so reduced
 * fractions stay polynomial in size; exact cancellation removes an entry.
 *
 * A singular matrix is reported (`null`), never guessed around.
 */

import { Rational, ZERO } from '../numbers/rational.js';

/** An exact factorisation of a square sparse matrix, ready to solve with. */
export interface RationalLu {
  /** Solves B x = b exactly. */
  solve(b: readonly Rational[]): Rational[];
  /** Solves Bᵀ y = g exactly. */
  solveTranspose(g: readonly Rational[]): Rational[];
}

/** One elimination step: pivot (row, column) and the row multipliers used. */
interface Step {
  readonly row: number;
  readonly column: number;
  readonly pivot: Rational;
  /** Rows of U' after elimination: entries in later-pivoted columns. */
  readonly upper: Map<number, Rational>;
  readonly eliminatedRows: number[];
  readonly factors: Rational[];
}

/**
 * Factorises the k × k matrix given by sparse rows (`rows[i]` maps column
 * to nonzero coefficient; the maps are consumed). Returns null when the
 * matrix is singular.
 */
export function factorise(
  k: number,
  rows: Map<number, Rational>[],
): RationalLu | null {
  // Column membership and count buckets for the Markowitz choice.
  const columnRows: Set<number>[] = Array.from({ length: k }, () => new Set());
  rows.forEach((row, i) => {
    for (const [c, a] of row) {
      // Explicit zeros (an LP row may hold them) are not entries.
      if (a.isZero()) row.delete(c);
      else columnRows[c].add(i);
    }
  });
  const buckets: Set<number>[] = [];
  const bucketOf = new Int32Array(k);
  const place = (c: number): void => {
    const count = columnRows[c].size;
    (buckets[count] ??= new Set()).add(c);
    bucketOf[c] = count;
  };
  const unplace = (c: number): void => {
    buckets[bucketOf[c]].delete(c);
  };
  for (let c = 0; c < k; c++) place(c);
  const steps: Step[] = [];

  for (let s = 0; s < k; s++) {
    // The active column with the fewest entries; an empty one is singular.
    if ((buckets[0]?.size ?? 0) > 0) return null;
    let column = -1;
    for (let count = 1; count < buckets.length && column < 0; count++) {
      const bucket = buckets[count];
      if (bucket !== undefined && bucket.size > 0) {
        column = bucket.values().next().value as number;
      }
    }
    if (column < 0) return null;
    let row = -1;
    for (const i of columnRows[column]) {
      if (row < 0 || rows[i].size < rows[row].size) row = i;
    }
    unplace(column);
    const pivotRow = rows[row];
    const pivot = pivotRow.get(column) as Rational;

    // The pivot row leaves the active matrix: drop it from column sets.
    for (const c of pivotRow.keys()) {
      if (c === column) continue;
      unplace(c);
      columnRows[c].delete(row);
      place(c);
    }

    // Eliminate column `column` from every other active row.
    const eliminatedRows: number[] = [];
    const factors: Rational[] = [];
    for (const i of columnRows[column]) {
      if (i === row) continue;
      const target = rows[i];
      const f = (target.get(column) as Rational).div(pivot);
      eliminatedRows.push(i);
      factors.push(f);
      target.delete(column);
      for (const [c, a] of pivotRow) {
        if (c === column) continue;
        const updated = (target.get(c) ?? ZERO).sub(f.mul(a));
        unplace(c);
        if (updated.isZero()) {
          target.delete(c);
          columnRows[c].delete(i);
        } else {
          if (!target.has(c)) columnRows[c].add(i);
          target.set(c, updated);
        }
        place(c);
      }
    }
    columnRows[column].clear();
    pivotRow.delete(column);
    steps.push({
      row,
      column,
      pivot,
      upper: pivotRow,
      eliminatedRows,
      factors,
    });
  }
  return {
    solve: (b) => solveWith(steps, k, b),
    solveTranspose: (g) => solveTransposeWith(steps, k, g),
  };
}

function solveWith(
  steps: Step[],
  k: number,
  b: readonly Rational[],
): Rational[] {
  const rhs = b.slice();
  for (const step of steps) {
    const pivotValue = rhs[step.row];
    if (pivotValue.isZero()) continue;
    step.eliminatedRows.forEach((i, t) => {
      rhs[i] = rhs[i].sub(step.factors[t].mul(pivotValue));
    });
  }
  const x = new Array<Rational>(k).fill(ZERO);
  for (let s = steps.length - 1; s >= 0; s--) {
    const step = steps[s];
    let value = rhs[step.row];
    for (const [c, a] of step.upper) value = value.sub(a.mul(x[c]));
    x[step.column] = value.div(step.pivot);
  }
  return x;
}

function solveTransposeWith(
  steps: Step[],
  k: number,
  g: readonly Rational[],
): Rational[] {
  // U'ᵀ w = g, in pivot order: column c_s of U' holds the pivot of row p_s
  // and entries of rows pivoted earlier, already pushed into `rest`.
  const rest = g.slice();
  const w = new Array<Rational>(k).fill(ZERO);
  for (const step of steps) {
    const value = rest[step.column].div(step.pivot);
    w[step.row] = value;
    if (value.isZero()) continue;
    for (const [c, a] of step.upper) rest[c] = rest[c].sub(a.mul(value));
  }
  // y = Eᵀ w = E_1ᵀ ⋯ E_Sᵀ w, so the last step applies first.
  for (let s = steps.length - 1; s >= 0; s--) {
    const step = steps[s];
    let value = w[step.row];
    step.eliminatedRows.forEach((i, t) => {
      value = value.sub(step.factors[t].mul(w[i]));
    });
    w[step.row] = value;
  }
  return w;
}
