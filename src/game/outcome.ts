/**
 * An outcome π ∈ Δ(Θ × T × A): the joint law of the state, the players'
 * baseline types and the action profile (Bergemann and Morris 2016). It is
 * stored dense over the support of the baseline signal: `p[θ][k][a]` is
 * π(θ, t, a) where t is the k-th type profile listed in `game.signal[θ]`
 * and a the flat action-profile index. Without types, k is always 0 and
 * `p[θ][0][a]` is π(θ, a).
 */

import type { Rational } from '../numbers/rational.js';

/** A joint distribution over (state, type profile, action profile). */
export interface Outcome {
  /** π(θ, t_k, a) as `p[θ][k][a]`. */
  readonly p: readonly (readonly (readonly Rational[])[])[];
}
