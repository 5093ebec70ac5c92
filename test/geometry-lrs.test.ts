/**
 * Differential test of vertex enumeration against lrs (Avis's reverse
 * search, Debian's `lrslib`): on seeded random small games and on the
 * published games, our double description and lrs must give the same set
 * of vertices, exactly. The two methods share nothing but the polytope's
 * H-representation. Skips, saying so, only when lrs is not installed.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bceProgram } from '../src/bce/bce.js';
import type { BaseGame } from '../src/game/game.js';
import { polyhedronOfLp } from '../src/geometry/polyhedron.js';
import { enumerateVertices } from '../src/geometry/vertex-enumeration.js';
import { readGameFile } from '../src/io/game-json.js';
import type { Rational } from '../src/numbers/rational.js';
import { lrsMissing, lrsVertices } from './helpers/lrs.js';
import { prng, randomGame } from './helpers/random.js';

const missing = lrsMissing();
const skip = missing ? `skipped: ${missing}` : false;

const key = (v: readonly Rational[]) => v.map(String).join(' ');

async function agree(game: BaseGame): Promise<number> {
  const { lp } = bceProgram(game);
  const ours = await enumerateVertices(lp);
  assert.equal(ours.status, 'complete');
  const theirs = lrsVertices(polyhedronOfLp(lp));
  const a = ours.vertices.map(key).sort();
  const b = [...new Set(theirs.map(key))].sort();
  assert.deepEqual(a, b, `vertex sets differ for ${JSON.stringify(game.name)}`);
  return a.length;
}

const shapes = [
  { players: 2, states: 1, actions: 2 },
  { players: 2, states: 1, actions: 3 },
  { players: 3, states: 1, actions: 2 },
  { players: 1, states: 3, actions: 3 },
  { players: 2, states: 2, actions: 2 },
];

test('random small games: the same vertices as lrs', { skip }, async () => {
  const random = prng(6061);
  let total = 0;
  for (let trial = 0; trial < 20; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    total += await agree({ ...game, name: `random ${trial}` });
  }
  // The instances are not all trivial.
  assert.ok(total > 100, `only ${total} vertices over 20 games`);
});

test('published games: the same vertices as lrs', { skip }, async () => {
  const shared = join(process.cwd(), '..', 'shared');
  for (const path of [
    join(shared, 'fixtures', 'gambit', 'ijgt-nau2004-sec4.nfg'),
    join(shared, 'fixtures', 'gambit', 'ijgt-nau2004-sec6.nfg'),
    join(shared, 'cases', 'shapley-1964.game.json'),
    join(shared, 'cases', 'invest-firm-signal.game.json'),
  ]) {
    await agree(readGameFile(path));
  }
});
