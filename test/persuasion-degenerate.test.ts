/**
 * Degenerate inputs: a state of prior 0, signals of probability 0, and
 * the size guard. Nothing may produce NaN or Infinity, and answers must
 * still agree with the BCE engine.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveBce } from '../src/bce/bce.js';
import { parseGameJson } from '../src/io/game-json.js';
import { ONE, Rational, ZERO } from '../src/numbers/rational.js';
import { persuade } from '../src/persuasion/persuade.js';
import { checkPlausibility } from '../src/persuasion/plausibility.js';
import { valueFunction } from '../src/persuasion/value-function.js';

const q = (n: number, d = 1) => Rational.of(n, d);

/** No NaN, Infinity or undefined anywhere in a JSON answer. */
function assertClean(value: unknown): void {
  const text = JSON.stringify(value);
  assert.ok(!/NaN|Infinity/.test(text), text);
  const walk = (v: unknown): void => {
    assert.notEqual(v, undefined);
    if (typeof v === 'number') assert.ok(Number.isFinite(v));
    if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(text));
}

const threeStates = parseGameJson({
  states: ['good', 'bad', 'never'],
  prior: { good: '1/3', bad: '2/3', never: 0 },
  players: [{ name: 'buyer', actions: ['skip', 'buy', 'hedge'] }],
  payoffs: {
    good: [[0], [2], [1]],
    bad: [[0], [-2], [-1]],
    never: [[0], [5], [-9]],
  },
  designer: { good: [0, 2, 1], bad: [0, 2, 1], never: [7, -7, 7] },
});

test('a state of prior 0: exact answer, no NaN, no kernel row for it', async () => {
  for (const tie of [
    'sender-preferred',
    'sender-worst',
    'receiver-order',
  ] as const) {
    const r = await persuade(threeStates, { tie });
    assertClean(r);
    assert.equal(r.crossCheck.agree, true);
    for (const s of r.posteriors) assert.ok(s.posterior[2].isZero());
    assert.ok(r.kernel.every((e) => e.state !== 'never'));
    if (tie === 'sender-preferred') {
      const bce = await solveBce(threeStates, {
        objective: 'designer',
        sense: 'maximize',
      });
      assert.ok(r.value!.equals(bce.value!));
      assert.equal(r.value?.toString(), '4/3');
    }
  }
});

test('a prior concentrated on one state: one posterior, the prior itself', async () => {
  const game = parseGameJson({
    states: ['good', 'bad'],
    prior: [1, 0],
    players: [{ name: 'buyer', actions: ['skip', 'buy'] }],
    payoffs: { good: [[0], [1]], bad: [[0], [-1]] },
    designer: { good: [0, 1], bad: [0, 1] },
  });
  const r = await persuade(game);
  assertClean(r);
  assert.equal(r.value?.toString(), '1');
  assert.deepEqual(
    r.posteriors.map((s) => s.posterior.join(',')),
    ['1,0'],
  );
  // The envelope witness is skipped: the prior sits at an end of the segment.
  assert.equal(r.crossCheck.envelope, null);
});

test('signals of probability 0 are dropped, never divided by', () => {
  const prior = [q(1, 2), q(1, 2), ZERO];
  const r = checkPlausibility(['a', 'b', 'c'], prior, [
    { weight: q(1, 2), posterior: [ONE, ZERO, ZERO] },
    { weight: ZERO, posterior: [ZERO, ZERO, ONE] },
    { weight: q(1, 2), posterior: [ZERO, ONE, ZERO] },
  ]);
  assertClean(r);
  assert.equal(r.plausible, true);
  assert.deepEqual(
    r.kernel?.map((e) => `${e.state}:${e.signal}:${e.p}`),
    ['a:s1:1', 'b:s3:1'],
  );
});

test('not plausible: the miss is given state by state', () => {
  const r = checkPlausibility(
    ['guilty', 'innocent'],
    [q(3, 10), q(7, 10)],
    [
      { weight: q(1, 2), posterior: [q(1, 2), q(1, 2)] },
      { weight: q(1, 2), posterior: [ZERO, ONE] },
    ],
  );
  assert.equal(r.plausible, false);
  assert.deepEqual(r.difference.map(String), ['-1/20', '1/20']);
  assert.equal(r.kernel, null);
});

test('the value function at a belief on the zero-prior face', () => {
  const v = valueFunction(threeStates, [ZERO, ZERO, ONE]);
  assert.deepEqual(v.actions, ['buy']);
  assert.equal(v.value.toString(), '-7');
});

test('the size guard falls back to the recommendation LP and says so', async () => {
  const r = await persuade(threeStates, { vertexLimit: 0 });
  assert.equal(r.route, 'recommendations');
  assert.equal(r.crossCheck.beliefs, null);
  assert.equal(r.crossCheck.agree, null);
  assert.equal(r.value?.toString(), '4/3');
  assert.match(r.notes.join(' '), /vertex enumeration skipped/);
  assertClean(r);
});
