/**
 * Seeded property tests of the durable-good regimes on small random
 * instances: commitment equals the one-shot monopoly revenue; the posted-
 * price recursion agrees with a brute force written independently for
 * T = 2; commitment ≥ mediated ≥ posted; with two values a designed device
 * never beats posted prices (T = 2, and T = 3 given the continuation).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveCommitment } from '../src/durable/commitment.js';
import { solveDurable } from '../src/durable/durable.js';
import { solveMediated } from '../src/durable/mediated.js';
import { solvePosted } from '../src/durable/posted-path.js';
import type { DurableProblem } from '../src/durable/problem.js';
import { ONE, ZERO, Rational } from '../src/numbers/rational.js';
import { prng, randomInt } from './helpers/random.js';
import { describeProblem, randomProblem } from './durable-helpers.js';

/** max_j v_j Pr(v ≥ v_j), written out here rather than imported. */
function oneShot(p: DurableProblem): Rational {
  let best = ZERO;
  p.values.forEach((v, j) => {
    let mass = ZERO;
    for (let i = j; i < p.values.length; i++) mass = mass.add(p.prior[i]);
    const r = v.mul(mass);
    if (r.gt(best)) best = r;
  });
  return best;
}

/**
 * The seller-optimal posted-price revenue for T = 2 by brute force: the
 * period-1 price leaves values above j sold, value j with mass r, values
 * below j unsold; the period-2 seller posts a best price at that belief
 * (the one leaving the marginal buyer least, as she may), and the price
 * makes the marginal buyer indifferent (or, when j waits entirely, makes
 * j + 1 indifferent). r runs over a grid and every belief at which two
 * period-2 prices tie.
 */
function postedTwoPeriods(p: DurableProblem): Rational {
  const { values: v, prior: mu, delta } = p;
  const n = v.length;
  const revenue2 = (w: Rational[], i: number) => {
    let mass = ZERO;
    for (let l = i; l < n; l++) mass = mass.add(w[l]);
    return v[i].mul(mass);
  };
  let best = v[0]; // everyone buys at v_1
  for (let j = 0; j < n; j++) {
    const rs = new Map<string, Rational>();
    for (let k = 0; k <= 24; k++) {
      const r = mu[j].mul(Rational.of(k, 24));
      rs.set(r.toString(), r);
    }
    // Ties between prices a < b at belief w(r): linear in r.
    for (let a = 0; a <= j; a++) {
      for (let b = a + 1; b <= j; b++) {
        // v_a (M_a + r) = v_b (M_b + r) with M the mass below j from a / b.
        let ma = ZERO;
        for (let l = a; l < j; l++) ma = ma.add(mu[l]);
        let mb = ZERO;
        for (let l = b; l < j; l++) mb = mb.add(mu[l]);
        if (v[a].equals(v[b])) continue;
        const r = v[b].mul(mb).sub(v[a].mul(ma)).div(v[a].sub(v[b]));
        if (r.sign() >= 0 && r.le(mu[j])) rs.set(r.toString(), r);
      }
    }
    for (const r of rs.values()) {
      if (r.isZero()) continue; // the same as j − 1 waiting entirely
      const w = mu.map((m, i) => (i < j ? m : i === j ? r : ZERO));
      const r2 = v.map((_, i) => revenue2(w, i));
      const top = r2.reduce((x, y) => (y.gt(x) ? y : x));
      const bestPrices = v.filter((_, i) => r2[i].equals(top));
      const marginal = r.equals(mu[j]) ? j + 1 : j;
      if (marginal >= n) continue; // nobody buys: no better than waiting
      const least = bestPrices
        .map((price) => (v[marginal].gt(price) ? v[marginal].sub(price) : ZERO))
        .reduce((x, y) => (y.lt(x) ? y : x));
      const p1 = v[marginal].sub(delta.mul(least));
      let sold = mu[j].sub(r);
      for (let i = j + 1; i < n; i++) sold = sold.add(mu[i]);
      const total = p1.mul(sold).add(delta.mul(top));
      if (total.gt(best)) best = total;
    }
  }
  // Waiting in period 1 altogether.
  const wait = delta.mul(oneShot(p));
  return wait.gt(best) ? wait : best;
}

test('commitment equals the one-shot optimal posted price (T ≤ 3)', async () => {
  const random = prng(8801);
  for (let trial = 0; trial < 24; trial++) {
    const p = randomProblem(random, randomInt(random, 1, 4), 1 + (trial % 3));
    const r = await solveCommitment(p);
    assert.equal(r.status, 'optimal');
    assert.ok(r.certificate.exact && r.verified);
    assert.equal(
      r.value!.toString(),
      oneShot(p).toString(),
      describeProblem(p),
    );
  }
});

test('posted prices, T = 2: the recursion equals an independent brute force', () => {
  const random = prng(8802);
  for (let trial = 0; trial < 60; trial++) {
    const p = randomProblem(random, randomInt(random, 1, 4), 2);
    const r = solvePosted(p);
    assert.ok(r.verified);
    assert.equal(
      r.value.toString(),
      postedTwoPeriods(p).toString(),
      describeProblem(p),
    );
  }
});

test('commitment ≥ mediated ≥ posted, and T = 1 is the one-shot revenue', async () => {
  const random = prng(8803);
  for (let trial = 0; trial < 16; trial++) {
    const n = randomInt(random, 1, 3);
    const T = n <= 2 ? randomInt(random, 1, 3) : randomInt(random, 1, 2);
    const p = randomProblem(random, n, T);
    const r = await solveDurable(p);
    const { commitment, mediated, posted } = r.values;
    const what = describeProblem(p);
    assert.ok(r.mediated!.verified, what);
    assert.ok(commitment!.ge(mediated!), what);
    assert.ok(mediated!.ge(posted!), what);
    if (T === 1) {
      assert.equal(mediated!.toString(), commitment!.toString(), what);
      assert.equal(posted!.toString(), commitment!.toString(), what);
    }
  }
});

test('two values, T = 2: a designed device never beats posted prices', async () => {
  const random = prng(8804);
  for (let trial = 0; trial < 40; trial++) {
    const p = randomProblem(random, 2, 2);
    const m = await solveMediated(p);
    assert.equal(m.status, 'optimal');
    assert.ok(m.certificate.exact && m.verified && m.exactRegime);
    assert.equal(
      m.value!.toString(),
      solvePosted(p).value.toString(),
      describeProblem(p),
    );
  }
});

test('two values, T = 3: no period-1 device beats posted prices given the continuation', async () => {
  const random = prng(8805);
  for (let trial = 0; trial < 10; trial++) {
    const p = randomProblem(random, 2, 3);
    const m = await solveMediated(p);
    assert.equal(m.status, 'optimal', describeProblem(p));
    assert.ok(m.verified);
    assert.equal(m.exactRegime, false);
    assert.equal(
      m.value!.toString(),
      solvePosted(p).value.toString(),
      describeProblem(p),
    );
  }
});

test('edge cases: δ = 0 is one-shot, one value sells at once, δ = 1 is fine', async () => {
  const random = prng(8806);
  for (let trial = 0; trial < 6; trial++) {
    const p = randomProblem(random, 3, 3);
    const zero = await solveDurable({ ...p, delta: ZERO, horizon: 2 });
    assert.equal(zero.values.posted!.toString(), oneShot(p).toString());
    assert.equal(zero.values.mediated!.toString(), oneShot(p).toString());
    const one = await solveDurable({ ...p, delta: ONE, horizon: 2 });
    assert.ok(one.values.commitment!.ge(one.values.mediated!));
    assert.ok(one.values.mediated!.ge(one.values.posted!));
  }
  const single = await solveDurable({
    name: '',
    values: [Rational.of(3, 2)],
    prior: [ONE],
    delta: Rational.of(1, 2),
    horizon: 4,
  });
  for (const v of Object.values(single.values))
    assert.equal(v?.toString(), '3/2');
});
