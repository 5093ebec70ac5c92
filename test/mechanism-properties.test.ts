/**
 * Seeded property tests of the mechanism module on small random problems:
 * LP optimum = ironed virtual-value formula; LP feasibility of payments =
 * absence of a Rochet cycle; the exact audit agrees with the LP rows
 * evaluated at random mechanisms; implementing the optimal rule recovers
 * the optimal revenue as the top of its revenue range; every Farkas
 * witness cancels the payments and sums to a negative number.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditMechanism } from '../src/mechanism/audit.js';
import { mechanismConstraints } from '../src/mechanism/constraints.js';
import { solveMechanism } from '../src/mechanism/direct.js';
import { implementRule } from '../src/mechanism/implement.js';
import { parseMechanismJson } from '../src/mechanism/problem-json.js';
import {
  withSettings,
  type MechanismProblem,
} from '../src/mechanism/problem.js';
import { rochetCycle } from '../src/mechanism/witness.js';
import { ONE, Rational, ZERO, sum } from '../src/numbers/rational.js';
import { prng, randomInt, randomPrior } from './helpers/random.js';

const SETTINGS = [
  { incentives: 'bayesian', participation: 'interim' },
  { incentives: 'dominant', participation: 'ex-post' },
] as const;

/** A single-item problem with independent private values. */
function randomItem(random: () => number, bidders: number, types: number) {
  const agents = Array.from({ length: bidders }, (_, i) => ({
    name: `b${i}`,
    types: Array.from({ length: types }, (_, k) => `t${k}`),
  }));
  const independent: Record<string, string[]> = {};
  const item: Record<string, number[]> = {};
  for (const a of agents) {
    independent[a.name] = randomPrior(random, types).map(String);
    item[a.name] = Array.from({ length: types }, () => randomInt(random, 0, 6));
  }
  return parseMechanismJson({ agents, prior: { independent }, item });
}

/** One agent, `types` types, three alternatives, random values and rule. */
function randomRule(random: () => number, types: number, agents = 1) {
  const names = Array.from({ length: types }, (_, k) => `t${k}`);
  const alternatives = ['x', 'y', 'z'];
  const list = Array.from({ length: agents }, (_, i) => ({
    name: `a${i}`,
    types: names,
  }));
  const valuations: Record<string, Record<string, Record<string, number>>> = {};
  for (const a of list) {
    valuations[a.name] = Object.fromEntries(
      names.map((t) => [
        t,
        Object.fromEntries(
          alternatives.map((x) => [x, randomInt(random, -3, 3)]),
        ),
      ]),
    );
  }
  const problem = parseMechanismJson({
    agents: list,
    prior: 'uniform',
    alternatives,
    valuations,
    participation: 'none',
  });
  const rule = problem.prior.map(() => {
    const lottery = alternatives.map(() => ZERO);
    lottery[randomInt(random, 0, 2)] = ONE;
    return lottery;
  });
  return { ...problem, rule };
}

test('LP optimum = E[max(0, max ironed φ)] on random item problems', async () => {
  const random = prng(314);
  for (let trial = 0; trial < 10; trial++) {
    const problem = randomItem(random, 1 + (trial % 2), 2 + (trial % 3));
    for (const settings of SETTINGS) {
      const r = await solveMechanism(withSettings(problem, settings));
      assert.equal(r.status, 'optimal');
      assert.ok(r.virtualValues.applies);
      assert.equal(r.value?.toString(), r.virtualValues.value.toString());
      assert.equal(r.virtualValues.audited, true);
      assert.equal(
        r.virtualValues.revenue.toString(),
        r.virtualValues.value.toString(),
      );
    }
  }
});

test('dominant strategy: payments exist exactly when there is no negative cycle (Rochet)', async () => {
  const random = prng(2718);
  let infeasible = 0;
  for (let trial = 0; trial < 24; trial++) {
    const problem = withSettings(
      randomRule(random, 3 + (trial % 2), 1 + (trial % 3 === 0 ? 1 : 0)),
      {
        incentives: 'dominant',
      },
    );
    const r = await implementRule(problem);
    const cycle = rochetCycle(problem, problem.rule!);
    assert.equal(r.implementable, cycle === null, `trial ${trial}`);
    if (cycle) {
      infeasible++;
      assert.ok(cycle.total.sign() < 0);
      assert.equal(r.witness?.kind, 'cycle');
    } else {
      assert.equal(r.audit?.ok, true);
    }
  }
  assert.ok(
    infeasible > 3 && infeasible < 21,
    `${infeasible} of 24 infeasible`,
  );
});

test('Bayesian witnesses cancel every payment and sum to a negative number', async () => {
  const random = prng(99);
  let seen = 0;
  for (let trial = 0; trial < 16; trial++) {
    const problem = randomRule(random, 3, 1 + (trial % 2));
    const r = await implementRule(problem);
    if (r.implementable) continue;
    seen++;
    assert.equal(r.witness?.kind, 'combination');
    if (r.witness?.kind !== 'combination') continue;
    const net = new Map<string, Rational>();
    let total = ZERO;
    for (const row of r.witness.combination.rows) {
      assert.ok(row.weight.sign() > 0);
      total = total.add(row.weight.mul(row.bound));
      for (const p of row.payments) {
        const key = `${p.agent}|${p.types}`;
        net.set(key, (net.get(key) ?? ZERO).add(row.weight.mul(p.coefficient)));
      }
    }
    for (const c of net.values()) assert.ok(c.isZero());
    assert.ok(total.sign() < 0);
  }
  assert.ok(seen > 0);
});

test('the audit and the LP rows agree on random mechanisms', () => {
  const random = prng(4242);
  for (let trial = 0; trial < 30; trial++) {
    let problem: MechanismProblem = randomItem(random, 2, 2);
    problem = withSettings(problem, {
      incentives: trial % 2 ? 'dominant' : 'bayesian',
      participation: (['interim', 'ex-post', 'none'] as const)[trial % 3],
      budget: (['none', 'ex-ante', 'ex-post', 'balanced'] as const)[trial % 4],
    });
    const q = problem.prior.map(() => {
      const w: number[] = problem.alternatives.map(() =>
        randomInt(random, 0, 3),
      );
      if (!w.some((x) => x > 0)) w[0] = 1;
      const total = w.reduce((a, b) => a + b, 0);
      return w.map((x) => Rational.of(x, total));
    });
    const p = problem.prior.map(() =>
      problem.agents.map(() => Rational.of(randomInt(random, -2, 4), 2)),
    );
    const audit = auditMechanism(problem, { q, p });
    const rows = mechanismConstraints(problem, { lottery: false });
    let failing = 0;
    for (const row of rows) {
      let value = row.constant;
      for (const t of row.terms) {
        const x =
          t.variable === 'q' ? q[t.profile][t.index] : p[t.profile][t.index];
        value = value.add(t.coefficient.mul(x));
      }
      if (row.equality ? !value.isZero() : value.sign() < 0) failing++;
    }
    assert.equal(audit.violations.length, failing, `trial ${trial}`);
    const checked = audit.checked;
    assert.equal(
      checked.incentive + checked.participation + checked.budget,
      rows.length,
    );
    assert.equal(
      audit.revenue.toString(),
      sum(p.map((row, t) => problem.prior[t].mul(sum(row)))).toString(),
    );
  }
});

test('implementing the optimal rule recovers the optimal revenue as the top of its range', async () => {
  const random = prng(777);
  for (let trial = 0; trial < 6; trial++) {
    const problem = withSettings(randomItem(random, 2, 2), SETTINGS[trial % 2]);
    const best = await solveMechanism(problem);
    assert.equal(best.status, 'optimal');
    const r = await implementRule(problem, { rule: best.mechanism!.q });
    assert.equal(r.implementable, true);
    assert.equal(r.revenueRange.max?.toString(), best.value?.toString());
  }
});
