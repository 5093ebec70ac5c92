/**
 * Reading one number from a game or outcome file, exactly.
 *
 * Accepted forms, all read as exact rationals:
 * - a JSON number, read as the shortest decimal that prints it, so `0.1`
 *   is 1/10 and `0.55` is 11/20 (never the nearby binary float);
 * - a string holding an integer (`"-2"`), a decimal (`"0.35"`, `"1e-3"`)
 *   or a fraction (`"3/7"`), with optional surrounding spaces.
 *
 * Choices: booleans, null, arrays and objects are errors, as is a string
 * that is none of the forms above (`"abc"`, `""`, `"1/2/3"`) and a fraction
 * with denominator 0 (`"3/0"`). A JSON number that a double cannot carry
 * exactly never reaches this reader: json-text.ts refuses it with its
 * position, asking for a string (documented in docs/game-format.md).
 */

import { Rational } from '../numbers/rational.js';
import { InputError } from './input-error.js';
import { describe } from './json-value.js';

/** How to write a number, for the `fix` part of an error. */
export const NUMBER_FORMS =
  'write a JSON number such as 0.35, or a string holding an integer "-2", ' +
  'a decimal "0.35" or a fraction "3/7"';

/**
 * Reads the number at `path` exactly, or throws an `InputError` naming the
 * path, the value found and the accepted forms.
 */
export function readNumber(value: unknown, path: string): Rational {
  if (typeof value === 'number') {
    const q = Rational.fromJsonNumber(value);
    if (q) return q;
  } else if (typeof value === 'string') {
    const q = Rational.parse(value);
    if (q) return q;
    if (/^\s*[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d{4,}\s*$/.test(value)) {
      throw new InputError(
        path,
        `${describe(value)} has an exponent beyond ±1000`,
        'write the number with a smaller exponent, or rescale the payoffs',
      );
    }
    if (/^\s*[+-]?\d+\s*\/\s*[+-]?0+\s*$/.test(value)) {
      throw new InputError(
        path,
        `${describe(value)} has denominator 0`,
        'a fraction needs a nonzero denominator, e.g. "3/10"',
      );
    }
  }
  throw new InputError(
    path,
    `expected a number, found ${describe(value)}`,
    NUMBER_FORMS,
  );
}

/**
 * Reads a probability: a number (as `readNumber`) that is not negative.
 * Sums are checked by the caller, which knows what should add up to 1.
 */
export function readProbability(value: unknown, path: string): Rational {
  const q = readNumber(value, path);
  if (q.sign() < 0) {
    throw new InputError(
      path,
      `probability ${q} is negative`,
      'probabilities must be 0 or more',
    );
  }
  return q;
}
