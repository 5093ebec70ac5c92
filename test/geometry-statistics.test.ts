/**
 * The statistic syntax: what each form means (its weights), its canonical
 * name, and the messages for what it refuses (pinned).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseStatistic } from '../src/bce/statistics.js';
import { readGameFile } from '../src/io/game-json.js';
import { contributionGame } from './helpers/games.js';

const chicken = readGameFile(
  join(process.cwd(), '..', 'shared', 'cases', 'chicken.game.json'),
);
const contribution = contributionGame('1', '0', '1/2', '1/3');
const weights = (w: readonly (readonly { toString(): string }[])[]) =>
  w.map((row) => row.map(String));

test('Pr(C | θH) puts 1/µ0(θH) on contributing in θH', () => {
  const s = parseStatistic(contribution, 'Pr(C | θH)');
  assert.equal(s.name, 'Pr(C | θH)');
  assert.deepEqual(weights(s.weights), [
    ['3', '0'],
    ['0', '0'],
  ]);
  const joint = parseStatistic(contribution, 'P(C, θL)');
  assert.equal(joint.name, 'Pr(θL, C)');
  assert.deepEqual(weights(joint.weights), [
    ['0', '0'],
    ['1', '0'],
  ]);
  const either = parseStatistic(contribution, 'Pr(agent=C | θH or θL)');
  assert.deepEqual(weights(either.weights), [
    ['1', '0'],
    ['1', '0'],
  ]);
});

test('profiles, one player’s action, and expectations', () => {
  const profile = parseStatistic(chicken, 'Pr(swerve, dare)');
  assert.equal(profile.name, 'Pr(row=swerve, column=dare)');
  assert.deepEqual(weights(profile.weights), [['0', '1', '0', '0']]);
  const named = parseStatistic(chicken, 'Pr(column=dare, row=swerve)');
  assert.deepEqual(named.weights, profile.weights);
  const one = parseStatistic(chicken, 'Pr(row=dare)');
  assert.deepEqual(weights(one.weights), [['0', '0', '1', '1']]);
  const payoff = parseStatistic(chicken, 'E(column | only)');
  assert.equal(payoff.name, 'E(player:column | only)');
  assert.deepEqual(weights(payoff.weights), [['6', '7', '2', '0']]);
  assert.equal(parseStatistic(chicken, 'welfare').name, 'welfare');
});

test('refusals name the problem and the fix', () => {
  const refuses = (game: typeof chicken, text: string, message: RegExp) =>
    assert.throws(
      () => parseStatistic(game, text, '--x'),
      (e: Error) => e.name === 'InputError' && message.test(e.message),
    );
  refuses(
    chicken,
    'Pr(dare)',
    /^--x: "dare" is an action of several players \(row, column\) \(write row=dare/,
  );
  refuses(
    contribution,
    'Pr(θH | C)',
    /^--x: "C" after "\|" is not a state: conditioning on an action gives a ratio/,
  );
  refuses(
    contribution,
    'Pr(C | high)',
    /^--x: "high" is not a state of this game \(states: θH, θL/,
  );
  refuses(
    contribution,
    'Pr(Cc)',
    /^--x: "Cc" is neither a state nor an action of this game .*did you mean "C"\?/,
  );
  refuses(contribution, 'Pr(θH, θL)', /names two states/);
  refuses(chicken, 'Pr(row=swerve, row=dare)', /gives row two actions/);
  refuses(chicken, 'Pr(rwo=dare)', /"rwo" in "rwo=dare" is not a player/);
  refuses(chicken, 'Pr()', /Pr\(\) names no event/);
  refuses(chicken, 'Pr(dare | only | only)', /more than one "\|"/);
  refuses(chicken, 'rwo', /unknown objective "rwo"/);
  const zeroPrior = {
    ...contribution,
    prior: [
      contribution.prior[0].sub(contribution.prior[0]),
      contribution.prior[0].add(contribution.prior[1]),
    ],
  };
  refuses(
    zeroPrior,
    'Pr(C | θH)',
    /conditions on states of prior probability 0/,
  );
});
