/**
 * The recommendation route: the same persuasion problem as an LP over
 * outcomes π(θ, a) (Kamenica and Gentzkow 2011, sec. IV; Bergemann and
 * Morris 2016, 2019), used to cross-check the belief route and as its
 * fallback when vertex enumeration would be too large.
 *
 * - One receiver, `sender-preferred`: the designer-optimal Bayes
 *   correlated equilibrium, `solveBce` itself.
 * - Otherwise: columns π(θ, a) for θ of positive prior and the profiles a
 *   that count under the tie rule, the martingale rows
 *   Σ_a π(θ, a) = µ0(θ), and for each a the rows of its region Q_a with
 *   the posterior replaced by π(·, a) — the obedience rows of every
 *   receiver conditional on the whole public recommendation a, plus the
 *   tie rule's rows, all from `regionRows` and so from `obedienceRows`.
 *   When a signal is public each receiver sees the whole recommended
 *   profile, which is why obedience is conditioned on a and not on a_i.
 *
 * Which profiles count is decided here independently of the vertices,
 * by one small LP per profile: maximise t subject to µ ∈ F, the region's
 * rows, and t ≤ (each row that must hold strictly), t ≤ 1. The region
 * counts when t* > 0, and the optimal µ is then a point where the tie
 * rule really picks a — the interior point that the ε-approximate signal
 * of approximation.ts moves towards.
 */

import { solveBce, type BceResult } from '../bce/bce.js';
import { profileCount } from '../game/game.js';
import { solveLp } from '../lp/solve.js';
import type {
  LinearProgram,
  LpOptions,
  LpRow,
  LpStatus,
  LpVariable,
} from '../lp/model.js';
import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';
import { isCandidate, regionRows } from './best-response-regions.js';
import { profileActions, type PersuasionProblem } from './problem.js';
import type { WeightedPosterior } from './signal.js';

/** What the recommendation route found. */
export interface RecommendationRoute {
  readonly status: LpStatus;
  readonly value: Rational | null;
  /** `bce` (solveBce) or `recommendation-lp` (the program above). */
  readonly method: 'bce' | 'recommendation-lp';
  /** τ(a) = Σ_θ π(θ, a) > 0 with posterior π(·, a) / τ(a). */
  readonly posteriors: readonly WeightedPosterior[];
  /** Columns and rows of the LP. */
  readonly size: { readonly variables: number; readonly rows: number };
  /** For tie rules other than sender-preferred: a point where each counted profile is picked. */
  readonly interior: ReadonlyMap<number, readonly Rational[]>;
  /** The BCE answer, when the route was `solveBce`. */
  readonly bce: BceResult | null;
}

/** Solves the recommendation LP of the problem. */
export async function recommendationRoute(
  problem: PersuasionProblem,
  options: LpOptions = {},
): Promise<RecommendationRoute> {
  const lpOptions: LpOptions = { ...options, arithmetic: 'exact' };
  if (!problem.public && problem.tie === 'sender-preferred') {
    const bce = await solveBce(problem.game, {
      ...lpOptions,
      objective: problem.objective.name,
      sense: problem.sense,
    });
    const posteriors: WeightedPosterior[] = [];
    if (bce.outcomeTable) {
      const count = profileCount(problem.game);
      for (let a = 0; a < count; a++) {
        const column = bce.outcomeTable.p.map((byType) => byType[0][a]);
        posteriors.push(...posteriorOf(column, a));
      }
    }
    return {
      status: bce.status,
      value: bce.value,
      method: 'bce',
      posteriors,
      size: { variables: bce.size.variables, rows: bce.size.rows },
      interior: new Map(),
      bce,
    };
  }

  // Which profiles count, and a point where each is picked.
  const interior = new Map<number, readonly Rational[]>();
  const profiles: number[] = [];
  for (let a = 0; a < problem.profiles; a++) {
    if (!isCandidate(problem, a)) continue;
    if (problem.tie === 'sender-preferred') {
      profiles.push(a);
      continue;
    }
    const point = await pickedPoint(problem, a, lpOptions);
    if (point) {
      profiles.push(a);
      interior.set(a, point);
    }
  }

  // Columns π(θ, a), martingale rows, then each profile's region rows.
  const states = problem.game.states;
  const variables: LpVariable[] = [];
  const columnOf = new Map<string, number>();
  for (const a of profiles) {
    for (const s of problem.support) {
      columnOf.set(`${s}/${a}`, variables.length);
      variables.push({
        name: `pi[${states[s]};${profileActions(problem, a).join(',')}]`,
        lower: ZERO,
        upper: null,
        cost: problem.objective.weights[s][a],
      });
    }
  }
  const rows: LpRow[] = problem.support.map((s) => {
    const indices = profiles.map((a) => columnOf.get(`${s}/${a}`) as number);
    const mass = problem.game.prior[s];
    return {
      name: `prior[${states[s]}]`,
      indices,
      coefficients: indices.map(() => ONE),
      lower: mass,
      upper: mass,
    };
  });
  for (const a of profiles) {
    const region = regionRows(
      problem,
      a,
      (s) => columnOf.get(`${s}/${a}`) ?? -1,
    );
    rows.push(...region.rows);
  }
  const lp: LinearProgram = { sense: problem.sense, variables, rows };
  const solution = await solveLp(lp, lpOptions);
  const posteriors: WeightedPosterior[] = [];
  if (solution.status === 'optimal' && solution.x) {
    const x = solution.x;
    for (const a of profiles) {
      const column = states.map((_, s) => {
        const j = columnOf.get(`${s}/${a}`);
        return j === undefined ? ZERO : x[j];
      });
      posteriors.push(...posteriorOf(column, a));
    }
  }
  return {
    status: solution.status,
    value: solution.value,
    method: 'recommendation-lp',
    posteriors,
    size: { variables: variables.length, rows: rows.length },
    interior,
    bce: null,
  };
}

/** τ(a) and µ_a from one column π(·, a) of an outcome; none when τ(a) = 0. */
function posteriorOf(
  column: readonly Rational[],
  profile: number,
): WeightedPosterior[] {
  const weight = sum(column);
  if (weight.isZero()) return [];
  return [{ weight, µ: column.map((p) => p.div(weight)), profile }];
}

/**
 * A belief in F where the tie rule picks profile a, from the LP
 * max t s.t. µ ∈ Q_a and t ≤ each row that must hold strictly (and, for
 * sender-worst, t ≤ µ(θ)); null when t* ≤ 0 (the region does not count).
 */
async function pickedPoint(
  problem: PersuasionProblem,
  a: number,
  options: LpOptions,
): Promise<Rational[] | null> {
  const support = problem.support;
  const position = new Map(support.map((s, j) => [s, j]));
  const n = support.length;
  const t = n;
  const region = regionRows(problem, a, (s) => position.get(s) ?? -1);
  const worst = problem.tie === 'sender-worst';
  const rows: LpRow[] = region.rows.map((row, r) =>
    worst || region.strict[r]
      ? {
          ...row,
          indices: [...row.indices, t],
          coefficients: [...row.coefficients, ONE.neg()],
        }
      : row,
  );
  if (worst) {
    support.forEach((s, j) => {
      rows.push({
        name: `interior[${problem.game.states[s]}]`,
        indices: [j, t],
        coefficients: [ONE, ONE.neg()],
        lower: ZERO,
        upper: null,
      });
    });
  }
  rows.push({
    name: 'total',
    indices: support.map((_, j) => j),
    coefficients: support.map(() => ONE),
    lower: ONE,
    upper: ONE,
  });
  const variables: LpVariable[] = [
    ...support.map((s) => ({
      name: `mu[${problem.game.states[s]}]`,
      lower: ZERO,
      upper: null,
      cost: ZERO,
    })),
    { name: 't', lower: ONE.neg(), upper: ONE, cost: ONE },
  ];
  const solution = await solveLp(
    { sense: 'maximize', variables, rows },
    options,
  );
  if (solution.status !== 'optimal' || !solution.x) return null;
  if (solution.x[t].sign() <= 0) return null;
  const µ = new Array<Rational>(problem.game.states.length).fill(ZERO);
  support.forEach((s, j) => {
    µ[s] = (solution.x as readonly Rational[])[j];
  });
  return µ;
}
