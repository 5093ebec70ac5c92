/**
 * Regressions for the faults a first outside tester found (one test each):
 * JSON that JSON.parse would silently change, vacuous "binding"
 * constraints, stray arguments not named, an uncertified range not labelled
 * at the top, a stack trace on a closed pipe, and the README's library
 * import failing inside the repository.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'revelation-regressions-'));
const prosecutor = join(process.cwd(), 'examples', 'prosecutor.json');

function gameFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const oneAction = (payoff: string) =>
  '{"states":["a"],"prior":[1],"players":[{"name":"x","actions":["u","v"]}],' +
  `"payoffs":[[[${payoff}],[0]]]}`;

test('duplicate JSON field names are refused, not silently overwritten', async () => {
  const file = gameFile(
    'dup.json',
    '{"states":["a"],"prior":[1],"prior":[1],"players":[{"name":"x","actions":["u"]}],"payoffs":[[[1]]]}',
  );
  const r = await run('bce', file, '--max', 'welfare');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /dup\.json:1:29: the field "prior" appears twice/);
});

test('JSON numbers a double cannot hold exactly are refused', async () => {
  for (const literal of [
    '1e400',
    '12345678901234567890',
    '0.10000000000000000001',
  ]) {
    const r = await run(
      'bce',
      gameFile('n.json', oneAction(literal)),
      '--max',
      'welfare',
    );
    assert.equal(r.code, 2, literal);
    assert.match(
      r.stderr,
      new RegExp(
        `the number ${literal.replace('.', '\\.')} cannot be read exactly`,
      ),
    );
    assert.match(r.stderr, /write it as a string/);
  }
  // Ordinary decimals still read as the decimal written.
  const ok = await run(
    'bce',
    gameFile('ok.json', oneAction('0.1')),
    '--max',
    'welfare',
    '--json',
  );
  assert.equal(JSON.parse(ok.stdout).value, '1/10');
});

test('a string with an exponent beyond ±1000 says so', async () => {
  const r = await run(
    'bce',
    gameFile('e.json', oneAction('"1e999999999"')),
    '--max',
    'welfare',
  );
  assert.match(
    r.stderr,
    /payoffs\[0\]\[0\]\[0\]: the string "1e999999999" has an exponent beyond ±1000/,
  );
});

test('constraints of recommendations never made are not called binding', async () => {
  const r = await run('bce', prosecutor, '--min', 'designer', '--json');
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.value, '0');
  assert.deepEqual(answer.binding, []);
});

test('a stray argument is named', async () => {
  const r = await run('bce', prosecutor, '--max', 'designer', 'extra');
  assert.match(
    r.stderr,
    /^revelation: bce: expected one game file, got 2: ".*prosecutor\.json", "extra"/,
  );
});

test('a float range is labelled at the top level', async () => {
  const r = await run(
    'bce',
    prosecutor,
    '--range',
    'designer',
    '--float',
    '--json',
  );
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.arithmetic, 'float');
  assert.equal(answer.exact, false);
  const text = await run('bce', prosecutor, '--range', 'designer', '--float');
  assert.match(text.stdout, /range\s+\[0, 3\/5\]\s+\(FLOAT, not certified\)/);
});

test('a closed pipe ends the program quietly', () => {
  const r = spawnSync(
    'bash',
    ['-c', `bin/revelation bce ${prosecutor} --max designer | head -c 1`],
    { encoding: 'utf8' },
  );
  assert.doesNotMatch(r.stderr, /EPIPE|at /);
});

test('the README library import works inside the repository', () => {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import { Rational } from 'revelation'; console.log(Rational.parse('0.35').toString());",
    ],
    { encoding: 'utf8', cwd: process.cwd() },
  );
  assert.equal(r.stdout.trim(), '7/20', r.stderr);
});

test('--version prints the package version', async () => {
  const r = await run('--version');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^revelation \d+\.\d+\.\d+\n$/);
});

test('project --plot refuses a file that is not .svg', async () => {
  const r = await run(
    'project',
    prosecutor,
    '--x',
    'Pr(convict | guilty)',
    '--y',
    'Pr(convict | innocent)',
    '--plot',
    join(dir, 'picture.png'),
  );
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--plot: ".*picture\.png" does not end in \.svg/);
});
