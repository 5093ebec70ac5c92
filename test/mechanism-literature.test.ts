/**
 * Mechanism design answers from the literature, each by two routes where
 * one exists: the direct-mechanism LP against discrete virtual values
 * (Myerson 1981; Elkind 2007), Rochet cycles against Farkas combinations,
 * closed forms derived in docs/mechanism.md against BCE ranges.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { solveMechanism } from '../src/mechanism/direct.js';
import { implementRule } from '../src/mechanism/implement.js';
import { auditMechanism } from '../src/mechanism/audit.js';
import { readMechanismFile } from '../src/mechanism/problem-json.js';
import {
  withSettings,
  type MechanismProblem,
} from '../src/mechanism/problem.js';
import {
  myersonOptimum,
  virtualValueRule,
  virtualValues,
} from '../src/mechanism/virtual-values.js';
import { robustRevenue } from '../src/mechanism/robust.js';
import { ONE, Rational, ZERO } from '../src/numbers/rational.js';

const example = (name: string) =>
  readMechanismFile(
    join(process.cwd(), 'examples', 'mechanism', `${name}.json`),
  );
const q = (text: string) => Rational.parse(text) as Rational;
const BAYES = { incentives: 'bayesian', participation: 'interim' } as const;
const DOMINANT = { incentives: 'dominant', participation: 'ex-post' } as const;

async function optimum(problem: MechanismProblem) {
  const r = await solveMechanism(problem);
  assert.equal(r.status, 'optimal');
  assert.equal(r.certificate.exact, true);
  assert.equal(r.certificate.audited, true);
  return r;
}

test('Myerson, values {1, 2} uniform, two bidders: revenue 3/2 both ways', async () => {
  const problem = example('myerson-two-values');
  for (const settings of [BAYES, DOMINANT]) {
    const r = await optimum(withSettings(problem, settings));
    assert.equal(r.value?.toString(), '3/2');
    assert.ok(r.virtualValues.applies);
    assert.equal(r.virtualValues.value.toString(), '3/2');
    // The virtual-value mechanism earns it and passes the exact audit.
    assert.equal(r.virtualValues.revenue.toString(), '3/2');
    assert.equal(r.virtualValues.audited, true);
  }
  // φ(1) = 1 − (2 − 1)·(1/2)/(1/2) = 0 and φ(2) = 2.
  const vv = virtualValues([ONE, q('2')], [q('1/2'), q('1/2')]);
  assert.deepEqual(vv.virtual.map(String), ['0', '2']);
});

test('Myerson, values {1, 2, 3} uniform: revenue 2 both ways, and by the exact simplex', async () => {
  const problem = example('myerson-three-values');
  for (const settings of [BAYES, DOMINANT]) {
    const r = await optimum(withSettings(problem, settings));
    assert.equal(r.value?.toString(), '2');
    assert.ok(r.virtualValues.applies);
    assert.equal(r.virtualValues.value.toString(), '2');
    const exact = await solveMechanism(withSettings(problem, settings), {
      engine: 'exact',
    });
    assert.equal(exact.certificate.method, 'exact-simplex');
    assert.equal(exact.value?.toString(), '2');
  }
  // φ = (1 − 1·(2/3)/(1/3), 2 − 1·(1/3)/(1/3), 3) = (−1, 1, 3).
  const vv = virtualValues(
    [ONE, q('2'), q('3')],
    [q('1/3'), q('1/3'), q('1/3')],
  );
  assert.deepEqual(vv.virtual.map(String), ['-1', '1', '3']);
  assert.deepEqual(vv.ironed.map(String), ['-1', '1', '3']);
});

test('ad slot: highest value wins is implementable; second price audits clean at 14/9', async () => {
  const problem = example('ad-slot');
  const audit = auditMechanism(problem, {
    q: problem.rule!,
    p: problem.payments!,
  });
  assert.equal(audit.ok, true);
  assert.equal(audit.worst, null);
  assert.equal(audit.revenue.toString(), '14/9');

  const r = await implementRule(problem);
  assert.equal(r.status, 'implementable');
  assert.equal(r.implementable, true);
  assert.equal(r.audit?.ok, true);
  // Max derived in docs/mechanism.md: each bidder pays its value times
  // each increase in its winning probability, bottom type paying its
  // value: 17/18 per bidder. No deficit ex post makes 0 the least.
  assert.deepEqual(
    [r.revenueRange.min?.toString(), r.revenueRange.max?.toString()],
    ['0', '17/9'],
  );
  assert.equal(r.value?.toString(), '17/9');

  // Under Bayesian incentives and interim participation the maximum is the
  // same; without a budget constraint revenue is unbounded below.
  const bayes = await implementRule(
    withSettings(problem, { ...BAYES, budget: 'none' }),
  );
  assert.equal(bayes.revenueRange.max?.toString(), '17/9');
  assert.equal(bayes.revenueRange.min, null);
  assert.equal(bayes.revenueRange.minStatus, 'unbounded');
});

test('three-type cycle: every pair passes, implement says no and gives the cycle', async () => {
  const problem = example('three-type-cycle');
  const rule = problem.rule!;
  // ℓ(a, b) = v_a(x_a) − v_a(x_b): every two-cycle is non-negative.
  const ell = (a: number, b: number) =>
    problem.values[0][a][a].sub(problem.values[0][a][b]);
  for (let a = 0; a < 3; a++) {
    for (let b = a + 1; b < 3; b++)
      assert.ok(ell(a, b).add(ell(b, a)).sign() >= 0);
  }
  assert.equal(rule.length, 3);

  const r = await implementRule(problem);
  assert.equal(r.status, 'not-implementable');
  assert.equal(r.implementable, false);
  assert.equal(r.witness?.kind, 'cycle');
  if (r.witness?.kind !== 'cycle') return;
  const cycle = r.witness.cycle;
  assert.equal(cycle.edges.length, 3);
  assert.equal(cycle.total.toString(), '-3');
  assert.deepEqual(
    cycle.edges.map((e) => `${e.type}→${e.report}:${e.bound}`),
    ['A→B:-1', 'B→C:-1', 'C→A:-1'],
  );

  // Bayesian incentives: the same contradiction as a Farkas combination.
  const bayes = await implementRule(
    withSettings(problem, { incentives: 'bayesian' }),
  );
  assert.equal(bayes.implementable, false);
  assert.equal(bayes.witness?.kind, 'combination');
  if (bayes.witness?.kind !== 'combination') return;
  const rows = bayes.witness.combination.rows;
  assert.deepEqual(
    rows.map((row) => `${row.constraint.name}×${row.weight}`),
    ['IC[agent@A→B]×1', 'IC[agent@B→C]×1', 'IC[agent@C→A]×1'],
  );
  assertCancels(bayes.witness.combination);
});

/** Checks by hand that a Farkas combination cancels payments and is negative. */
function assertCancels(combination: {
  rows: readonly {
    weight: Rational;
    bound: Rational;
    payments: readonly {
      agent: string;
      types: readonly string[];
      coefficient: Rational;
    }[];
  }[];
  total: Rational;
}) {
  const net = new Map<string, Rational>();
  let total = ZERO;
  for (const row of combination.rows) {
    total = total.add(row.weight.mul(row.bound));
    for (const p of row.payments) {
      const key = `${p.agent}|${p.types.join(',')}`;
      net.set(key, (net.get(key) ?? ZERO).add(row.weight.mul(p.coefficient)));
    }
  }
  for (const [key, c] of net) assert.ok(c.isZero(), `${key} does not cancel`);
  assert.equal(total.toString(), combination.total.toString());
  assert.ok(total.sign() < 0);
}

test('ironing binds: LP optimum = ironed formula; the un-ironed rule is not implementable', async () => {
  const problem = example('ironing');
  // Values 1, 2, 3 with f = (3/5, 1/10, 3/10): φ = (1/3, −1, 3) is not
  // monotone; the concave hull of the revenue curve irons types 1 and 2
  // to φ̄ = (R(1) − R(3))/(S(1) − S(3)) = (1 − 9/10)/(1 − 3/10) = 1/7.
  const vv = myersonOptimum(problem);
  assert.ok(vv.applies);
  assert.deepEqual(
    vv.agents[0].rows.map((r) => String(r.virtual)),
    ['1/3', '-1', '3'],
  );
  assert.deepEqual(
    vv.agents[0].rows.map((r) => String(r.ironed)),
    ['1/7', '1/7', '3'],
  );
  assert.equal(vv.agents[0].ironingBinds, true);
  // E[max(0, max φ̄)] = 3·(1 − (7/10)²) + (1/7)·(7/10)² = 153/100 + 7/100.
  assert.equal(vv.value.toString(), '8/5');
  for (const settings of [BAYES, DOMINANT]) {
    const r = await optimum(withSettings(problem, settings));
    assert.equal(r.value?.toString(), '8/5');
  }
  // The un-ironed bound E[max(0, max φ)] = 153/100 + (1/3)(48/100) = 169/100
  // is not attainable: the rule behind it is not monotone.
  const raw = virtualValueRule(problem, { ironed: false });
  for (const settings of [BAYES, DOMINANT]) {
    const r = await implementRule(withSettings(problem, settings), {
      rule: raw,
    });
    assert.equal(r.implementable, false);
    if (settings === DOMINANT) {
      assert.equal(r.witness?.kind, 'cycle');
      if (r.witness?.kind === 'cycle') {
        // Type 2 never wins while type 1 sometimes does.
        assert.equal(r.witness.cycle.edges.length, 2);
        assert.ok(r.witness.cycle.total.sign() < 0);
      }
    } else {
      assert.equal(r.witness?.kind, 'combination');
      if (r.witness?.kind === 'combination')
        assertCancels(r.witness.combination);
    }
  }
  const ironed = virtualValueRule(problem, { ironed: true });
  const ok = await implementRule(withSettings(problem, DOMINANT), {
    rule: ironed,
  });
  assert.equal(ok.implementable, true);
  assert.equal(ok.revenueRange.max?.toString(), '8/5');
});

test('Crémer–McLean: full extraction under interim participation, not ex post', async () => {
  const problem = example('cremer-mclean');
  // Full surplus E[max v] = 1·1/3 + 2·(1/6 + 1/6 + 1/3) = 5/3.
  const interim = await optimum(problem);
  assert.equal(interim.value?.toString(), '5/3');
  for (const row of interim.interim) assert.ok(row.utility.isZero());
  assert.equal(interim.virtualValues.applies, false);
  // Ex post: type 2's rent is at least Σ ψ(t_-i | 2) q_i(1, t_-i), which
  // bounds revenue by 1/6 + 1/3 + 1/3 + 2/3 = 3/2 (docs/mechanism.md).
  const expost = await optimum(
    withSettings(problem, { participation: 'ex-post' }),
  );
  assert.equal(expost.value?.toString(), '3/2');
  const exact = await solveMechanism(
    withSettings(problem, { participation: 'ex-post' }),
    { engine: 'exact' },
  );
  assert.equal(exact.value?.toString(), '3/2');
});

test('robust posted price: worst case p(1 − 2p)/(2(1 − p)), below both benchmarks', async () => {
  const problem = example('posted-price');
  for (const text of ['1/5', '1/4', '1/3', '2/5', '9/20']) {
    const p = q(text);
    const r = await robustRevenue(problem, { kind: 'posted-price', price: p });
    assert.equal(r.status, 'optimal');
    const closed = p.mul(ONE.sub(p.add(p))).div(q('2').mul(ONE.sub(p)));
    assert.equal(r.min?.toString(), closed.toString(), `p = ${text}`);
    assert.equal(r.max?.toString(), p.toString());
    // No information: the buyer buys at p < 1/2 (revenue p); full
    // information: only the high state buys (revenue p/2).
    const { noInformation, fullInformation } = r.benchmarks;
    assert.equal(noInformation.min?.toString(), p.toString());
    assert.equal(fullInformation.min?.toString(), p.div(q('2')).toString());
    assert.ok(r.min!.lt(noInformation.min!) && r.min!.lt(fullInformation.min!));
  }
  // At p ≥ 1/2 the worst case sells nothing.
  const high = await robustRevenue(problem, {
    kind: 'posted-price',
    price: q('3/5'),
  });
  assert.equal(high.min?.toString(), '0');
  assert.equal(high.max?.toString(), '1/2');
});
