/**
 * Exact rational numbers.
 *
 * A rational q = n / d is held as a pair of BigInts in lowest terms with
 * d > 0, so equal numbers have equal representations and `equals` is a
 * comparison of two pairs. Every probability, payoff, LP coefficient and
 * certified answer in revelation is a `Rational`; floats appear only when a
 * caller asks for them (`toNumber`, `toDecimal`) or inside the float LP
 * engine, whose answers are then re-derived here exactly.
 *
 * Parsing accepts what a user types: integers ("-2"), decimals ("0.35",
 * "1e-3") and fractions ("3/7"). A decimal means that decimal exactly, so
 * "0.1" is 1/10, never the binary float nearest to it.
 *
 * Rounding a float to a nearby rational (`nearestRational`) uses continued
 * fractions: the convergents of x are the best rational approximations of x
 * for their denominator size (Khinchin, "Continued Fractions", thm. 16/17).
 */

/** The greatest common divisor of |a| and |b| (gcd(0, 0) = 0). */
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

/** An exact rational number n/d in lowest terms, d > 0. Immutable. */
export class Rational {
  /** Numerator (carries the sign). */
  readonly n: bigint;
  /** Denominator, always positive. */
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    this.n = n;
    this.d = d;
  }

  /** The rational n/d, reduced. Throws RangeError when d is zero. */
  static of(n: bigint | number, d: bigint | number = 1n): Rational {
    let nn = BigInt(n);
    let dd = BigInt(d);
    if (dd === 0n) throw new RangeError('Rational with denominator 0');
    if (dd < 0n) {
      nn = -nn;
      dd = -dd;
    }
    if (dd === 1n) return Rational.int(nn);
    const g = gcd(nn, dd);
    return g === 1n ? new Rational(nn, dd) : new Rational(nn / g, dd / g);
  }

  /** An integer as a rational. */
  static int(n: bigint | number): Rational {
    // Small integers are shared: LPs built from integer payoffs repeat a
    // few coefficients millions of times, and one object each is enough.
    const k = typeof n === 'bigint' ? n : BigInt(n);
    if (k >= -SMALL && k <= SMALL) {
      const index = Number(k) + Number(SMALL);
      return (SMALL_INTEGERS[index] ??= new Rational(k, 1n));
    }
    return new Rational(k, 1n);
  }

  /**
   * Parses "-2", "0.35", "1.5e-3" or "3/7" exactly; returns null for anything
   * else (including a zero denominator), so the caller can word the error.
   *
   * @example
   * ```ts
   * import { Rational } from 'revelation';
   * Rational.parse('0.35').toString(); // '7/20'
   * Rational.parse('3/0'); // null
   * ```
   */
  static parse(text: string): Rational | null {
    const s = text.trim();
    let m = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(s);
    if (m) {
      const d = BigInt(m[2]);
      return d === 0n ? null : Rational.of(BigInt(m[1]), d);
    }
    m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
    const frac = m[3] ?? '';
    let n = BigInt((m[2] || '0') + frac);
    let d = 10n ** BigInt(frac.length);
    const e = Number(m[4] ?? 0);
    if (Math.abs(e) > 1000) return null;
    if (e > 0) n *= 10n ** BigInt(e);
    if (e < 0) d *= 10n ** BigInt(-e);
    return Rational.of(m[1] === '-' ? -n : n, d);
  }

  /**
   * The exact value of a JSON number as the user wrote it: the shortest
   * decimal that prints the float (so 0.1 is 1/10). Null for NaN/Infinity.
   */
  static fromJsonNumber(x: number): Rational | null {
    if (!Number.isFinite(x)) return null;
    return Rational.parse(String(x));
  }

  /** The exact value of a float (every finite double is a dyadic rational). */
  static fromFloatExact(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    if (Number.isInteger(x)) return Rational.int(BigInt(x));
    let d = 1n;
    while (!Number.isInteger(x)) {
      x *= 2;
      d *= 2n;
    }
    return Rational.of(BigInt(x), d);
  }

  add(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return new Rational(this.n + o.n, 1n);
    if (this.d === o.d) return Rational.of(this.n + o.n, this.d);
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return new Rational(this.n - o.n, 1n);
    if (this.d === o.d) return Rational.of(this.n - o.n, this.d);
    return Rational.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  mul(o: Rational): Rational {
    if (this.n === 0n || o.n === 0n) return ZERO;
    if (this.d === 1n && o.d === 1n) return new Rational(this.n * o.n, 1n);
    return Rational.of(this.n * o.n, this.d * o.d);
  }

  /** this / o. Throws RangeError when o is zero. */
  div(o: Rational): Rational {
    if (o.n === 0n) throw new RangeError('division by zero');
    return Rational.of(this.n * o.d, this.d * o.n);
  }

  neg(): Rational {
    return this.n === 0n ? this : new Rational(-this.n, this.d);
  }

  abs(): Rational {
    return this.n < 0n ? new Rational(-this.n, this.d) : this;
  }

  /** -1, 0 or 1. */
  sign(): number {
    return this.n > 0n ? 1 : this.n < 0n ? -1 : 0;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  /** Compares with o: negative, zero or positive. */
  cmp(o: Rational): number {
    if (this.d === o.d) return this.n < o.n ? -1 : this.n > o.n ? 1 : 0;
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  equals(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }

  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }

  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }

  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }

  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }

  /** The nearest double (correct to within one rounding for huge parts). */
  toNumber(): number {
    const n = this.n;
    const d = this.d;
    if (d === 1n) return Number(n);
    const an = n < 0n ? -n : n;
    // Scale so that the integer quotient carries 64 significant bits.
    const shift = BigInt(Math.max(0, 64 - (bitLength(an) - bitLength(d))));
    const q = Number((an << shift) / d) / 2 ** Number(shift);
    return n < 0n ? -q : q;
  }

  /** "n/d", or "n" for an integer: the exact form used in JSON answers. */
  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }

  /** A decimal rounded half away from zero to `places` places. */
  toDecimal(places: number): string {
    const scale = 10n ** BigInt(places);
    const an = this.n < 0n ? -this.n : this.n;
    const scaled = (an * scale * 2n + this.d) / (2n * this.d);
    let digits = scaled.toString();
    if (places > 0) {
      digits = digits.padStart(places + 1, '0');
      digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    }
    const negative = this.n < 0n && scaled !== 0n;
    return negative ? `-${digits}` : digits;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Integers in [−SMALL, SMALL] are cached by `Rational.int`. */
const SMALL = 1024n;
const SMALL_INTEGERS: (Rational | undefined)[] = [];

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** The rational 0. */
export const ZERO: Rational = Rational.int(0n);
/** The rational 1. */
export const ONE: Rational = Rational.int(1n);

/** Sum of a list of rationals (0 for the empty list). */
export function sum(values: Iterable<Rational>): Rational {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}

/** The larger of two rationals. */
export function max(a: Rational, b: Rational): Rational {
  return a.ge(b) ? a : b;
}

/** The smaller of two rationals. */
export function min(a: Rational, b: Rational): Rational {
  return a.le(b) ? a : b;
}

/**
 * The simplest rational within `tolerance` of x whose denominator is at
 * most `maxDenominator`, found from the continued-fraction convergents of x;
 * null when there is none (x not finite, or no convergent close enough).
 */
export function nearestRational(
  x: number,
  maxDenominator: bigint = 1n << 40n,
  tolerance = 1e-9,
): Rational | null {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x);
  if (Math.abs(x - r) <= tolerance) return Rational.int(BigInt(r));
  // Convergents h_k / k_k of the continued fraction of x, computed on the
  // exact dyadic value of x so no float drift enters the recursion.
  const exact = Rational.fromFloatExact(x);
  let [num, den] = [exact.n, exact.d];
  let [h0, h1] = [0n, 1n];
  let [k0, k1] = [1n, 0n];
  for (let step = 0; step < 64 && den !== 0n; step++) {
    let a = num / den;
    if (num < 0n && a * den !== num) a -= 1n;
    [num, den] = [den, num - a * den];
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > maxDenominator) return null;
    const candidate = Rational.of(h1, k1);
    if (Math.abs(candidate.toNumber() - x) <= tolerance) return candidate;
  }
  return null;
}
