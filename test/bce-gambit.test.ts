/**
 * The BCE engine on real game files from the Gambit project
 * (../shared/fixtures/gambit): every .nfg loads and solves; for the games of
 * Nau, Gomez Canovas and Hansen (2004) the max and min welfare correlated
 * equilibria are pinned, computed by two independent routes (HiGHS with
 * exact certification, and the exact rational simplex alone), and `check`
 * accepts every outcome `bce` returns.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { solveBce } from '../src/bce/bce.js';
import { checkOutcome } from '../src/bce/check.js';
import { readGameFile } from '../src/io/game-json.js';
import type { Outcome } from '../src/game/outcome.js';

const fixtures = join(process.cwd(), '..', 'shared', 'fixtures', 'gambit');

const nau2004: Record<string, [string, string]> = {
  'ijgt-nau2004-sec3.nfg': ['12/5', '5'],
  'ijgt-nau2004-sec4.nfg': ['88/39', '58/15'],
  'ijgt-nau2004-sec5.nfg': ['3/4', '3'],
  'ijgt-nau2004-sec6.nfg': ['5/2', '5/2'],
};

for (const [file, [low, high]] of Object.entries(nau2004)) {
  test(`${file}: welfare over CE is [${low}, ${high}] by both routes`, async () => {
    const game = readGameFile(join(fixtures, file));
    for (const engine of ['auto', 'exact'] as const) {
      const min = await solveBce(game, {
        objective: 'welfare',
        sense: 'minimize',
        engine,
      });
      const max = await solveBce(game, {
        objective: 'welfare',
        sense: 'maximize',
        engine,
      });
      assert.equal(min.value?.toString(), low, `${engine} min`);
      assert.equal(max.value?.toString(), high, `${engine} max`);
      assert.ok(min.certificate.exact && max.certificate.exact);
      for (const r of [min, max]) {
        const verdict = checkOutcome(game, r.outcomeTable as Outcome);
        assert.equal(verdict.consistent, true);
      }
    }
  });
}

test('every Gambit .nfg fixture loads and has a welfare range over CE', async () => {
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.nfg'));
  assert.ok(files.length >= 19);
  for (const file of files) {
    const game = readGameFile(join(fixtures, file));
    const max = await solveBce(game, {
      objective: 'welfare',
      sense: 'maximize',
    });
    assert.equal(max.status, 'optimal', file);
    assert.equal(max.certificate.exact, true, file);
    assert.equal(
      checkOutcome(game, max.outcomeTable as Outcome).consistent,
      true,
    );
  }
});

test('the two layouts of coordination_4x4 give the same CE values', async () => {
  const values = [];
  for (const f of [
    'coordination_4x4_outcome.nfg',
    'coordination_4x4_payoff.nfg',
  ]) {
    const game = readGameFile(join(fixtures, f));
    const r = await solveBce(game, { objective: 'welfare', sense: 'minimize' });
    values.push(r.value?.toString());
  }
  assert.deepEqual(values, ['1/2', '1/2']);
});

test("prisoner's dilemma (pd.nfg): the unique CE is the pure Nash equilibrium", async () => {
  const game = readGameFile(join(fixtures, 'pd.nfg'));
  const r = await solveBce(game, { objective: 'welfare', sense: 'maximize' });
  assert.deepEqual(
    r.outcome.map((c) => [c.actions.join(','), c.p.toString()]),
    [['2,2', '1']],
  );
});
