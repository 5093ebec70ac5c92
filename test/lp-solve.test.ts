// Known exact optima, infeasible and unbounded LPs, through both engines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveLp } from '../src/lp/solve.js';
import {
  checkFarkas,
  checkOptimality,
  checkUnbounded,
} from '../src/lp/certificate.js';
import type { LinearProgram, LpSolution } from '../src/lp/model.js';
import { program, q, row, texts, variable } from './lp-helpers.js';

const engines = ['auto', 'exact'] as const;

/** Re-checks an optimal answer independently of how it was produced. */
function assertCertified(lp: LinearProgram, s: LpSolution): void {
  assert.equal(s.status, 'optimal');
  assert.equal(s.exact, true);
  assert.ok(s.x && s.rowDuals && s.value);
  const check = checkOptimality(lp, s.x, s.rowDuals);
  assert.equal(check.failure, null);
  assert.ok(check.value.equals(s.value));
  assert.deepEqual(texts(s.rowActivity), texts(check.activity));
  for (const v of [s.residuals.primal, s.residuals.dual, s.residuals.gap]) {
    assert.ok(Number.isFinite(v));
  }
}

const twoRows = program(
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

for (const engine of engines) {
  test(`${engine}: textbook LP, optimum (8/5, 6/5) with duals (2/5, 1/5)`, async () => {
    const s = await solveLp(twoRows, { engine });
    assertCertified(twoRows, s);
    assert.equal(s.value?.toString(), '14/5');
    assert.deepEqual(texts(s.x), ['8/5', '6/5']);
    assert.deepEqual(texts(s.rowDuals), ['2/5', '1/5']);
    assert.deepEqual(texts(s.reducedCosts), ['0', '0']);
    assert.equal(
      s.method,
      engine === 'auto' ? 'highs+rounding' : 'exact-simplex',
    );
  });

  test(`${engine}: optimum with denominators 7 and 13`, async () => {
    // Two independent blocks: det 14 and det 91.
    const lp = program(
      'maximize',
      ['x', 'y', 'z', 'w'].map((name) => variable(name, 1)),
      [
        row(
          'a',
          [
            [0, 3],
            [1, 1],
          ],
          null,
          1,
        ),
        row(
          'b',
          [
            [0, 1],
            [1, 5],
          ],
          null,
          2,
        ),
        row(
          'c',
          [
            [2, 9],
            [3, 2],
          ],
          null,
          5,
        ),
        row(
          'd',
          [
            [2, 4],
            [3, 11],
          ],
          null,
          3,
        ),
      ],
    );
    const s = await solveLp(lp, { engine });
    assertCertified(lp, s);
    assert.deepEqual(texts(s.x), ['3/14', '5/14', '7/13', '1/13']);
    assert.deepEqual(texts(s.rowDuals), ['2/7', '1/7', '1/13', '1/13']);
    assert.equal(s.value?.toString(), '108/91');
  });

  test(`${engine}: equality constraints`, async () => {
    const lp = program(
      'minimize',
      [variable('x', 2), variable('y', 3), variable('z', 1)],
      [
        row(
          'sum',
          [
            [0, 1],
            [1, 1],
            [2, 1],
          ],
          1,
          1,
        ),
        row(
          'diff',
          [
            [0, 1],
            [1, -1],
          ],
          '1/3',
          '1/3',
        ),
      ],
    );
    const s = await solveLp(lp, { engine });
    assertCertified(lp, s);
    assert.deepEqual(texts(s.x), ['1/3', '0', '2/3']);
    assert.equal(s.value?.toString(), '4/3');
  });

  test(`${engine}: free variables taking negative values`, async () => {
    const lp = program(
      'minimize',
      [variable('x', 1, null), variable('y', 1, null)],
      [
        row(
          'floor',
          [
            [0, 1],
            [1, 1],
          ],
          '-5/3',
          null,
        ),
        row(
          'gap',
          [
            [0, 1],
            [1, -1],
          ],
          '1/2',
          '1/2',
        ),
      ],
    );
    const s = await solveLp(lp, { engine });
    assertCertified(lp, s);
    assert.deepEqual(texts(s.x), ['-7/12', '-13/12']);
    assert.equal(s.value?.toString(), '-5/3');
  });

  test(`${engine}: upper bounds on variables, with an offset`, async () => {
    const lp = program(
      'maximize',
      [
        variable('x', 5, 0, '2/3'),
        variable('y', 4, 0, 1),
        variable('z', 3, 0, '1/2'),
      ],
      [
        row(
          'total',
          [
            [0, 1],
            [1, 1],
            [2, 1],
          ],
          null,
          2,
        ),
        row(
          'mix',
          [
            [0, 2],
            [1, 1],
          ],
          null,
          2,
        ),
      ],
      '1/10',
    );
    const s = await solveLp(lp, { engine });
    assertCertified(lp, s);
    assert.deepEqual(texts(s.x), ['1/2', '1', '1/2']);
    assert.equal(s.value?.toString(), '81/10');
  });

  test(`${engine}: degenerate vertex (three tight constraints in 2-D)`, async () => {
    const lp = program(
      'maximize',
      [variable('x', 1), variable('y', 1)],
      [
        row('x', [[0, 1]], null, 1),
        row('y', [[1, 1]], null, 1),
        row(
          'sum',
          [
            [0, 1],
            [1, 1],
          ],
          null,
          2,
        ),
        row(
          'order',
          [
            [0, 1],
            [1, -1],
          ],
          null,
          0,
        ),
      ],
    );
    const s = await solveLp(lp, { engine });
    assertCertified(lp, s);
    assert.deepEqual(texts(s.x), ['1', '1']);
    assert.equal(s.value?.toString(), '2');
  });

  test(`${engine}: Beale's cycling example terminates at -5/4`, async () => {
    // Cycles under the textbook largest-coefficient rule; Bland's must not.
    const lp = program(
      'minimize',
      [
        variable('x4', '-3/4'),
        variable('x5', 20),
        variable('x6', '-1/2'),
        variable('x7', 6),
      ],
      [
        row(
          'r1',
          [
            [0, '1/4'],
            [1, -8],
            [2, -1],
            [3, 9],
          ],
          null,
          0,
        ),
        row(
          'r2',
          [
            [0, '1/2'],
            [1, -12],
            [2, '-1/2'],
            [3, 3],
          ],
          null,
          0,
        ),
        row('r3', [[2, 1]], null, 1),
      ],
    );
    const s = await solveLp(lp, { engine });
    assertCertified(lp, s);
    assert.equal(s.value?.toString(), '-5/4');
    assert.deepEqual(texts(s.x), ['1', '0', '1', '0']);
  });

  test(`${engine}: infeasible LP with a verified Farkas ray`, async () => {
    const lp = program(
      'maximize',
      [variable('x', 1), variable('y', 1)],
      [
        row(
          'cap',
          [
            [0, 1],
            [1, 1],
          ],
          null,
          1,
        ),
        row(
          'need',
          [
            [0, 1],
            [1, 1],
          ],
          '3/2',
          null,
        ),
      ],
    );
    const s = await solveLp(lp, { engine });
    assert.equal(s.status, 'infeasible');
    assert.equal(s.exact, true);
    assert.ok(s.farkas);
    assert.ok(checkFarkas(lp, s.farkas));
    assert.equal(s.value, null);
    assert.equal(s.x, null);
  });

  test(`${engine}: infeasible with free variables and equalities`, async () => {
    // x + y = 1 and 2x + 2y = 3 cannot both hold, whatever the signs.
    const lp = program(
      'minimize',
      [variable('x', 1, null), variable('y', -1, null)],
      [
        row(
          'one',
          [
            [0, 1],
            [1, 1],
          ],
          1,
          1,
        ),
        row(
          'three',
          [
            [0, 2],
            [1, 2],
          ],
          3,
          3,
        ),
      ],
    );
    const s = await solveLp(lp, { engine });
    assert.equal(s.status, 'infeasible');
    assert.equal(s.exact, true);
    assert.ok(s.farkas && checkFarkas(lp, s.farkas));
  });

  test(`${engine}: unbounded LP with a verified ray`, async () => {
    const lp = program(
      'maximize',
      [variable('x', 1), variable('y', 1)],
      [
        row(
          'a',
          [
            [0, 1],
            [1, -1],
          ],
          null,
          1,
        ),
      ],
    );
    const s = await solveLp(lp, { engine });
    assert.equal(s.status, 'unbounded');
    assert.equal(s.exact, true);
    assert.ok(s.ray);
    assert.ok(checkUnbounded(lp, [q(0), q(0)], s.ray));
    assert.equal(s.value, null);
  });

  test(`${engine}: LP without variables`, async () => {
    const fine = program('maximize', [], [row('empty', [], -1, 1)], '7/2');
    const s = await solveLp(fine, { engine });
    assert.equal(s.status, 'optimal');
    assert.equal(s.value?.toString(), '7/2');
    const bad = program('maximize', [], [row('empty', [], 1, 2)]);
    assert.equal((await solveLp(bad, { engine })).status, 'infeasible');
  });
}

test('contradictory bounds are infeasible without an engine', async () => {
  const lp = program('maximize', [variable('x', 1, 2, 1)], []);
  const s = await solveLp(lp);
  assert.equal(s.status, 'infeasible');
  assert.equal(s.exact, true);
  assert.match(s.notes.join(' '), /lower bound 2 above upper bound 1/);
});

test('float arithmetic returns uncertified rounded floats', async () => {
  const s = await solveLp(twoRows, { arithmetic: 'float' });
  assert.equal(s.status, 'optimal');
  assert.equal(s.exact, false);
  assert.equal(s.method, 'highs-float');
  assert.equal(s.value?.toString(), '14/5');
  assert.ok(s.notes.some((n) => /not certified/.test(n)));
  assert.ok(s.residuals.primal < 1e-9);
  assert.ok('primal_feasibility_tolerance' in s.tolerances);
});

test('malformed LPs throw with a message naming the row', async () => {
  const duplicate = program(
    'maximize',
    [variable('x', 1)],
    [
      row(
        'twice',
        [
          [0, 1],
          [0, 2],
        ],
        null,
        1,
      ),
    ],
  );
  await assert.rejects(
    solveLp(duplicate),
    /row 0 \('twice'\) lists variable 0 twice/,
  );
  const outside = program(
    'maximize',
    [variable('x', 1)],
    [row('far', [[3, 1]], null, 1)],
  );
  await assert.rejects(
    solveLp(outside),
    /refers to variable 3, but the LP has 1 variables/,
  );
});
