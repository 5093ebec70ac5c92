// Differential tests: HiGHS + certification against the exact simplex on
// seeded random LPs, and many tiny solves to exercise model disposal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveLp } from '../src/lp/solve.js';
import {
  checkFarkas,
  checkOptimality,
  checkUnbounded,
} from '../src/lp/certificate.js';
import type { LinearProgram, LpSolution } from '../src/lp/model.js';
import {
  program,
  q,
  randomInt,
  randomAwkwardLp,
  randomLp,
  row,
  seededRandom,
  variable,
} from './lp-helpers.js';

function assertSound(lp: LinearProgram, s: LpSolution): void {
  assert.equal(s.exact, true, `not exact: ${s.notes.join('; ')}`);
  if (s.status === 'optimal') {
    assert.ok(s.x && s.rowDuals && s.value);
    const check = checkOptimality(lp, s.x, s.rowDuals);
    assert.equal(check.failure, null);
    assert.ok(check.value.equals(s.value));
  } else if (s.status === 'infeasible') {
    if (s.farkas !== null) assert.ok(checkFarkas(lp, s.farkas));
  } else if (s.status === 'unbounded') {
    assert.ok(s.ray);
  } else {
    assert.fail(`unexpected status ${s.status}`);
  }
}

test('auto and exact engines agree on 80 seeded random LPs', async () => {
  const random = seededRandom(7);
  const seen = new Set<string>();
  for (let sample = 0; sample < 80; sample++) {
    const lp = randomLp(
      random,
      randomInt(random, 1, 7),
      randomInt(random, 1, 6),
    );
    const auto = await solveLp(lp);
    const exact = await solveLp(lp, { engine: 'exact' });
    const highsOnly = await solveLp(lp, { engine: 'highs' });
    assertSound(lp, auto);
    assertSound(lp, exact);
    assert.equal(auto.status, exact.status, `sample ${sample}`);
    assert.equal(highsOnly.status, exact.status, `sample ${sample}`);
    if (exact.status === 'optimal') {
      assert.equal(String(auto.value), String(exact.value), `sample ${sample}`);
      assert.equal(String(highsOnly.value), String(exact.value));
    }
    if (exact.status === 'infeasible') assert.ok(exact.farkas);
    if (exact.status === 'unbounded') {
      assert.ok(exact.ray && auto.ray);
    }
    seen.add(exact.status);
  }
  // The generator must exercise every answer, or the test proves little.
  assert.deepEqual([...seen].sort(), ['infeasible', 'optimal', 'unbounded']);
});

test('awkward denominators: the basis route certifies and agrees with exact', async () => {
  const random = seededRandom(99);
  const methods = new Set<string>();
  for (let sample = 0; sample < 30; sample++) {
    const lp = randomAwkwardLp(
      random,
      randomInt(random, 5, 14),
      randomInt(random, 4, 10),
    );
    const auto = await solveLp(lp);
    const exact = await solveLp(lp, { engine: 'exact' });
    assertSound(lp, auto);
    assertSound(lp, exact);
    assert.equal(auto.status, exact.status, `sample ${sample}`);
    assert.equal(String(auto.value), String(exact.value), `sample ${sample}`);
    methods.add(auto.method);
  }
  assert.ok(methods.has('highs+basis'));
});

test('unbounded answers carry rays that verify from a feasible point', async () => {
  const lp = program(
    'minimize',
    [variable('x', -1, null), variable('y', 0)],
    [
      row(
        'a',
        [
          [0, 1],
          [1, -2],
        ],
        null,
        3,
      ),
    ],
  );
  for (const engine of ['auto', 'exact'] as const) {
    const s = await solveLp(lp, { engine });
    assert.equal(s.status, 'unbounded');
    assert.ok(s.ray);
    // (0, 0) is feasible; the ray must keep it feasible and lower -x.
    assert.ok(checkUnbounded(lp, [q(0), q(0)], s.ray));
  }
});

test('2000 tiny solves in a row (models are disposed)', async () => {
  for (let i = 1; i <= 2000; i++) {
    const lp = program(
      'maximize',
      [variable('x', 1), variable('y', 2)],
      [
        row(
          'cap',
          [
            [0, 1],
            [1, 1],
          ],
          null,
          i,
        ),
        row('y', [[1, 3]], null, 1),
      ],
    );
    const s = await solveLp(lp);
    assert.equal(s.status, 'optimal');
    // x + y ≤ i, 3y ≤ 1: y = 1/3, x = i − 1/3, value i − 1/3 + 2/3.
    assert.equal(s.value?.toString(), `${3 * i + 1}/3`);
  }
});
