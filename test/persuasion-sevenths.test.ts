/**
 * Three states, three actions, and an optimal posterior in sevenths:
 * revelation's vertex enumeration finds the exact value 19/12, while grid
 * concavification misses it at every grid a user would try and does not
 * even improve steadily as the grid refines (the figures are in
 * docs/persuasion.md).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readGameFile } from '../src/io/game-json.js';
import { Rational } from '../src/numbers/rational.js';
import { persuade } from '../src/persuasion/persuade.js';
import { gridValue } from './helpers/grid.js';
import { root } from './io-helpers.js';

const game = readGameFile(
  join(root, 'examples', 'persuasion', 'sevenths.json'),
);

test('the exact value is 19/12, with a posterior at (4/7, 3/7, 0)', async () => {
  const r = await persuade(game, { objective: 'designer' });
  assert.equal(r.value?.toString(), '19/12');
  assert.equal(r.crossCheck.recommendations?.toString(), '19/12');
  assert.equal(r.route, 'beliefs');
  const seen = r.posteriors.map(
    (s) => `${s.probability} @ ${s.posterior.join(',')} → ${s.actions}`,
  );
  assert.deepEqual(seen, [
    '5/24 @ 0,1,0 → b',
    '1/2 @ 1/3,0,2/3 → a',
    '7/24 @ 4/7,3/7,0 → c',
  ]);
});

test('grid concavification misses it, and refining the grid can make it worse', async () => {
  const exact = Rational.of(19, 12);
  const figures = new Map<number, string>();
  for (const N of [10, 12, 15, 20, 21, 25]) {
    figures.set(N, (await gridValue(game, N)).toString());
  }
  assert.deepEqual(Object.fromEntries(figures), {
    10: '40/27',
    12: '11/7',
    15: '14/9',
    20: '20/13',
    21: '19/12',
    25: '55/36',
  });
  // Only a grid that holds both thirds and sevenths (N = 21) is exact.
  for (const [N, v] of figures) {
    if (N !== 21) assert.ok(Rational.parse(v)!.lt(exact), `N = ${N}`);
  }
  // From 12 to 15, 20 and 25 points a side, each finer grid is worse.
  const at = (N: number) => Rational.parse(figures.get(N)!)!;
  assert.ok(at(15).lt(at(12)) && at(20).lt(at(15)) && at(25).lt(at(20)));
});
