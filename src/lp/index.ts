/**
 * The public API of the LP layer: the interface every formulation builds
 * (model.ts), the solver (HiGHS plus exact certification, or the exact
 * simplex alone), and the exact checks anyone can run on an answer.
 */

export type {
  LinearProgram,
  LpBasis,
  LpBasisStatus,
  LpMethod,
  LpOptions,
  LpResiduals,
  LpRow,
  LpSolution,
  LpStatus,
  LpVariable,
} from './model.js';
export { EXACT_SIMPLEX_FALLBACK_LIMIT, solveExact, solveLp } from './solve.js';
export {
  checkFarkas,
  checkOptimality,
  checkPrimal,
  checkUnbounded,
  type OptimalityCheck,
  type PrimalCheck,
} from './certificate.js';
export {
  certifyOptimum,
  type CertifiedOptimum,
  type CertifyOptions,
  type FloatOptimum,
} from './certify.js';
export { solveExactSimplex, type ExactSimplexResult } from './exact-simplex.js';
