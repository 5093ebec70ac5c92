/**
 * `revelation durable`: the JSON answer, the text tables, problem files,
 * and one-line errors for bad input.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/cli.js';
import { parseDurableJson } from '../src/durable/problem.js';
import { InputError } from '../src/io/input-error.js';

const example = join(process.cwd(), 'examples', 'durable-coase.json');

test('durable --json: status, value and each regime', async () => {
  const r = await run(
    'durable',
    '--values',
    '1,2',
    '--prior',
    '2/5,3/5',
    '--delta',
    '9/10',
    '--table',
    '3',
    '--json',
  );
  assert.equal(r.code, 0, r.stderr);
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.status, 'optimal');
  assert.equal(answer.value, '28/25');
  assert.equal(answer.valueRegime, 'mediated');
  assert.deepEqual(answer.values, {
    commitment: '6/5',
    mediated: '28/25',
    posted: '28/25',
  });
  assert.equal(answer.regimes.mediated.messages[0].plan, 'price 2');
  assert.deepEqual(
    answer.byHorizon.map((row: { posted: string }) => row.posted),
    ['6/5', '28/25', '1159/1125'],
  );
});

test('durable reads a problem file; options override it', async () => {
  const r = await run('durable', example, '--json', '--table', '0');
  assert.equal(r.code, 0, r.stderr);
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.problem.name, 'Coase with two values');
  assert.equal(answer.value, '57/40');
  const long = await run(
    'durable',
    example,
    '--horizon',
    '8',
    '--regime',
    'posted',
    '--table',
    '0',
    '--json',
  );
  const posted = JSON.parse(long.stdout);
  assert.equal(posted.valueRegime, 'posted');
  assert.equal(posted.value, '21/20');
  assert.equal(posted.regimes.mediated, null);
});

test('durable text output shows the regimes, the device and the horizon table', async () => {
  const r = await run('durable', example, '--table', '8');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Revenue by regime/);
  assert.match(r.stdout, /mediated\s+57\/40/);
  assert.match(r.stdout, /What each message tells the future seller/);
  assert.match(r.stdout, /settles at 21\/20 from T = 7/);
});

test('three values and T ≥ 3: mediated is unsupported, posted carries the value', async () => {
  const r = await run(
    'durable',
    '--values',
    '1,2,4',
    '--prior',
    '1/4,1/2,1/4',
    '--delta',
    '1/2',
    '--horizon',
    '3',
    '--table',
    '0',
    '--json',
  );
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.regimes.mediated.status, 'unsupported');
  assert.equal(answer.valueRegime, 'posted');
  assert.equal(answer.status, 'optimal');
});

test('bad input: one line on stderr naming the value', async () => {
  const cases: [string[], RegExp][] = [
    [
      ['--values', '1,2', '--prior', '1/2,1/3', '--delta', '1/2'],
      /sum to 5\/6/,
    ],
    [
      ['--values', '2,1', '--prior', '1/2,1/2', '--delta', '1/2'],
      /--values \(entry 2\)/,
    ],
    [['--values', '1,x', '--prior', '1/2,1/2', '--delta', '1/2'], /--values/],
    [['--values', '1,2', '--prior', '1/2,1/2', '--delta', '3/2'], /--delta/],
    [['--values', '1,2'], /no problem file and no --prior, --delta/],
    [
      ['--values', '1', '--prior', '1', '--delta', '0', '--regime', 'x'],
      /regime/,
    ],
    [
      ['--values', '1', '--prior', '1', '--delta', '0', '--horizn', '2'],
      /horizon/,
    ],
  ];
  for (const [argv, message] of cases) {
    const r = await run('durable', ...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});

test('problem files: errors name the file and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'durable-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({
      values: [1, 2],
      prior: ['1/2', 0.5],
      delta: 0.9,
      horizn: 2,
    }),
  );
  return run('durable', bad).then((r) => {
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.json: horizn: unknown field/);
    assert.throws(
      () =>
        parseDurableJson({
          values: [1, 2],
          prior: [1, 0],
          delta: 1,
          horizon: 2,
        }),
      (e: unknown) =>
        e instanceof InputError &&
        e.where === 'prior[1]' &&
        /not positive/.test(e.problem),
    );
    assert.throws(
      () =>
        parseDurableJson({ values: [1], prior: [1], delta: 1, horizon: 1.5 }),
      (e: unknown) => e instanceof InputError && e.where === 'horizon',
    );
  });
});

test('inline option errors name --delta, --values and --prior, not options.*', async () => {
  const base = ['--values', '1,2', '--prior', '1/2,1/2', '--delta', '1/2'];
  const cases: [string[], string][] = [
    [
      ['--values', '1,2', '--prior', '1/2,1/2', '--delta', '1.5'],
      'revelation: --delta: discount factor 3/2 is outside [0, 1] ' +
        '(give δ between 0 and 1, e.g. "9/10")',
    ],
    [
      ['--values', '3,1', '--prior', '1/2,1/2', '--delta', '1/2'],
      'revelation: --values (entry 2): value 1 does not exceed the value ' +
        'before it (3) (list distinct values in increasing order)',
    ],
    [
      ['--values', '1,2,3', '--prior', '1/3,1/3', '--delta', '1/2'],
      'revelation: --prior: 2 probabilities for 3 values (give one ' +
        'probability per value, in the order of "values")',
    ],
    [
      ['--values', '1,2', '--prior', '1,0', '--delta', '1/2'],
      'revelation: --prior (entry 2): probability 0 is not positive ' +
        '(every listed value needs a positive probability; drop values ' +
        'that have none)',
    ],
    [
      [example, '--delta', '2'],
      'revelation: --delta: discount factor 2 is outside [0, 1] ' +
        '(give δ between 0 and 1, e.g. "9/10")',
    ],
    [
      [...base.slice(0, 2), '--delta', '-1', ...base.slice(2, 4)],
      'revelation: --delta: discount factor -1 is outside [0, 1] ' +
        '(give δ between 0 and 1, e.g. "9/10")',
    ],
  ];
  for (const [argv, message] of cases) {
    const r = await run('durable', ...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim(), message);
    assert.doesNotMatch(r.stderr, /options\./);
  }
});

test('long horizons: above T = 20 only with --long, which warns', async () => {
  const base = ['--values', '1,2', '--prior', '1/2,1/2', '--delta', '1/2'];
  const why =
    'can take minutes: the exact numbers grow with every period, so ' +
    'without --long the limit is T = 20';
  const horizon = await run('durable', ...base, '--horizon', '40');
  assert.equal(horizon.code, 2);
  assert.equal(horizon.stdout, '');
  assert.equal(
    horizon.stderr.trim(),
    `revelation: --horizon: T = 40 ${why} (add --long to allow up to 40, ` +
      'or lower --horizon)',
  );
  const tableTo = await run('durable', ...base, '--table', '40');
  assert.equal(tableTo.code, 2);
  assert.equal(
    tableTo.stderr.trim(),
    `revelation: --table: a table to T = 40 ${why} (add --long to allow ` +
      'up to 40, or lower --table)',
  );
  const dir = mkdtempSync(join(tmpdir(), 'durable-'));
  const file = join(dir, 'long.json');
  writeFileSync(
    file,
    JSON.stringify({
      values: [1, 2],
      prior: [0.5, 0.5],
      delta: 0.5,
      horizon: 30,
    }),
  );
  const fromFile = await run('durable', file, '--table', '0');
  assert.equal(fromFile.code, 2);
  assert.equal(
    fromFile.stderr.trim(),
    `revelation: ${file}: horizon: T = 30 ${why} (add --long to allow up ` +
      'to 40, or lower "horizon" or override it with --horizon)',
  );
  // The limit itself and small runs print nothing on stderr.
  const at = await run('durable', ...base, '--horizon', '20', '--table', '0');
  assert.equal(at.code, 0);
  assert.equal(at.stderr, '');
  // --long allows it, with a note on stderr; δ = 1/2 and two values keep
  // this run small (the posted-price path settles at once).
  const long = await run(
    'durable',
    ...base,
    '--horizon',
    '21',
    '--table',
    '0',
    '--regime',
    'posted',
    '--long',
  );
  assert.equal(long.code, 0);
  assert.match(long.stdout, /T = 21/);
  assert.equal(
    long.stderr.trim(),
    'revelation durable: note: horizons above 20 can take minutes and ' +
      'print numbers with thousands of digits',
  );
});
