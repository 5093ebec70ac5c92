/**
 * Bayesian persuasion by beliefs, cross-checked by recommendations
 * (Kamenica and Gentzkow 2011; Aumann and Maschler 1995; Bergemann and
 * Morris 2016, 2019).
 *
 * Two routes to the same number:
 *
 * - beliefs: enumerate the vertices of the receivers' best-response
 *   regions in Δ(Θ) (best-response-regions.ts) and concavify over them
 *   (concavification.ts): the optimal posteriors µ_s, their weights τ(s)
 *   and the kernel π̂(s | θ) that induces them (signal.ts);
 * - recommendations: the obedience LP over outcomes π(θ, a)
 *   (recommendation-route.ts; `solveBce` for one receiver).
 *
 * Both run on every input and must agree exactly; for two states the
 * envelope's value at the prior (two-states.ts) is a third witness. A
 * disagreement is a bug and throws: no route is ever chosen silently.
 *
 * Size guard: vertex enumeration costs Σ_a C(k_a, d) small exact solves
 * (k_a inequalities, d = |supp µ0| − 1). Above `vertexLimit` it is skipped,
 * the answer comes from the recommendation LP alone, and a note says so.
 *
 * Tie rules other than `sender-preferred` make the value a supremum; when
 * the optimal posteriors sit where the rule picks something worse, the
 * answer says `attained: false` and gives a signal within ε
 * (approximation.ts).
 *
 * Several receivers (`public: true`): one public signal, so every
 * receiver holds the same posterior; the same two routes apply to action
 * profiles. The answer also reports the best value with private signals,
 * the designer-optimal BCE of the same game, for comparison.
 */

import { solveBce } from '../bce/bce.js';
import type { BaseGame } from '../game/game.js';
import type { Signal } from '../game/signal.js';
import type { LpOptions, LpStatus } from '../lp/model.js';
import { Rational } from '../numbers/rational.js';
import { approximateSignal } from './approximation.js';
import {
  enumerateRegions,
  planRegions,
  type Region,
} from './best-response-regions.js';
import { concavify } from './concavification.js';
import {
  persuasionProblem,
  profileActions,
  type PersuasionProblem,
  type PersuasionSpec,
  type TieRule,
} from './problem.js';
import { recommendationRoute } from './recommendation-route.js';
import {
  mergeByProfile,
  mergeEqual,
  signalKernel,
  toSignal,
  type Realisation,
  type SignalKernelEntry,
  type WeightedPosterior,
} from './signal.js';
import { twoStateFunctions, type TwoStateFunctions } from './two-states.js';
import { objectiveAt, respond } from './value-function.js';

/** Default `vertexLimit`: linear solves allowed for vertex enumeration. */
export const PERSUASION_VERTEX_LIMIT = 200_000;

/** Default ε for the approximate signal of an unattained supremum. */
export const PERSUASION_EPSILON: Rational = Rational.of(1, 1000);

/** Options for `persuade`. */
export interface PersuadeOptions extends PersuasionSpec {
  /** LP engine (see `LpOptions`); answers are always exact. */
  readonly engine?: LpOptions['engine'];
  /** Most linear solves vertex enumeration may take (default 200 000). */
  readonly vertexLimit?: number;
  /** How close the approximate signal must come (default 1/1000). */
  readonly epsilon?: Rational;
}

/** The two routes' values, side by side. */
export interface CrossCheck {
  /** Concavification over region vertices; null when the size guard skipped it. */
  readonly beliefs: Rational | null;
  /** The recommendation LP. */
  readonly recommendations: Rational | null;
  /** How the recommendation LP was solved: `bce` or `recommendation-lp`. */
  readonly method: 'bce' | 'recommendation-lp';
  /** Two states of positive prior: the envelope at the prior; else null. */
  readonly envelope: Rational | null;
  /** True when every route that ran agrees (they must); null when one ran. */
  readonly agree: boolean | null;
}

/** A best-response region that counts, with its vertices. */
export interface RegionSummary {
  readonly actions: readonly string[];
  /** Vertices, each a belief in the game's order of states. */
  readonly vertices: readonly (readonly Rational[])[];
}

/** A signal within ε of an unattained supremum. */
export interface Approximation {
  readonly epsilon: Rational;
  readonly value: Rational;
  /** |supremum − value| ≤ ε (unless `reached` is false). */
  readonly shortfall: Rational;
  readonly reached: boolean;
  readonly posteriors: readonly Realisation[];
  readonly kernel: readonly SignalKernelEntry[];
  readonly signal: Signal;
}

/** The answer of `persuade`. */
export interface PersuasionResult {
  readonly status: LpStatus;
  readonly objective: string;
  readonly sense: 'maximize' | 'minimize';
  readonly tie: TieRule;
  readonly public: boolean;
  readonly states: readonly string[];
  readonly receivers: readonly string[];
  /** The sender's best value (a supremum when `attained` is false). */
  readonly value: Rational | null;
  /** Whether the returned signal attains `value` under the tie rule. */
  readonly attained: boolean | null;
  /** Where the signal comes from: `beliefs`, or `recommendations` after the size guard. */
  readonly route: 'beliefs' | 'recommendations';
  readonly crossCheck: CrossCheck;
  /** The optimal posteriors, their weights and the actions counted on. */
  readonly posteriors: readonly Realisation[];
  /** π̂(s | θ) > 0 for states of positive prior. */
  readonly kernel: readonly SignalKernelEntry[];
  /** The same signal, dense, as `induceOutcome` and signal files take it. */
  readonly signal: Signal;
  /** A signal within ε when the supremum is not attained; else null. */
  readonly approximation: Approximation | null;
  /** The regions that count (belief route only), for plots and checks. */
  readonly regions: readonly RegionSummary[] | null;
  /** For two states: V and its envelope, exactly; else null. */
  readonly twoStates: TwoStateFunctions | null;
  /** With `public`: the best value with private signals (BCE); else null. */
  readonly privateSignals: {
    readonly status: LpStatus;
    readonly value: Rational | null;
  } | null;
  readonly size: {
    /** Σ_a C(k_a, d): linear solves vertex enumeration needs. */
    readonly solves: number;
    readonly vertexLimit: number;
    /** Regions that count and their vertices (0 when skipped). */
    readonly regions: number;
    readonly vertices: number;
    readonly recommendationLp: {
      readonly variables: number;
      readonly rows: number;
    };
  };
  readonly notes: readonly string[];
}

/**
 * Solves the persuasion problem of `game` by beliefs and by
 * recommendations, checks that they agree, and returns the optimal signal.
 *
 * @example
 * ```ts
 * import { parseGameJson, persuade } from 'revelation';
 * const game = parseGameJson({
 *   states: ['guilty', 'innocent'],
 *   prior: { guilty: '3/10', innocent: '7/10' },
 *   players: [{ name: 'judge', actions: ['acquit', 'convict'] }],
 *   payoffs: { guilty: [[0], [1]], innocent: [[1], [0]] },
 *   designer: { guilty: [0, 1], innocent: [0, 1] },
 * });
 * const r = await persuade(game, { objective: 'designer' });
 * r.value?.toString(); // '3/5'
 * r.posteriors.map((s) => s.posterior.join(',')); // ['0,1', '1/2,1/2']
 * ```
 */
export async function persuade(
  game: BaseGame,
  options: PersuadeOptions = {},
): Promise<PersuasionResult> {
  const problem = persuasionProblem(game, options);
  const lpOptions: LpOptions = { engine: options.engine ?? 'auto' };
  const vertexLimit = options.vertexLimit ?? PERSUASION_VERTEX_LIMIT;
  const epsilon = options.epsilon ?? PERSUASION_EPSILON;
  const notes: string[] = [];

  // Route 1, beliefs, unless the size guard says no.
  const plan = planRegions(problem);
  let regions: Region[] | null = null;
  let beliefs: Awaited<ReturnType<typeof concavify>> | null = null;
  if (plan.work <= vertexLimit) {
    regions = enumerateRegions(problem, plan);
    beliefs = await concavify(problem, regions, lpOptions);
  } else {
    notes.push(
      `vertex enumeration skipped: it needs ${plan.work} linear solves, ` +
        `above the limit of ${vertexLimit}; the signal comes from the ` +
        'recommendation LP alone (raise vertexLimit to cross-check)',
    );
  }

  // Route 2, recommendations, always.
  const recommendations = await recommendationRoute(problem, lpOptions);
  const status = beliefs ? beliefs.solution.status : recommendations.status;
  const value = beliefs ? beliefs.solution.value : recommendations.value;
  if (beliefs) {
    const b = beliefs.solution;
    const same =
      b.status === recommendations.status &&
      (b.value === null || recommendations.value === null
        ? b.value === recommendations.value
        : b.value.equals(recommendations.value));
    if (!same) {
      throw new Error(
        `internal error: the belief route (${b.status}, ${b.value}) and ` +
          `the recommendation LP (${recommendations.status}, ` +
          `${recommendations.value}) disagree; please report this game`,
      );
    }
  }

  // Two states: the envelope at the prior is a third witness.
  const twoStates =
    game.states.length === 2 ? twoStateFunctions(problem) : null;
  let envelope: Rational | null = null;
  if (twoStates && problem.support.length === 2 && value) {
    envelope = twoStates.envelopeAtPrior;
    if (!envelope.equals(value)) {
      throw new Error(
        `internal error: the two-state envelope at the prior (${envelope}) ` +
          `and the LP value (${value}) disagree; please report this game`,
      );
    }
  }

  const chosen = mergeByProfile(
    beliefs ? beliefs.posteriors : recommendations.posteriors,
  );
  const attained = status === 'optimal' ? isAttained(problem, chosen) : null;
  let approximation: Approximation | null = null;
  if (attained === false && value) {
    const near = approximateSignal(
      problem,
      chosen,
      recommendations.interior,
      value,
      epsilon,
    );
    const posteriors = mergeEqual(near.posteriors);
    approximation = {
      epsilon,
      value: near.value,
      shortfall: near.shortfall,
      reached: near.reached,
      ...describeSignal(problem, posteriors, 'within ε'),
    };
  }

  let privateSignals: PersuasionResult['privateSignals'] = null;
  if (problem.public) {
    const bce = await solveBce(game, {
      ...lpOptions,
      objective: problem.objective.name,
      sense: problem.sense,
    });
    privateSignals = { status: bce.status, value: bce.value };
  }

  const counted = regions ? regions.filter((r) => r.counts) : null;
  return {
    status,
    objective: problem.objective.name,
    sense: problem.sense,
    tie: problem.tie,
    public: problem.public,
    states: game.states,
    receivers: problem.receivers.map((r) => r.name),
    value,
    attained,
    route: beliefs ? 'beliefs' : 'recommendations',
    crossCheck: {
      beliefs: beliefs ? beliefs.solution.value : null,
      recommendations: recommendations.value,
      method: recommendations.method,
      envelope,
      agree: beliefs || envelope ? true : null,
    },
    ...describeSignal(problem, chosen, 'optimal'),
    approximation,
    regions: counted
      ? counted.map((r) => ({
          actions: profileActions(problem, r.profile),
          vertices: r.vertices,
        }))
      : null,
    twoStates,
    privateSignals,
    size: {
      solves: plan.work,
      vertexLimit,
      regions: counted ? counted.length : 0,
      vertices: counted
        ? counted.reduce((t, r) => t + r.vertices.length, 0)
        : 0,
      recommendationLp: recommendations.size,
    },
    notes,
  };
}

/**
 * Whether the tie rule, at each optimal posterior, picks a profile as good
 * for the sender as the one the envelope counts on. Under
 * `sender-preferred` it always does; anything else there is a bug.
 */
function isAttained(
  problem: PersuasionProblem,
  chosen: readonly WeightedPosterior[],
): boolean {
  const sign = problem.sense === 'maximize' ? 1 : -1;
  const attained = chosen.every((w) => {
    const counted = objectiveAt(problem, w.profile, w.µ);
    const picked = respond(problem, w.µ).value;
    return picked.cmp(counted) * sign >= 0;
  });
  if (!attained && problem.tie === 'sender-preferred') {
    throw new Error(
      'internal error: an optimal posterior is not attained under the ' +
        'sender-preferred tie rule; please report this game',
    );
  }
  return attained;
}

/** Realisations (named s1, s2, …) and the kernel of a list of posteriors. */
function describeSignal(
  problem: PersuasionProblem,
  list: readonly WeightedPosterior[],
  name: string,
): { posteriors: Realisation[]; kernel: SignalKernelEntry[]; signal: Signal } {
  const names = list.map((_, k) => `s${k + 1}`);
  const posteriors = list.map((w, k) => ({
    signal: names[k],
    probability: w.weight,
    posterior: w.µ,
    actions: profileActions(problem, w.profile),
    value: objectiveAt(problem, w.profile, w.µ),
  }));
  const game = problem.game;
  return {
    posteriors,
    kernel: signalKernel(game.states, game.prior, names, list),
    signal: toSignal(name, game.prior, names, list),
  };
}
