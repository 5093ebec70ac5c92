/**
 * The durable-good numbers from the issue, derived by hand in
 * docs/durable.md: two values {1, 2} with Pr(high) = 3/5, and {1, 3} with
 * Pr(high) = 1/2, under commitment, designed mechanisms and posted prices.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  revenueByHorizon,
  settlesAt,
  solveDurable,
} from '../src/durable/durable.js';
import { problemOf } from './durable-helpers.js';

const strings = (xs: readonly { toString(): string }[]) =>
  xs.map((x) => x.toString());

test('{1,2}, Pr(high) = 3/5, δ = 9/10, T = 2: commitment 6/5, both others 28/25', async () => {
  const r = await solveDurable(
    problemOf(['1', '2'], ['2/5', '3/5'], '9/10', 2),
  );
  assert.equal(r.values.commitment?.toString(), '6/5');
  assert.equal(r.values.mediated?.toString(), '28/25');
  assert.equal(r.values.posted?.toString(), '28/25');
  assert.ok(r.commitment?.certificate.exact && r.commitment.verified);
  assert.ok(r.mediated?.certificate.exact && r.mediated.verified);
  assert.equal(r.mediated.exactRegime, true);

  // Posted prices: the high value buys with probability 1/3 at price 2,
  // which leaves the period-2 seller at posterior 1/2, indifferent between
  // 2 and 1; she posts 2.
  const path = r.posted!.path;
  assert.deepEqual(
    path.map((s) => s.price?.toString()),
    ['2', '2'],
  );
  assert.deepEqual(strings(path[0].buy), ['0', '1/3']);
  assert.deepEqual(strings(path[0].posterior!), ['1/2', '1/2']);

  // The device does the same: one message, "price 2", at posterior 1/2.
  assert.deepEqual(
    r.mediated.messages.map((m) => [m.plan, strings(m.posterior)]),
    [['price 2', ['1/2', '1/2']]],
  );
  assert.deepEqual(r.mediated.messages[0].indifferentTo, ['price 1']);
});

test('{1,2}, Pr(high) = 3/5, δ = 1/2, T = 2: both 11/10 (skimming at 3/2, then 1)', async () => {
  const r = await solveDurable(problemOf(['1', '2'], ['2/5', '3/5'], '1/2', 2));
  assert.equal(r.values.commitment?.toString(), '6/5');
  assert.equal(r.values.mediated?.toString(), '11/10');
  assert.equal(r.values.posted?.toString(), '11/10');
  assert.deepEqual(
    r.posted!.path.map((s) => s.price?.toString()),
    ['3/2', '1'],
  );
});

test('{1,3}, Pr(high) = 1/2, δ = 9/10: 3/2 with commitment, 57/40 at T = 2, then erosion', async () => {
  const problem = problemOf(['1', '3'], ['1/2', '1/2'], '9/10', 2);
  const r = await solveDurable(problem);
  assert.equal(r.values.commitment?.toString(), '3/2');
  assert.equal(r.values.mediated?.toString(), '57/40');
  assert.equal(r.values.posted?.toString(), '57/40');

  const rows = await revenueByHorizon(problem, 8);
  assert.deepEqual(
    rows.map((row) => row.posted?.toString()),
    [
      '3/2',
      '57/40',
      '269/200',
      '3779/3000',
      '52589/45000',
      '723299/675000',
      '21/20',
      '21/20',
    ],
  );
  // Revenue never rises with the horizon, and from T = 7 on the seller
  // sells to the high value at 3 − (9/10)·2 = 6/5 and to the low one at 1.
  for (let k = 1; k < rows.length; k++) {
    assert.ok(rows[k].posted!.le(rows[k - 1].posted!));
    assert.equal(rows[k].commitment?.toString(), '3/2');
    // Two values: a designed device never beats posted prices.
    assert.equal(rows[k].mediated?.toString(), rows[k].posted?.toString());
  }
  assert.equal(settlesAt(rows), 7);
  const long = await solveDurable({ ...problem, horizon: 7 });
  assert.deepEqual(
    long.posted!.path.map((s) => s.price?.toString()),
    ['6/5', '1'],
  );
});
