/**
 * Snapshot tests of the SVG pictures: the prosecutor (two states) and the
 * sevenths example (three states). A snapshot was looked at by a person
 * before it was pinned (docs/persuasion.md says what it shows). To accept
 * a deliberate change, run with UPDATE_SNAPSHOTS=1 and look again.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGameFile } from '../src/io/game-json.js';
import { persuade } from '../src/persuasion/persuade.js';
import { persuasionPlot } from '../src/persuasion/plot.js';
import { casesDir, root } from './io-helpers.js';

async function snapshot(gameFile: string, name: string) {
  const game = readGameFile(gameFile);
  const svg = persuasionPlot(game, await persuade(game));
  const file = join(root, 'test', 'snapshots', name);
  if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(file, svg);
  assert.ok(
    existsSync(file),
    `no snapshot ${name}: run with UPDATE_SNAPSHOTS=1`,
  );
  assert.equal(svg, readFileSync(file, 'utf8'));
  return svg;
}

test('two states: the prosecutor picture', async () => {
  const svg = await snapshot(
    join(casesDir, 'kg-prosecutor.game.json'),
    'persuasion-prosecutor.svg',
  );
  assert.match(svg, /value 3\/5/);
  assert.match(svg, /s2: τ = 3\/5/);
});

test('three states: the sevenths picture', async () => {
  const svg = await snapshot(
    join(root, 'examples', 'persuasion', 'sevenths.json'),
    'persuasion-sevenths.svg',
  );
  assert.match(svg, /s3: c \(τ = 7\/24\)/);
  assert.match(svg, />prior</);
});
