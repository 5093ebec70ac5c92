/**
 * Bayes plausibility (Kamenica and Gentzkow 2011, prop. 1; Aumann and
 * Maschler 1995): a finite distribution τ of posteriors µ_s ∈ Δ(Θ) can be
 * induced by some signal if and only if its average is the prior,
 *
 *   Σ_s τ(s) µ_s = µ0,
 *
 * and the signal is then π̂(s | θ) = τ(s) µ_s(θ) / µ0(θ) (signal.ts). When
 * the average misses, the answer gives the miss state by state,
 * Σ_s τ(s) µ_s(θ) − µ0(θ), which sums to 0 over θ.
 *
 * Inputs are checked here: the prior and every posterior must be
 * distributions over the same states and the weights a distribution over
 * the posteriors; a weight of 0 is allowed (that realisation is never
 * sent, and nothing is divided by it).
 */

import { InputError } from '../io/input-error.js';
import { ONE, sum, type Rational } from '../numbers/rational.js';
import {
  averagePosterior,
  signalKernel,
  type SignalKernelEntry,
} from './signal.js';

/** One posterior with its probability τ(s). */
export interface PosteriorWithWeight {
  readonly weight: Rational;
  /** µ_s(θ) in the order of the states. */
  readonly posterior: readonly Rational[];
}

/** The answer to "is this distribution of posteriors Bayes-plausible?" */
export interface PlausibilityResult {
  readonly plausible: boolean;
  readonly states: readonly string[];
  readonly prior: readonly Rational[];
  /** Σ_s τ(s) µ_s(θ), state by state. */
  readonly average: readonly Rational[];
  /** average − prior, state by state (all zero when plausible). */
  readonly difference: readonly Rational[];
  /** The inducing signal π̂(s | θ) > 0 (s1, s2, … in input order); null when not plausible. */
  readonly kernel: readonly SignalKernelEntry[] | null;
}

/**
 * Checks Bayes plausibility exactly and, when it holds, returns the
 * signal that induces the posteriors. Throws an `InputError` when the
 * inputs are not distributions.
 *
 * @example
 * ```ts
 * import { checkPlausibility, Rational } from 'revelation';
 * const q = (n, d) => Rational.of(n, d);
 * const prior = [q(3, 10), q(7, 10)];
 * const r = checkPlausibility(['guilty', 'innocent'], prior, [
 *   { weight: q(2, 5), posterior: [q(0, 1), q(1, 1)] },
 *   { weight: q(3, 5), posterior: [q(1, 2), q(1, 2)] },
 * ]);
 * r.plausible; // true
 * r.kernel?.map((e) => `${e.state}:${e.signal}:${e.p}`); // ['guilty:s2:1', 'innocent:s1:4/7', 'innocent:s2:3/7']
 * ```
 */
export function checkPlausibility(
  states: readonly string[],
  prior: readonly Rational[],
  posteriors: readonly PosteriorWithWeight[],
): PlausibilityResult {
  checkDistribution(states, prior, 'prior');
  if (posteriors.length === 0) {
    throw new InputError(
      'posteriors',
      'no posteriors given',
      'give at least one posterior with its weight',
    );
  }
  posteriors.forEach((p, k) => {
    checkDistribution(states, p.posterior, `posteriors[${k}]`);
    if (p.weight.sign() < 0) {
      throw new InputError(
        `posteriors[${k}].weight`,
        `is negative (${p.weight})`,
        'weights are probabilities, at least 0',
      );
    }
  });
  const total = sum(posteriors.map((p) => p.weight));
  if (!total.equals(ONE)) {
    throw new InputError(
      'posteriors',
      `the weights sum to ${total}, not 1`,
      'the weights τ(s) of the posteriors must add up to exactly 1',
    );
  }

  const list = posteriors.map((p) => ({ weight: p.weight, µ: p.posterior }));
  const average = averagePosterior(states.length, list);
  const difference = average.map((x, s) => x.sub(prior[s]));
  const plausible = difference.every((d) => d.isZero());
  const names = posteriors.map((_, k) => `s${k + 1}`);
  return {
    plausible,
    states,
    prior,
    average,
    difference,
    kernel: plausible ? signalKernel(states, prior, names, list) : null,
  };
}

/** Throws an `InputError` unless µ is a distribution over `states`. */
export function checkDistribution(
  states: readonly string[],
  µ: readonly Rational[],
  where: string,
): void {
  if (µ.length !== states.length) {
    throw new InputError(
      where,
      `has ${µ.length} entries for ${states.length} states`,
      `give one probability per state: ${states.join(', ')}`,
    );
  }
  µ.forEach((p, s) => {
    if (p.sign() < 0) {
      throw new InputError(
        `${where}.${states[s]}`,
        `is negative (${p})`,
        'probabilities are at least 0',
      );
    }
  });
  const total = sum(µ);
  if (!total.equals(ONE)) {
    throw new InputError(
      where,
      `sums to ${total}, not 1`,
      'probabilities over the states must add up to exactly 1',
    );
  }
}
