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

// Durable-good sale with and without commitment (src/durable/).
export {
  durableProblem,
  parseDurableJson,
  readDurableFile,
  withHorizon,
  priceRevenue,
  monopolyPrice,
  MAX_HORIZON,
  DURABLE_FIELDS,
  type DurableProblem,
  type DurableProblemInput,
} from './durable/problem.js';
export {
  solveDurable,
  revenueByHorizon,
  settlesAt,
  REGIMES,
  type Regime,
  type DurableOptions,
  type DurableResult,
  type HorizonRow,
} from './durable/durable.js';
export {
  commitmentProgram,
  solveCommitment,
  type CommitmentProgram,
  type CommitmentEntry,
  type CommitmentResult,
} from './durable/commitment.js';
export {
  continuationPlans,
  continuationAt,
  type Continuation,
  type ContinuationSource,
} from './durable/continuation.js';
export {
  mediatedProgram,
  solveMediated,
  type MediatedProgram,
  type MediatedResult,
  type DeviceEntry,
  type DeviceMessage,
} from './durable/mediated.js';
export {
  futureSellerGame,
  futureSellerObedience,
  lastPeriodPlans,
  FUTURE_SELLER,
  type ContinuationPlan,
} from './durable/future-seller.js';
export {
  postedRecursion,
  plansAt,
  profileAt,
  type PostedRecursion,
  type Plan,
  type PlanKind,
  type MarketState,
  type Profile,
  type Segment,
  type Knot,
} from './durable/posted.js';
export {
  solvePosted,
  postedFrom,
  checkPostedPath,
  type PostedResult,
  type PostedStep,
} from './durable/posted-path.js';
