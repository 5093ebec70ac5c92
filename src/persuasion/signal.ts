/**
 * From a distribution of posteriors to the signal that induces it.
 *
 * A signal with realisations s, sent with probability π̂(s | θ) in state
 * θ, has τ(s) = Σ_θ µ0(θ) π̂(s | θ) and posteriors
 * µ_s(θ) = µ0(θ) π̂(s | θ) / τ(s). Conversely a Bayes-plausible τ
 * (Σ_s τ(s) µ_s = µ0) is induced by
 *
 *   π̂(s | θ) = τ(s) µ_s(θ) / µ0(θ)        for µ0(θ) > 0
 *
 * (Kamenica and Gentzkow 2011, prop. 1; Aumann and Maschler 1995). For a
 * state of prior 0 the kernel is irrelevant and nothing is divided: such
 * a state gets no entries in the sparse kernel (as in the BCE information
 * structure) and sends the first realisation in the dense `Signal` (as in
 * `recommendationSignal`), which `induceOutcome` can replay.
 * Realisations of probability 0 are dropped before anything is divided.
 */

import type { Signal } from '../game/signal.js';
import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';

/** One realisation of a signal: its probability, posterior and response. */
export interface Realisation {
  /** `s1`, `s2`, … in order of posterior. */
  readonly signal: string;
  /** τ(s) > 0. */
  readonly probability: Rational;
  /** µ_s(θ) for every state of the game, in the game's order of states. */
  readonly posterior: readonly Rational[];
  /** Each receiver's action at µ_s. */
  readonly actions: readonly string[];
  /** The objective at µ_s under those actions. */
  readonly value: Rational;
}

/** One entry π̂(s | θ) > 0 of the signal kernel. */
export interface SignalKernelEntry {
  readonly state: string;
  readonly signal: string;
  readonly p: Rational;
}

/** A posterior with its weight and the response it is paired with. */
export interface WeightedPosterior {
  readonly weight: Rational;
  /** µ over every state. */
  readonly µ: readonly Rational[];
  readonly profile: number;
}

/**
 * Merges posteriors paired with the same profile into their barycentre:
 * the region of a profile is convex and the value linear on it, so the
 * merged signal is as good, and it has one realisation per profile (the
 * recommendation signal). Then merges equal posteriors, drops those of
 * weight 0, and orders them by posterior so results are reproducible.
 */
export function mergeByProfile(
  list: readonly WeightedPosterior[],
): WeightedPosterior[] {
  const byProfile = new Map<number, WeightedPosterior[]>();
  for (const w of list) {
    if (w.weight.isZero()) continue;
    byProfile.set(w.profile, [...(byProfile.get(w.profile) ?? []), w]);
  }
  const merged = [...byProfile.values()].map((group) => {
    const weight = sum(group.map((w) => w.weight));
    const µ = averagePosterior(group[0].µ.length, group).map((x) =>
      x.div(weight),
    );
    return { weight, µ, profile: group[0].profile };
  });
  return mergeEqual(merged);
}

/**
 * Merges equal posteriors (keeping the first one's profile), drops those
 * of weight 0, and orders them by posterior so results are reproducible.
 */
export function mergeEqual(
  list: readonly WeightedPosterior[],
): WeightedPosterior[] {
  const merged = new Map<string, WeightedPosterior>();
  for (const w of list) {
    if (w.weight.isZero()) continue;
    const key = w.µ.join(' ');
    const prior = merged.get(key);
    merged.set(
      key,
      prior ? { ...prior, weight: prior.weight.add(w.weight) } : w,
    );
  }
  return [...merged.values()].sort((x, y) => {
    for (let j = 0; j < x.µ.length; j++) {
      const c = x.µ[j].cmp(y.µ[j]);
      if (c !== 0) return c;
    }
    return x.profile - y.profile;
  });
}

/** The kernel π̂(s | θ) of realisations with weights τ and posteriors µ. */
export function signalKernel(
  states: readonly string[],
  prior: readonly Rational[],
  names: readonly string[],
  list: readonly { weight: Rational; µ: readonly Rational[] }[],
): SignalKernelEntry[] {
  const kernel: SignalKernelEntry[] = [];
  states.forEach((state, s) => {
    if (prior[s].isZero()) return;
    list.forEach((w, k) => {
      const p = w.weight.mul(w.µ[s]).div(prior[s]);
      if (!p.isZero()) kernel.push({ state, signal: names[k], p });
    });
  });
  return kernel;
}

/** Σ_s τ(s) µ_s, the average posterior. */
export function averagePosterior(
  n: number,
  list: readonly { weight: Rational; µ: readonly Rational[] }[],
): Rational[] {
  return Array.from({ length: n }, (_, s) =>
    sum(list.map((w) => (w.weight.isZero() ? ZERO : w.weight.mul(w.µ[s])))),
  );
}

/**
 * The same kernel as a `Signal` (game/signal.ts), dense, ready for
 * `induceOutcome`; a state of prior 0 sends the first realisation.
 */
export function toSignal(
  name: string,
  prior: readonly Rational[],
  names: readonly string[],
  list: readonly { weight: Rational; µ: readonly Rational[] }[],
): Signal {
  return {
    name,
    signals: names,
    likelihood: prior.map((mass, s) =>
      mass.isZero()
        ? names.map((_, k) => (k === 0 ? ONE : ZERO))
        : list.map((w) => w.weight.mul(w.µ[s]).div(mass)),
    ),
  };
}
