/**
 * Exact 2-D projections of the BCE set.
 *
 * - The contribution game of the seed (one agent, θL < c < θH, no
 *   contribution at the prior): the set of (π(C | θH), π(C | θL)) is the
 *   triangle (0,0), (1,0), (1,k), k = µ0(θH − c) / ((1 − µ0)(c − θL)),
 *   for several parameter sets, exactly.
 * - Chicken's correlated equilibrium payoffs, exactly.
 * - Seeded random games, two independent routes: the polygon equals the
 *   convex hull of the images of the polytope's vertices (from vertex
 *   enumeration), and the largest and smallest value of a statistic over
 *   those vertices equal `solveBce`'s optimum.
 * - Every polygon vertex comes with an outcome that passes `checkOutcome`.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bceProgram, bceRange, solveBce } from '../src/bce/bce.js';
import { checkOutcome } from '../src/bce/check.js';
import {
  locatePoint,
  projectBce,
  type Point,
} from '../src/geometry/projection.js';
import { parseStatistic, statisticValue } from '../src/bce/statistics.js';
import { bceVertices } from '../src/geometry/vertex-enumeration.js';
import { readGameFile } from '../src/io/game-json.js';
import { solveLp } from '../src/lp/solve.js';
import { Rational } from '../src/numbers/rational.js';
import { contributionGame } from './helpers/games.js';
import { prng, randomGame } from './helpers/random.js';

const q = (text: string) => Rational.parse(text) as Rational;
const points = (vertices: readonly { point: Point }[]) =>
  vertices.map((v) => v.point.map(String).join(','));

const contributionCases: [string, string, string, string][] = [
  ['1', '0', '1/2', '1/3'],
  ['3', '-1', '1', '1/5'],
  ['2', '0', '1.5', '0.55'],
  ['10', '1', '7', '3/7'],
  ['1', '-1', '0.2', '0.5'],
];

for (const [thetaH, thetaL, c, mu0] of contributionCases) {
  test(`contribution game θH=${thetaH} θL=${thetaL} c=${c} µ0=${mu0}: the triangle`, async () => {
    const game = contributionGame(thetaH, thetaL, c, mu0);
    const m = q(mu0);
    const k = m.mul(q(thetaH).sub(q(c))).div(
      Rational.int(1)
        .sub(m)
        .mul(q(c).sub(q(thetaL))),
    );
    assert.ok(k.lt(Rational.int(1)), 'no contribution at the prior');
    const x = parseStatistic(game, 'Pr(C | θH)');
    const y = parseStatistic(game, 'Pr(C | θL)');
    const p = await projectBce(game, x, y);
    assert.equal(p.status, 'optimal');
    assert.deepEqual(points(p.vertices), ['0,0', '1,0', `1,${k}`]);
    for (const v of p.vertices) {
      assert.equal(v.verified, true);
      assert.equal(checkOutcome(game, v.outcome).consistent, true);
      assert.ok(statisticValue(x, v.outcome).equals(v.point[0]));
      assert.ok(statisticValue(y, v.outcome).equals(v.point[1]));
    }
    // Each edge's certificate: the normal's maximum is attained at both ends.
    p.edges.forEach((e, i) => {
      for (const v of [p.vertices[i], p.vertices[(i + 1) % 3]]) {
        const at = e.normal[0].mul(v.point[0]).add(e.normal[1].mul(v.point[1]));
        assert.ok(at.equals(e.value));
      }
    });
  });
}

test('chicken: the correlated equilibrium payoff set, counter-clockwise', async () => {
  const game = readGameFile(
    join(process.cwd(), '..', 'shared', 'cases', 'chicken.game.json'),
  );
  const p = await projectBce(
    game,
    parseStatistic(game, 'row'),
    parseStatistic(game, 'column'),
  );
  // The pure equilibria (2,7) and (7,2), the welfare-worst CE (18/5,
  // 18/5) and Aumann's welfare-best CE (21/4, 21/4).
  assert.deepEqual(points(p.vertices), [
    '2,7',
    '18/5,18/5',
    '7,2',
    '21/4,21/4',
  ]);
  const polygon = p.vertices.map((v) => v.point);
  assert.equal(locatePoint(polygon, [q('14/3'), q('14/3')]), 'inside');
  assert.equal(locatePoint(polygon, [q('2'), q('7')]), 'boundary');
  assert.equal(locatePoint(polygon, [q('6'), q('6')]), 'outside');
});

test('degenerate images: a segment and a point', async () => {
  const game = contributionGame('1', '0', '1/2', '1/3');
  const same = parseStatistic(game, 'Pr(C | θH)');
  const segment = await projectBce(game, same, same);
  assert.deepEqual(points(segment.vertices), ['0,0', '1,1']);
  const prior = parseStatistic(game, 'Pr(θH)');
  const point = await projectBce(game, prior, prior);
  assert.deepEqual(points(point.vertices), ['1/3,1/3']);
  const polygon = segment.vertices.map((v) => v.point);
  assert.equal(locatePoint(polygon, [q('1/2'), q('1/2')]), 'boundary');
  assert.equal(locatePoint(polygon, [q('1/2'), q('0')]), 'outside');
});

const shapes = [
  { players: 2, states: 1, actions: 2 },
  { players: 1, states: 3, actions: 3 },
  { players: 2, states: 2, actions: 2 },
  { players: 2, states: 1, actions: 3 },
];

test('random games: polygon = hull of projected vertices; max over vertices = solveBce', async () => {
  const random = prng(4242);
  for (let trial = 0; trial < 8; trial++) {
    const game = randomGame(random, shapes[trial % shapes.length]);
    const enumeration = await bceVertices(game);
    assert.equal(enumeration.status, 'complete');

    // One statistic by each route the syntax offers.
    const words = ['designer', 'welfare', 'p1'];
    for (const word of words) {
      const s = parseStatistic(game, word);
      const values = enumeration.outcomes.map((o) => statisticValue(s, o));
      const best = values.reduce((a, b) => (a.ge(b) ? a : b));
      const worst = values.reduce((a, b) => (a.le(b) ? a : b));
      const max = await solveBce(game, { objective: word, sense: 'maximize' });
      const min = await solveBce(game, { objective: word, sense: 'minimize' });
      assert.equal(best.toString(), max.value?.toString(), `max ${word}`);
      assert.equal(worst.toString(), min.value?.toString(), `min ${word}`);
    }
    const event =
      game.states.length > 1 ? `Pr(p1=a1 | ${game.states[1]})` : 'Pr(p1=a1)';
    const s = parseStatistic(game, event);
    const best = enumeration.outcomes
      .map((o) => statisticValue(s, o))
      .reduce((a, b) => (a.ge(b) ? a : b));
    const lp = await solveLp(bceProgram(game, s, 'maximize').lp);
    assert.equal(best.toString(), lp.value?.toString(), `max ${event}`);

    // The polygon of (designer, event) against the vertex images.
    const x = parseStatistic(game, 'designer');
    const p = await projectBce(game, x, s);
    assert.equal(p.status, 'optimal');
    const images: Point[] = enumeration.outcomes.map((o) => [
      statisticValue(x, o),
      statisticValue(s, o),
    ]);
    const imageKeys = new Set(images.map((i) => i.map(String).join(',')));
    for (const key of points(p.vertices)) assert.ok(imageKeys.has(key));
    const polygon = p.vertices.map((v) => v.point);
    for (const i of images) assert.notEqual(locatePoint(polygon, i), 'outside');
    for (const v of p.vertices) {
      assert.equal(checkOutcome(game, v.outcome).consistent, true);
    }
  }
});

// Regression: the integer edge normals grew past 10^20 on a random 7 × 7
// game; HiGHS took such costs as infinite and failed, so every later LP
// fell back to the exact simplex and the projection ran for minutes.
test('huge edge normals: a random 7 x 7 game projects without the exact simplex', async () => {
  const game = randomGame(prng(7077), { players: 2, states: 1, actions: 7 });
  const x = parseStatistic(game, 'p1');
  const y = parseStatistic(game, 'p2');
  const p = await projectBce(game, x, y, { engine: 'auto' });
  assert.equal(p.status, 'optimal');
  assert.ok(p.vertices.length >= 3);
  for (const note of p.notes) {
    assert.ok(!/HiGHS failed|exact simplex/.test(note), note);
  }
  for (const v of p.vertices) {
    assert.equal(checkOutcome(game, v.outcome).consistent, true);
  }
  // Each edge certificate holds at both of its ends.
  p.edges.forEach((edge, i) => {
    for (const v of [p.vertices[i], p.vertices[(i + 1) % p.vertices.length]]) {
      const value = edge.normal[0]
        .mul(v.point[0])
        .add(edge.normal[1].mul(v.point[1]));
      assert.equal(value.toString(), edge.value.toString());
    }
  });
  // The bounding box is the range of each statistic over the BCE set.
  for (const [axis, word] of [
    [0, 'p1'],
    [1, 'p2'],
  ] as const) {
    const range = await bceRange(game, { objective: word });
    const values = p.vertices.map((v) => v.point[axis]);
    const max = values.reduce((a, b) => (a.ge(b) ? a : b));
    const min = values.reduce((a, b) => (a.le(b) ? a : b));
    assert.equal(max.toString(), range.max?.toString(), `max ${word}`);
    assert.equal(min.toString(), range.min?.toString(), `min ${word}`);
  }
});
