/**
 * Comparative statics in information: garbling kernels are found and
 * re-checked exactly, garbling a baseline signal never shrinks the interval
 * of any objective over BCE (seeded property test), a garbling that moves
 * information from one player to another is not accepted, and games that
 * differ in more than their types are refused.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { compareInformation } from '../src/garbling/compare.js';
import { findGarbling } from '../src/garbling/garbling.js';
import type { BaseGame } from '../src/game/game.js';
import { readGameFile } from '../src/io/game-json.js';
import { InputError } from '../src/io/input-error.js';
import { ONE, Rational, ZERO } from '../src/numbers/rational.js';
import { prng, randomGame } from './helpers/random.js';
import { randomGarbling, withRandomTypes } from './helpers/random-types.js';

const cases = join(process.cwd(), '..', 'shared', 'cases');
const signalled = join(cases, 'invest-firm-signal.game.json');
const uninformed = join(cases, 'invest-one-firm-half.game.json');
const weak = join(cases, 'invest-firm-weak-signal.game.json');

test('the firm with a signal is more informed than the firm without', async () => {
  const r = await compareInformation(
    readGameFile(signalled),
    readGameFile(uninformed),
    { objective: 'designer' },
  );
  assert.equal(r.order, 'first-more-informed');
  assert.equal(r.secondFromFirst.status, 'garbling');
  assert.equal(r.secondFromFirst.verified, true);
  assert.equal(r.firstFromSecond.status, 'not-a-garbling');
  assert.equal(r.firstFromSecond.verified, true);
  assert.deepEqual(
    [String(r.first.min), String(r.first.max)],
    ['1/8', '11/16'],
  );
  assert.deepEqual([String(r.second.min), String(r.second.max)], ['0', '3/4']);
  assert.equal(r.nested, true);
});

test('relabelled types are equivalent and give the same interval', async () => {
  const game = readGameFile(signalled);
  const swapped: BaseGame = {
    ...game,
    players: [{ ...game.players[0], types: ['bad-news', 'good-news'] }],
    signal: game.signal.map((law) =>
      law.map((e) => ({ types: [1 - e.types[0]], p: e.p })),
    ),
  };
  const r = await compareInformation(game, swapped, { objective: 'designer' });
  assert.equal(r.order, 'equivalent');
  assert.equal(r.nested, true);
  assert.deepEqual(
    r.secondFromFirst.marginals?.map((m) => [m.from, m.to, String(m.p)]),
    [
      ['good-news', 'good-news', '1'],
      ['bad-news', 'bad-news', '1'],
    ],
  );
});

/** Two players; exactly one of them sees the state. */
function whoKnows(knower: 0 | 1): BaseGame {
  const half = Rational.of(1n, 2n);
  const u = [ONE, ZERO];
  return {
    name: `player ${knower + 1} knows`,
    states: ['L', 'R'],
    prior: [half, half],
    players: ['p1', 'p2'].map((name) => ({
      name,
      actions: ['l', 'r'],
      types: ['L', 'R'],
    })),
    payoffs: [0, 1].map((s) =>
      [0, 1, 2, 3].map((a) => [u[(a >> 1) ^ s], u[(a & 1) ^ s]]),
    ),
    designer: null,
    // The knower's type is the state; the other's is always "L".
    signal: [0, 1].map((s) => [
      { types: knower === 0 ? [s, 0] : [0, s], p: ONE },
    ]),
    hasTypes: true,
    outcomeLabels: null,
  };
}

test("handing one player's signal to another is not a garbling", async () => {
  // As one joint signal, each structure is a relabelling of the other; but
  // player 2 cannot make her new type out of her own old one.
  const first = whoKnows(0);
  const second = whoKnows(1);
  const r = await compareInformation(first, second, { objective: 'welfare' });
  assert.equal(r.order, 'not-comparable');
  assert.equal(r.nested, null);
  // Each player matching the state is worth 1 to her; the knower always can.
  assert.deepEqual([String(r.first.min), String(r.first.max)], ['3/2', '2']);
  assert.deepEqual([String(r.second.min), String(r.second.max)], ['3/2', '2']);
});

test('garbling never shrinks the BCE interval (random games)', async () => {
  const random = prng(31415);
  const shapes = [
    { players: 1, states: 2, actions: 3 },
    { players: 1, states: 3, actions: 2 },
    { players: 2, states: 2, actions: 2 },
  ];
  for (let trial = 0; trial < 9; trial++) {
    const base = randomGame(random, shapes[trial % shapes.length]);
    const informed = withRandomTypes(random, base, 2);
    const garbled = randomGarbling(random, informed);
    const kernel = await findGarbling(informed, garbled);
    assert.equal(kernel.status, 'garbling', `trial ${trial}`);
    assert.equal(kernel.verified, true);
    for (const objective of ['designer', 'welfare', 'p1']) {
      const r = await compareInformation(informed, garbled, { objective });
      assert.ok(
        r.order === 'first-more-informed' || r.order === 'equivalent',
        `trial ${trial}: ${r.order}`,
      );
      const [lo, hi] = [r.first.min!, r.first.max!];
      const [glo, ghi] = [r.second.min!, r.second.max!];
      assert.ok(glo.le(lo) && hi.le(ghi), `trial ${trial} ${objective}`);
      assert.equal(r.nested, true);
    }
  }
});

test('games that differ in more than their types are refused', async () => {
  const game = readGameFile(signalled);
  await assert.rejects(
    compareInformation(game, readGameFile(weak), { objective: 'designer' }),
    (e: unknown) =>
      e instanceof InputError &&
      /second game: differs from the first in the payoffs in state "good"/.test(
        e.message,
      ),
  );
  const withSets: BaseGame = {
    ...game,
    actionSets: [
      [
        [0, 1],
        [0, 1],
      ],
    ],
  };
  await assert.rejects(
    compareInformation(game, withSets, { objective: 'designer' }),
    /second game: has type-dependent action sets/,
  );
  await assert.rejects(
    compareInformation(game, game, { objective: 'profit' }),
    /unknown objective "profit"/,
  );
});

test('revelation garbling --json', async () => {
  let stdout = '';
  const code = await main(
    ['garbling', signalled, uninformed, '--range', 'designer', '--json'],
    { stdout: (t) => (stdout += t), stderr: () => undefined },
  );
  assert.equal(code, 0);
  const answer = JSON.parse(stdout);
  assert.equal(answer.status, 'optimal');
  assert.equal(answer.order, 'first-more-informed');
  assert.deepEqual([answer.first.min, answer.first.max], ['1/8', '11/16']);
  assert.deepEqual([answer.second.min, answer.second.max], ['0', '3/4']);
  assert.equal(answer.nested, true);
});
