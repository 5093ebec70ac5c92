/**
 * Exact sums of many rational products, kept as one unreduced fraction.
 *
 * Checking a certificate means summing Σ_k a_k · x_k over millions of
 * nonzeros. Adding `Rational`s one at a time would reduce every partial sum
 * by a gcd; here the running sum N / D keeps D equal to the least common
 * multiple of the denominators seen so far, so a term p / q whose q divides
 * D costs one BigInt multiplication and one addition, and a term with q = D
 * costs one addition. Rows of a formulation usually share a few
 * denominators (a prior's, a payoff's), so the gcd path is rare. Reduction
 * to lowest terms happens once, when the caller asks for a `Rational`.
 */

import { Rational } from '../numbers/rational.js';

/** Greatest common divisor of two BigInts (non-negative result). */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** A running exact sum N / D with D > 0, not kept in lowest terms. */
export class ExactSum {
  /** Numerator of the running sum. */
  num = 0n;
  /** Denominator of the running sum: the lcm of the terms' denominators. */
  den = 1n;

  /** Adds n / d (d > 0). */
  add(n: bigint, d: bigint): void {
    if (n === 0n) return;
    if (d === this.den) {
      this.num += n;
    } else if (this.den % d === 0n) {
      this.num += n * (this.den / d);
    } else {
      const g = gcd(this.den, d);
      const scale = d / g;
      this.num = this.num * scale + n * (this.den / g);
      this.den *= scale;
    }
  }

  /** Adds the rational q. */
  addRational(q: Rational): void {
    this.add(q.n, q.d);
  }

  /** Adds the product a · b of two rationals. */
  addProduct(a: Rational, b: Rational): void {
    if (a.n === 0n || b.n === 0n) return;
    this.add(a.n * b.n, a.d * b.d);
  }

  /** Subtracts the product a · b of two rationals. */
  subProduct(a: Rational, b: Rational): void {
    if (a.n === 0n || b.n === 0n) return;
    this.add(-(a.n * b.n), a.d * b.d);
  }

  /** -1, 0 or 1. */
  sign(): number {
    return this.num > 0n ? 1 : this.num < 0n ? -1 : 0;
  }

  /** Compares the sum with q: negative, zero or positive. */
  cmp(q: Rational): number {
    const l = this.num * q.d;
    const r = q.n * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** The sum as a reduced rational. */
  toRational(): Rational {
    return Rational.of(this.num, this.den);
  }
}
