/**
 * The durable-good sale: one seller, one unit, one buyer of private value
 * (Coase 1972; Fudenberg, Levine and Tirole 1985; Skreta 2006; Doval and
 * Skreta 2022).
 *
 * - Values v_1 < … < v_n, all ≥ 0, with a prior µ0(v_i) > 0.
 * - A common discount factor δ ∈ [0, 1] and a horizon of T ≥ 1 periods.
 * - The good is worth nothing to the seller; the buyer of value v who buys
 *   in period t at price p gets δ^{t−1} (v − p) and the seller δ^{t−1} p.
 *   Nobody gets anything if the good is never sold.
 *
 * This file holds the problem, its validation (the only place input is
 * checked) and the one-period facts every regime uses: the revenue of a
 * posted price against a mass of buyers.
 */

import { InputError } from '../io/input-error.js';
import { readNumber } from '../io/numbers.js';
import { readJsonFile } from '../io/json-text.js';
import { checkFields, expectArray, expectObject } from '../io/json-value.js';
import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';

/** A durable-good sale, validated. */
export interface DurableProblem {
  /** A title (may be empty). */
  readonly name: string;
  /** Buyer values v_1 < … < v_n, all ≥ 0. */
  readonly values: readonly Rational[];
  /** µ0(v_i) > 0, summing to exactly 1. */
  readonly prior: readonly Rational[];
  /** Discount factor δ ∈ [0, 1], common to seller and buyer. */
  readonly delta: Rational;
  /** Number of selling periods T ≥ 1. */
  readonly horizon: number;
}

/** The largest horizon accepted (the posted-price recursion grows with T). */
export const MAX_HORIZON = 40;

/** The fields of a problem file. */
export const DURABLE_FIELDS: readonly string[] = [
  'name',
  'values',
  'prior',
  'delta',
  'horizon',
];

/** What a problem is made of before validation (numbers still unchecked). */
export interface DurableProblemInput {
  readonly name?: string;
  readonly values: readonly Rational[];
  readonly prior: readonly Rational[];
  readonly delta: Rational;
  readonly horizon: number;
}

/**
 * Names the place of a field (and of entry `index` of a list field) in an
 * error message, for input that is not a JSON path, such as the options
 * of a command line.
 */
export type DurablePlace = (field: string, index?: number) => string;

/**
 * Checks a problem given as exact numbers and returns it validated; every
 * fault is an `InputError` naming the field (`where` prefixes the path, or
 * names each place itself when it is a function).
 */
export function durableProblem(
  input: DurableProblemInput,
  where: string | DurablePlace = '',
): DurableProblem {
  const at = (field: string) =>
    typeof where === 'function'
      ? where(field)
      : where
        ? `${where}.${field}`
        : field;
  const entry = (field: string, i: number) =>
    typeof where === 'function' ? where(field, i) : `${at(field)}[${i}]`;
  const { values, prior, delta, horizon } = input;
  if (values.length === 0) {
    throw new InputError(
      at('values'),
      'no buyer values given',
      'give at least one value, e.g. [1, 2]',
    );
  }
  values.forEach((v, i) => {
    if (v.sign() < 0) {
      throw new InputError(
        entry('values', i),
        `value ${v} is negative`,
        'buyer values must be 0 or more (the seller values the good at 0)',
      );
    }
    if (i > 0 && !v.gt(values[i - 1])) {
      throw new InputError(
        entry('values', i),
        `value ${v} does not exceed the value before it (${values[i - 1]})`,
        'list distinct values in increasing order',
      );
    }
  });
  if (prior.length !== values.length) {
    throw new InputError(
      at('prior'),
      `${prior.length} probabilities for ${values.length} values`,
      'give one probability per value, in the order of "values"',
    );
  }
  prior.forEach((p, i) => {
    if (p.sign() <= 0) {
      throw new InputError(
        entry('prior', i),
        `probability ${p} is not positive`,
        'every listed value needs a positive probability; drop values ' +
          'that have none',
      );
    }
  });
  const total = sum(prior);
  if (!total.equals(ONE)) {
    throw new InputError(
      at('prior'),
      `probabilities sum to ${total}, not 1`,
      'make the probabilities add up to exactly 1 (fractions are exact)',
    );
  }
  if (delta.sign() < 0 || delta.gt(ONE)) {
    throw new InputError(
      at('delta'),
      `discount factor ${delta} is outside [0, 1]`,
      'give δ between 0 and 1, e.g. "9/10"',
    );
  }
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    throw new InputError(
      at('horizon'),
      `horizon ${horizon} is not a whole number from 1 to ${MAX_HORIZON}`,
      'give the number of selling periods T, e.g. 2',
    );
  }
  return {
    name: input.name ?? '',
    values: [...values],
    prior: [...prior],
    delta,
    horizon,
  };
}

/**
 * Reads a problem from its JSON form
 * `{"values": [1, 2], "prior": ["2/5", "3/5"], "delta": "9/10",
 * "horizon": 2}` (numbers in any of the exact forms of the game format).
 */
export function parseDurableJson(
  value: unknown,
  file?: string,
): DurableProblem {
  try {
    const object = expectObject(value, '', 'a durable-good problem object');
    checkFields(
      object,
      '',
      DURABLE_FIELDS,
      ['values', 'prior', 'delta', 'horizon'],
      'a durable-good problem',
    );
    const values = expectArray(object.values, 'values', 'a list of values');
    const prior = expectArray(object.prior, 'prior', 'a list of probabilities');
    const horizon = readNumber(object.horizon, 'horizon');
    if (horizon.d !== 1n) {
      throw new InputError(
        'horizon',
        `horizon ${horizon} is not a whole number`,
        'give the number of selling periods T, e.g. 2',
      );
    }
    const name = object.name;
    if (name !== undefined && typeof name !== 'string') {
      throw new InputError('name', 'expected a string', 'give a title');
    }
    return durableProblem({
      name: name ?? '',
      values: values.map((v, i) => readNumber(v, `values[${i}]`)),
      prior: prior.map((p, i) => readNumber(p, `prior[${i}]`)),
      delta: readNumber(object.delta, 'delta'),
      horizon: Number(horizon.n),
    });
  } catch (error) {
    if (error instanceof InputError && file) throw error.inFile(file);
    throw error;
  }
}

/** Reads a problem file (see `parseDurableJson`). */
export function readDurableFile(path: string): DurableProblem {
  return parseDurableJson(readJsonFile(path), path);
}

/** The same problem with another horizon (no re-validation of the rest). */
export function withHorizon(
  problem: DurableProblem,
  horizon: number,
): DurableProblem {
  return durableProblem({ ...problem, horizon });
}

/**
 * Revenue of the posted price v_j against buyer masses w (one per value):
 * v_j · Σ_{i ≥ j} w_i. Every buyer of value at least the price buys.
 */
export function priceRevenue(
  values: readonly Rational[],
  masses: readonly Rational[],
  j: number,
): Rational {
  let mass = ZERO;
  for (let i = j; i < values.length; i++) mass = mass.add(masses[i]);
  return values[j].mul(mass);
}

/**
 * The one-shot monopoly revenue max_j v_j · Pr(v ≥ v_j) (Riley and
 * Zeckhauser 1983: also the best a seller who can commit can do), with
 * the largest price that attains it.
 */
export function monopolyPrice(
  values: readonly Rational[],
  masses: readonly Rational[],
): { price: number; revenue: Rational } {
  let price = 0;
  let revenue = priceRevenue(values, masses, 0);
  for (let j = 1; j < values.length; j++) {
    const r = priceRevenue(values, masses, j);
    if (r.ge(revenue)) {
      price = j;
      revenue = r;
    }
  }
  return { price, revenue };
}

/** A value list formatted for names of rows and columns: `v=3/2`. */
export function valueLabel(v: Rational): string {
  return `v=${v.toString()}`;
}
