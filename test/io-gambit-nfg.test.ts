import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeProfile,
  encodeProfile,
  profileCount,
} from '../src/game/game.js';
import { readGameFile } from '../src/io/game-json.js';
import { parseGambitNfg } from '../src/io/gambit-nfg.js';
import { Rational } from '../src/numbers/rational.js';
import { gambitDir, inputError } from './io-helpers.js';

const payoffsOf = (file: string): string[][] =>
  readGameFile(join(gambitDir, file)).payoffs[0].map((leaf) =>
    leaf.map((x) => x.toString()),
  );

test('every .nfg fixture loads as a one-state game', () => {
  const files = readdirSync(gambitDir).filter((f) => f.endsWith('.nfg'));
  assert.ok(files.length >= 19);
  for (const f of files) {
    const game = readGameFile(join(gambitDir, f));
    assert.deepEqual(game.states, ['only'], f);
    assert.deepEqual(
      game.prior.map((x) => x.toString()),
      ['1'],
    );
    assert.equal(game.designer, null);
    assert.equal(game.hasTypes, false);
    assert.equal(game.payoffs[0].length, profileCount(game), f);
    for (const leaf of game.payoffs[0]) {
      assert.equal(leaf.length, game.players.length, f);
    }
    for (const p of game.players) {
      assert.equal(new Set(p.actions).size, p.actions.length, f);
    }
  }
});

test('pd.nfg: player 1 defecting against a cooperator gets 10', () => {
  const game = readGameFile(join(gambitDir, 'pd.nfg'));
  assert.equal(game.name, "Two person Prisoner's Dilemma game");
  assert.deepEqual(
    game.players.map((p) => p.name),
    ['Player 1', 'Player 2'],
  );
  // Flat index a = a_1 * 2 + a_2.
  assert.deepEqual(payoffsOf('pd.nfg'), [
    ['9', '9'],
    ['0', '10'],
    ['10', '0'],
    ['1', '1'],
  ]);
});

test('2x2x2.nfg: payoffs land on the right profiles', () => {
  const game = readGameFile(join(gambitDir, '2x2x2.nfg'));
  const at = (a1: number, a2: number, a3: number): string[] =>
    game.payoffs[0][encodeProfile(game, [a1, a2, a3])].map(String);
  // Gambit lists (1,1,1), (2,1,1), (1,2,1), (2,2,1), (1,1,2), …
  assert.deepEqual(at(0, 0, 0), ['9', '8', '12']);
  assert.deepEqual(at(1, 1, 0), ['9', '8', '2']);
  assert.deepEqual(at(1, 0, 1), ['3', '4', '6']);
  assert.deepEqual(at(0, 1, 1), ['3', '4', '6']);
  assert.deepEqual(at(1, 0, 0), ['0', '0', '0']);
  assert.deepEqual(at(0, 0, 1), ['0', '0', '0']);
});

/**
 * An asymmetric 2x3x4 game whose payoffs encode the profile: player i gets
 * 100 s_1 + 10 s_2 + s_3 + i/2 at strategies (s_1, s_2, s_3), numbered
 * from 1. Written in Gambit's order, player 1 fastest.
 */
function asymmetric(layout: 'payoff' | 'outcome'): string {
  const sizes = [2, 3, 4];
  const vectors: string[] = [];
  for (let s3 = 1; s3 <= 4; s3++) {
    for (let s2 = 1; s2 <= 3; s2++) {
      for (let s1 = 1; s1 <= 2; s1++) {
        const base = 100 * s1 + 10 * s2 + s3;
        vectors.push([1, 2, 3].map((i) => `${2 * base + i}/2`).join(' '));
      }
    }
  }
  const head =
    'NFG 1 R "asymmetric \\"2x3x4\\"" { "A" "B" "C" }\n' +
    `{ ${sizes.join(' ')} }\n`;
  if (layout === 'payoff') return `${head}\n${vectors.join('\n')}\n`;
  const outcomes = vectors
    .map((v, k) => `{ "o${k + 1}" ${v.split(' ').join(', ')} }`)
    .join('\n');
  const order = vectors.map((_, k) => k + 1).join(' ');
  return `${head}""\n{\n${outcomes}\n}\n${order}\n`;
}

test('a 2x3x4 game converts Gambit order to player 1 most significant', () => {
  for (const layout of ['payoff', 'outcome'] as const) {
    const game = parseGambitNfg(asymmetric(layout), 'asym.nfg');
    assert.equal(game.name, 'asymmetric "2x3x4"');
    assert.deepEqual(
      game.players.map((p) => p.actions),
      [
        ['1', '2'],
        ['1', '2', '3'],
        ['1', '2', '3', '4'],
      ],
    );
    assert.equal(game.payoffs[0].length, 24);
    for (let a = 0; a < 24; a++) {
      const [s1, s2, s3] = decodeProfile(game, a).map((s) => s + 1);
      const base = 100 * s1 + 10 * s2 + s3;
      assert.deepEqual(
        game.payoffs[0][a].map(String),
        [1, 2, 3].map((i) => Rational.of(2 * base + i, 2).toString()),
        `${layout} profile ${a}`,
      );
    }
    // Flat index 1 is (1, 1, 2): player 3 varies fastest in our order.
    assert.equal(game.payoffs[0][1][0].toString(), '225/2');
    if (layout === 'outcome') {
      // Outcome k+1 was listed for Gambit position k; (1, 1, 2) is position 6.
      assert.equal(game.outcomeLabels?.[0][1], 'o7');
    } else {
      assert.equal(game.outcomeLabels, null);
    }
  }
});

test('the two coordination_4x4 layouts give the same payoffs', () => {
  const outcome = readGameFile(join(gambitDir, 'coordination_4x4_outcome.nfg'));
  const payoff = readGameFile(join(gambitDir, 'coordination_4x4_payoff.nfg'));
  assert.deepEqual(
    payoffsOf('coordination_4x4_outcome.nfg'),
    payoffsOf('coordination_4x4_payoff.nfg'),
  );
  assert.deepEqual(payoffsOf('coordination_4x4_payoff.nfg')[5], ['1', '1']);
  assert.deepEqual(payoffsOf('coordination_4x4_payoff.nfg')[1], ['0', '0']);
  assert.equal(payoff.outcomeLabels, null);
  assert.equal(outcome.outcomeLabels?.[0][0], 'Coord');
  assert.equal(outcome.outcomeLabels?.[0][1], 'Miscoord');
  assert.deepEqual(outcome.players[0].actions, ['1-1', '1-2', '1-3', '1-4']);
});

test('exact numbers: decimals and fractions', () => {
  assert.deepEqual(payoffsOf('3x3x3.nfg')[0], [
    '1131/1000',
    '121/100',
    '1213/500',
  ]);
  // winkels.nfg lists 5/2 for player 1 at Gambit position 4, strategies (5, 1).
  const winkels = readGameFile(join(gambitDir, 'winkels.nfg'));
  assert.equal(
    winkels.payoffs[0][encodeProfile(winkels, [4, 0])][0].toString(),
    '5/2',
  );
  assert.deepEqual(payoffsOf('zero.nfg'), [
    ['0', '0'],
    ['0', '0'],
    ['0', '0'],
    ['0', '0'],
  ]);
});

test('outcome 0 is all zeros with no label; repeated labels are numbered', () => {
  const game = parseGambitNfg(
    'NFG 1 R "t" { "x" "" } { { "a" "a" } { "" "b" } }\n' +
      '{ { "win" 1, -1 } { "" 2 3 } }\n1 0 2 0\n',
  );
  assert.deepEqual(
    game.players.map((p) => p.name),
    ['x', 'Player 2'],
  );
  assert.deepEqual(game.players[0].actions, ['a#1', 'a#2']);
  assert.deepEqual(game.players[1].actions, ['1', 'b']);
  assert.deepEqual(
    game.payoffs[0].map((l) => l.map(String)),
    [
      ['1', '-1'],
      ['2', '3'],
      ['0', '0'],
      ['0', '0'],
    ],
  );
  assert.deepEqual(game.outcomeLabels, [['win', null, null, null]]);
});

test('syntax errors give line, column and what was expected', () => {
  const message = (text: string): string =>
    inputError(() => parseGambitNfg(text, 'g.nfg')).message;
  assert.equal(
    message('EFG 2 R "x" { "a" }'),
    'g.nfg:1:1: expected the file to start with "NFG 1 R" or "NFG 1 D", found "EFG"',
  );
  assert.equal(
    message('NFG 1 R "x" { "a" "b" } { 2 2 }\n1 2 3 4 5 6 x 8'),
    'g.nfg:2:13: expected payoff 7 of 8: a number (integer, decimal such as ' +
      '1.5, or fraction such as 3/2), found "x"',
  );
  assert.match(
    message('NFG 1 R "x" { "a" "b" } { 2 2 }\n1 2 3'),
    /^g\.nfg:2:6: expected payoff 4 of 8: .*found the end of the file$/,
  );
  assert.match(
    message('NFG 1 R "x" { "a" } { 2 }\n1 2 3'),
    /^g\.nfg:2:5: expected the end of the file, found "3"/,
  );
  assert.match(
    message('NFG 1 R "x" { "a" } { 2 }\n1 3/0'),
    /^g\.nfg:2:3: .*denominator 0/,
  );
  assert.match(
    message('NFG 1 R "x { "a" } { 2 }'),
    /^g\.nfg:1:16: this string is never closed/,
  );
  assert.match(message('NFG 1 R "x\n{ "a" } { 2 }\n'), /never closed|expected/);
  assert.match(
    message('NFG 1 Q "x" { "a" } { 2 }'),
    /^g\.nfg:1:7: expected "R" or "D"/,
  );
  assert.match(message('NFG 1 R "x" { "a" } { 0 }'), /at least 1/);
  assert.match(
    message('NFG 1 R "x" { "a" } { 2 }\n{ { "o" 1 } }\n1 2'),
    /^g\.nfg:3:3: expected an outcome number from 0 to 1, found "2"/,
  );
  assert.match(
    message('NFG 1 R "x" { "a" "b" } { 1 1 }\n{ { "o" 1 } }\n1'),
    /^g\.nfg:2:11: expected payoff 2 of 2 of outcome 1: .*found "}"/,
  );
  assert.match(
    message('NFG 1 R "x" { "a" "b" } { { "s" } }\n1 2'),
    /expected the strategy labels of player 2/,
  );
  assert.match(
    message('NFG 1 R "x" { "player:a" } { 1 }\n1'),
    /player names that do not start with "player:"/,
  );
});

test('readGameFile names an unsupported extension', () => {
  // .efg is read since issue 3 (test/io-gambit-efg.test.ts); .gbt is not.
  assert.match(
    inputError(() => readGameFile(join(gambitDir, 'e07.gbt'))).message,
    /cannot read game files ending in "\.gbt"/,
  );
});
