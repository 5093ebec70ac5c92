/**
 * A signal (Blackwell experiment) for one receiver: a finite set S of
 * named signal realisations and a likelihood π̂(s | θ) for each state θ
 * (Kamenica and Gentzkow 2011; Blackwell 1953). Given the prior µ0, signal
 * s has probability Σ_θ µ0(θ) π̂(s | θ) and induces the posterior
 * µ(θ | s) ∝ µ0(θ) π̂(s | θ).
 *
 * A `Signal` is produced by the reader in io/signal-json.ts (or by
 * `recommendationSignal`) after validation against a game: one row per
 * state of the game, entries ≥ 0, each row summing to exactly 1.
 */

import type { Rational } from '../numbers/rational.js';

/** A validated signal π̂(s | θ) over a game's states. */
export interface Signal {
  /** A title (may be empty). */
  readonly name: string;
  /** The signal realisations s, by name. */
  readonly signals: readonly string[];
  /** π̂(s | θ) as `likelihood[θ][s]`, θ in the game's state order. */
  readonly likelihood: readonly (readonly Rational[])[];
}
