// The exact sparse LU: random systems solved and checked exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rational, ZERO } from '../src/numbers/rational.js';
import { factorise } from '../src/lp/rational-lu.js';
import { randomInt, seededRandom } from './lp-helpers.js';

type Sparse = Map<number, Rational>[];

function randomMatrix(random: () => number, k: number): Sparse {
  return Array.from({ length: k }, (_, i) => {
    const row = new Map<number, Rational>();
    // A nonzero diagonal keeps most samples regular; fill is sparse.
    row.set(i, Rational.of(randomInt(random, 1, 9), randomInt(random, 1, 4)));
    for (let j = 0; j < k; j++) {
      if (j !== i && random() < 0.3) {
        row.set(
          j,
          Rational.of(randomInt(random, -9, 9), randomInt(random, 1, 5)),
        );
      }
    }
    return row;
  });
}

function multiply(a: Sparse, x: readonly Rational[]): Rational[] {
  return a.map((row) => {
    let sum = ZERO;
    for (const [j, v] of row) sum = sum.add(v.mul(x[j]));
    return sum;
  });
}

function multiplyTranspose(a: Sparse, y: readonly Rational[]): Rational[] {
  const out = a.map(() => ZERO);
  a.forEach((row, i) => {
    for (const [j, v] of row) out[j] = out[j].add(v.mul(y[i]));
  });
  return out;
}

test('solves B x = b and Bᵀ y = g exactly on random sparse matrices', () => {
  const random = seededRandom(20240601);
  let regular = 0;
  for (let sample = 0; sample < 40; sample++) {
    const k = randomInt(random, 1, 12);
    const b = Array.from({ length: k }, () =>
      Rational.int(randomInt(random, -5, 5)),
    );
    const g = Array.from({ length: k }, () =>
      Rational.int(randomInt(random, -5, 5)),
    );
    const original = randomMatrix(random, k);
    const copy = original.map((row) => new Map(row));
    const lu = factorise(k, copy);
    if (lu === null) continue;
    regular++;
    const x = lu.solve(b);
    assert.deepEqual(multiply(original, x).map(String), b.map(String));
    const y = lu.solveTranspose(g);
    assert.deepEqual(multiplyTranspose(original, y).map(String), g.map(String));
  }
  assert.ok(regular >= 30);
});

test('reports a singular matrix', () => {
  const one = Rational.int(1);
  const two = Rational.int(2);
  const rows: Sparse = [
    new Map([
      [0, one],
      [1, two],
    ]),
    new Map([
      [0, two],
      [1, Rational.int(4)],
    ]),
  ];
  assert.equal(factorise(2, rows), null);
  assert.equal(factorise(2, [new Map([[0, one]]), new Map([[0, two]])]), null);
});
