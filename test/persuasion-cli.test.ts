/**
 * The `persuade` and `plausible` commands: JSON answers, text output, and
 * one-line errors for bad options.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/cli.js';
import { casesDir } from './io-helpers.js';

const prosecutor = join(casesDir, 'kg-prosecutor.game.json');

test('plausible --json: the KG split is plausible, with its kernel', async () => {
  const r = await run(
    'plausible',
    prosecutor,
    '2/5:0,1; 3/5:1/2,1/2',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const answer = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(answer.plausible, true);
  assert.deepEqual(answer.average, ['3/10', '7/10']);
});

test('plausible with an inline prior, and a miss reported per state', async () => {
  const r = await run('plausible', 'a=0.3,b=0.7', '1/2:1/2,1/2; 1/2:0,1');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /not Bayes-plausible/);
  assert.match(r.stdout, /a\s+3\/10\s+1\/4\s+-1\/20/);
});

test('plausible reads posteriors from a JSON file keyed by state', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'revelation-'));
  try {
    const file = join(dir, 'posteriors.json');
    writeFileSync(
      file,
      JSON.stringify([
        { weight: '2/5', posterior: { innocent: 1 } },
        { weight: 0.6, posterior: { guilty: 0.5, innocent: 0.5 } },
      ]),
    );
    const r = await run('plausible', prosecutor, file, '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      (JSON.parse(r.stdout) as { plausible: boolean }).plausible,
      true,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('plausible refuses weights that do not sum to 1', async () => {
  const r = await run('plausible', '0.3,0.7', '1/2:0,1; 1/3:1,0');
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /weights sum to 5\/6, not 1/);
});

test('persuade --min, --tie and --plot write what they say', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'revelation-'));
  try {
    const svg = join(dir, 'v.svg');
    const r = await run(
      'persuade',
      prosecutor,
      '--min',
      'designer',
      '--tie',
      'sender-worst',
      '--plot',
      svg,
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    const answer = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.equal(answer.value, '0');
    assert.equal(answer.sense, 'minimize');
    assert.equal(answer.plot, svg);
    assert.match(readFileSync(svg, 'utf8'), /^<svg[^>]*xmlns=/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('persuade text output names the routes that agree', async () => {
  const r = await run('persuade', prosecutor, '--max', 'designer');
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /value {5}3\/5 {3}\(exact; beliefs = recommendations \(BCE\) = two-state envelope\)/,
  );
});

test('persuade errors: a misspelt tie rule, a plot that is not SVG, four states', async () => {
  const tie = await run('persuade', prosecutor, '--tie', 'sender-worts');
  assert.equal(tie.code, 2);
  assert.match(tie.stderr, /did you mean "sender-worst"/);
  const png = await run('persuade', prosecutor, '--plot', 'v.png');
  assert.equal(png.code, 2);
  assert.match(png.stderr, /--plot: "v.png" does not end in .svg/);
  const dir = mkdtempSync(join(tmpdir(), 'revelation-'));
  try {
    const four = join(dir, 'four.json');
    writeFileSync(
      four,
      JSON.stringify({
        states: ['a', 'b', 'c', 'd'],
        prior: [0.25, 0.25, 0.25, 0.25],
        players: [{ name: 'r', actions: ['x', 'y'] }],
        payoffs: { a: [[1], [0]], b: [[0], [1]], c: [[1], [0]], d: [[0], [1]] },
        designer: { a: [0, 1], b: [0, 1], c: [0, 1], d: [0, 1] },
      }),
    );
    const r = await run('persuade', four, '--plot', join(dir, 'p.svg'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /two or three states; this game has 4/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('persuade --signal writes a signal file that induce replays to the same value', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'revelation-'));
  try {
    const file = join(dir, 'signal.json');
    const r = await run('persuade', prosecutor, '--signal', file);
    assert.equal(r.code, 0, r.stderr);
    const replay = await run('induce', prosecutor, file, '--json');
    assert.equal(replay.code, 0, replay.stderr);
    assert.equal((JSON.parse(replay.stdout) as { value: string }).value, '3/5');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
