/** Shared pieces of the durable-good tests: problems and random instances. */

import { durableProblem, type DurableProblem } from '../src/durable/problem.js';
import { Rational } from '../src/numbers/rational.js';
import { randomInt, randomPrior } from './helpers/random.js';

/** An exact number from text. */
export const q = (text: string): Rational => {
  const r = Rational.parse(text);
  if (!r) throw new Error(`bad number ${text}`);
  return r;
};

/** A problem from text numbers. */
export function problemOf(
  values: readonly string[],
  prior: readonly string[],
  delta: string,
  horizon: number,
): DurableProblem {
  return durableProblem({
    values: values.map(q),
    prior: prior.map(q),
    delta: q(delta),
    horizon,
  });
}

/**
 * A random small instance: n increasing integer values from 0..3 upward in
 * steps of 1..4, a prior with small denominators, δ in tenths (0 and 1
 * included).
 */
export function randomProblem(
  random: () => number,
  n: number,
  horizon: number,
): DurableProblem {
  const values: Rational[] = [];
  let v = randomInt(random, 0, 3);
  for (let i = 0; i < n; i++) {
    values.push(Rational.int(v));
    v += randomInt(random, 1, 4);
  }
  return durableProblem({
    values,
    prior: randomPrior(random, n),
    delta: Rational.of(randomInt(random, 0, 10), 10),
    horizon,
  });
}

/** Short text of a problem for assertion messages. */
export function describeProblem(p: DurableProblem): string {
  return (
    `values ${p.values.join(',')} prior ${p.prior.join(',')} ` +
    `δ ${p.delta} T ${p.horizon}`
  );
}
