/**
 * Decimal priors and optimal posteriors exactly at the receiver's
 * indifference point (0.44 = 11/25): the receiver's action comes from the
 * solution, the value is exact, and nothing depends on how 0.44 rounds.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGameJson } from '../src/io/game-json.js';
import { Rational } from '../src/numbers/rational.js';
import { persuade } from '../src/persuasion/persuade.js';
import { valueFunction } from '../src/persuasion/value-function.js';

/** Acting pays 14 when high and −11 when low: indifferent at Pr(high) = 0.44. */
function investor(prior: string) {
  return parseGameJson({
    states: ['high', 'low'],
    prior: {
      high: prior,
      low: Rational.parse(prior)!.neg().add(Rational.int(1)).toString(),
    },
    players: [{ name: 'investor', actions: ['wait', 'act'] }],
    payoffs: { high: [[0], [14]], low: [[0], [-11]] },
    designer: { high: [0, 1], low: [0, 1] },
  });
}

test('prior 0.44 is the indifference point: no information, the receiver acts, value 1', async () => {
  const game = investor('0.44');
  assert.equal(game.prior[0].toString(), '11/25');
  const r = await persuade(game);
  assert.equal(r.value?.toString(), '1');
  assert.equal(r.posteriors.length, 1);
  assert.deepEqual(r.posteriors[0].posterior.map(String), ['11/25', '14/25']);
  assert.deepEqual(r.posteriors[0].actions, ['act']);
  assert.equal(r.attained, true);
  // The envelope's corner is exactly 11/25, not a nearby float.
  assert.deepEqual(
    r.twoStates?.envelope.map((k) => `${k.x}:${k.value}`),
    ['0:0', '11/25:1', '1:1'],
  );
});

test('decimal prior 0.3 below the threshold: the posterior is exactly 0.44 and the value 15/22', async () => {
  const r = await persuade(investor('0.3'));
  assert.equal(r.value?.toString(), '15/22');
  const acting = r.posteriors.find((s) => s.actions[0] === 'act')!;
  assert.deepEqual(acting.posterior.map(String), ['11/25', '14/25']);
  assert.equal(acting.probability.toString(), '15/22');
  // The action is the solution's; at exactly 0.44 the investor is
  // indifferent, and only the tie rule says what she does there.
  const at = valueFunction(investor('0.3'), acting.posterior);
  assert.deepEqual(at.bestResponses, [['wait', 'act']]);
  assert.deepEqual(at.actions, ['act']);
  const worst = valueFunction(investor('0.3'), acting.posterior, {
    tie: 'sender-worst',
  });
  assert.deepEqual(worst.actions, ['wait']);
});

test('under sender-worst ties the 0.3 case is a supremum, approached within ε', async () => {
  const epsilon = Rational.of(1, 10000);
  const r = await persuade(investor('0.3'), { tie: 'sender-worst', epsilon });
  assert.equal(r.value?.toString(), '15/22');
  assert.equal(r.attained, false);
  const a = r.approximation!;
  assert.equal(a.reached, true);
  assert.ok(a.shortfall.sign() > 0 && a.shortfall.le(epsilon));
  assert.ok(a.value.add(a.shortfall).equals(r.value!));
});
