/**
 * The lattice of subsets: a law over orders induces a conserved flow, and
 * peeling that flow gives back orders inducing the same flow.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rational, ZERO } from '../src/numbers/rational.js';
import {
  allOrders,
  peelOrders,
  predecessorSets,
  subsetLattice,
  type Lattice,
} from '../src/sequential/lattice.js';
import { prng, randomInt } from './helpers/random.js';

function flowOf(
  lattice: Lattice,
  law: readonly { order: readonly number[]; weight: Rational }[],
): Rational[] {
  const flow = lattice.from.map(() => ZERO);
  for (const { order, weight } of law) {
    const before = predecessorSets(order);
    order.forEach((i) => {
      const e = lattice.edge(before[i], i);
      flow[e] = flow[e].add(weight);
    });
  }
  return flow;
}

test('peeling a flow gives orders that induce the same flow', () => {
  const random = prng(8);
  for (const n of [1, 2, 3, 4]) {
    const lattice = subsetLattice(n);
    assert.equal(lattice.from.length, n * 2 ** (n - 1));
    const orders = allOrders(n);
    assert.equal(orders.length, [1, 1, 2, 6, 24][n]);
    for (let trial = 0; trial < 5; trial++) {
      const law = orders
        .map((order) => ({
          order,
          weight: Rational.of(randomInt(random, 0, 3), 7),
        }))
        .filter((w) => w.weight.sign() > 0);
      if (law.length === 0) continue;
      const flow = flowOf(lattice, law);
      const peeled = peelOrders(lattice, flow);
      const total = law.reduce((x, w) => x.add(w.weight), ZERO);
      const back = peeled.reduce((x, w) => x.add(w.weight), ZERO);
      assert.equal(back.toString(), total.toString());
      assert.deepEqual(flowOf(lattice, peeled).map(String), flow.map(String));
    }
  }
});

test('a flow that is not conserved is refused', () => {
  const lattice = subsetLattice(3);
  const flow = lattice.from.map(() => ZERO);
  flow[lattice.edge(0, 0)] = Rational.of(1, 2);
  flow[lattice.edge(1, 1)] = Rational.of(1, 2);
  assert.throws(() => peelOrders(lattice, flow), /not conserved/);
});
