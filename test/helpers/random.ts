/** Seeded randomness for property tests (mulberry32), and random games. */

import type { BaseGame } from '../../src/game/game.js';
import { ONE, Rational } from '../../src/numbers/rational.js';

/** A seeded generator of floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [low, high]. */
export function randomInt(
  random: () => number,
  low: number,
  high: number,
): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** A random prior with small denominators, all entries positive unless `zeros`. */
export function randomPrior(
  random: () => number,
  n: number,
  zeros = false,
): Rational[] {
  const weights: number[] = Array.from({ length: n }, () =>
    randomInt(random, zeros ? 0 : 1, 6),
  );
  if (!weights.some((w) => w > 0)) weights[0] = 1;
  const total = BigInt(weights.reduce((x, y) => x + y, 0));
  return weights.map((w) => Rational.of(BigInt(w), total));
}

/** Options for `randomGame`. */
export interface RandomGameShape {
  readonly players: number;
  readonly states: number;
  readonly actions: number;
}

/** A random game with integer payoffs in [−5, 5] and a designer table. */
export function randomGame(
  random: () => number,
  shape: RandomGameShape,
): BaseGame {
  const players = Array.from({ length: shape.players }, (_, i) => ({
    name: `p${i + 1}`,
    actions: Array.from({ length: shape.actions }, (_, k) => `a${k}`),
    types: [''],
  }));
  const count = shape.actions ** shape.players;
  const states = Array.from({ length: shape.states }, (_, s) => `s${s}`);
  const cell = () => Rational.int(randomInt(random, -5, 5));
  return {
    name: 'random',
    states,
    prior: randomPrior(random, shape.states),
    players,
    payoffs: states.map(() =>
      Array.from({ length: count }, () => players.map(() => cell())),
    ),
    designer: states.map(() => Array.from({ length: count }, () => cell())),
    signal: states.map(() => [{ types: players.map(() => 0), p: ONE }]),
    hasTypes: false,
    outcomeLabels: null,
  };
}
