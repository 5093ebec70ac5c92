/**
 * Solving a `LinearProgram` exactly: HiGHS finds an optimum in floats, and
 * certification turns it into exact rationals or falls back to the exact
 * simplex. (Implementation in progress.)
 */

import type { LinearProgram, LpOptions, LpSolution } from './model.js';

/** Solves an LP and certifies the answer exactly (unless floats are asked for). */
export async function solveLp(
  _lp: LinearProgram,
  _options: LpOptions = {},
): Promise<LpSolution> {
  throw new Error('solveLp: not implemented yet');
}
