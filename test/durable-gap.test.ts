/**
 * Three values: a designed device beats every posted-price equilibrium
 * (T = 2), and the device is checked here by hand, without the LP: the
 * buyer's incentives, the future seller's obedience through the BCE
 * checker on the one-player "future seller" game, and the revenue. Also:
 * the future seller's obedience rows in the device LP are exactly those of
 * `obedienceRows` on that game.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOutcome } from '../src/bce/check.js';
import { obedienceRows } from '../src/bce/obedience.js';
import { solveDurable } from '../src/durable/durable.js';
import {
  futureSellerGame,
  lastPeriodPlans,
} from '../src/durable/future-seller.js';
import { mediatedProgram, solveMediated } from '../src/durable/mediated.js';
import { ZERO, sum } from '../src/numbers/rational.js';
import { prng } from './helpers/random.js';
import { problemOf, q, randomProblem } from './durable-helpers.js';

const strings = (xs: readonly { toString(): string }[]) =>
  xs.map((x) => x.toString());

test('{1,2,4} with prior 1/4, 1/2, 1/4 and δ = 1/2: a device earns 11/8, posted prices 5/4', async () => {
  const problem = problemOf(['1', '2', '4'], ['1/4', '1/2', '1/4'], '1/2', 2);
  const r = await solveDurable(problem);
  assert.equal(r.values.commitment?.toString(), '3/2');
  assert.equal(r.values.mediated?.toString(), '11/8');
  assert.equal(r.values.posted?.toString(), '5/4');

  // The device: value 4 buys now for 5/2; value 2 buys now with chance
  // 1/2 at price 2, otherwise the future seller hears "price 2"; value 1
  // always leads to "price 2". The message pools value 1 with the unlucky
  // value 2 at posterior (1/2, 1/2, 0), where 2 and 1 earn the same.
  const m = r.mediated!;
  assert.deepEqual(
    m.device.map((d) => [d.sale, d.payment, d.utility].map(String)),
    [
      ['0', '0', '0'],
      ['1/2', '1', '0'],
      ['1', '5/2', '3/2'],
    ],
  );
  assert.deepEqual(
    m.messages.map((x) => [x.plan, strings(x.posterior), x.indifferentTo]),
    [['price 2', ['1/2', '1/2', '0'], ['price 1']]],
  );

  // By hand: a buyer of value v reporting w gets v·sale − payment plus,
  // if unsold, δ·(v − 2)⁺ after "price 2".
  const delta = q('1/2');
  const v = problem.values;
  const payoff = (i: number, j: number) => {
    const d = m.device[j];
    const later = v[i].gt(q('2')) ? v[i].sub(q('2')) : ZERO;
    return v[i]
      .mul(d.sale)
      .sub(d.payment)
      .add(delta.mul(sum(d.messages)).mul(later));
  };
  for (let i = 0; i < 3; i++) {
    assert.ok(payoff(i, i).sign() >= 0);
    for (let j = 0; j < 3; j++) assert.ok(payoff(i, j).le(payoff(i, i)));
  }
  // Value 4 is exactly indifferent to posing as value 2.
  assert.equal(payoff(2, 1).toString(), payoff(2, 2).toString());
  // Revenue: 1/4·5/2 + 1/2·1 + δ·(1/2)·(price 2 to the 1/4 value-2 mass).
  assert.equal(
    q('5/8')
      .add(q('1/2'))
      .add(delta.mul(q('1/2')))
      .toString(),
    '11/8',
  );
});

test('the future seller obeys: the BCE check on her one-player game agrees', async () => {
  const random = prng(8807);
  for (let trial = 0; trial < 8; trial++) {
    const problem = randomProblem(random, 3, 2);
    const m = await solveMediated(problem);
    const plans = lastPeriodPlans(problem);
    // Her game, with the prior replaced by the belief given "no sale now",
    // and the outcome Pr(value, message | no sale).
    const joint = problem.values.map((_, i) =>
      plans.map((_, l) => m.device[i].messages[l].mul(problem.prior[i])),
    );
    const unsold = sum(joint.flat());
    if (unsold.isZero()) continue;
    const game = {
      ...futureSellerGame(problem, plans),
      prior: joint.map((row) => sum(row).div(unsold)),
    };
    const outcome = { p: joint.map((row) => [row.map((x) => x.div(unsold))]) };
    assert.equal(checkOutcome(game, outcome).consistent, true);
  }
});

test('the device LP takes the future seller’s obedience rows from obedienceRows', () => {
  const problem = problemOf(['1', '2', '4'], ['1/4', '1/2', '1/4'], '1/2', 2);
  const plans = lastPeriodPlans(problem);
  const program = mediatedProgram(problem, plans);
  const expected = obedienceRows(
    futureSellerGame(problem, plans),
    (s, _k, a) => program.message[s][a],
  ).rows;
  const { first, count } = program.obedienceRows;
  const actual = program.lp.rows.slice(first, first + count);
  assert.equal(count, expected.length);
  assert.deepEqual(
    actual.map((r) => [r.name, r.indices, strings(r.coefficients)]),
    expected.map((r) => [r.name, r.indices, strings(r.coefficients)]),
  );
  assert.match(actual[0].name, /^obey\[future seller:price /);
});

test('a seeded search over three values finds devices that beat posted prices', async () => {
  const random = prng(2022);
  let gaps = 0;
  for (let trial = 0; trial < 30; trial++) {
    const problem = randomProblem(random, 3, 2);
    const r = await solveDurable(problem, { regimes: ['mediated', 'posted'] });
    const m = r.values.mediated!;
    const p = r.values.posted!;
    assert.ok(m.ge(p));
    assert.equal(r.mediated!.paymentsOnSaleOnly, true);
    if (m.gt(p)) gaps++;
  }
  assert.ok(gaps > 0, 'no gap in 30 three-value instances');
});
