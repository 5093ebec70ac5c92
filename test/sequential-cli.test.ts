/**
 * `revelation sequential` end to end through `main`: the JSON contract
 * (`value` for --max/--min, `implementable` for --check), the text
 * rendering of the extensive form, and refusals of bad options.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';

const examples = join(
  fileURLToPath(import.meta.url),
  '..',
  '..',
  '..',
  'examples',
);

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

test('sequential --max --json: exact value, BCE value and the extensive form', async () => {
  const r = await run([
    'sequential',
    join(examples, 'sequential-pd-boundary.json'),
    '--max',
    'welfare',
    '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.status, 'optimal');
  assert.equal(out.value, '5');
  assert.equal(out.bce.value, '2');
  assert.equal(out.threats, 'nash');
  assert.match(out.extensiveForm.observation, /only her own recommendation/);
  assert.deepEqual(
    out.extensiveForm.plans[0].orders.map((o: { p: string }) => o.p),
    ['1/2', '1/2'],
  );
  assert.equal(out.outcomeTable, undefined);
});

test('sequential --check: implementable yes or no, in JSON and text', async () => {
  const game = join(examples, 'sequential-burn-money.json');
  const outcome = join(examples, 'sequential-cooperate.outcome.json');
  const nash = await run(['sequential', game, '--check', outcome, '--json']);
  assert.equal(nash.code, 0, nash.stderr);
  assert.equal(JSON.parse(nash.stdout).implementable, true);
  assert.equal(JSON.parse(nash.stdout).status, 'implementable');

  const credible = await run([
    'sequential',
    game,
    '--check',
    outcome,
    '--threats',
    'credible',
    '--json',
  ]);
  const answer = JSON.parse(credible.stdout);
  assert.equal(answer.implementable, false);
  assert.match(answer.claim, /sufficient, not exact/);

  const text = await run(['sequential', game, '--check', outcome]);
  assert.match(text.stdout, /yes: implementable/);
  assert.match(text.stdout, /Punishments a\*_R after a deviation/);
  assert.match(text.stdout, /p2:B/);
});

test('sequential --common-order prints the common law', async () => {
  const r = await run([
    'sequential',
    join(examples, 'sequential-state-order.json'),
    '--max',
    'welfare',
    '--common-order',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Common law of the order of moves/);
  assert.match(r.stdout, /LP \(permutation form\)/);
});

test('sequential refuses bad options with a one-line error', async () => {
  const game = join(examples, 'sequential-pd-boundary.json');
  const bad = await run([
    'sequential',
    game,
    '--max',
    'welfare',
    '--threats',
    'sure',
  ]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /--threats: "sure" is not a kind of threat/);

  const none = await run(['sequential', game]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /exactly one of --max OBJ, --min OBJ, --check/);
});
