// Small builders for LP tests: numbers are written as text ("3/7", "-2",
// "0.5") and parsed exactly, and a missing bound is null.
import { Rational } from '../src/numbers/rational.js';
import type { LinearProgram, LpRow, LpVariable } from '../src/lp/model.js';

/** Parses a number written as text (or an integer) exactly. */
export function q(text: string | number | bigint): Rational {
  const parsed = Rational.parse(String(text));
  if (parsed === null) throw new Error(`bad rational ${text}`);
  return parsed;
}

type Num = string | number | bigint;

/** A variable: cost, lower (default 0), upper (default none). */
export function variable(
  name: string,
  cost: Num,
  lower: Num | null = 0,
  upper: Num | null = null,
): LpVariable {
  return {
    name,
    cost: q(cost),
    lower: lower === null ? null : q(lower),
    upper: upper === null ? null : q(upper),
  };
}

/** A row lower ≤ Σ coefficient · x[index] ≤ upper from [index, coefficient] pairs. */
export function row(
  name: string,
  terms: readonly (readonly [number, Num])[],
  lower: Num | null,
  upper: Num | null,
): LpRow {
  return {
    name,
    indices: terms.map(([j]) => j),
    coefficients: terms.map(([, a]) => q(a)),
    lower: lower === null ? null : q(lower),
    upper: upper === null ? null : q(upper),
  };
}

/** An LP from its parts. */
export function program(
  sense: 'maximize' | 'minimize',
  variables: LpVariable[],
  rows: LpRow[],
  objectiveOffset?: Num,
): LinearProgram {
  return {
    sense,
    variables,
    rows,
    ...(objectiveOffset === undefined
      ? {}
      : { objectiveOffset: q(objectiveOffset) }),
  };
}

/** Rationals as strings, for readable deep-equality assertions. */
export function texts(
  values: readonly Rational[] | null | undefined,
): string[] | null {
  return values === null || values === undefined ? null : values.map(String);
}

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the
 * same sequence, so random tests are reproducible.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random integer in lo..hi inclusive. */
export function randomInt(
  random: () => number,
  lo: number,
  hi: number,
): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/**
 * A random LP with n variables and m rows: small integer or halved/thirded
 * coefficients, a mix of finite and missing bounds, either sense.
 */
export function randomLp(
  random: () => number,
  n: number,
  m: number,
): LinearProgram {
  const value = (): string => {
    const numerator = randomInt(random, -6, 6);
    const denominator = [1, 1, 2, 3][randomInt(random, 0, 3)];
    return `${numerator}/${denominator}`;
  };
  const variables = Array.from({ length: n }, (_, j) => {
    const kind = randomInt(random, 0, 5);
    const lower =
      kind === 4 ? null : kind === 5 ? String(randomInt(random, -3, 0)) : '0';
    const upper =
      kind >= 2 && kind <= 3 ? String(randomInt(random, 1, 5)) : null;
    return variable(`x${j}`, value(), lower, upper);
  });
  const rows = Array.from({ length: m }, (_, r) => {
    const terms: [number, string][] = [];
    for (let j = 0; j < n; j++) {
      if (random() < 0.7) terms.push([j, value()]);
    }
    const kind = randomInt(random, 0, 3);
    const bound = randomInt(random, 0, 8);
    if (kind === 0) return row(`r${r}`, terms, null, bound);
    if (kind === 1) return row(`r${r}`, terms, -bound, null);
    if (kind === 2) return row(`r${r}`, terms, -bound, bound);
    return row(`r${r}`, terms, `${bound}/2`, `${bound}/2`);
  });
  return program(random() < 0.5 ? 'maximize' : 'minimize', variables, rows);
}

/**
 * A random "awkward" LP: max c·x over x ≥ 0 and A x ≤ b with A ≥ 0, whose
 * coefficients have denominators up to 10^6 + 3 and numerators up to
 * 2·10^9, so optima have denominators rounding cannot guess.
 */
export function randomAwkwardLp(
  random: () => number,
  n: number,
  m: number,
): LinearProgram {
  const denominators = [1n, 7n, 13n, 101n, 1009n, 10007n, 1000003n];
  const awkward = (): Rational => {
    const scale = random() < 0.3 ? 1000003n : 1n;
    const numerator = BigInt(randomInt(random, -2000, 2000)) * scale;
    return Rational.of(numerator, denominators[randomInt(random, 0, 6)]);
  };
  const variables: LpVariable[] = Array.from({ length: n }, (_, j) => ({
    name: `x${j}`,
    cost: awkward(),
    lower: Rational.int(0),
    upper: random() < 0.3 ? Rational.int(randomInt(random, 1, 9)) : null,
  }));
  const rows: LpRow[] = Array.from({ length: m }, (_, r) => {
    const indices: number[] = [];
    for (let j = 0; j < n; j++) if (random() < 0.6) indices.push(j);
    return {
      name: `r${r}`,
      indices,
      coefficients: indices.map(() => awkward().abs()),
      lower: null,
      upper: Rational.of(
        BigInt(randomInt(random, 1, 1000)),
        denominators[randomInt(random, 0, 6)],
      ),
    };
  });
  return { sense: 'maximize', variables, rows };
}
