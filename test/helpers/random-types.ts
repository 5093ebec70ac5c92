/**
 * Random baseline information structures for property tests: a random
 * joint law of types ψ(t | θ) on top of a random game, and random
 * garblings of it, each player's new type drawn from her own old type
 * (with the noise correlated across players through a common coin).
 */

import type { BaseGame, TypeProfileWeight } from '../../src/game/game.js';
import { ONE, Rational, ZERO } from '../../src/numbers/rational.js';
import { randomInt } from './random.js';

/** A random probability vector with small denominators. */
export function randomLaw(
  random: () => number,
  n: number,
  zeros = true,
): Rational[] {
  const weights = Array.from({ length: n }, () =>
    randomInt(random, zeros ? 0 : 1, 4),
  );
  if (!weights.some((w) => w > 0)) weights[randomInt(random, 0, n - 1)] = 1;
  const total = BigInt(weights.reduce((x, y) => x + y, 0));
  return weights.map((w) => Rational.of(BigInt(w), total));
}

/** Every type profile of the given type counts, player 1 most significant. */
export function allProfiles(counts: readonly number[]): number[][] {
  let profiles: number[][] = [[]];
  for (const c of counts) {
    profiles = profiles.flatMap((p) =>
      Array.from({ length: c }, (_, t) => [...p, t]),
    );
  }
  return profiles;
}

/** `game` with `types` types per player and a random joint ψ(t | θ). */
export function withRandomTypes(
  random: () => number,
  game: BaseGame,
  types: number,
): BaseGame {
  const counts = game.players.map(() => types);
  const profiles = allProfiles(counts);
  return {
    ...game,
    players: game.players.map((p, i) => ({
      ...p,
      types: Array.from({ length: counts[i] }, (_, t) => `t${t}`),
    })),
    signal: game.states.map(() =>
      sparse(profiles, randomLaw(random, profiles.length)),
    ),
    hasTypes: true,
  };
}

/** A kernel g(t' | t): one random law over `to` types per `from` type. */
export function randomKernel(
  random: () => number,
  from: number,
  to: number,
): Rational[][] {
  return Array.from({ length: from }, () => randomLaw(random, to));
}

/**
 * The garbling of `game`'s baseline by φ(t' | t) = λ Π_i g_i(t'_i | t_i) +
 * (1 − λ) Π_i h_i(t'_i | t_i): with probability λ every player's type goes
 * through g_i, otherwise through h_i (a coin common to all players), so
 * player i's marginal λ g_i + (1 − λ) h_i depends on her own type only.
 */
export function randomGarbling(random: () => number, game: BaseGame): BaseGame {
  const from = game.players.map((p) => p.types.length);
  const to = game.players.map(() => randomInt(random, 1, 3));
  const g = from.map((f, i) => randomKernel(random, f, to[i]));
  const h = from.map((f, i) => randomKernel(random, f, to[i]));
  const lambda = Rational.of(BigInt(randomInt(random, 0, 4)), 4n);
  const product = (
    k: Rational[][][],
    t: readonly number[],
    u: readonly number[],
  ) => t.reduce((p, ti, i) => p.mul(k[i][ti][u[i]]), ONE);
  const targets = allProfiles(to);
  return {
    ...game,
    players: game.players.map((p, i) => ({
      ...p,
      types: Array.from({ length: to[i] }, (_, t) => `u${t}`),
    })),
    signal: game.signal.map((law) =>
      sparse(
        targets,
        targets.map((u) =>
          law.reduce(
            (total, { types: t, p }) =>
              total.add(
                p.mul(
                  lambda
                    .mul(product(g, t, u))
                    .add(ONE.sub(lambda).mul(product(h, t, u))),
                ),
              ),
            ZERO,
          ),
        ),
      ),
    ),
    hasTypes: true,
  };
}

function sparse(
  profiles: readonly number[][],
  law: readonly Rational[],
): TypeProfileWeight[] {
  return profiles
    .map((types, k) => ({ types, p: law[k] }))
    .filter((e) => !e.p.isZero());
}
