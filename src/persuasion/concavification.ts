/**
 * Concavification over the vertices of the best-response regions
 * (Kamenica and Gentzkow 2011, cor. 2; Aumann and Maschler 1995).
 *
 * The sender's best value is the concave envelope of V at the prior:
 *
 *   cav V(µ0) = max { Σ_s τ(s) V(µ_s) : τ ∈ Δ(Δ(Θ)) finite,
 *                                       Σ_s τ(s) µ_s = µ0 }.
 *
 * On a region Q_a (best-response-regions.ts) the value is linear,
 * V(µ) = Σ_θ µ(θ) w(a, θ), so a posterior inside Q_a can be split into
 * Q_a's vertices without changing the value, and an optimal signal needs
 * only posteriors at vertices. With one variable τ(a, v) ≥ 0 per region
 * and vertex v, the envelope is the LP
 *
 *   max (or min)  Σ_{a, v} τ(a, v) Σ_θ v(θ) w(a, θ)
 *   subject to    Σ_{a, v} τ(a, v) v(θ) = µ0(θ)   for every θ of µ0(θ) > 0,
 *                 τ ≥ 0,
 *
 * solved and certified exactly by `solveLp` (Σ τ = 1 follows from the
 * rows, since every vertex sums to 1). Under `sender-preferred` this is
 * the best value, attained; under the other tie rules it is the supremum
 * cav(usc V)(µ0), approached as persuade.ts explains.
 */

import { solveLp } from '../lp/solve.js';
import type {
  LinearProgram,
  LpOptions,
  LpRow,
  LpSolution,
  LpVariable,
} from '../lp/model.js';
import { ZERO, type Rational } from '../numbers/rational.js';
import type { Region } from './best-response-regions.js';
import { profileActions, type PersuasionProblem } from './problem.js';
import type { WeightedPosterior } from './signal.js';
import { objectiveAt } from './value-function.js';

/** The concavification LP and what its columns mean. */
export interface ConcavificationProgram {
  readonly lp: LinearProgram;
  /** Column j is vertex `columns[j].µ` of the region of `profile`. */
  readonly columns: readonly { profile: number; µ: readonly Rational[] }[];
}

/** Builds the concavification LP over the counted regions' vertices. */
export function concavificationProgram(
  problem: PersuasionProblem,
  regions: readonly Region[],
): ConcavificationProgram {
  const columns: { profile: number; µ: readonly Rational[] }[] = [];
  for (const region of regions) {
    if (!region.counts) continue;
    for (const µ of region.vertices)
      columns.push({ profile: region.profile, µ });
  }
  const states = problem.game.states;
  const variables: LpVariable[] = columns.map((c) => ({
    name:
      `tau[${profileActions(problem, c.profile).join(',')}` +
      `@${c.µ.join(',')}]`,
    lower: ZERO,
    upper: null,
    cost: objectiveAt(problem, c.profile, c.µ),
  }));
  const rows: LpRow[] = problem.support.map((s) => {
    const indices: number[] = [];
    const coefficients: Rational[] = [];
    columns.forEach((c, j) => {
      if (c.µ[s].isZero()) return;
      indices.push(j);
      coefficients.push(c.µ[s]);
    });
    const mass = problem.game.prior[s];
    return {
      name: `bayes[${states[s]}]`,
      indices,
      coefficients,
      lower: mass,
      upper: mass,
    };
  });
  return { lp: { sense: problem.sense, variables, rows }, columns };
}

/** The solved concavification LP. */
export interface Concavification {
  readonly solution: LpSolution;
  /** The vertices carrying weight, with their weights τ. */
  readonly posteriors: readonly WeightedPosterior[];
  /** Number of LP columns (region vertices). */
  readonly columns: number;
}

/** Solves the concavification LP exactly. */
export async function concavify(
  problem: PersuasionProblem,
  regions: readonly Region[],
  options: LpOptions = {},
): Promise<Concavification> {
  const program = concavificationProgram(problem, regions);
  const solution = await solveLp(program.lp, {
    ...options,
    arithmetic: 'exact',
  });
  const posteriors: WeightedPosterior[] = [];
  if (solution.status === 'optimal' && solution.x) {
    solution.x.forEach((weight, j) => {
      if (weight.isZero()) return;
      const c = program.columns[j];
      posteriors.push({ weight, µ: c.µ, profile: c.profile });
    });
  }
  return { solution, posteriors, columns: program.columns.length };
}
