import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BaseGame } from '../src/game/game.js';
import { parseGameJson, readGameFile } from '../src/io/game-json.js';
import {
  type Outcome,
  parseOutcomeJson,
  readOutcomeFile,
} from '../src/io/outcome-json.js';
import { casesDir, inputError } from './io-helpers.js';

const table = (o: Outcome): string[][][] =>
  o.p.map((byType) => byType.map((row) => row.map((x) => x.toString())));

const prosecutor = (): BaseGame =>
  readGameFile(join(casesDir, 'kg-prosecutor.game.json'));

/** A judge who sees a private signal: types g, i with accuracy 3/4. */
function typedJudge(): BaseGame {
  return parseGameJson({
    states: ['guilty', 'innocent'],
    prior: { guilty: '3/10', innocent: '7/10' },
    players: [{ name: 'judge', actions: ['acquit', 'convict'] }],
    payoffs: { guilty: [[0], [1]], innocent: [[1], [0]] },
    types: { judge: ['g', 'i'] },
    signal: {
      joint: {
        guilty: [
          { types: ['g'], p: '3/4' },
          { types: ['i'], p: '1/4' },
        ],
        innocent: [{ types: ['i'], p: 1 }],
      },
    },
  });
}

test('a joint outcome is stored as given', () => {
  const o = readOutcomeFile(
    join(casesDir, 'kg-prosecutor.optimal.outcome.json'),
    prosecutor(),
  );
  assert.deepEqual(table(o), [[['0', '3/10']], [['2/5', '3/10']]]);
});

test('a joint outcome need not reproduce the prior', () => {
  const o = readOutcomeFile(
    join(casesDir, 'kg-prosecutor.implausible.outcome.json'),
    prosecutor(),
  );
  assert.deepEqual(table(o), [[['0', '1/4']], [['1/2', '1/4']]]);
});

test('a conditional outcome is weighted by the prior', () => {
  const o = readOutcomeFile(
    join(casesDir, 'kg-prosecutor.rates-half-seventh.outcome.json'),
    prosecutor(),
  );
  assert.deepEqual(table(o), [[['3/20', '3/20']], [['3/5', '1/10']]]);
});

test('a conditional outcome may leave out a state of prior 0', () => {
  const game = parseGameJson({
    states: ['a', 'b'],
    prior: [1, 0],
    players: [{ name: 'p', actions: ['x', 'y'] }],
    payoffs: [
      [[0], [0]],
      [[0], [0]],
    ],
  });
  const o = parseOutcomeJson(
    { conditional: true, outcome: [{ state: 'a', actions: ['y'], p: 1 }] },
    game,
  );
  assert.deepEqual(table(o), [[['0', '1']], [['0', '0']]]);
});

test('outcomes with types: joint and conditional forms', () => {
  const game = typedJudge();
  const joint = parseOutcomeJson(
    {
      outcome: [
        { state: 'guilty', types: ['g'], actions: ['convict'], p: '9/40' },
        { state: 'guilty', types: ['i'], actions: ['acquit'], p: '3/40' },
        { state: 'innocent', types: ['i'], actions: ['acquit'], p: '7/10' },
      ],
    },
    game,
  );
  assert.deepEqual(table(joint), [
    [
      ['0', '9/40'],
      ['3/40', '0'],
    ],
    [['7/10', '0']],
  ]);
  const conditional = parseOutcomeJson(
    {
      conditional: true,
      outcome: [
        { state: 'guilty', types: ['g'], actions: ['convict'], p: 1 },
        { state: 'guilty', types: ['i'], actions: ['acquit'], p: '1/2' },
        { state: 'guilty', types: ['i'], actions: ['convict'], p: '1/2' },
        { state: 'innocent', types: ['i'], actions: ['acquit'], p: 1 },
      ],
    },
    game,
  );
  assert.deepEqual(table(conditional), [
    [
      ['0', '9/40'],
      ['3/80', '3/80'],
    ],
    [['7/10', '0']],
  ]);
});

test('pinned messages for the outcome cases', () => {
  const game = prosecutor();
  assert.equal(
    inputError(() =>
      readOutcomeFile(join(casesDir, 'bad-outcome-action.outcome.json'), game),
    ).message,
    `${join(casesDir, 'bad-outcome-action.outcome.json')}: outcome[1].actions[0]: ` +
      '"pardon" is not an action of player "judge" ' +
      '(the actions of "judge" are "acquit" and "convict")',
  );
  assert.equal(
    inputError(() =>
      parseOutcomeJson(
        {
          outcome: [
            { state: 'guilty', actions: ['convict'], p: '3/10' },
            { state: 'innocent', actions: ['convict'], p: '3/10' },
            { state: 'innocent', actions: ['acquit'], p: '3/10' },
          ],
        },
        game,
      ),
    ).message,
    'outcome: probabilities sum to 9/10, not 1 (the cells of a joint outcome ' +
      'must add up to exactly 1; with "conditional": true each p is ' +
      'Pr(a | state) instead)',
  );
});

test('bad outcomes are refused with their path', () => {
  const game = prosecutor();
  const refuse = (value: unknown): string =>
    inputError(() => parseOutcomeJson(value, game)).message;
  const cell = (extra: Record<string, unknown>): unknown => ({
    outcome: [{ state: 'guilty', actions: ['convict'], p: 1, ...extra }],
  });
  const cases: [unknown, RegExp][] = [
    [{}, /^the outcome file has no field "outcome"/],
    [{ outcomes: [] }, /^outcomes: unknown field .*did you mean "outcome"\?/],
    [{ outcome: {} }, /^outcome: expected an array of cells/],
    [
      cell({ state: 'guity' }),
      /^outcome\[0\]\.state: "guity" is not a state; did you mean "guilty"\?/,
    ],
    [cell({ actions: [] }), /^outcome\[0\]\.actions: expected 1 action name/],
    [
      cell({ actions: ['convict', 'acquit'] }),
      /expected 1 action name .*found an array of 2/,
    ],
    [cell({ p: '-1' }), /^outcome\[0\]\.p: probability -1 is negative/],
    [cell({ p: 'x' }), /^outcome\[0\]\.p: expected a number/],
    [cell({ types: ['g'] }), /^outcome\[0\]\.types: the game has no types/],
    [cell({ P: 1 }), /did you mean "p"\?/],
    [
      { conditional: 'yes', outcome: [] },
      /^conditional: expected true or false/,
    ],
    [
      {
        outcome: [
          { state: 'guilty', actions: ['convict'], p: '1/2' },
          { state: 'guilty', actions: ['convict'], p: '1/2' },
        ],
      },
      /^outcome\[1\]: this cell is listed twice \(also outcome\[0\]\)/,
    ],
    [
      {
        conditional: true,
        outcome: [{ state: 'guilty', actions: ['convict'], p: 1 }],
      },
      /^outcome: no entries for state "innocent"/,
    ],
    [
      {
        conditional: true,
        outcome: [
          { state: 'guilty', actions: ['convict'], p: 1 },
          { state: 'innocent', actions: ['convict'], p: '1/2' },
        ],
      },
      /^outcome: conditional probabilities for state "innocent" sum to 1\/2, not 1/,
    ],
  ];
  for (const [value, pattern] of cases) assert.match(refuse(value), pattern);
});

test('outcomes with types: types required, and only where ψ > 0', () => {
  const game = typedJudge();
  const refuse = (value: unknown): string =>
    inputError(() => parseOutcomeJson(value, game)).message;
  assert.match(
    refuse({ outcome: [{ state: 'guilty', actions: ['convict'], p: 1 }] }),
    /^outcome\[0\]: a cell has no field "types"/,
  );
  assert.match(
    refuse({
      outcome: [
        { state: 'innocent', types: ['g'], actions: ['convict'], p: 1 },
      ],
    }),
    /^outcome\[0\]\.types: type profile \(g\) has probability 0 in state "innocent"/,
  );
  assert.match(
    refuse({
      outcome: [{ state: 'guilty', types: ['x'], actions: ['convict'], p: 1 }],
    }),
    /^outcome\[0\]\.types\[0\]: "x" is not a type of player "judge"/,
  );
  // A p = 0 cell on an impossible profile is harmless and ignored.
  const o = parseOutcomeJson(
    {
      outcome: [
        { state: 'innocent', types: ['g'], actions: ['convict'], p: 0 },
        { state: 'guilty', types: ['g'], actions: ['convict'], p: 1 },
      ],
    },
    game,
  );
  assert.equal(o.p[0][0][1].toString(), '1');
});

test('every shared outcome file reads against its game', async () => {
  const { readdirSync } = await import('node:fs');
  for (const f of readdirSync(casesDir)) {
    if (!f.endsWith('.outcome.json') || f.startsWith('bad-')) continue;
    const game = readGameFile(join(casesDir, `${f.split('.')[0]}.game.json`));
    const o = readOutcomeFile(join(casesDir, f), game);
    const total = o.p.flat(2).reduce((s, x) => s.add(x));
    assert.equal(total.toString(), '1', f);
  }
});
