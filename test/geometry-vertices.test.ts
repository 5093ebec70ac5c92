/**
 * Vertices and dimension of correlated equilibrium polytopes, against the
 * published facts: Nau, Gomez Canovas and Hansen (2004), as recorded with
 * the Gambit files in ../shared/fixtures/gambit/SOURCE.md, and the 2x2
 * classics (chicken and battle of the sexes have 5 CE vertices, Shapley's
 * game 8). Every vertex passes the exact BCE check; the stated limit stops
 * the enumeration with a correct partial answer.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkOutcome } from '../src/bce/check.js';
import {
  bceVertices,
  enumerateVertices,
} from '../src/geometry/vertex-enumeration.js';
import type { LinearProgram } from '../src/lp/model.js';
import { Rational } from '../src/numbers/rational.js';
import { readGameFile } from '../src/io/game-json.js';
import { main } from '../src/cli/main.js';

const shared = join(process.cwd(), '..', 'shared');
const gambit = (file: string) => join(shared, 'fixtures', 'gambit', file);
const cases = (file: string) => join(shared, 'cases', file);

const published: [string, number, number][] = [
  [gambit('ijgt-nau2004-sec4.nfg'), 7, 33],
  [gambit('ijgt-nau2004-sec5.nfg'), 7, 8],
  [gambit('ijgt-nau2004-sec6.nfg'), 4, 6],
  [cases('chicken.game.json'), 3, 5],
  [cases('battle-of-sexes.game.json'), 3, 5],
  [cases('shapley-1964.game.json'), 3, 8],
  // The prisoner's dilemma has one CE, the pure Nash equilibrium.
  [gambit('pd.nfg'), 0, 1],
  // All payoffs zero: every distribution is a CE, a simplex.
  [gambit('zero.nfg'), 3, 4],
];

for (const [path, dimension, count] of published) {
  const name = path.split('/').pop();
  test(`${name}: CE polytope of dimension ${dimension} with ${count} vertices`, async () => {
    const game = readGameFile(path);
    const r = await bceVertices(game);
    assert.equal(r.status, 'complete');
    assert.equal(r.dimension, dimension);
    assert.equal(r.vertexCount, count);
    assert.equal(r.verified, true);
    for (const outcome of r.outcomes) {
      assert.equal(checkOutcome(game, outcome).consistent, true);
    }
    const keys = new Set(r.vertices.map((v) => v.join(' ')));
    assert.equal(keys.size, count, 'no vertex is listed twice');
  });
}

test('chicken: the five CE vertices, exactly', async () => {
  const r = await bceVertices(readGameFile(cases('chicken.game.json')));
  // Cells in the order (swerve,swerve), (swerve,dare), (dare,swerve),
  // (dare,dare): the two pure equilibria, the mixed one, the welfare-best
  // CE of Aumann, and the welfare-worst one.
  assert.deepEqual(
    r.vertices.map((v) => v.map(String)),
    [
      ['0', '0', '1', '0'],
      ['0', '2/5', '2/5', '1/5'],
      ['0', '1', '0', '0'],
      ['4/9', '2/9', '2/9', '1/9'],
      ['1/2', '1/4', '1/4', '0'],
    ],
  );
});

test('sec6: the implicit equalities are found, so the dimension is 4 of 15', async () => {
  const r = await bceVertices(readGameFile(gambit('ijgt-nau2004-sec6.nfg')));
  // 16 cells, one martingale row, and every obedience row of the game
  // holds with equality on the whole polytope.
  assert.equal(r.implicitEqualities.length, 16);
  assert.ok(r.implicitEqualities.every((name) => name.startsWith('obey[')));
});

test('the limit stops with a clear message and a correct count so far', async () => {
  const game = readGameFile(gambit('ijgt-nau2004-sec4.nfg'));
  const full = await bceVertices(game);
  const partial = await bceVertices(game, { limit: 20 });
  assert.equal(partial.status, 'limit');
  assert.equal(partial.dimension, 7);
  assert.ok(partial.vertexCount < 33);
  assert.match(
    partial.message ?? '',
    /^stopped after \d+ of \d+ inequalities: more than 20 vertices were held \(the limit\); \d+ vertices are confirmed so far/,
  );
  // What is reported so far is part of the true answer.
  const all = new Set(full.vertices.map((v) => v.join(' ')));
  for (const v of partial.vertices) assert.ok(all.has(v.join(' ')));
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}

test('vertices --json gives vertexCount and dimension', async () => {
  const r = await run('vertices', gambit('ijgt-nau2004-sec5.nfg'), '--json');
  assert.equal(r.code, 0);
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.status, 'complete');
  assert.equal(answer.vertexCount, 8);
  assert.equal(answer.dimension, 7);
  assert.equal(answer.vertices.length, 8);
});

test('vertices at the limit exits 3 and says why on stderr', async () => {
  const path = gambit('ijgt-nau2004-sec4.nfg');
  const r = await run('vertices', path, '--limit', '20');
  assert.equal(r.code, 3);
  assert.match(r.stdout, /status {6}limit/);
  assert.match(r.stderr, /vertices are confirmed so far\. Raise the limit/);
  const bad = await run('vertices', path, '--limit', 'many');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--limit: "many" is not a whole number/);
});

test('enumerateVertices on small LPs: square, segment, empty, unbounded', async () => {
  const r = (n: number) => Rational.int(n);
  const variable = (name: string, upper: Rational | null) => ({
    name,
    lower: r(0),
    upper,
    cost: r(0),
  });
  const square: LinearProgram = {
    sense: 'maximize',
    variables: [variable('x', r(1)), variable('y', r(1))],
    rows: [],
  };
  const sq = await enumerateVertices(square);
  assert.equal(sq.dimension, 2);
  assert.deepEqual(
    sq.vertices.map((v) => v.join(',')),
    ['0,0', '0,1', '1,0', '1,1'],
  );

  const segment: LinearProgram = {
    ...square,
    rows: [
      {
        name: 'x + y = 1',
        indices: [0, 1],
        coefficients: [r(1), r(1)],
        lower: r(1),
        upper: r(1),
      },
    ],
  };
  const seg = await enumerateVertices(segment);
  assert.equal(seg.dimension, 1);
  assert.deepEqual(
    seg.vertices.map((v) => v.join(',')),
    ['0,1', '1,0'],
  );

  const empty: LinearProgram = {
    ...square,
    rows: [
      {
        name: 'x + y ≥ 3',
        indices: [0, 1],
        coefficients: [r(1), r(1)],
        lower: r(3),
        upper: null,
      },
    ],
  };
  const none = await enumerateVertices(empty);
  assert.equal(none.status, 'infeasible');
  assert.equal(none.dimension, -1);

  const quadrant: LinearProgram = {
    ...square,
    variables: [variable('x', null), variable('y', null)],
  };
  const open = await enumerateVertices(quadrant);
  assert.equal(open.status, 'unbounded');
  assert.deepEqual(
    open.vertices.map((v) => v.join(',')),
    ['0,0'],
  );
});
