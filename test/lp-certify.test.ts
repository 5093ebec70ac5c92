// Certification routes: which one is taken, and that each is sound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveLp } from '../src/lp/solve.js';
import {
  checkFarkas,
  checkOptimality,
  columnsOf,
} from '../src/lp/certificate.js';
import {
  certifyByBasis,
  certifyFarkas,
  certifyOptimum,
} from '../src/lp/certify.js';
import {
  solveExactSimplex,
  solveExactSimplexFrom,
} from '../src/lp/exact-simplex.js';
import { discardHighsRuntime } from '../src/lp/highs-engine.js';
import type { LpBasis } from '../src/lp/model.js';
import { program, q, row, texts, variable } from './lp-helpers.js';

test('a denominator of 10^9 + 7 defeats rounding; the basis route certifies', async () => {
  // x* = 1/(10^9 + 7) ≈ 1e-9 rounds to 0, which violates the row.
  const lp = program(
    'minimize',
    [variable('x', 1)],
    [row('floor', [[0, 1000000007]], 1, null)],
  );
  const s = await solveLp(lp);
  assert.equal(s.status, 'optimal');
  assert.equal(s.exact, true);
  assert.equal(s.method, 'highs+basis');
  assert.deepEqual(texts(s.x), ['1/1000000007']);
  assert.deepEqual(texts(s.rowDuals), ['1/1000000007']);
  assert.ok(s.notes.some((n) => /rounding did not certify/.test(n)));
});

test('rounding to a simpler nearby fraction fails; the basis route recovers it', async () => {
  // x* = 1/3 + 10^-12 is within 1e-9 of 1/3, which rounding prefers.
  const lp = program(
    'minimize',
    [variable('x', 1), variable('y', 2)],
    [
      row(
        'floor',
        [
          [0, 1],
          [1, 1],
        ],
        '1000000000003/3000000000000',
        null,
      ),
      row('cap', [[0, 1]], null, 5),
    ],
  );
  const s = await solveLp(lp);
  assert.equal(s.method, 'highs+basis');
  assert.equal(s.exact, true);
  assert.deepEqual(texts(s.x), ['1000000000003/3000000000000', '0']);
});

const textbook = program(
  'maximize',
  [variable('x', 1), variable('y', 1)],
  [
    row(
      'a',
      [
        [0, 1],
        [1, 2],
      ],
      null,
      4,
    ),
    row(
      'b',
      [
        [0, 3],
        [1, 1],
      ],
      null,
      6,
    ),
  ],
);
const slackBasis: LpBasis = {
  columns: ['lower', 'lower'],
  rows: ['basic', 'basic'],
};

test('route 3: wrong floats and a suboptimal basis go to the exact simplex', () => {
  const columns = columnsOf(textbook);
  const outcome = certifyOptimum(
    textbook,
    { x: [1.5, 1.25], rowDuals: [0.5, 0.5], basis: slackBasis },
    columns,
  );
  assert.ok(outcome.optimum);
  assert.equal(outcome.optimum.method, 'highs+exact-simplex');
  assert.deepEqual(texts(outcome.optimum.x), ['8/5', '6/5']);
  assert.equal(outcome.notes.length, 2);
  assert.match(outcome.notes[0], /rounding did not certify/);
  assert.match(outcome.notes[1], /exact basis solve did not certify/);
});

test('route 3 can be switched off', () => {
  const outcome = certifyOptimum(
    textbook,
    { x: [1.5, 1.25], rowDuals: [0.5, 0.5], basis: slackBasis },
    columnsOf(textbook),
    { exactSimplex: false },
  );
  assert.equal(outcome.optimum, null);
});

test('the basis route solves the optimal basis exactly', () => {
  const optimal: LpBasis = {
    columns: ['basic', 'basic'],
    rows: ['upper', 'upper'],
  };
  const attempt = certifyByBasis(textbook, optimal, columnsOf(textbook));
  assert.ok(attempt.ok);
  assert.deepEqual(texts(attempt.result.x), ['8/5', '6/5']);
  assert.deepEqual(texts(attempt.result.rowDuals), ['2/5', '1/5']);
});

test('the basis route rejects a basis with the wrong count', () => {
  const wrong: LpBasis = {
    columns: ['basic', 'basic'],
    rows: ['basic', 'upper'],
  };
  const attempt = certifyByBasis(textbook, wrong, columnsOf(textbook));
  assert.equal(attempt.ok, false);
});

test('the exact simplex warm-started at the optimum takes no pivot', () => {
  const result = solveExactSimplex(textbook, {
    columns: ['basic', 'basic'],
    rows: ['upper', 'upper'],
  });
  assert.equal(result.warmStarted, true);
  assert.equal(result.iterations, 0);
  assert.deepEqual(texts(result.x), ['8/5', '6/5']);
});

test('a singular start basis falls back to the slack basis', () => {
  // Columns x and 2x are parallel: no basis can contain both.
  const lp = program(
    'maximize',
    [variable('x', 1), variable('y', 1)],
    [
      row(
        'a',
        [
          [0, 1],
          [1, 2],
        ],
        null,
        4,
      ),
      row(
        'b',
        [
          [0, 2],
          [1, 4],
        ],
        null,
        9,
      ),
    ],
  );
  const result = solveExactSimplex(lp, {
    columns: ['basic', 'basic'],
    rows: ['upper', 'upper'],
  });
  assert.equal(result.warmStarted, false);
  assert.equal(result.status, 'optimal');
  assert.ok(result.x && result.rowDuals);
  const check = checkOptimality(lp, result.x, result.rowDuals);
  assert.equal(check.value.toString(), '4');
});

test('optimality checks reject wrong duals and infeasible points', () => {
  const x = [q('8/5'), q('6/5')];
  assert.equal(
    checkOptimality(textbook, x, [q('2/5'), q('1/5')]).optimal,
    true,
  );
  const wrongSign = checkOptimality(textbook, x, [q('-2/5'), q('1')]);
  assert.match(
    wrongSign.failure ?? '',
    /row 'a' has dual -2\/5 of the wrong sign/,
  );
  const gap = checkOptimality(textbook, [q(1), q(1)], [q('2/5'), q('1/5')]);
  assert.match(
    gap.failure ?? '',
    /primal value 2 differs from dual value 14\/5/,
  );
  const outside = checkOptimality(textbook, [q(2), q(1)], [q('2/5'), q('1/5')]);
  assert.match(outside.failure ?? '', /row 'a' activity 4 is above 4|row 'b'/);
});

test('Farkas certificates are accepted with either sign of the float ray', () => {
  const lp = program(
    'maximize',
    [variable('x', 1, 0, 1), variable('y', 1, 0, 1)],
    [
      row(
        'a',
        [
          [0, 1],
          [1, 2],
        ],
        null,
        4,
      ),
      row(
        'b',
        [
          [0, 3],
          [1, 1],
        ],
        100,
        null,
      ),
    ],
  );
  const columns = columnsOf(lp);
  for (const ray of [
    [0, 1],
    [0, -1],
    [0, 7.5],
  ]) {
    const y = certifyFarkas(lp, ray, columns);
    assert.ok(y);
    assert.ok(checkFarkas(lp, y, columns));
  }
  assert.equal(certifyFarkas(lp, [1, 0], columns), null);
  assert.equal(checkFarkas(lp, [q(0), q(0)]), false);
});

test('regression: a Farkas check pays z_j > 0 at the lower bound of x_j', () => {
  // −x3 − (5/3) x5 = 1 with x3 ∈ [0, 5], x5 ≥ 0: y = −1 gives z = (1, 5/3),
  // whose infimum over the box is 0 (at the lower bounds), above U = −1.
  // The first version looked at the upper bounds instead and rejected it.
  const lp = program(
    'minimize',
    [variable('x3', 3, 0, 5), variable('x5', 6)],
    [
      row(
        'r1',
        [
          [0, -1],
          [1, '-5/3'],
        ],
        1,
        1,
      ),
    ],
  );
  assert.equal(checkFarkas(lp, [q(-1)]), true);
  assert.equal(checkFarkas(lp, [q(1)]), false);
});

test('solveExactSimplexFrom refuses a singular start instead of restarting', () => {
  const lp = program(
    'maximize',
    [variable('x', 1), variable('y', 1)],
    [
      row(
        'a',
        [
          [0, 1],
          [1, 2],
        ],
        null,
        4,
      ),
      row(
        'b',
        [
          [0, 2],
          [1, 4],
        ],
        null,
        9,
      ),
    ],
  );
  const singular: LpBasis = {
    columns: ['basic', 'basic'],
    rows: ['upper', 'upper'],
  };
  assert.equal(solveExactSimplexFrom(lp, singular), null);
  const result = solveExactSimplexFrom(textbook, singular);
  assert.equal(result?.status, 'optimal');
});

test('a discarded HiGHS runtime is reloaded on the next solve', async () => {
  // After an Aborted() the runtime is discarded the same way.
  discardHighsRuntime();
  const s = await solveLp(textbook);
  assert.equal(s.status, 'optimal');
  assert.equal(s.value?.toString(), '14/5');
});

test("route 3: a 1e-12 reduced cost under HiGHS's tolerance is repaired exactly", async () => {
  // HiGHS stops at x = 1 because y's reduced cost (1e-12) is below its
  // dual tolerance; exactly, y is better, and one exact pivot finds it.
  const eps = q('1/1000000000000');
  const maximise = program(
    'maximize',
    [variable('x', 2), { ...variable('y', 1), cost: q(1).add(eps) }],
    [
      row(
        'c',
        [
          [0, 2],
          [1, 1],
        ],
        null,
        2,
      ),
      row(
        'd',
        [
          [0, 1],
          [1, 1],
        ],
        null,
        3,
      ),
    ],
  );
  const s = await solveLp(maximise);
  assert.equal(s.method, 'highs+exact-simplex');
  assert.equal(s.exact, true);
  assert.deepEqual(texts(s.x), ['0', '2']);
  assert.equal(s.value?.toString(), '1000000000001/500000000000');
  assert.ok(s.notes.some((n) => /exact basis solve did not certify/.test(n)));

  const minimise = program(
    'minimize',
    [
      variable('x', 1),
      { ...variable('y', 1), cost: q(1).sub(eps) },
      variable('z', 3),
    ],
    [
      row(
        'c',
        [
          [0, 1],
          [1, 1],
          [2, 1],
        ],
        1,
        null,
      ),
      row(
        'e',
        [
          [0, 1],
          [2, -1],
        ],
        0,
        null,
      ),
    ],
  );
  const t = await solveLp(minimise);
  assert.equal(t.method, 'highs+exact-simplex');
  assert.deepEqual(texts(t.x), ['0', '1', '0']);
  assert.equal(t.value?.toString(), '999999999999/1000000000000');
});
