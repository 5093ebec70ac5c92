/**
 * The outcome a given signal induces: the textbook benchmarks of the
 * prosecutor game (full disclosure 3/10, no information 0, the optimal
 * signal 3/5), the recommendation signal of `bce --max` giving back the
 * BCE value (prosecutor, a Gambit game, random games), tie rules, signals of
 * probability 0, a receiver with a private signal, and bad signal files.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bceRange, solveBce } from '../src/bce/bce.js';
import { main } from '../src/cli/main.js';
import type { BaseGame } from '../src/game/game.js';
import type { Outcome } from '../src/game/outcome.js';
import type { Signal } from '../src/game/signal.js';
import { induceOutcome, recommendationSignal } from '../src/induce/induce.js';
import { readGameFile } from '../src/io/game-json.js';
import { InputError } from '../src/io/input-error.js';
import { parseSignalJson, signalJson } from '../src/io/signal-json.js';
import { ONE } from '../src/numbers/rational.js';
import { prng, randomGame } from './helpers/random.js';
import { randomLaw } from './helpers/random-types.js';

const prosecutorFile = join(process.cwd(), 'examples', 'prosecutor.json');
const prosecutor = readGameFile(prosecutorFile);
const cases = join(process.cwd(), '..', 'shared', 'cases');
const fixtures = join(process.cwd(), '..', 'shared', 'fixtures', 'gambit');

const signal = (value: unknown, game: BaseGame = prosecutor): Signal =>
  parseSignalJson(value, game, 'signal.json');

const fullDisclosure = {
  name: 'full disclosure',
  signals: ['g', 'i'],
  likelihood: { guilty: { g: 1 }, innocent: { i: 1 } },
};
const noInformation = {
  signals: ['nothing'],
  likelihood: { guilty: [1], innocent: [1] },
};
const kamenicaGentzkow = {
  signals: ['convict', 'acquit'],
  likelihood: {
    guilty: { convict: 1 },
    innocent: { convict: '3/7', acquit: '4/7' },
  },
};

test('prosecutor: full disclosure 3/10, no information 0, optimal 3/5', () => {
  const full = induceOutcome(prosecutor, signal(fullDisclosure));
  assert.equal(full.value.toString(), '3/10');
  assert.equal(full.receiverValue.toString(), '1');
  assert.deepEqual(
    full.responses.map((r) => [r.signal, String(r.probability), r.action]),
    [
      ['g', '3/10', 'convict'],
      ['i', '7/10', 'acquit'],
    ],
  );
  const none = induceOutcome(prosecutor, signal(noInformation));
  assert.equal(none.value.toString(), '0');
  assert.deepEqual(
    none.responses[0].posterior?.map((q) => String(q.p)),
    ['3/10', '7/10'],
  );
  const best = induceOutcome(prosecutor, signal(kamenicaGentzkow));
  assert.equal(best.value.toString(), '3/5');
  for (const r of [full, none, best]) assert.equal(r.verified, true);
});

test('tie rules at the posterior 1/2 where the judge is indifferent', () => {
  const s = signal(kamenicaGentzkow);
  const values = {
    'sender-preferred': '3/5',
    'sender-worst': '0',
    'receiver-order': '0',
  } as const;
  for (const [tie, value] of Object.entries(values)) {
    const r = induceOutcome(prosecutor, s, {
      tie: tie as keyof typeof values,
    });
    assert.equal(r.value.toString(), value, tie);
    assert.equal(r.responses[0].tie, true);
    assert.deepEqual(r.responses[0].bestResponses, ['acquit', 'convict']);
  }
});

test('a signal of probability 0 is reported and skipped', () => {
  const r = induceOutcome(
    prosecutor,
    signal({
      signals: ['g', 'never', 'i'],
      likelihood: { guilty: [1, 0, 0], innocent: [0, 0, 1] },
    }),
  );
  assert.deepEqual(r.zeroProbability, ['never']);
  const never = r.responses[1];
  assert.equal(never.probability.toString(), '0');
  assert.equal(never.posterior, null);
  assert.equal(never.action, null);
  assert.equal(r.value.toString(), '3/10');
});

test('the recommendation signal of bce --max gives back the BCE value', async () => {
  const best = await solveBce(prosecutor, {
    objective: 'designer',
    sense: 'maximize',
  });
  const rec = recommendationSignal(prosecutor, best.outcomeTable as Outcome);
  assert.deepEqual(rec.signals, ['acquit', 'convict']);
  const r = induceOutcome(prosecutor, rec);
  assert.equal(r.value.toString(), '3/5');
  // It survives the round trip through a signal file.
  const again = signal(JSON.parse(JSON.stringify(signalJson(rec, prosecutor))));
  assert.equal(induceOutcome(prosecutor, again).value.toString(), '3/5');
});

test('the same on a Gambit game with zero-probability states', async () => {
  const game = readGameFile(
    join(fixtures, 'chance_root_3_moves_only_one_nonzero_prob.efg'),
  );
  for (const objective of ['outcome:Outcome 1', 'outcome:Outcome 2']) {
    const best = await solveBce(game, { objective, sense: 'maximize' });
    const rec = recommendationSignal(game, best.outcomeTable as Outcome);
    const r = induceOutcome(game, rec, { objective });
    assert.equal(r.value.toString(), best.value?.toString(), objective);
    assert.equal(r.verified, true);
  }
});

test('random one-receiver games: recommendation value = BCE max, any signal inside the range', async () => {
  const random = prng(2718);
  for (let trial = 0; trial < 12; trial++) {
    const game = randomGame(random, {
      players: 1,
      states: 2 + (trial % 3),
      actions: 2 + (trial % 2),
    });
    const range = await bceRange(game, { objective: 'designer' });
    const best = range.maximum.outcomeTable as Outcome;
    const rec = induceOutcome(game, recommendationSignal(game, best));
    assert.equal(rec.value.toString(), String(range.max), `trial ${trial}`);

    const signals = ['s0', 's1', 's2'];
    const any: Signal = {
      name: 'random',
      signals,
      likelihood: game.states.map(() => randomLaw(random, signals.length)),
    };
    for (const tie of ['sender-preferred', 'sender-worst'] as const) {
      const r = induceOutcome(game, any, { tie });
      assert.ok(range.min!.le(r.value) && r.value.le(range.max!), `${trial}`);
      assert.equal(r.verified, true);
    }
  }
});

test('a receiver with a private signal: posteriors given (type, signal)', () => {
  const game = readGameFile(join(cases, 'invest-firm-signal.game.json'));
  const r = induceOutcome(
    game,
    signal({ signals: ['nothing'], likelihood: { good: [1], bad: [1] } }, game),
  );
  // The firm's own signal alone: invest on good news (posterior 3/4).
  assert.deepEqual(
    r.responses.map((x) => [x.type, String(x.posterior?.[0].p), x.action]),
    [
      ['good-news', '3/4', 'invest'],
      ['bad-news', '1/4', 'wait'],
    ],
  );
  assert.equal(r.value.toString(), '1/2');
  assert.equal(r.verified, true);
});

const badSignals: [string, unknown, RegExp][] = [
  [
    'a row not summing to 1',
    {
      signals: ['a', 'b'],
      likelihood: { guilty: { a: '1/2' }, innocent: { b: 1 } },
    },
    /signal\.json: likelihood\.guilty: probabilities sum to 1\/2, not 1/,
  ],
  [
    'an unknown state',
    { signals: ['a'], likelihood: { guilty: [1], innocnt: [1] } },
    /signal\.json: likelihood\.innocnt: "innocnt" is not one of the states; did you mean "innocent"\?/,
  ],
  [
    'a negative entry',
    {
      signals: ['a', 'b'],
      likelihood: { guilty: { a: '-1/2', b: '3/2' }, innocent: { a: 1 } },
    },
    /signal\.json: likelihood\.guilty\.a: probability -1\/2 is negative/,
  ],
  [
    'a missing state',
    { signals: ['a'], likelihood: { guilty: [1] } },
    /signal\.json: likelihood: no entry for state "innocent"/,
  ],
  [
    'an unknown signal',
    {
      signals: ['a', 'b'],
      likelihood: { guilty: { c: 1 }, innocent: { a: 1 } },
    },
    /signal\.json: likelihood\.guilty\.c: "c" is not one of the signals/,
  ],
  [
    'a row of the wrong length',
    { signals: ['a', 'b'], likelihood: { guilty: [1], innocent: [0, 1] } },
    /signal\.json: likelihood\.guilty: the array has 1 entry but there are 2 signals/,
  ],
  [
    'a repeated signal name',
    { signals: ['a', 'a'], likelihood: { guilty: [1, 0], innocent: [0, 1] } },
    /signal\.json: signals\[1\]: duplicate signal name "a"/,
  ],
  [
    'a misspelt field',
    { signals: ['a'], likelihod: {} },
    /signal\.json: likelihod: unknown field "likelihod" in the signal; did you mean "likelihood"\?/,
  ],
];

for (const [what, value, message] of badSignals) {
  test(`bad signal file: ${what}`, () => {
    assert.throws(
      () => signal(value),
      (e: unknown) => e instanceof InputError && message.test(e.message),
    );
  });
}

test('induce needs one receiver', () => {
  const game = readGameFile(join(cases, 'chicken.game.json'));
  assert.throws(
    () =>
      induceOutcome(game, {
        name: '',
        signals: ['x'],
        likelihood: game.states.map(() => [ONE]),
      }),
    /game: induce needs a game with one player, the receiver; this game has 2 players/,
  );
});

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}

test('revelation induce: --json value, text, tie option, bad files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'induce-'));
  const file = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  const full = file('full.json', fullDisclosure);
  const json = await run('induce', prosecutorFile, full, '--json');
  assert.equal(json.code, 0);
  const answer = JSON.parse(json.stdout);
  assert.equal(answer.status, 'induced');
  assert.equal(answer.value, '3/10');
  assert.equal(answer.responses[0].posterior[0].p, '1');

  const kg = file('kg.json', kamenicaGentzkow);
  const text = await run('induce', prosecutorFile, kg, '--tie', 'sender-worst');
  assert.equal(text.code, 0);
  assert.match(text.stdout, /value +0 +\(designer, exact\)/);
  assert.match(
    text.stdout,
    /convict +3\/5 +1\/2 +1\/2 +acquit, convict +acquit/,
  );

  const badTie = await run('induce', prosecutorFile, kg, '--tie', 'judge');
  assert.equal(badTie.code, 2);
  assert.match(badTie.stderr, /--tie: "judge" is not a tie rule/);

  const bad = file('bad.json', {
    signals: ['a'],
    likelihood: { guilty: [1], innocent: ['9/10'] },
  });
  const refused = await run('induce', prosecutorFile, bad, '--json');
  assert.equal(refused.code, 2);
  assert.equal(refused.stdout, '');
  assert.match(
    refused.stderr,
    /bad\.json: likelihood\.innocent: probabilities sum to 9\/10, not 1/,
  );
});
