/**
 * The command-line program: answers on stdout, one-line errors on stderr
 * with a non-zero exit and no stack trace, for every kind of misuse.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/cli.js';

const prosecutor = join(process.cwd(), 'examples', 'prosecutor.json');

test('bce --json prints one object with the exact value', async () => {
  const r = await run('bce', prosecutor, '--max', 'designer', '--json');
  assert.equal(r.code, 0);
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.status, 'optimal');
  assert.equal(answer.value, '3/5');
  assert.equal(answer.certificate.exact, true);
  assert.deepEqual(
    answer.informationStructure.recommendations.map(
      (x: { action: string; posterior: { p: string }[] }) => [
        x.action,
        x.posterior.map((q) => q.p),
      ],
    ),
    [
      ['acquit', ['0', '1']],
      ['convict', ['1/2', '1/2']],
    ],
  );
});

test('bce --range gives the robust interval', async () => {
  const r = await run('bce', prosecutor, '--range', 'designer', '--json');
  const answer = JSON.parse(r.stdout);
  assert.deepEqual([answer.min, answer.max], ['0', '3/5']);
});

test('--decimals shows rounded decimals in text, JSON stays exact', async () => {
  const text = await run(
    'bce',
    prosecutor,
    '--max',
    'designer',
    '--decimals',
    '3',
  );
  assert.match(text.stdout, /value\s+0\.600/);
  const json = await run(
    'bce',
    prosecutor,
    '--max',
    'designer',
    '--decimals',
    '3',
    '--json',
  );
  assert.equal(JSON.parse(json.stdout).value, '3/5');
});

test('--float is labelled as not certified', async () => {
  const r = await run(
    'bce',
    prosecutor,
    '--max',
    'designer',
    '--float',
    '--json',
  );
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.arithmetic, 'float');
  assert.equal(answer.certificate.exact, false);
});

const misuse: [string, string[], RegExp][] = [
  ['no command', [], /Commands:/],
  ['unknown command', ['bec'], /unknown command.*did you mean "bce"/],
  [
    'unknown option',
    ['bce', prosecutor, '--maxx', 'designer'],
    /--maxx.*did you mean "--max"/,
  ],
  [
    'two objectives',
    ['bce', prosecutor, '--max', 'designer', '--min', 'welfare'],
    /exactly one of/,
  ],
  ['missing value', ['bce', prosecutor, '--max'], /--max: needs a value/],
  [
    'missing file',
    ['bce', 'no-such-file.json', '--max', 'designer'],
    /no-such-file\.json/,
  ],
  [
    'bad decimals',
    ['bce', prosecutor, '--max', 'designer', '--decimals', 'x'],
    /--decimals/,
  ],
  [
    'bad engine',
    ['bce', prosecutor, '--max', 'designer', '--engine', 'cplex'],
    /--engine/,
  ],
  [
    'misspelt player',
    ['bce', prosecutor, '--max', 'jduge'],
    /jduge.*did you mean "judge"/,
  ],
  ['check without outcome', ['check', prosecutor], /outcome file/],
];

for (const [what, argv, message] of misuse) {
  test(`misuse: ${what}`, async () => {
    const r = await run(...argv);
    assert.notEqual(r.code, 0);
    // Regression: with no command the help went to stdout on an error.
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
    if (argv.length > 0) {
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });
}

test('a game file with an unknown extension is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'revelation-cli-'));
  const file = join(dir, 'game.txt');
  writeFileSync(file, '{}');
  const r = await run('bce', file, '--max', 'welfare');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /game\.txt/);
});
