/**
 * Dual prices are reported in the user's units, whether or not the LP rows
 * were scaled to integers: the prosecutor game with payoffs divided by 3
 * has its binding obedience dual multiplied by 3, by both routes.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bceProgram, solveBce } from '../src/bce/bce.js';
import { resolveObjective } from '../src/bce/objective.js';
import { parseGameJson } from '../src/io/game-json.js';
import { solveLp } from '../src/lp/solve.js';

const prosecutor = (u: string) =>
  parseGameJson({
    states: ['guilty', 'innocent'],
    prior: { guilty: '3/10', innocent: '7/10' },
    players: [{ name: 'judge', actions: ['acquit', 'convict'] }],
    payoffs: { guilty: [[0], [u]], innocent: [[u], [0]] },
    designer: { guilty: [0, 1], innocent: [0, 1] },
  });

test('obedience duals scale inversely with the payoffs', async () => {
  for (const [u, price] of [
    ['1', '-1'],
    ['1/3', '-3'],
    ['5/2', '-2/5'],
  ]) {
    const game = prosecutor(u);
    const result = await solveBce(game, {
      objective: 'designer',
      sense: 'maximize',
    });
    assert.equal(result.value?.toString(), '3/5');
    assert.deepEqual(
      result.binding.map((b) => [
        b.recommended,
        b.deviation,
        b.price.toString(),
      ]),
      [['convict', 'acquit', price]],
    );

    // The unscaled LP, solved directly, gives the same dual.
    const program = bceProgram(game, resolveObjective(game, 'designer'));
    const direct = await solveLp(program.lp);
    const row =
      program.martingale.length +
      program.obedience.findIndex(
        (c) => c.recommended === 1 && c.deviation === 0,
      );
    assert.equal(direct.rowDuals?.[row].toString(), price);
  }
});
