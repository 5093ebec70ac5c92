/**
 * A polyhedron in H-form, read off the constraints of a linear program.
 *
 * The feasible set of a `LinearProgram` (lp/model.ts) is
 *
 *   P = { x ∈ Rⁿ : rowLower ≤ A x ≤ rowUpper, lower ≤ x ≤ upper },
 *
 * the same set whatever the objective. Here it is rewritten in one shape,
 *
 *   P = { x : e·x = f for every equality (e, f),
 *             a·x ≥ b for every inequality (a, b) },
 *
 * with dense exact coefficient vectors: a row with equal bounds becomes one
 * equality, a finite lower bound the inequality a·x ≥ lower, a finite upper
 * bound −a·x ≥ −upper, and variable bounds likewise. For the BCE polytope
 * (bce/bce.ts) the equalities are the martingale rows Σ_a π(θ, t, a) =
 * µ0(θ) ψ(t | θ), and the inequalities are π ≥ 0 and obedience.
 *
 * Dense vectors are the honest choice at the sizes vertex enumeration can
 * reach (a few hundred cells at most); the LP layer stays sparse.
 */

import type { LinearProgram } from '../lp/model.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';

/** One linear constraint a·x (≥ or =) b, with a readable name. */
export interface LinearConstraint {
  readonly name: string;
  /** Dense coefficients, one per variable. */
  readonly a: readonly Rational[];
  readonly b: Rational;
}

/** P = { x : e·x = f (equalities), a·x ≥ b (inequalities) }. */
export interface Polyhedron {
  /** Variable names; the ambient space is R^n with n = variables.length. */
  readonly variables: readonly string[];
  readonly equalities: readonly LinearConstraint[];
  readonly inequalities: readonly LinearConstraint[];
}

/** The feasible set of `lp` (its objective is ignored). */
export function polyhedronOfLp(lp: LinearProgram): Polyhedron {
  const n = lp.variables.length;
  const equalities: LinearConstraint[] = [];
  const inequalities: LinearConstraint[] = [];
  const dense = (indices: readonly number[], values: readonly Rational[]) => {
    const a = new Array<Rational>(n).fill(ZERO);
    indices.forEach((j, k) => {
      a[j] = a[j].add(values[k]);
    });
    return a;
  };

  for (const row of lp.rows) {
    const a = dense(row.indices, row.coefficients);
    if (row.lower && row.upper && row.lower.equals(row.upper)) {
      equalities.push({ name: row.name, a, b: row.lower });
      continue;
    }
    if (row.lower) inequalities.push({ name: row.name, a, b: row.lower });
    if (row.upper) {
      inequalities.push({
        name: `${row.name} (upper)`,
        a: a.map((x) => x.neg()),
        b: row.upper.neg(),
      });
    }
  }

  lp.variables.forEach((v, j) => {
    const unit = (sign: Rational) => {
      const a = new Array<Rational>(n).fill(ZERO);
      a[j] = sign;
      return a;
    };
    if (v.lower && v.upper && v.lower.equals(v.upper)) {
      equalities.push({ name: `${v.name} fixed`, a: unit(ONE), b: v.lower });
      return;
    }
    if (v.lower) {
      inequalities.push({
        name: `${v.name} ≥ ${v.lower}`,
        a: unit(ONE),
        b: v.lower,
      });
    }
    if (v.upper) {
      inequalities.push({
        name: `${v.name} ≤ ${v.upper}`,
        a: unit(ONE.neg()),
        b: v.upper.neg(),
      });
    }
  });
  return {
    variables: lp.variables.map((v) => v.name),
    equalities,
    inequalities,
  };
}

/** a·x, exactly. */
export function dot(a: readonly Rational[], x: readonly Rational[]): Rational {
  let total = ZERO;
  for (let j = 0; j < a.length; j++) {
    if (!a[j].isZero() && !x[j].isZero()) total = total.add(a[j].mul(x[j]));
  }
  return total;
}
