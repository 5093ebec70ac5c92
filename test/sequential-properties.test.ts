/**
 * Seeded property tests of sequential design on random games: every BCE
 * passes the sequential check (with either kind of threat); the sets nest,
 * BCE ⊆ credible ⊆ Nash, so optimal values are ordered; every extensive
 * form returned re-verifies from what it prints; the flow form over the
 * lattice of subsets and the permutation form (one variable per order)
 * agree; and a common order law never helps, and costs nothing with one
 * state.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveBce } from '../src/bce/bce.js';
import { verifyExtensiveForm } from '../src/sequential/verify.js';
import {
  checkSequential,
  solveSequential,
} from '../src/sequential/sequential.js';
import { prng, randomGame } from './helpers/random.js';

const shapes = [
  { players: 2, states: 2, actions: 2 },
  { players: 2, states: 1, actions: 3 },
  { players: 3, states: 1, actions: 2 },
  { players: 3, states: 2, actions: 2 },
];

test('every BCE optimum passes the sequential check, with a verified form', async () => {
  const random = prng(51);
  for (let trial = 0; trial < 12; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    for (const sense of ['maximize', 'minimize'] as const) {
      const bce = await solveBce(game, { objective: 'designer', sense });
      assert.equal(bce.status, 'optimal');
      for (const threats of ['nash', 'credible'] as const) {
        const r = await checkSequential(game, bce.outcomeTable!, { threats });
        const where = `trial ${trial} ${sense} ${threats}`;
        assert.equal(r.implementable, true, where);
        assert.equal(r.bce.consistent, true, where);
        assert.equal(r.certificate.exact, true, where);
        assert.equal(r.certificate.formVerified, true, where);
      }
    }
  }
});

test('BCE ⊆ credible ⊆ Nash: optimal values are ordered and forms verify', async () => {
  const random = prng(2020);
  for (let trial = 0; trial < 12; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    for (const objective of ['designer', 'p1']) {
      const max = {
        nash: await solveSequential(game, { objective, sense: 'maximize' }),
        credible: await solveSequential(game, {
          objective,
          sense: 'maximize',
          threats: 'credible',
        }),
      };
      const min = await solveSequential(game, { objective, sense: 'minimize' });
      const where = `trial ${trial} ${objective}`;
      for (const r of [max.nash, max.credible, min]) {
        assert.equal(r.status, 'optimal', where);
        assert.equal(r.certificate.exact, true, where);
        assert.equal(r.certificate.outcomeVerified, true, where);
        // Independently of the solver's own check: re-verify what it prints.
        const v = verifyExtensiveForm(game, r.extensiveForm!);
        assert.equal(v.verified, true, `${where}: ${v.failures[0]}`);
      }
      assert.ok(max.nash.value!.ge(max.credible.value!), where);
      assert.ok(max.credible.value!.ge(max.nash.bce.value!), where);
      assert.ok(min.value!.le(min.bce.value!), where);
    }
  }
});

test('the permutation form and the flow form agree on 3-player games', async () => {
  const random = prng(1234);
  for (let trial = 0; trial < 8; trial++) {
    const game = randomGame(random, {
      players: 3,
      states: 1 + (trial % 2),
      actions: 2,
    });
    for (const threats of ['nash', 'credible'] as const) {
      for (const sense of ['maximize', 'minimize'] as const) {
        const flow = await solveSequential(game, {
          objective: 'designer',
          sense,
          threats,
        });
        const permutation = await solveSequential(game, {
          objective: 'designer',
          sense,
          threats,
          form: 'permutation',
        });
        assert.equal(permutation.form, 'permutation');
        assert.equal(
          flow.value!.toString(),
          permutation.value!.toString(),
          `trial ${trial} ${threats} ${sense}`,
        );
        assert.equal(permutation.certificate.outcomeVerified, true);
      }
    }
  }
});

test('a common order law never helps, and costs nothing with one state', async () => {
  const random = prng(77);
  for (let trial = 0; trial < 8; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    const free = await solveSequential(game, {
      objective: 'designer',
      sense: 'maximize',
    });
    const common = await solveSequential(game, {
      objective: 'designer',
      sense: 'maximize',
      commonOrder: true,
    });
    const where = `trial ${trial}`;
    assert.equal(common.certificate.outcomeVerified, true, where);
    assert.ok(common.extensiveForm!.orderLaw !== null, where);
    assert.ok(common.value!.le(free.value!), where);
    assert.ok(common.value!.ge(free.bce.value!), where);
    if (game.states.length === 1) {
      assert.equal(common.value!.toString(), free.value!.toString(), where);
    }
  }
});
