/**
 * Checking a `LinearProgram` once, at the boundary of the LP layer.
 *
 * Misuse throws here, before any work, with a message that names the row
 * or variable, what was expected and how to fix it; every module past this
 * point trusts its input. Bounds that contradict each other (l_j > u_j, or
 * rl_r > ru_r) are not misuse: such an LP is simply infeasible, and
 * `boundContradiction` reports it so the solver can answer so.
 */

import { Rational } from '../numbers/rational.js';
import type { LinearProgram } from './model.js';

/** Throws a RangeError describing the first structural fault of `lp`. */
export function checkLinearProgram(lp: LinearProgram): void {
  if (lp.sense !== 'maximize' && lp.sense !== 'minimize') {
    throw new RangeError(
      `LP sense is ${JSON.stringify(lp.sense)}; expected 'maximize' or 'minimize'`,
    );
  }
  const n = lp.variables.length;
  lp.variables.forEach((v, j) => {
    for (const [field, value] of [
      ['cost', v.cost],
      ['lower', v.lower],
      ['upper', v.upper],
    ] as const) {
      if (value !== null && !(value instanceof Rational)) {
        throw new RangeError(
          `variable ${j} ('${v.name}'): ${field} is not a Rational; ` +
            'build it with Rational.of or Rational.parse',
        );
      }
    }
  });
  const lastRowOf = new Int32Array(n).fill(-1);
  lp.rows.forEach((row, r) => {
    if (row.indices.length !== row.coefficients.length) {
      throw new RangeError(
        `row ${r} ('${row.name}') has ${row.indices.length} indices but ` +
          `${row.coefficients.length} coefficients; give one coefficient per index`,
      );
    }
    row.indices.forEach((j, k) => {
      if (!Number.isInteger(j) || j < 0 || j >= n) {
        throw new RangeError(
          `row ${r} ('${row.name}') refers to variable ${j}, but the LP has ` +
            `${n} variables (indices 0..${n - 1})`,
        );
      }
      if (lastRowOf[j] === r) {
        throw new RangeError(
          `row ${r} ('${row.name}') lists variable ${j} twice; ` +
            'add the coefficients into one entry',
        );
      }
      lastRowOf[j] = r;
      if (!(row.coefficients[k] instanceof Rational)) {
        throw new RangeError(
          `row ${r} ('${row.name}'): coefficient ${k} is not a Rational`,
        );
      }
    });
    for (const bound of [row.lower, row.upper]) {
      if (bound !== null && !(bound instanceof Rational)) {
        throw new RangeError(
          `row ${r} ('${row.name}'): a bound is not a Rational`,
        );
      }
    }
  });
  if (
    lp.objectiveOffset !== undefined &&
    !(lp.objectiveOffset instanceof Rational)
  ) {
    throw new RangeError('LP objectiveOffset is not a Rational');
  }
}

/** A variable or row whose lower bound exceeds its upper bound, in words. */
export function boundContradiction(lp: LinearProgram): string | null {
  for (const v of lp.variables) {
    if (v.lower !== null && v.upper !== null && v.lower.gt(v.upper)) {
      return `variable '${v.name}' has lower bound ${v.lower} above upper bound ${v.upper}`;
    }
  }
  for (const row of lp.rows) {
    if (row.lower !== null && row.upper !== null && row.lower.gt(row.upper)) {
      return `row '${row.name}' has lower bound ${row.lower} above upper bound ${row.upper}`;
    }
  }
  return null;
}
