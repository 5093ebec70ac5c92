/**
 * Several receivers and one public signal: every receiver holds the same
 * posterior and best-responds to it; the sender's objective may depend on
 * all their actions. Compared with private signals (the BCE of the same
 * game), which can only do better.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseGameJson, readGameFile } from '../src/io/game-json.js';
import type { BaseGame } from '../src/game/game.js';
import { persuade } from '../src/persuasion/persuade.js';
import { persuasionProblem } from '../src/persuasion/problem.js';
import { inputError, root } from './io-helpers.js';

test('two voters, approvals counted: public 2/3, private 5/6', async () => {
  const game = readGameFile(
    join(root, 'examples', 'persuasion', 'two-voters.json'),
  );
  const r = await persuade(game, { public: true });
  assert.equal(r.value?.toString(), '2/3');
  assert.equal(r.crossCheck.method, 'recommendation-lp');
  assert.equal(r.crossCheck.agree, true);
  assert.equal(r.crossCheck.envelope?.toString(), '2/3');
  assert.equal(r.privateSignals?.value?.toString(), '5/6');
  assert.deepEqual(
    r.posteriors.map((s) => `${s.probability}:${s.posterior}:${s.actions}`),
    ['2/3:0,1:reject,reject', '1/3:3/4,1/4:approve,approve'],
  );
});

/** Three voters, three states, and a sender who wants a majority. */
function committee() {
  const voter = (name: string) => ({ name, actions: ['no', 'yes'] });
  // u_i(yes, θ): state "high" favours yes for all, "mid" only the lenient.
  const yes = {
    high: [1, 1, 1],
    mid: [1, -1, -2],
    low: [-2, -1, -1],
  } as const;
  const table = (state: keyof typeof yes) =>
    [0, 1].map((a) =>
      [0, 1].map((b) =>
        [0, 1].map((c) => [
          a ? yes[state][0] : 0,
          b ? yes[state][1] : 0,
          c ? yes[state][2] : 0,
        ]),
      ),
    );
  const majority = [0, 1].map((a) =>
    [0, 1].map((b) => [0, 1].map((c) => (a + b + c >= 2 ? 1 : 0))),
  );
  return parseGameJson({
    states: ['high', 'mid', 'low'],
    prior: { high: '1/5', mid: '2/5', low: '2/5' },
    players: [voter('lenient'), voter('middle'), voter('strict')],
    payoffs: { high: table('high'), mid: table('mid'), low: table('low') },
    designer: { high: majority, mid: majority, low: majority },
  });
}

test('a committee of three and a majority: both routes agree, private ≥ public', async () => {
  const game = committee();
  for (const tie of [
    'sender-preferred',
    'sender-worst',
    'receiver-order',
  ] as const) {
    const r = await persuade(game, { public: true, tie });
    assert.equal(r.crossCheck.agree, true, tie);
    assert.ok(r.value!.le(r.privateSignals!.value!), tie);
  }
  // Publicly a majority needs µ(high) ≥ 1/2, so at most 2/5. Privately the
  // middle and strict voters can be told "yes" on different events.
  const r = await persuade(game, { public: true });
  assert.equal(r.value?.toString(), '2/5');
  assert.equal(r.privateSignals?.value?.toString(), '3/5');
});

test('receivers who interact, or several receivers without --public, are refused', () => {
  const coordination = parseGameJson({
    states: ['only'],
    prior: [1],
    players: [
      { name: 'row', actions: ['a', 'b'] },
      { name: 'col', actions: ['a', 'b'] },
    ],
    payoffs: {
      only: [
        [
          [1, 1],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 1],
        ],
      ],
    },
    designer: {
      only: [
        [1, 0],
        [0, 1],
      ],
    },
  });
  const many = inputError(() => persuasionProblemOf(coordination, false));
  assert.match(many.message, /--public/);
  const interacting = inputError(() => persuasionProblemOf(coordination, true));
  assert.match(interacting.message, /do not interact/);
});

function persuasionProblemOf(game: BaseGame, isPublic: boolean) {
  return persuasionProblem(game, { public: isPublic });
}
