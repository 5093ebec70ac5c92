/**
 * `revelation mechanism …`: the --json contract (status, exact value,
 * implementable, ok), the text witnesses, and one-line errors for misuse.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run } from './helpers/cli.js';

const example = (name: string) =>
  join(process.cwd(), 'examples', 'mechanism', `${name}.json`);

test('solve --json: status and exact value; switches from the command line', async () => {
  const r = await run(
    'mechanism',
    'solve',
    example('myerson-three-values'),
    '--json',
  );
  assert.equal(r.code, 0);
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.status, 'optimal');
  assert.equal(answer.value, '2');
  assert.equal(answer.certificate.exact, true);
  assert.equal(answer.virtualValues.value, '2');
  assert.equal(answer.mechanism.allocation.length, 9);

  const cm = await run(
    'mechanism',
    'solve',
    example('cremer-mclean'),
    '--participation',
    'ex-post',
    '--json',
  );
  assert.equal(JSON.parse(cm.stdout).value, '3/2');
});

test('implement --json: implementable and the revenue range', async () => {
  const yes = JSON.parse(
    (await run('mechanism', 'implement', example('ad-slot'), '--json')).stdout,
  );
  assert.equal(yes.status, 'implementable');
  assert.equal(yes.implementable, true);
  assert.equal(yes.value, '17/9');
  assert.deepEqual([yes.revenueRange.min, yes.revenueRange.max], ['0', '17/9']);

  const no = JSON.parse(
    (await run('mechanism', 'implement', example('three-type-cycle'), '--json'))
      .stdout,
  );
  assert.equal(no.status, 'not-implementable');
  assert.equal(no.implementable, false);
  assert.equal(no.witness.kind, 'cycle');
  assert.equal(no.witness.cycle.total, '-3');
});

test('implement prints the three-type cycle', async () => {
  const r = await run('mechanism', 'implement', example('three-type-cycle'));
  assert.equal(r.code, 0);
  assert.match(r.stdout, /no: no payments satisfy every constraint/);
  assert.match(r.stdout, /A {7}B {10}0 {7}1 {7}-1/);
  assert.match(r.stdout, /sum of the bounds: -3 < 0/);
});

test('audit --json: ok and the revenue; a mechanism from a separate file', async () => {
  const clean = JSON.parse(
    (await run('mechanism', 'audit', example('ad-slot'), '--json')).stdout,
  );
  assert.equal(clean.status, 'ok');
  assert.equal(clean.ok, true);
  assert.equal(clean.value, '14/9');

  // Charging the winner its own value (a first-price rule with truthful
  // bids) fails incentive compatibility.
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'mechanism-'));
  const file = join(dir, 'first-price.json');
  const payments = [];
  for (const a of [1, 2, 3]) {
    for (const b of [1, 2, 3]) {
      const share = a === b ? 0.5 : 1;
      payments.push({
        types: [String(a), String(b)],
        payments: { ad1: a >= b ? a * share : 0, ad2: b >= a ? b * share : 0 },
      });
    }
  }
  writeFileSync(file, JSON.stringify({ allocation: 'efficient', payments }));
  const bad = JSON.parse(
    (
      await run(
        'mechanism',
        'audit',
        example('ad-slot'),
        '--mechanism',
        file,
        '--json',
      )
    ).stdout,
  );
  assert.equal(bad.ok, false);
  // Pay-your-value: type 3 facing type 1 gets 0 when truthful, and 1 by
  // reporting 1 (half the item for 1/2) or 2 (the item for 2); no
  // misreport gains more, and the first found is reported.
  assert.deepEqual(
    [bad.worst.kind, bad.worst.agent, bad.worst.type, bad.worst.misreport],
    ['incentive', 'ad1', '3', '1'],
  );
  assert.deepEqual(bad.worst.profile, ['3', '1']);
  assert.equal(bad.worst.amount, '1');
});

test('robust --json: worst case as value', async () => {
  const r = await run(
    'mechanism',
    'robust',
    example('posted-price'),
    '--posted-price',
    '1/4',
    '--json',
  );
  const answer = JSON.parse(r.stdout);
  assert.equal(answer.status, 'optimal');
  assert.equal(answer.value, '1/12');
  assert.deepEqual([answer.min, answer.max], ['1/12', '1/4']);
});

test('misuse: one-line errors naming the problem', async () => {
  const sub = await run('mechanism', 'slove', example('ad-slot'));
  assert.equal(sub.code, 2);
  assert.match(
    sub.stderr,
    /^revelation: slove: unknown subcommand.*did you mean "solve"/,
  );
  const none = await run(
    'mechanism',
    'implement',
    example('myerson-two-values'),
  );
  assert.equal(none.code, 2);
  assert.match(
    none.stderr,
    /mechanism.allocation: implement needs an allocation rule/,
  );
  const robust = await run(
    'mechanism',
    'robust',
    example('three-type-cycle'),
    '--posted-price',
    '1',
  );
  assert.match(
    robust.stderr,
    /item: a posted-price needs a single-item problem/,
  );
  const option = await run(
    'mechanism',
    'solve',
    example('ad-slot'),
    '--incentives',
    'bayes',
  );
  assert.match(
    option.stderr,
    /--incentives: "bayes" is not one of bayesian, dominant/,
  );
  for (const r of [sub, none, robust, option]) {
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});

test('unused options are refused: solve --posted-price, audit --first-price, solve --baseline', async () => {
  const cases: [string[], string][] = [
    [
      ['solve', example('ad-slot'), '--posted-price', '1'],
      'revelation: --posted-price: "revelation mechanism solve" does not ' +
        'use this option (it is for mechanism robust; drop it here)',
    ],
    [
      ['audit', example('ad-slot'), '--first-price', '1,2'],
      'revelation: --first-price: "revelation mechanism audit" does not ' +
        'use this option (it is for mechanism robust; drop it here)',
    ],
    [
      ['solve', example('ad-slot'), '--baseline', 'own-types'],
      'revelation: --baseline: "revelation mechanism solve" does not use ' +
        'this option (it is for mechanism robust; drop it here)',
    ],
    [
      ['audit', example('ad-slot'), '--engine', 'exact'],
      'revelation: --engine: "revelation mechanism audit" does not use ' +
        'this option (it is for mechanism solve, mechanism implement, ' +
        'mechanism robust; drop it here)',
    ],
    [
      [
        'robust',
        example('posted-price'),
        '--posted-price',
        '1/4',
        '--budget',
        'none',
      ],
      'revelation: --budget: "revelation mechanism robust" does not use ' +
        'this option (it is for mechanism solve, mechanism implement, ' +
        'mechanism audit; drop it here)',
    ],
    [
      [
        'robust',
        example('posted-price'),
        '--posted-price',
        '1/4',
        '--mechanism',
        'x.json',
      ],
      'revelation: --mechanism: "revelation mechanism robust" uses a given ' +
        'mechanism only with --direct (add --direct to test that ' +
        'mechanism, or drop --mechanism)',
    ],
  ];
  for (const [argv, message] of cases) {
    const r = await run('mechanism', ...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim(), message);
  }
});
