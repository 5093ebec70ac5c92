/**
 * Seeded random single-receiver games, 2 to 5 states and 2 to 6 actions:
 * the belief route (vertex enumeration and concavification) and the
 * recommendation LP (`solveBce`) give exactly the same value, for both
 * senses and every tie rule; every returned signal is Bayes-plausible and
 * its posteriors are where the receiver takes the counted action.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveBce } from '../src/bce/bce.js';
import { induceOutcome } from '../src/induce/induce.js';
import type { BaseGame } from '../src/game/game.js';
import { ONE, Rational } from '../src/numbers/rational.js';
import { persuade } from '../src/persuasion/persuade.js';
import { checkPlausibility } from '../src/persuasion/plausibility.js';
import { valueFunction } from '../src/persuasion/value-function.js';
import { prng, randomInt, randomPrior } from './helpers/random.js';

/** A random one-receiver game; payoffs in [−3, 3] so that ties happen. */
function randomReceiverGame(
  random: () => number,
  states: number,
  actions: number,
): BaseGame {
  const names = Array.from({ length: states }, (_, s) => `s${s}`);
  const cell = () => Rational.int(randomInt(random, -3, 3));
  return {
    name: 'random',
    states: names,
    prior: randomPrior(random, states, random() < 0.2),
    players: [
      {
        name: 'receiver',
        actions: Array.from({ length: actions }, (_, k) => `a${k}`),
        types: [''],
      },
    ],
    payoffs: names.map(() => Array.from({ length: actions }, () => [cell()])),
    designer: names.map(() => Array.from({ length: actions }, () => cell())),
    signal: names.map(() => [{ types: [0], p: ONE }]),
    hasTypes: false,
    outcomeLabels: null,
  };
}

test('belief route = recommendation LP, exactly, on random games', async () => {
  const random = prng(20261105);
  for (let trial = 0; trial < 24; trial++) {
    const game = randomReceiverGame(
      random,
      randomInt(random, 2, 5),
      randomInt(random, 2, 6),
    );
    for (const sense of ['maximize', 'minimize'] as const) {
      const r = await persuade(game, { objective: 'designer', sense });
      const bce = await solveBce(game, { objective: 'designer', sense });
      const where = `trial ${trial} ${sense}`;
      assert.equal(r.route, 'beliefs', where);
      assert.equal(r.crossCheck.method, 'bce', where);
      assert.ok(r.crossCheck.beliefs!.equals(bce.value!), where);
      assert.ok(r.value!.equals(bce.value!), where);
      assert.equal(r.attained, true, where);

      const check = checkPlausibility(
        game.states,
        game.prior,
        r.posteriors.map((s) => ({
          weight: s.probability,
          posterior: s.posterior,
        })),
      );
      assert.equal(check.plausible, true, where);
      // Replaying the signal with the induce engine gives the same value
      // (its tie rules speak of the designer's value, not of the sense).
      const replay = induceOutcome(game, r.signal, {
        objective: 'designer',
        tie: sense === 'maximize' ? 'sender-preferred' : 'sender-worst',
      });
      assert.ok(replay.value.equals(r.value!), where);
      for (const s of r.posteriors) {
        const at = valueFunction(game, s.posterior, { sense });
        assert.ok(at.bestResponses[0].includes(s.actions[0]), where);
        assert.ok(at.value.equals(s.value), where);
      }
    }
  }
});

test('other tie rules: both routes agree, never beat sender-preferred, and ε-signals come close', async () => {
  const random = prng(77);
  for (let trial = 0; trial < 12; trial++) {
    const game = randomReceiverGame(
      random,
      randomInt(random, 2, 4),
      randomInt(random, 2, 4),
    );
    const best = await persuade(game);
    for (const tie of ['sender-worst', 'receiver-order'] as const) {
      const r = await persuade(game, { tie });
      const where = `trial ${trial} ${tie}`;
      assert.equal(r.crossCheck.agree, true, where);
      assert.equal(r.crossCheck.method, 'recommendation-lp', where);
      assert.ok(r.value!.le(best.value!), where);
      const replayed = (signal: typeof r.signal) =>
        induceOutcome(game, signal, { objective: 'designer', tie }).value;
      if (r.attained) assert.ok(replayed(r.signal).equals(r.value!), where);
      if (r.attained === false) {
        assert.ok(
          replayed(r.approximation!.signal).equals(r.approximation!.value),
          where,
        );
        const a = r.approximation!;
        assert.equal(a.reached, true, where);
        assert.ok(a.shortfall.le(Rational.of(1, 1000)), where);
        const check = checkPlausibility(
          game.states,
          game.prior,
          a.posteriors.map((s) => ({
            weight: s.probability,
            posterior: s.posterior,
          })),
        );
        assert.equal(check.plausible, true, where);
        // The approximate signal's value is what the tie rule really gives.
        let total = Rational.int(0);
        for (const s of a.posteriors) {
          const v = valueFunction(game, s.posterior, { tie }).value;
          total = total.add(s.probability.mul(v));
        }
        assert.ok(total.equals(a.value), where);
      }
    }
  }
});
