/**
 * The shared persuasion cases (one receiver, no private information)
 * through `persuade`: the same values as `bce` gives, by both routes, and
 * through the command line with --json.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { solveBce } from '../src/bce/bce.js';
import { main } from '../src/cli/main.js';
import { readGameFile } from '../src/io/game-json.js';
import { Rational } from '../src/numbers/rational.js';
import { persuade } from '../src/persuasion/persuade.js';
import { checkPlausibility } from '../src/persuasion/plausibility.js';
import { casesDir } from './io-helpers.js';

interface CaseRun {
  readonly args: readonly string[];
  readonly expect?: Record<string, unknown>;
}

/** Every `bce --max/--min OBJ` run on a one-receiver game without types. */
function persuasionRuns() {
  const runs: {
    file: string;
    objective: string;
    sense: 'maximize' | 'minimize';
    value: string;
  }[] = [];
  for (const name of readdirSync(casesDir).sort()) {
    if (!name.endsWith('.case.json')) continue;
    const spec = JSON.parse(readFileSync(join(casesDir, name), 'utf8')) as {
      game: string;
      runs: CaseRun[];
    };
    const file = join(casesDir, spec.game);
    let game;
    try {
      game = readGameFile(file);
    } catch {
      continue; // the bad-input cases
    }
    if (game.players.length !== 1 || game.hasTypes) continue;
    for (const run of spec.runs) {
      const [command, , flag, objective] = run.args;
      const value = run.expect?.value;
      if (command !== 'bce' || typeof value !== 'string') continue;
      if (flag !== '--max' && flag !== '--min') continue;
      runs.push({
        file,
        objective,
        sense: flag === '--max' ? 'maximize' : 'minimize',
        value,
      });
    }
  }
  return runs;
}

test('every shared persuasion case: persuade = bce = the expected value', async () => {
  const runs = persuasionRuns();
  assert.ok(runs.length >= 15, `only ${runs.length} runs found`);
  for (const run of runs) {
    const game = readGameFile(run.file);
    const where = `${run.file} ${run.sense} ${run.objective}`;
    const r = await persuade(game, {
      objective: run.objective,
      sense: run.sense,
    });
    const bce = await solveBce(game, {
      objective: run.objective,
      sense: run.sense,
    });
    const expected = Rational.parse(run.value)!;
    assert.equal(r.status, 'optimal', where);
    assert.ok(r.value!.equals(expected), `${where}: ${r.value}`);
    assert.ok(bce.value!.equals(expected), where);
    assert.equal(r.crossCheck.agree, true, where);
    assert.equal(r.crossCheck.beliefs?.toString(), expected.toString());
    assert.equal(r.attained, true, where);

    // The signal is Bayes-plausible and each posterior's action is obeyed.
    const check = checkPlausibility(
      game.states,
      game.prior,
      r.posteriors.map((s) => ({
        weight: s.probability,
        posterior: s.posterior,
      })),
    );
    assert.equal(check.plausible, true, where);
  }
});

test('the prosecutor through the command line: persuade --json', async () => {
  const printed: string[] = [];
  const code = await main(
    [
      'persuade',
      join(casesDir, 'kg-prosecutor.game.json'),
      '--max',
      'designer',
      '--json',
    ],
    { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t) },
  );
  assert.equal(code, 0);
  const answer = JSON.parse(printed.join('')) as Record<string, unknown>;
  assert.equal(answer.status, 'optimal');
  assert.equal(answer.value, '3/5');
  assert.equal(answer.attained, true);
  assert.deepEqual(answer.kernel, [
    { state: 'guilty', signal: 's2', p: '1' },
    { state: 'innocent', signal: 's1', p: '4/7' },
    { state: 'innocent', signal: 's2', p: '3/7' },
  ]);
});
