/**
 * revelation: exact information design and mechanism design on finite
 * games. This file is the whole public API; everything not exported here is
 * internal.
 */

export {
  Rational,
  ZERO,
  ONE,
  sum,
  nearestRational,
} from './numbers/rational.js';
export type { BaseGame, Player, TypeProfileWeight } from './game/game.js';
export { profileCount, decodeProfile, encodeProfile } from './game/game.js';
export type { Outcome } from './game/outcome.js';
export { InputError } from './io/input-error.js';
export { readNumber, readProbability, NUMBER_FORMS } from './io/numbers.js';
export { parseGameJson, readGameFile, GAME_FIELDS } from './io/game-json.js';
export {
  parseOutcomeJson,
  readOutcomeFile,
  OUTCOME_FIELDS,
} from './io/outcome-json.js';
export { parseGambitNfg, MAX_NFG_PROFILES } from './io/gambit-nfg.js';

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
} from './lp/model.js';
export {
  EXACT_SIMPLEX_FALLBACK_LIMIT,
  solveExact,
  solveLp,
} from './lp/solve.js';
export {
  checkFarkas,
  checkOptimality,
  checkPrimal,
  checkUnbounded,
  type OptimalityCheck,
  type PrimalCheck,
} from './lp/certificate.js';
export {
  certifyOptimum,
  type CertifiedOptimum,
  type CertifyOptions,
  type FloatOptimum,
} from './lp/certify.js';
export {
  solveExactSimplex,
  solveExactSimplexFrom,
  type ExactSimplexResult,
} from './lp/exact-simplex.js';

export { resolveObjective, type Objective } from './bce/objective.js';
export { obedienceRows, type ObedienceConstraint } from './bce/obedience.js';
export {
  bceProgram,
  solveBce,
  bceRange,
  outcomeCells,
  outcomeFromColumns,
  type BceProgram,
  type BceResult,
  type BceRange,
  type BceOptions,
  type Cell,
  type Certificate,
  type OutcomeCell,
  type PricedObedience,
  type PricedMartingale,
  type ProgramSize,
} from './bce/bce.js';
export {
  checkOutcome,
  type CheckResult,
  type CheckFailure,
  type MartingaleFailure,
  type ObedienceFailure,
  type UnavailableFailure,
} from './bce/check.js';
export {
  informationStructure,
  type InformationStructure,
  type KernelEntry,
  type RecommendationPosterior,
} from './bce/information-structure.js';

// Private information (issue 3): Gambit .efg one-stage Bayesian games, the
// outcome a given signal induces, and comparison of baseline information.
export { parseGambitEfg, MAX_EFG_CELLS, NO_MOVE } from './io/gambit-efg.js';
export {
  parseEfgTree,
  type EfgTree,
  type EfgNode,
  type EfgEvent,
  type EfgInfoset,
  type EfgOutcome,
  type EfgPlace,
} from './io/gambit-efg-tree.js';
export type { Signal } from './game/signal.js';
export {
  parseSignalJson,
  readSignalFile,
  signalJson,
  SIGNAL_FIELDS,
} from './io/signal-json.js';
export {
  induceOutcome,
  recommendationSignal,
  TIE_RULES,
  type TieRule,
  type InduceOptions,
  type InducedOutcome,
  type SignalResponse,
} from './induce/induce.js';
export {
  findGarbling,
  type GarblingResult,
  type GarblingEntry,
  type MarginalEntry,
} from './garbling/garbling.js';
export {
  compareInformation,
  requireSameBaseGame,
  type CompareOptions,
  type InformationComparison,
  type InformationOrder,
} from './garbling/compare.js';

// Bayesian persuasion by beliefs (src/persuasion/): value function,
// exact concavification, Bayes plausibility, public persuasion, plots.
export {
  persuade,
  DEFAULT_VERTEX_LIMIT,
  DEFAULT_EPSILON,
  type PersuadeOptions,
  type PersuasionResult,
  type CrossCheck,
  type RegionSummary,
  type Approximation,
} from './persuasion/persuade.js';
export {
  persuasionProblem,
  type PersuasionSpec,
  type PersuasionProblem,
  type Receiver,
} from './persuasion/problem.js';
export {
  valueFunction,
  type ValueAtBelief,
} from './persuasion/value-function.js';
export {
  checkPlausibility,
  type PlausibilityResult,
  type PosteriorWithWeight,
} from './persuasion/plausibility.js';
export type { Realisation, SignalKernelEntry } from './persuasion/signal.js';
export type {
  TwoStateFunctions,
  LinearPiece,
  BreakPoint,
  Knot,
} from './persuasion/two-states.js';
export { persuasionPlot, type PlotOptions } from './persuasion/plot.js';
