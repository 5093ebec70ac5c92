/**
 * Optima at a receiver's indifference point come out exact, even with
 * decimal data whose floating-point posterior lands on the wrong side of the
 * threshold, and `check` decides outcomes within a hair of the boundary.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveBce } from '../src/bce/bce.js';
import { checkOutcome } from '../src/bce/check.js';
import type { BaseGame } from '../src/game/game.js';
import type { Outcome } from '../src/game/outcome.js';
import { ONE, Rational, ZERO } from '../src/numbers/rational.js';

const decimal = (s: string) => Rational.parse(s) as Rational;

/**
 * One receiver who acts when Pr(high) ≥ q (payoff 1 − q in high, −q in
 * low, 0 for waiting); the designer wants action. The best signal makes the
 * receiver exactly indifferent, and the value is p / q for a prior p < q.
 */
function threshold(p: Rational, q: Rational): BaseGame {
  return {
    name: 'threshold',
    states: ['high', 'low'],
    prior: [p, ONE.sub(p)],
    players: [{ name: 'receiver', actions: ['act', 'wait'], types: [''] }],
    payoffs: [
      [[ONE.sub(q)], [ZERO]],
      [[q.neg()], [ZERO]],
    ],
    designer: [
      [ONE, ZERO],
      [ONE, ZERO],
    ],
    signal: [[{ types: [0], p: ONE }], [{ types: [0], p: ONE }]],
    hasTypes: false,
    outcomeLabels: null,
  };
}

test('a decimal prior whose float posterior misses the threshold', async () => {
  // With p = 0.2 and q = 0.42, the posterior after "act" computed in floats
  // from the optimal signal is 0.41999999999999993 < 0.42: a float check
  // would call the optimum disobedient.
  const pf = 0.2;
  const qf = 0.42;
  const x = (pf * (1 - qf)) / ((1 - pf) * qf);
  assert.ok(pf / (pf + (1 - pf) * x) < qf);

  const game = threshold(decimal('0.2'), decimal('0.42'));
  const best = await solveBce(game, {
    objective: 'designer',
    sense: 'maximize',
  });
  assert.equal(best.value?.toString(), '10/21');
  assert.equal(best.certificate.exact, true);
  const told = best.informationStructure?.recommendations.find(
    (r) => r.action === 'act',
  );
  assert.equal(told?.posterior[0].p.toString(), '21/50');
  assert.equal(
    checkOutcome(game, best.outcomeTable as Outcome).consistent,
    true,
  );
});

test('check decides outcomes a hair from the boundary exactly', () => {
  const game = threshold(decimal('0.2'), decimal('0.42'));
  const hair = Rational.of(1n, 10n ** 30n);
  // π(act | low) = 29/84 is the boundary: p(1 − q) / ((1 − p) q).
  const boundary = Rational.of(29n, 84n);
  const outcome = (x: Rational): Outcome => ({
    p: [
      [[decimal('0.2'), ZERO]],
      [[decimal('0.8').mul(x), decimal('0.8').mul(ONE.sub(x))]],
    ],
  });
  assert.equal(checkOutcome(game, outcome(boundary)).consistent, true);
  assert.equal(
    checkOutcome(game, outcome(boundary.sub(hair))).consistent,
    true,
  );
  const over = checkOutcome(game, outcome(boundary.add(hair)));
  assert.equal(over.consistent, false);
  assert.equal(over.failures.length, 1);
  const failure = over.failures[0];
  assert.equal(failure.kind, 'obedience');
  // The shortfall is exactly 0.8 · hair · q.
  if (failure.kind === 'obedience') {
    assert.equal(
      failure.shortfall.toString(),
      decimal('0.8').mul(hair).mul(decimal('0.42')).toString(),
    );
  }
});
