/**
 * Seeded property tests of the BCE engine on random games (1 to 3 players,
 * 1 to 4 states): returned outcomes pass the exact check, min ≤ max, the
 * HiGHS-plus-certificate route and the exact simplex agree, and the BCE set
 * is invariant under positive scaling of a player's payoffs and under adding
 * any function of (θ, a_-i) to them.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveBce } from '../src/bce/bce.js';
import { checkOutcome } from '../src/bce/check.js';
import { profileStrides, type BaseGame } from '../src/game/game.js';
import { Rational } from '../src/numbers/rational.js';
import { prng, randomGame, randomInt } from './helpers/random.js';

const shapes = [
  { players: 1, states: 2, actions: 3 },
  { players: 1, states: 4, actions: 2 },
  { players: 2, states: 1, actions: 3 },
  { players: 2, states: 3, actions: 2 },
  { players: 3, states: 2, actions: 2 },
  { players: 3, states: 1, actions: 2 },
];

test('every BCE optimum passes the exact check, and min ≤ max', async () => {
  const random = prng(20261204);
  for (let trial = 0; trial < 24; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    for (const objective of ['designer', 'welfare', 'p1']) {
      const max = await solveBce(game, { objective, sense: 'maximize' });
      const min = await solveBce(game, { objective, sense: 'minimize' });
      assert.equal(max.status, 'optimal');
      assert.equal(min.status, 'optimal');
      assert.ok(max.certificate.exact && min.certificate.exact);
      assert.ok(min.value!.le(max.value!), `${min.value} > ${max.value}`);
      for (const r of [max, min]) {
        assert.ok(r.outcomeTable);
        assert.equal(checkOutcome(game, r.outcomeTable).consistent, true);
      }
    }
  }
});

test('HiGHS with certification and the exact simplex alone agree', async () => {
  const random = prng(7);
  for (let trial = 0; trial < 12; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    for (const sense of ['maximize', 'minimize'] as const) {
      const viaHighs = await solveBce(game, { objective: 'designer', sense });
      const viaExact = await solveBce(game, {
        objective: 'designer',
        sense,
        engine: 'exact',
      });
      assert.equal(viaExact.certificate.method, 'exact-simplex');
      assert.equal(viaHighs.value!.toString(), viaExact.value!.toString());
    }
  }
});

/** The game with player i's payoffs replaced by c · u_i + h(θ, a_-i). */
function transformPlayer(
  game: BaseGame,
  i: number,
  scale: Rational,
  shift: (state: number, others: number) => Rational,
): BaseGame {
  const stride = profileStrides(game)[i];
  const k = game.players[i].actions.length;
  return {
    ...game,
    payoffs: game.payoffs.map((byProfile, s) =>
      byProfile.map((u, a) => {
        // a − a_i · stride identifies a_-i.
        const others = a - (Math.floor(a / stride) % k) * stride;
        return u.map((x, j) =>
          j === i ? x.mul(scale).add(shift(s, others)) : x,
        );
      }),
    ),
  };
}

test('BCE values are invariant to positive scaling and (θ, a_-i) shifts of payoffs', async () => {
  const random = prng(99);
  for (let trial = 0; trial < 12; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    const i = randomInt(random, 0, game.players.length - 1);
    const scale = Rational.of(
      BigInt(randomInt(random, 1, 9)),
      BigInt(randomInt(random, 1, 5)),
    );
    const shifts = new Map<string, Rational>();
    const shift = (s: number, others: number) => {
      const key = `${s}/${others}`;
      if (!shifts.has(key))
        shifts.set(key, Rational.int(randomInt(random, -7, 7)));
      return shifts.get(key)!;
    };
    const changed = transformPlayer(game, i, scale, shift);
    for (const sense of ['maximize', 'minimize'] as const) {
      const before = await solveBce(game, { objective: 'designer', sense });
      const after = await solveBce(changed, { objective: 'designer', sense });
      assert.equal(before.value!.toString(), after.value!.toString());
    }
  }
});

test('obedience slacks from the support equal the LP rows evaluated at π', async () => {
  const { obedienceRows, obedienceSlacks } =
    await import('../src/bce/obedience.js');
  const random = prng(31337);
  for (let trial = 0; trial < 30; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    const count = game.payoffs[0].length;
    // A random outcome with about half its cells zero.
    const p = game.states.map(() => [
      Array.from({ length: count }, () =>
        random() < 0.5
          ? Rational.int(0)
          : Rational.int(randomInt(random, 1, 9)),
      ),
    ]);
    const flat = p.flatMap((byType) => byType[0]);
    const { rows, constraints } = obedienceRows(
      game,
      (s, _k, a) => s * count + a,
    );
    const fromSupport = new Map(
      obedienceSlacks(game, { p }).map((c) => [
        `${c.player}/${c.recommended}/${c.deviation}`,
        c.slack.toString(),
      ]),
    );
    rows.forEach((row, r) => {
      let slack = Rational.int(0);
      row.indices.forEach((j, n) => {
        slack = slack.add(flat[j].mul(row.coefficients[n]));
      });
      const c = constraints[r];
      const key = `${c.player}/${c.recommended}/${c.deviation}`;
      assert.equal(fromSupport.get(key) ?? '0', slack.toString(), key);
    });
  }
});
