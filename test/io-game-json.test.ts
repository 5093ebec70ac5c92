import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseGame } from '../src/game/game.js';
import { parseGameJson, readGameFile } from '../src/io/game-json.js';
import { InputError } from '../src/io/input-error.js';
import { parseJsonText } from '../src/io/json-text.js';
import { parseOutcomeJson, readOutcomeFile } from '../src/io/outcome-json.js';
import { casesDir, inputError, root } from './io-helpers.js';

const strings = (xs: readonly { toString(): string }[]): string[] =>
  xs.map((x) => x.toString());

/** The prosecutor game of Kamenica and Gentzkow, as a fresh object. */
function prosecutor(): Record<string, unknown> {
  return {
    name: 'Prosecutor and judge',
    states: ['guilty', 'innocent'],
    prior: { guilty: '3/10', innocent: '7/10' },
    players: [{ name: 'judge', actions: ['acquit', 'convict'] }],
    payoffs: { guilty: [[0], [1]], innocent: [[1], [0]] },
    designer: { guilty: [0, 1], innocent: [0, 1] },
  };
}

function signalProfiles(game: BaseGame, theta: number): string[] {
  return game.signal[theta].map(
    (w) =>
      w.types.map((t, i) => game.players[i].types[t]).join('+') + `:${w.p}`,
  );
}

test('the prosecutor game parses to its prior, payoffs and designer', () => {
  const game = readGameFile(join(casesDir, 'kg-prosecutor.game.json'));
  assert.equal(game.name, 'Prosecutor and judge');
  assert.deepEqual(game.states, ['guilty', 'innocent']);
  assert.deepEqual(strings(game.prior), ['3/10', '7/10']);
  assert.deepEqual(game.players, [
    { name: 'judge', actions: ['acquit', 'convict'], types: [''] },
  ]);
  assert.deepEqual(
    game.payoffs.map((t) => t.map(strings)),
    [
      [['0'], ['1']],
      [['1'], ['0']],
    ],
  );
  assert.deepEqual(game.designer?.map(strings), [
    ['0', '1'],
    ['0', '1'],
  ]);
  assert.equal(game.hasTypes, false);
  assert.equal(game.outcomeLabels, null);
  assert.deepEqual(
    game.signal.map((law) => law.map((w) => [w.types, w.p.toString()])),
    [[[[0], '1']], [[[0], '1']]],
  );
});

test('a JSON number 0.55 is exactly 11/20', () => {
  const g = prosecutor();
  g.payoffs = { guilty: [[0.55], [1]], innocent: [[1], [0]] };
  g.prior = [0.3, 0.7];
  const game = parseGameJson(g);
  assert.equal(game.payoffs[0][0][0].toString(), '11/20');
  assert.deepEqual(strings(game.prior), ['3/10', '7/10']);
});

test('a prior of 0.7, 0.2, 0.1 sums to exactly 1; zero entries are allowed', () => {
  const game = parseGameJson({
    states: ['a', 'b', 'c', 'd'],
    prior: [0.7, 0.2, 0.1, 0],
    players: [{ name: 'p', actions: ['x'] }],
    payoffs: [[[1]], [[2]], [[3]], [[4]]],
  });
  assert.deepEqual(strings(game.prior), ['7/10', '1/5', '1/10', '0']);
  assert.equal(game.designer, null);
  assert.equal(game.name, '');
});

test('two-player tables flatten with player 1 most significant', () => {
  const game = parseGameJson({
    states: ['only'],
    prior: [1],
    players: [
      { name: 'row', actions: ['T', 'B'] },
      { name: 'col', actions: ['L', 'C', 'R'] },
    ],
    payoffs: {
      only: [
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [
          [7, 8],
          [9, 10],
          [11, 12],
        ],
      ],
    },
    designer: [
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
    ],
  });
  // Flat index a = a_row * 3 + a_col.
  assert.deepEqual(strings(game.payoffs[0][4]), ['9', '10']);
  assert.deepEqual(strings(game.payoffs[0][2]), ['5', '6']);
  assert.deepEqual(strings(game.designer?.[0] ?? []), [
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
  ]);
});

test('independent signals become the sparse product law', () => {
  const game = readGameFile(join(casesDir, 'invest-firm-signal.game.json'));
  assert.equal(game.hasTypes, true);
  assert.deepEqual(game.players[0].types, ['good-news', 'bad-news']);
  assert.deepEqual(signalProfiles(game, 0), ['good-news:3/4', 'bad-news:1/4']);
  assert.deepEqual(signalProfiles(game, 1), ['good-news:1/4', 'bad-news:3/4']);

  const jury = parseGameJson({
    states: ['guilty', 'innocent'],
    prior: [0.5, 0.5],
    players: [
      { name: 'juror1', actions: ['a', 'c'] },
      { name: 'juror2', actions: ['a', 'c'] },
      { name: 'clerk', actions: ['file'] },
    ],
    payoffs: [
      [
        [[[0, 0, 0]], [[0, 0, 0]]],
        [[[0, 0, 0]], [[0, 0, 0]]],
      ],
      [
        [[[0, 0, 0]], [[0, 0, 0]]],
        [[[0, 0, 0]], [[0, 0, 0]]],
      ],
    ],
    types: { juror1: ['g', 'i'], juror2: ['g', 'i'], clerk: ['none'] },
    signal: {
      independent: {
        juror1: { guilty: { g: '3/4', i: '1/4' }, innocent: { i: 1 } },
        juror2: {
          guilty: { g: '3/4', i: '1/4' },
          innocent: { g: '1/4', i: '3/4' },
        },
      },
    },
  });
  assert.deepEqual(signalProfiles(jury, 0), [
    'g+g+none:9/16',
    'g+i+none:3/16',
    'i+g+none:3/16',
    'i+i+none:1/16',
  ]);
  // Profiles of probability 0 are not stored.
  assert.deepEqual(signalProfiles(jury, 1), ['i+g+none:1/4', 'i+i+none:3/4']);
});

test('a joint signal is kept sparse and sorted', () => {
  const g = prosecutor();
  g.types = { judge: ['g', 'i'] };
  g.signal = {
    joint: {
      guilty: [
        { types: ['i'], p: '1/3' },
        { types: ['g'], p: '2/3' },
      ],
      innocent: [
        { types: ['i'], p: 1 },
        { types: ['g'], p: 0 },
      ],
    },
  };
  const game = parseGameJson(g);
  assert.deepEqual(signalProfiles(game, 0), ['g:2/3', 'i:1/3']);
  assert.deepEqual(signalProfiles(game, 1), ['i:1']);
});

test('objective words are allowed as player names', () => {
  const g = prosecutor();
  g.players = [{ name: 'designer', actions: ['acquit', 'convict'] }];
  assert.equal(parseGameJson(g).players[0].name, 'designer');
  g.players = [{ name: 'welfare', actions: ['acquit', 'convict'] }];
  assert.equal(parseGameJson(g).players[0].name, 'welfare');
});

/**
 * Every bad-* acceptance case whose fault is in its files: the readers
 * must refuse it with a message matching the case's regular expression.
 * The others (objective errors) are the command line's to refuse; their
 * files must read cleanly.
 */
test('every bad-* case is refused with the expected message', () => {
  const cliOnly = ['bad-unknown-objective', 'bad-objective-without-table'];
  const names = readdirSync(casesDir).filter(
    (f) => f.startsWith('bad-') && f.endsWith('.case.json'),
  );
  assert.ok(names.length >= 12);
  for (const name of names) {
    const stem = name.replace(/\.case\.json$/, '');
    const spec = JSON.parse(readFileSync(join(casesDir, name), 'utf8')) as {
      game: string;
      runs: { args: string[]; fails?: string }[];
    };
    for (const run of spec.runs) {
      assert.ok(run.fails, `${name} expects a failure`);
      const read = (): void => {
        const game = readGameFile(join(casesDir, spec.game));
        if (run.args[0] === 'check') {
          readOutcomeFile(run.args[2].replace('{dir}', casesDir), game);
        }
      };
      if (cliOnly.includes(stem)) {
        read();
        continue;
      }
      const e = inputError(read);
      assert.match(
        e.message,
        new RegExp(run.fails, 'i'),
        `${name}: ${e.message}`,
      );
      assert.doesNotMatch(e.message, /\n/);
    }
  }
});

test('pinned messages for the prior and payoff cases', () => {
  const message = (stem: string): string =>
    inputError(() => parseGameJson(readJson(`${stem}.game.json`))).message;
  assert.equal(
    message('bad-belief-total'),
    'prior: probabilities sum to 9/10, not 1 ' +
      '(the prior over states must add up to exactly 1)',
  );
  assert.equal(
    message('bad-belief-length'),
    'prior: the array has 3 entries but there are 2 states ' +
      '("guilty" and "innocent") (give one entry per state, in that order, ' +
      'or an object keyed by state)',
  );
  assert.equal(
    message('bad-payoff-leaf-length'),
    'payoffs.guilty[1]: expected a payoff leaf of 1 number, one per player ' +
      '("judge"), found an array of 2 entries ' +
      '(each leaf is [u_1, …, u_N] in the order of "players")',
  );
  assert.equal(
    message('bad-repeated-name'),
    'players[0].actions[2]: duplicate action name "acquit" ' +
      '(also at players[0].actions[0]) (every name in the list must be different)',
  );
  assert.equal(
    message('bad-types-alone'),
    'types: the file gives types but no signal (add "signal": ' +
      '{"independent": …} or {"joint": …} giving ψ(t | θ), the law of the ' +
      'types in each state)',
  );
});

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(join(casesDir, name), 'utf8'));
}

/** Applies `change` to a fresh prosecutor game and returns the error. */
function refuse(change: (g: Record<string, unknown>) => void): InputError {
  const g = prosecutor();
  change(g);
  return inputError(() => parseGameJson(g));
}

test('unknown fields are refused with the known ones and a suggestion', () => {
  const e = refuse((g) => (g.payofs = g.payoffs));
  assert.equal(e.where, 'payofs');
  assert.match(e.message, /did you mean "payoffs"\?/);
  assert.match(e.message, /"name", "states", "prior", "players", "payoffs"/);
  const far = refuse((g) => (g.colour = 'blue'));
  assert.doesNotMatch(far.message, /did you mean/);
  const inPlayer = refuse(
    (g) => (g.players = [{ name: 'judge', action: ['acquit'] }]),
  );
  assert.match(
    inPlayer.message,
    /players\[0\]\.action: .*did you mean "actions"/,
  );
});

test('missing and malformed fields name their path', () => {
  const cases: [(g: Record<string, unknown>) => void, RegExp][] = [
    [(g) => delete g.payoffs, /^the game has no field "payoffs"/],
    [(g) => delete g.prior, /no field "prior"/],
    [(g) => (g.states = []), /^states: the list of state names is empty/],
    [(g) => (g.states = ['guilty', 'guilty']), /^states\[1\]: duplicate state/],
    [(g) => (g.states = ['guilty', '']), /^states\[1\]: a state name is empty/],
    [(g) => (g.prior = { guilty: 1 }), /^prior: no entry for state "innocent"/],
    [
      (g) => (g.prior = { guilty: '3/10', inocent: '7/10' }),
      /^prior\.inocent: "inocent" is not one of the states; did you mean "innocent"\?/,
    ],
    [(g) => (g.prior = 1), /^prior: expected an object keyed by state/],
    [(g) => (g.players = []), /^players: there are no players/],
    [
      (g) => (g.players = [{ name: 'judge', actions: [] }]),
      /^players\[0\]\.actions: the list of action names is empty/,
    ],
    [
      (g) => (g.payoffs = { guilty: [[0], [1]], innocent: [[1]] }),
      /^payoffs\.innocent: expected an array of 2 entries, one per action of player "judge"/,
    ],
    [
      (g) => (g.payoffs = { guilty: [[0], [1]], innocent: [1, 0] }),
      /^payoffs\.innocent\[0\]: expected a payoff leaf/,
    ],
    [
      (g) => (g.designer = { guilty: [0, [1]], innocent: [0, 1] }),
      /^designer\.guilty\[1\]: expected a number, found an array/,
    ],
    [
      (g) => (g.designer = { guilty: [0, 1] }),
      /^designer: no entry for state "innocent"/,
    ],
    [(g) => (g.name = 3), /^name: expected a string/],
    [
      (g) => (g.signal = { joint: {} }),
      /^signal: the file gives a signal but no types/,
    ],
  ];
  for (const [change, pattern] of cases) {
    assert.match(refuse(change).message, pattern);
  }
});

test('player names may not collide in confusing ways', () => {
  const two = (a: string, b: string) => (g: Record<string, unknown>) => {
    g.players = [
      { name: a, actions: ['x'] },
      { name: b, actions: ['y'] },
    ];
    g.payoffs = [[[[0, 0]]], [[[0, 0]]]];
    delete g.designer;
  };
  assert.match(
    refuse(two('judge', 'judge')).message,
    /duplicate player name "judge"/,
  );
  assert.match(refuse(two('Judge', 'judge')).message, /differ only in case/);
  assert.match(
    refuse(two('judge ', 'jury')).message,
    /starts or ends with a space/,
  );
  assert.match(refuse(two('player:x', 'x')).message, /starts with "player:"/);
  assert.doesNotThrow(() => {
    const g = prosecutor();
    two('designer', 'welfare')(g);
    parseGameJson(g);
  });
});

test('types and signals are checked in full', () => {
  const typed = (
    signal: unknown,
    types: unknown = { judge: ['g', 'i'] },
  ): InputError =>
    refuse((g) => {
      g.types = types;
      g.signal = signal;
    });
  const ok = { g: '1/2', i: '1/2' };
  const cases: [InputError, RegExp][] = [
    [
      typed({
        independent: {
          judge: { guilty: { g: '1/2', i: '1/4' }, innocent: ok },
        },
      }),
      /^signal\.independent\.judge\.guilty: probabilities sum to 3\/4, not 1/,
    ],
    [
      typed({
        independent: { judge: { guilty: { g: 1, x: 0 }, innocent: ok } },
      }),
      /^signal\.independent\.judge\.guilty\.x: "x" is not one of the types of player "judge"/,
    ],
    [typed({ independent: {} }), /no law for player "judge", who has 2 types/],
    [
      typed({ independent: { judge: { guilty: ok } } }),
      /no entry for state "innocent"/,
    ],
    [
      typed({
        joint: {
          guilty: [
            { types: ['g'], p: '1/2' },
            { types: ['g'], p: '1/2' },
          ],
          innocent: [{ types: ['i'], p: 1 }],
        },
      }),
      /^signal\.joint\.guilty\[1\]: type profile \(g\) is listed twice/,
    ],
    [
      typed({
        joint: {
          guilty: [{ types: ['q'], p: 1 }],
          innocent: [{ types: ['i'], p: 1 }],
        },
      }),
      /^signal\.joint\.guilty\[0\]\.types\[0\]: "q" is not a type of player "judge"/,
    ],
    [
      typed({
        joint: {
          guilty: [{ types: ['g', 'i'], p: 1 }],
          innocent: [{ types: ['i'], p: 1 }],
        },
      }),
      /expected 1 type name/,
    ],
    [
      typed({ joint: { guilty: [{ types: ['g'], p: '1/2' }], innocent: [] } }),
      /^signal\.joint\.guilty: probabilities sum to 1\/2, not 1/,
    ],
    [typed({}), /^signal: the signal is empty/],
    [typed({ independent: {}, joint: {} }), /both "independent" and "joint"/],
    [typed({ joined: {} }), /did you mean "joint"\?/],
    [
      typed({ joint: {} }, { judge: ['g', 'g'] }),
      /^types\.judge\[1\]: duplicate type name "g"/,
    ],
    [
      typed({ joint: {} }, { jduge: ['g'] }),
      /^types\.jduge: .*did you mean "judge"\?/,
    ],
  ];
  for (const [e, pattern] of cases) assert.match(e.message, pattern);
});

test('JSON syntax errors give the file, line and column on one line', () => {
  const e = inputError(() =>
    parseJsonText('{\n  "states": ["a",],\n}', 'game.json'),
  );
  assert.equal(e.where, 'game.json:2:18');
  assert.equal(
    e.message,
    'game.json:2:18: invalid JSON: expected a value (object, array, string, ' +
      'number, true, false or null), found "]"',
  );
  const eof = inputError(() => parseJsonText('{"a": [1, 2', 'g.json'));
  assert.equal(
    eof.message,
    'g.json:1:12: invalid JSON: expected "," or "]", found the end of the file',
  );
  const word = inputError(() => parseJsonText('{"a": tru}', 'g.json'));
  assert.equal(word.where, 'g.json:1:7');
  assert.match(word.message, /found "tru"$/);
  assert.deepEqual(parseJsonText('\ufeff{"a": 1}'), { a: 1 });
});

test('readGameFile dispatches on the extension and names the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'revelation-io-'));
  const text = JSON.stringify(prosecutor());
  writeFileSync(join(dir, 'game.txt'), text);
  assert.match(
    inputError(() => readGameFile(join(dir, 'game.txt'))).message,
    /cannot read game files ending in "\.txt".*\.json.*\.nfg/,
  );
  assert.match(
    inputError(() => readGameFile(join(dir, 'missing.json'))).message,
    /missing\.json: cannot read the file: no such file/,
  );
  const g = prosecutor();
  delete g.name;
  g.prior = { guilty: '3/0', innocent: '7/10' };
  writeFileSync(join(dir, 'zero.json'), JSON.stringify(g));
  const e = inputError(() => readGameFile(join(dir, 'zero.json')));
  assert.equal(e.where, `${join(dir, 'zero.json')}: prior.guilty`);
  delete g.prior;
  g.prior = [0.3, 0.7];
  writeFileSync(join(dir, 'unnamed.json'), JSON.stringify(g));
  assert.equal(readGameFile(join(dir, 'unnamed.json')).name, 'unnamed');
  writeFileSync(join(dir, 'broken.json'), '{"states": }');
  assert.match(
    inputError(() => readGameFile(join(dir, 'broken.json'))).message,
    /broken\.json:1:12: invalid JSON/,
  );
});

test('every shared game file reads', () => {
  for (const f of readdirSync(casesDir).filter((f) =>
    f.endsWith('.game.json'),
  )) {
    if (
      f.startsWith('bad-') &&
      !f.includes('objective') &&
      !f.includes('outcome')
    ) {
      continue;
    }
    assert.doesNotThrow(() => readGameFile(join(casesDir, f)), f);
  }
});

test('regression: a state named like an Object method is still required', () => {
  const e = inputError(() =>
    parseGameJson({
      states: ['constructor', 'toString'],
      prior: { toString: 1 },
      players: [{ name: 'p', actions: ['x'] }],
      payoffs: [[[0]], [[0]]],
    }),
  );
  assert.match(e.message, /^prior: no entry for state "constructor"/);
});

test('the examples in docs/game-format.md read as documented', () => {
  const text = readFileSync(join(root, 'docs', 'game-format.md'), 'utf8');
  const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
  const game = parseGameJson(JSON.parse(blocks[0]));
  assert.equal(game.name, 'Prosecutor and judge');
  assert.deepEqual(strings(game.prior), ['3/10', '7/10']);
  const outcome = parseOutcomeJson(
    JSON.parse(blocks.find((b) => b.includes('"outcome"')) ?? ''),
    game,
  );
  assert.equal(outcome.p[1][0][1].toString(), '3/10');
});
