/**
 * Pictures of projections, pinned by snapshots: the seed's contribution
 * game (the triangle (0,0), (1,0), (1,k) with an observed point inside)
 * and chicken's correlated equilibrium payoffs (with the mixed Nash
 * equilibrium marked). Both were converted to PNG and looked at by a
 * person (docs/geometry.md says what was checked). After a deliberate
 * change of the drawing, rerun with REVELATION_UPDATE_SNAPSHOTS=1 to
 * rewrite the files, then look at them again.
 *
 * Also the command line: `project --json` gives the vertices as exact
 * strings, counter-clockwise, and `--plot` writes the same SVG.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/cli.js';
import { projectionSvg } from '../src/geometry/plot.js';
import { projectBce } from '../src/geometry/projection.js';
import { parseStatistic } from '../src/bce/statistics.js';
import { readGameFile } from '../src/io/game-json.js';
import { Rational } from '../src/numbers/rational.js';
import { contributionGame } from './helpers/games.js';

const snapshots = join(process.cwd(), 'test', 'snapshots');
const chickenFile = join(
  process.cwd(),
  '..',
  'shared',
  'cases',
  'chicken.game.json',
);

function matchesSnapshot(name: string, svg: string): void {
  const path = join(snapshots, name);
  // A missing snapshot is written once on a developer's machine, to be
  // looked at and committed; in CI it is a failure.
  if (!existsSync(path) && process.env.CI) {
    assert.fail(`snapshot ${name} is missing`);
  }
  if (process.env.REVELATION_UPDATE_SNAPSHOTS === '1' || !existsSync(path)) {
    writeFileSync(path, svg);
  }
  assert.equal(svg, readFileSync(path, 'utf8'), `${name} changed`);
}

async function contributionSvg(): Promise<string> {
  const game = contributionGame('1', '0', '1/2', '1/3');
  const p = await projectBce(
    game,
    parseStatistic(game, 'Pr(C | θH)'),
    parseStatistic(game, 'Pr(C | θL)'),
  );
  return projectionSvg(p, {
    title: 'Contribution game: θH = 1, θL = 0, c = 1/2, µ0 = 1/3',
    points: [
      { point: [Rational.of(1, 2), Rational.of(1, 8)], label: 'observed' },
    ],
  });
}

test('snapshot: the contribution game triangle', async () => {
  const svg = await contributionSvg();
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const label of ['(0, 0)', '(1, 0)', '(1, 1/2)', 'observed']) {
    assert.ok(svg.includes(`>${label}<`), `label ${label}`);
  }
  matchesSnapshot('project-contribution.svg', svg);
});

test('snapshot: chicken correlated equilibrium payoffs', async () => {
  const game = readGameFile(chickenFile);
  const p = await projectBce(
    game,
    parseStatistic(game, 'row'),
    parseStatistic(game, 'column'),
  );
  const svg = projectionSvg(p, {
    title: 'Chicken: correlated equilibrium payoffs',
    points: [
      {
        point: [Rational.of(14, 3), Rational.of(14, 3)],
        label: 'mixed Nash (14/3, 14/3)',
      },
    ],
  });
  for (const label of ['(2, 7)', '(18/5, 18/5)', '(7, 2)', '(21/4, 21/4)']) {
    assert.ok(svg.includes(`>${label}<`), `label ${label}`);
  }
  matchesSnapshot('project-chicken.svg', svg);
});

test('project --json: exact vertices counter-clockwise, points located', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'revelation-project-'));
  try {
    const plot = join(dir, 'chicken.svg');
    const r = await run(
      'project',
      chickenFile,
      '--x',
      'row',
      '--y',
      'column',
      '--point',
      'Nash=14/3,14/3',
      '--point',
      '6,6',
      '--plot',
      plot,
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    const answer = JSON.parse(r.stdout);
    assert.equal(answer.status, 'optimal');
    assert.deepEqual(answer.vertices, [
      ['2', '7'],
      ['18/5', '18/5'],
      ['7', '2'],
      ['21/4', '21/4'],
    ]);
    assert.equal(answer.verified, true);
    assert.deepEqual(
      answer.points.map((p: { label: string | null; position: string }) => [
        p.label,
        p.position,
      ]),
      [
        ['Nash', 'inside'],
        [null, 'outside'],
      ],
    );
    assert.match(readFileSync(plot, 'utf8'), /^<svg /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('project refuses bad input with one line', async () => {
  const noY = await run('project', chickenFile, '--x', 'row');
  assert.equal(noY.code, 2);
  assert.match(noY.stderr, /--y STAT is missing/);
  const point = await run(
    'project',
    chickenFile,
    '--x',
    'row',
    '--y',
    'column',
    '--point',
    '1;2',
  );
  assert.equal(point.code, 2);
  assert.match(point.stderr, /--point: "1;2" is not a point X,Y/);
  const stat = await run(
    'project',
    chickenFile,
    '--x',
    'Pr(dare)',
    '--y',
    'row',
  );
  assert.match(stat.stderr, /^revelation: --x: "dare" is an action of several/);
});
