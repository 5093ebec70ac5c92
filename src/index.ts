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
// Mechanism design over finite types (src/mechanism/): problem files,
// optimal direct mechanisms, implementability with witnesses, audits,
// discrete virtual values with ironing, and revenue robust to information.
export {
  typeProfileCount,
  decodeTypes,
  encodeTypes,
  typeNames,
  withSettings,
  type MechanismProblem,
  type Mechanism,
  type Agent,
  type ItemStructure,
  type MechanismObjective,
  type Incentives,
  type Participation,
  type Budget,
} from './mechanism/problem.js';
export {
  parseMechanismJson,
  readMechanismFile,
  readMechanismInto,
  PROBLEM_FIELDS,
  UNSOLD,
} from './mechanism/problem-json.js';
export { efficientRule, vcgPayments } from './mechanism/rules.js';
export {
  mechanismConstraints,
  constraintName,
  type MechanismConstraint,
  type ConstraintMeaning,
  type Term,
} from './mechanism/constraints.js';
export {
  directProgram,
  solveMechanism,
  type DirectProgram,
  type MechanismSolution,
  type MechanismCertificate,
  type PricedConstraint,
} from './mechanism/direct.js';
export {
  implementRule,
  paymentRows,
  type ImplementResult,
  type ImplementWitness,
} from './mechanism/implement.js';
export {
  rochetCycle,
  farkasCombination,
  type RochetCycle,
  type CycleEdge,
  type FarkasCombination,
  type WeightedConstraint,
  type PaymentRow,
} from './mechanism/witness.js';
export {
  auditMechanism,
  type AuditResult,
  type Violation,
} from './mechanism/audit.js';
export {
  mechanismRows,
  interimRows,
  expectedRevenue,
  objectiveValue,
  mechanismJson,
  type MechanismRow,
  type InterimRow,
  type NamedConstraint,
  type MechanismJson,
} from './mechanism/report.js';
export {
  virtualValues,
  myersonOptimum,
  myersonInapplicable,
  virtualValueRule,
  type AgentVirtualValues,
  type MyersonCheck,
} from './mechanism/virtual-values.js';
export {
  inducedGame,
  robustRevenue,
  describeMechanism,
  type IndirectMechanism,
  type Baseline,
  type RevenueRange,
  type RobustRevenue,
  type InducedGameOptions,
} from './mechanism/robust.js';

// The shape of the BCE set: vertices, dimension, 2-D projections, plots
// (src/geometry/).
export {
  bceVertices,
  enumerateVertices,
  DEFAULT_VERTEX_LIMIT,
  type BceVertices,
  type VertexEnumeration,
  type VertexOptions,
} from './geometry/vertex-enumeration.js';
export { affineHull, type AffineHull } from './geometry/affine-hull.js';
export {
  polyhedronOfLp,
  type Polyhedron,
  type LinearConstraint,
} from './geometry/polyhedron.js';
export {
  parseStatistic,
  statisticValue,
  type Statistic,
} from './bce/statistics.js';
export {
  projectBce,
  locatePoint,
  type Projection,
  type ProjectedVertex,
  type EdgeCertificate,
  type Point,
  type PointPosition,
} from './geometry/projection.js';
export {
  projectionSvg,
  type MarkedPoint,
  type ProjectionPlotOptions,
} from './geometry/plot.js';

// Sequential information design (Doval and Ely 2020): src/sequential/.
export {
  solveSequential,
  checkSequential,
  THREAT_CLAIMS,
  type SequentialOptions,
  type SequentialSettings,
  type SequentialResult,
  type SequentialCheckResult,
  type SequentialFacts,
} from './sequential/sequential.js';
export {
  sequentialProgram,
  SEQUENTIAL_COLUMN_LIMIT,
  type SequentialProgram,
  type SequentialProgramOptions,
  type SequentialForm,
  type Route,
} from './sequential/program.js';
export {
  OBSERVATION,
  type ExtensiveForm,
  type RecommendationPlan,
  type OrderLaw,
  type PunishmentEntry,
  type Instruction,
} from './sequential/extensive-form.js';
export {
  verifyExtensiveForm,
  type FormVerification,
} from './sequential/verify.js';
export {
  threatTable,
  type ThreatKind,
  type ThreatTable,
  type Punishment,
  type PunishmentMode,
} from './sequential/threats.js';
export {
  subsetLattice,
  allOrders,
  peelOrders,
  type Lattice,
  type WeightedOrder,
} from './sequential/lattice.js';
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

// Bayesian persuasion by beliefs (src/persuasion/): value function,
// exact concavification, Bayes plausibility, public persuasion, plots.
export {
  persuade,
  PERSUASION_VERTEX_LIMIT,
  PERSUASION_EPSILON,
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
  EnvelopeCorner,
} from './persuasion/two-states.js';
export { persuasionPlot, type PlotOptions } from './persuasion/plot.js';
