/**
 * The Gambit .efg reader: real files from the Gambit project load as
 * one-stage Bayesian games with the states, priors, types and payoffs the
 * trees say; games that are not one-stage are refused with a message naming
 * the information set and the reason; syntax and consistency errors name
 * their line and column.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { solveBce } from '../src/bce/bce.js';
import { checkOutcome } from '../src/bce/check.js';
import { encodeProfile, type BaseGame } from '../src/game/game.js';
import type { Outcome } from '../src/game/outcome.js';
import { parseGambitEfg } from '../src/io/gambit-efg.js';
import { readGameFile } from '../src/io/game-json.js';
import { InputError } from '../src/io/input-error.js';

const fixtures = join(process.cwd(), '..', 'shared', 'fixtures', 'gambit');
const load = (file: string) => readGameFile(join(fixtures, file));
const strings = (xs: readonly { toString(): string }[]) =>
  xs.map((x) => x.toString());

/** u(a, θ) for named state and actions. */
function payoff(game: BaseGame, state: string, actions: string[]): string[] {
  const s = game.states.indexOf(state);
  const a = encodeProfile(
    game,
    actions.map((x, i) => game.players[i].actions.indexOf(x)),
  );
  return strings(game.payoffs[s][a]);
}

test('bayes1a.efg: four states, each player knows her own draw', () => {
  const game = load('bayes1a.efg');
  assert.deepEqual(game.states, ['1G, 2g', '1G, 2b', '1B, 2g', '1B, 2b']);
  assert.deepEqual(strings(game.prior), ['1/4', '1/4', '1/4', '1/4']);
  assert.equal(game.hasTypes, true);
  assert.deepEqual(game.players[0].types, ['(1,1)', '(1,2)']);
  assert.deepEqual(game.players[1].types, ['(2,1)', '(2,2)']);
  assert.deepEqual(
    game.signal.map((row) => row.map((e) => e.types)),
    [[[0, 0]], [[0, 1]], [[1, 0]], [[1, 1]]],
  );
  assert.equal(game.actionSets, undefined);
  assert.deepEqual(payoff(game, '1G, 2g', ['H', 'h']), ['10', '2']);
  assert.deepEqual(payoff(game, '1B, 2b', ['L', 'l']), ['10', '0']);
  assert.equal(game.designer, null);
  const s = game.states.indexOf('1B, 2g');
  assert.equal(game.outcomeLabels?.[s][3], 'Outcome 12');
});

test('e07.efg: correlated types, a prior that is not a product', () => {
  const game = load('e07.efg');
  assert.deepEqual(game.states, ['a1, b1', 'a1, b2', 'a2, b1', 'a2, b2']);
  assert.deepEqual(strings(game.prior), ['2/5', '1/10', '1/5', '3/10']);
  // Player 1 learns a, player 2 learns b.
  assert.deepEqual(
    game.signal.map((row) => row[0].types),
    [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ],
  );
  assert.deepEqual(payoff(game, 'a2, b2', ['y2', 'z2']), ['13', '-13']);
});

test('jury games: 16 states, each juror knows only her own signal', () => {
  for (const file of ['condjury.efg', 'jury_mr.efg', 'jury_un.efg']) {
    const game = load(file);
    assert.equal(game.states.length, 16, file);
    assert.equal(game.players.length, 3);
    const accuracy = file === 'condjury.efg' ? '3/4' : '7/10';
    const s = game.states.indexOf(
      'Guilty, Signal Guilty, Signal Guilty, Signal Guilty',
    );
    const cube = { '3/4': '27/128', '7/10': '343/2000' }[accuracy];
    assert.equal(game.prior[s].toString(), cube, file);
    for (const p of game.players) {
      assert.deepEqual(p.actions, ['Convict', 'Acquit']);
      assert.equal(p.types.length, 2);
    }
    assert.ok(
      game.outcomeLabels?.some((row) => row.includes('Convict-Innocent')),
    );
  }
  // Majority rule convicts on two votes, unanimity needs three.
  const state = 'Innocent, Signal Guilty, Signal Guilty, Signal Innocent';
  const votes = ['Convict', 'Convict', 'Acquit'];
  const label = (g: BaseGame) =>
    g.outcomeLabels?.[g.states.indexOf(state)][
      encodeProfile(
        g,
        votes.map((x) => g.players[0].actions.indexOf(x)),
      )
    ];
  assert.equal(label(load('jury_mr.efg')), 'Convict-Innocent');
  assert.equal(label(load('jury_un.efg')), 'Acquit-Innocent');
  assert.deepEqual(payoff(load('jury_un.efg'), state, votes), ['1', '1', '1']);
});

test('zero-probability chance moves are kept as states of prior 0', async () => {
  const game = load('chance_root_3_moves_only_one_nonzero_prob.efg');
  assert.deepEqual(game.states, ['A', 'B', 'C']);
  assert.deepEqual(strings(game.prior), ['1', '0', '0']);
  // The player moves only below A; below B and C she has the no-move type.
  assert.deepEqual(game.players[0].types, ['(1,1)', '(no move)']);
  assert.deepEqual(game.players[0].actions, ['LEFT', 'RIGHT', '(no move)']);
  assert.deepEqual(game.actionSets, [[[0, 1], [2]]]);
  assert.deepEqual(payoff(game, 'B', ['(no move)']), ['2']);
  assert.equal(game.outcomeLabels?.[2][2], 'Outcome 4');
  const best = await solveBce(game, {
    objective: 'outcome:Outcome 2',
    sense: 'maximize',
  });
  assert.equal(best.value?.toString(), '1');
  assert.equal(
    checkOutcome(game, best.outcomeTable as Outcome).consistent,
    true,
  );
});

const notOneStage: [string, RegExp][] = [
  [
    'e17.efg',
    /e17\.efg:9:1: "Player 2" is at information set "\(2,1\)" after "Player 1" plays "beer" but at "\(2,2\)" after "quiche" \(in state "wimp"\), so "Player 2" observes that move and the game is not one-stage/,
  ],
  [
    'montyhal.efg',
    /montyhal\.efg:7:1: "Player 1" moves twice on one path, at information sets "\(1,1\)" and "\(1,2\)" \(in state "DOOR A"\), so the game is not one-stage/,
  ],
  [
    'nature_rooted_generic.efg',
    /"Player 2" is at information set "\(2,1\)" after "Player 1" plays "B" but at "\(2,2\)" after "T" .*not one-stage/,
  ],
  [
    'nature_rooted_nongeneric.efg',
    /"Player 2" is at information set "\(2,2\)" after "Player 1" plays "B" but at "\(2,1\)" after "T" .*not one-stage/,
  ],
];

for (const [file, message] of notOneStage) {
  test(`${file} is refused: not a one-stage game`, () => {
    assert.throws(
      () => load(file),
      (e: unknown) => e instanceof InputError && message.test(e.message),
    );
  });
}

/** A one-player efg around a body of nodes. */
const efg = (body: string, players = '{ "P" }') =>
  `EFG 2 R "test" ${players}\n""\n${body}`;

test("type-dependent action sets: obedience only among the type's actions", async () => {
  // The sender knows the coin; heads offers {a, b}, tails {c, d, a}.
  const game = parseGambitEfg(
    efg(`c "" 1 "coin" { "heads" 1/2 "tails" 1/2 } 0
p "" 1 1 "H" { "a" "b" } 0
t "" 1 "win" { 1 }
t "" 2 "lose" { 0 }
p "" 1 2 "T" { "c" "d" "a" } 0
t "" 2 "lose" { 0 }
t "" 1 "win" { 1 }
t "" 3 "draw" { 1/2 }`),
    'sets.efg',
  );
  assert.deepEqual(game.players[0].actions, ['a', 'b', 'c', 'd']);
  assert.deepEqual(game.players[0].types, ['H', 'T']);
  assert.deepEqual(game.actionSets, [
    [
      [0, 1],
      [2, 3, 0],
    ],
  ]);
  // Obedience forces the best action of each type: a at H, d at T.
  for (const sense of ['maximize', 'minimize'] as const) {
    const r = await solveBce(game, { objective: 'outcome:win', sense });
    assert.equal(r.value?.toString(), '1');
  }
  const lose = await solveBce(game, {
    objective: 'outcome:lose',
    sense: 'maximize',
  });
  assert.equal(lose.value?.toString(), '0');
  assert.deepEqual(
    lose.outcome.map((c) => [c.state, c.actions[0]]),
    [
      ['heads', 'a'],
      ['tails', 'd'],
    ],
  );
});

test('outcomes on non-terminal nodes add payoffs; only terminal ones name', () => {
  const game = parseGambitEfg(
    efg(`c "" 1 "" { "x" 1/3 "y" 2/3 } 1 "entry fee" { -1 }
p "" 1 1 "" { "go" "stop" } 2 "bonus" { 5 }
t "" 3 "end" { 2 }
t "" 0
p "" 1 1 2
t "" 3
t "" 0`),
  );
  assert.equal(game.hasTypes, false);
  assert.deepEqual(game.players[0].types, ['']);
  assert.deepEqual(payoff(game, 'x', ['go']), ['6']);
  assert.deepEqual(payoff(game, 'y', ['stop']), ['4']);
  assert.deepEqual(game.outcomeLabels, [
    ['end', null],
    ['end', null],
  ]);
});

test('a player whose set is reached on some paths only: strategic form', async () => {
  // In each state, player 2 moves only if player 1 enters, at one set.
  const game = parseGambitEfg(
    efg(
      `c "" 1 "" { "low" 1/2 "high" 1/2 } 0
p "" 1 1 "" { "out" "in" } 0
t "" 1 "out" { 0, 2 }
p "" 2 1 "" { "fight" "share" } 0
t "" 2 "war" { -1, -1 }
t "" 3 "peace" { 1, 1 }
p "" 1 1 "" { "out" "in" } 0
t "" 1 "out" { 0, 2 }
p "" 2 1 "" { "fight" "share" } 0
t "" 2 "war" { -1, -1 }
t "" 4 "boom" { 2, 2 }`,
      '{ "entrant" "incumbent" }',
    ),
  );
  assert.equal(game.hasTypes, false);
  assert.deepEqual(payoff(game, 'low', ['out', 'fight']), ['0', '2']);
  assert.deepEqual(payoff(game, 'high', ['in', 'share']), ['2', '2']);
  const r = await solveBce(game, {
    objective: 'outcome:war',
    sense: 'maximize',
  });
  assert.equal(r.value?.toString(), '0');
});

test('a tree without chance has one state, "only"', () => {
  const game = parseGambitEfg(
    efg(
      `p "" 1 1 "" { "a" "b" } 0
p "" 2 1 "" { "c" "d" } 0
t "" 1 "" { 1, 1 }
t "" 2 "" { 0, 0 }
p "" 2 1 "" { "c" "d" } 0
t "" 2 "" { 0, 0 }
t "" 1 "" { 1, 1 }`,
      '{ "" "" }',
    ),
  );
  assert.deepEqual(game.states, ['only']);
  assert.deepEqual(
    game.players.map((p) => p.name),
    ['Player 1', 'Player 2'],
  );
  assert.equal(game.outcomeLabels, null);
});

const refused: [string, string, RegExp][] = [
  [
    'a chance move after a player',
    `p "" 1 1 "" { "a" "b" } 0
c "" 1 "" { "x" 1/2 "y" 1/2 } 0
t "" 1 "" { 1 }
t "" 2 "" { 2 }
t "" 3 "" { 3 }`,
    /bad\.efg:4:1: chance moves after "P" has moved at information set "\(1,1\)", so the game is not one-stage/,
  ],
  [
    'probabilities not summing to 1',
    `c "" 1 "" { "x" 0.333333 "y" 0.333333 "z" 0.333333 } 0
t "" 1 "" { 1 }
t "" 1 "" { 1 }
t "" 1 "" { 1 }`,
    /bad\.efg:3:11: the probabilities of chance event 1 sum to 999999\/1000000, not 1 \(.*write 1\/3/,
  ],
  [
    'a negative probability',
    `c "" 1 "" { "x" -1/2 "y" 3/2 } 0
t "" 1 "" { 1 }
t "" 1 "" { 1 }`,
    /bad\.efg:3:17: probability -1\/2 is negative/,
  ],
  [
    'an information set redeclared differently',
    `c "" 1 "" { "x" 1/2 "y" 1/2 } 0
p "" 1 1 "" { "a" "b" } 0
t "" 1 "" { 1 }
t "" 1 "" { 1 }
p "" 1 1 "" { "a" "c" } 0
t "" 1 "" { 1 }
t "" 1 "" { 1 }`,
    /bad\.efg:7:8: information set 1 of player 1 is described differently/,
  ],
  [
    'an outcome used before it is described',
    `t "" 4`,
    /bad\.efg:3:7: expected the name and payoffs of outcome 4, which appears here for the first time, found the end of the file/,
  ],
  [
    'a player number out of range',
    `p "" 2 1 "" { "a" } 0
t "" 1 "" { 1 }`,
    /bad\.efg:3:6: expected a player number from 1 to 1, found "2"/,
  ],
  [
    'a missing node',
    `p "" 1 1 "" { "a" "b" } 0
t "" 1 "" { 1 }`,
    /bad\.efg:4:16: expected a node: "c" \(chance\), "p" \(player\) or "t" \(terminal\), found the end of the file/,
  ],
  [
    'a payoff that is not a number',
    `t "" 1 "" { abc }`,
    /bad\.efg:3:13: expected payoff 1 of 1 of outcome 1: a number/,
  ],
];

for (const [what, body, message] of refused) {
  test(`refused with its place: ${what}`, () => {
    assert.throws(
      () => parseGambitEfg(efg(body), 'bad.efg'),
      (e: unknown) => e instanceof InputError && message.test(e.message),
    );
  });
}

test('readGameFile reads .efg and names the formats it knows', () => {
  assert.equal(load('condjury.efg').states.length, 16);
  assert.throws(
    () => readGameFile('game.gbt'),
    /\.json \(JSON game format\), \.nfg \(Gambit strategic form\) or \.efg/,
  );
});
