/**
 * Coming within ε of a supremum that is not attained.
 *
 * Under `sender-worst` (or `receiver-order`) the receivers may take, at an
 * optimal posterior µ_s on the edge of a region, an action worse for the
 * sender than the one the envelope counts on. The value is then a
 * supremum: no signal attains it, but signals come arbitrarily close. The
 * construction, exact at every step:
 *
 * 1. Move each posterior where the rule picks something worse towards a
 *    point c_a where it really picks its profile a
 *    (recommendation-route.ts); the others stay (c_a = µ_s):
 *    µ'_s = (1 − δ) µ_s + δ c_a. The whole half-open segment (µ_s, c_a]
 *    lies where a is picked, because Q_a is convex and the rule's strict
 *    inequalities hold at c_a.
 * 2. That breaks Bayes plausibility by δ (c̄ − µ0), c̄ = Σ_s τ(s) c_{a_s}.
 *    Repair it with one more posterior ν = (1 + κ) µ0 − κ c̄ of weight
 *    λ = δ / (κ + δ), scaling the others by 1 − λ; κ ∈ (0, 1] is chosen so
 *    that ν ≥ 0, which is possible because µ0 > 0 on F.
 * 3. Evaluate the new signal with the tie rule itself (value-function.ts)
 *    and halve δ until the shortfall is at most ε.
 *
 * The shortfall is O(δ), so a few halvings suffice for any ε > 0.
 */

import { ONE, Rational, ZERO, min } from '../numbers/rational.js';
import type { PersuasionProblem } from './problem.js';
import { averagePosterior, type WeightedPosterior } from './signal.js';
import { objectiveAt, respond } from './value-function.js';

/** A signal that comes within ε of the supremum. */
export interface ApproximateSignal {
  /** Its posteriors, weights and the profiles the tie rule picks there. */
  readonly posteriors: readonly WeightedPosterior[];
  /** Its exact value. */
  readonly value: Rational;
  /** |supremum − value|, at most ε unless `reached` is false. */
  readonly shortfall: Rational;
  /** The step δ used. */
  readonly delta: Rational;
  /** Whether the shortfall is at most ε (false only after 64 halvings). */
  readonly reached: boolean;
}

/** How many times δ is halved at most. */
const MAX_HALVINGS = 64;

/**
 * A Bayes-plausible signal within ε of `supremum`, built from optimal
 * posteriors and points `interior.get(a)` where the tie rule picks a.
 */
export function approximateSignal(
  problem: PersuasionProblem,
  optimal: readonly WeightedPosterior[],
  interior: ReadonlyMap<number, readonly Rational[]>,
  supremum: Rational,
  epsilon: Rational,
): ApproximateSignal {
  const prior = problem.game.prior;
  const n = prior.length;
  // A posterior where the rule already picks a profile as good stays put.
  const sign = problem.sense === 'maximize' ? 1 : -1;
  const centres = optimal.map((w) => {
    const counted = objectiveAt(problem, w.profile, w.µ);
    if (respond(problem, w.µ).value.cmp(counted) * sign >= 0) return w.µ;
    const c = interior.get(w.profile);
    if (!c) {
      throw new Error(
        'internal error: no interior point for an optimal region',
      );
    }
    return c;
  });
  const cbar = averagePosterior(
    n,
    optimal.map((w, k) => ({ weight: w.weight, µ: centres[k] })),
  );
  const drift = cbar.map((c, s) => c.sub(prior[s]));

  // κ keeps ν = (1 + κ) µ0 − κ c̄ nonnegative: κ ≤ µ0(θ) / (c̄ − µ0)(θ).
  let kappa = ONE;
  drift.forEach((d, s) => {
    if (d.sign() > 0) kappa = min(kappa, prior[s].div(d).div(Rational.int(2)));
  });
  const moves = drift.some((d) => !d.isZero());
  const nu = prior.map((p, s) => p.add(kappa.mul(p.sub(cbar[s]))));

  let delta = ONE;
  let best: ApproximateSignal | null = null;
  for (let k = 0; k < MAX_HALVINGS; k++) {
    delta = delta.div(Rational.int(2));
    const lambda = moves ? delta.div(kappa.add(delta)) : ZERO;
    const keep = ONE.sub(lambda);
    const posteriors: WeightedPosterior[] = optimal.map((w, j) => {
      const µ = w.µ.map((p, s) =>
        ONE.sub(delta).mul(p).add(delta.mul(centres[j][s])),
      );
      return {
        weight: keep.mul(w.weight),
        µ,
        profile: respond(problem, µ).profile,
      };
    });
    if (moves) {
      posteriors.push({
        weight: lambda,
        µ: nu,
        profile: respond(problem, nu).profile,
      });
    }
    let value = ZERO;
    for (const w of posteriors) {
      value = value.add(w.weight.mul(respond(problem, w.µ).value));
    }
    const shortfall = supremum.sub(value).mul(Rational.int(sign));
    best = {
      posteriors,
      value,
      shortfall,
      delta,
      reached: shortfall.le(epsilon),
    };
    if (best.reached) break;
  }
  return best as ApproximateSignal;
}
