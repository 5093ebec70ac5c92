/**
 * Sequential information design on the examples the theory predicts
 * exactly: the prisoner's dilemma threshold g ≥ (Δ + b)/2 with a fair coin
 * at the boundary, an order of moves that must depend on the state, a
 * burn-money threat that is not credible, one player (where the order is
 * moot and the answer is the BCE), and a game with baseline types.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveBce } from '../src/bce/bce.js';
import type { BaseGame } from '../src/game/game.js';
import { parseGameJson, readGameFile } from '../src/io/game-json.js';
import { parseOutcomeJson, readOutcomeFile } from '../src/io/outcome-json.js';
import { Rational } from '../src/numbers/rational.js';
import type { ExtensiveForm } from '../src/sequential/extensive-form.js';
import { verifyExtensiveForm } from '../src/sequential/verify.js';
import {
  checkSequential,
  solveSequential,
} from '../src/sequential/sequential.js';

const examples = join(
  fileURLToPath(import.meta.url),
  '..',
  '..',
  '..',
  'examples',
);
const q = (s: string) => Rational.parse(s) as Rational;

/** (C,C) = (g,g), (C,D) = (0,Δ), (D,C) = (Δ,0), (D,D) = (b,b). */
function dilemma(g: Rational, delta: Rational, b: Rational): BaseGame {
  const s = (x: Rational) => x.toString();
  return parseGameJson({
    states: ['only'],
    prior: [1],
    players: [
      { name: 'p1', actions: ['C', 'D'] },
      { name: 'p2', actions: ['C', 'D'] },
    ],
    payoffs: [
      [
        [
          [s(g), s(g)],
          ['0', s(delta)],
        ],
        [
          [s(delta), '0'],
          [s(b), s(b)],
        ],
      ],
    ],
  });
}

const cooperate = (game: BaseGame) =>
  parseOutcomeJson(
    { outcome: [{ state: 'only', actions: ['C', 'C'], p: 1 }] },
    game,
  );

/** Pr(`first` moves first | the plan's cell), from a printed form. */
function firstMover(form: ExtensiveForm, state: string, first: string) {
  let p = Rational.of(0n);
  for (const plan of form.plans) {
    if (plan.state !== state) continue;
    for (const o of plan.orders) if (o.order[0] === first) p = p.add(o.p);
  }
  return p;
}

test('prisoner’s dilemma: (C,C) is implementable iff g ≥ (Δ + b)/2', async () => {
  for (const b of [q('1'), q('2')]) {
    for (const delta of [q('4'), q('13/2')]) {
      for (let k = 1; k < 8; k++) {
        // g = b + (Δ − b) k/8; k = 4 is the boundary (Δ + b)/2 exactly.
        const g = b.add(delta.sub(b).mul(Rational.of(k, 8)));
        const game = dilemma(g, delta, b);
        const expected = g.add(g).ge(delta.add(b));
        for (const threats of ['nash', 'credible'] as const) {
          const r = await checkSequential(game, cooperate(game), { threats });
          const where = `g=${g} Δ=${delta} b=${b} ${threats}`;
          assert.equal(r.implementable, expected, where);
          assert.equal(r.certificate.exact, true, where);
          assert.equal(r.bce.consistent, false, where);
          if (!expected) continue;
          assert.equal(r.certificate.formVerified, true, where);
          if (k !== 4) continue;
          // At the boundary each player must be first exactly half the time.
          const orders = r.extensiveForm!.plans[0].orders;
          assert.equal(orders.length, 2, where);
          for (const o of orders) assert.equal(o.p.toString(), '1/2', where);
        }
      }
    }
  }
});

test('prisoner’s dilemma: best welfare is 2g exactly from the boundary on', async () => {
  const delta = q('4');
  const b = q('1');
  for (const g of [q('12/5'), q('5/2'), q('3')]) {
    const game = dilemma(g, delta, b);
    const r = await solveSequential(game, {
      objective: 'welfare',
      sense: 'maximize',
    });
    assert.equal(r.certificate.exact && r.certificate.outcomeVerified, true);
    assert.equal(r.bce.value!.toString(), '2');
    assert.equal(r.value!.equals(g.add(g)), g.ge(q('5/2')), `g=${g}`);
    assert.ok(r.value!.ge(r.bce.value!));
  }
  // The shipped example is the boundary: a fair coin picks the first mover.
  const game = readGameFile(join(examples, 'sequential-pd-boundary.json'));
  const r = await solveSequential(game, {
    objective: 'welfare',
    sense: 'maximize',
  });
  assert.equal(r.value!.toString(), '5');
  assert.equal(firstMover(r.extensiveForm!, 'only', 'p1').toString(), '1/2');
});

test('an order that depends on the state: feasible, but not with one order law', async () => {
  const game = readGameFile(join(examples, 'sequential-state-order.json'));
  const outcome = readOutcomeFile(
    join(examples, 'sequential-state-order.cooperate.outcome.json'),
    game,
  );
  for (const threats of ['nash', 'credible'] as const) {
    const free = await checkSequential(game, outcome, { threats });
    assert.equal(free.implementable, true, threats);
    assert.equal(free.certificate.formVerified, true);
    assert.equal(free.bce.consistent, false);
    // Player 1, tempted in L, must mostly move first there (so player 2 can
    // punish); player 2 likewise in R: λ ≥ 3/4 in each state.
    const form = free.extensiveForm!;
    assert.ok(firstMover(form, 'L', 'p1').ge(q('3/4')));
    assert.ok(firstMover(form, 'R', 'p2').ge(q('3/4')));

    const common = await checkSequential(game, outcome, {
      threats,
      commonOrder: true,
    });
    assert.equal(common.implementable, false, threats);
    assert.equal(common.certificate.exact, true);
    assert.equal(common.form, 'permutation');
  }
});

test('burn money: the Nash threat implements cooperation, the credible one cannot', async () => {
  const game = readGameFile(join(examples, 'sequential-burn-money.json'));
  const outcome = readOutcomeFile(
    join(examples, 'sequential-cooperate.outcome.json'),
    game,
  );
  const nash = await checkSequential(game, outcome, { threats: 'nash' });
  assert.equal(nash.implementable, true);
  assert.equal(nash.certificate.formVerified, true);
  // The deviating first mover is told to expect the follower to burn.
  const burn = nash.extensiveForm!.punishments.find(
    (p) => p.mover === 'p1' && p.after.length === 0 && p.deviation === 'D',
  );
  assert.deepEqual(burn?.response, [{ player: 'p2', action: 'B' }]);
  assert.equal(burn?.payoff.toString(), '-5');

  const credible = await checkSequential(game, outcome, {
    threats: 'credible',
  });
  assert.equal(credible.implementable, false);
  assert.equal(credible.certificate.exact, true);
  assert.match(credible.claim, /sufficient, not exact/);

  const best = await solveSequential(game, {
    objective: 'welfare',
    sense: 'maximize',
    threats: 'credible',
  });
  assert.equal(best.value!.toString(), '2');
});

test('one player: choosing the order adds nothing, the answer is the BCE', async () => {
  const game = readGameFile(join(examples, 'prosecutor.json'));
  for (const threats of ['nash', 'credible'] as const) {
    const r = await solveSequential(game, {
      objective: 'designer',
      sense: 'maximize',
      threats,
    });
    assert.equal(r.value!.toString(), '3/5');
    assert.equal(r.bce.value!.toString(), '3/5');
  }
});

test('baseline types: BCE optima are implementable and the optimum verifies', async () => {
  const game = parseGameJson({
    states: ['good', 'bad'],
    prior: { good: '1/3', bad: '2/3' },
    players: [
      { name: 'a', actions: ['in', 'out'] },
      { name: 'b', actions: ['in', 'out'] },
    ],
    types: { a: ['hi', 'lo'], b: ['x'] },
    signal: {
      independent: {
        a: { good: { hi: '3/4', lo: '1/4' }, bad: { hi: '1/4', lo: '3/4' } },
        b: { good: { x: 1 }, bad: { x: 1 } },
      },
    },
    payoffs: {
      good: [
        [
          [3, 3],
          [-1, 4],
        ],
        [
          [4, -1],
          [0, 0],
        ],
      ],
      bad: [
        [
          [1, 1],
          [-2, 2],
        ],
        [
          [2, -2],
          [0, 0],
        ],
      ],
    },
  });
  const best = await solveBce(game, {
    objective: 'welfare',
    sense: 'maximize',
  });
  const check = await checkSequential(game, best.outcomeTable!);
  assert.equal(check.implementable, true);
  assert.equal(check.certificate.formVerified, true);
  const r = await solveSequential(game, {
    objective: 'welfare',
    sense: 'maximize',
  });
  assert.ok(r.value!.ge(best.value!));
  assert.equal(verifyExtensiveForm(game, r.extensiveForm!).verified, true);
  assert.ok(r.extensiveForm!.plans.every((p) => p.types?.length === 2));
});

test('tampered forms fail re-verification', async () => {
  const game = readGameFile(join(examples, 'sequential-pd-boundary.json'));
  const r = await checkSequential(game, cooperate(game));
  const form = r.extensiveForm!;
  assert.equal(verifyExtensiveForm(game, form).verified, true);

  // A biased coin leaves the player who is mostly second tempted.
  const biased: ExtensiveForm = {
    ...form,
    plans: form.plans.map((p) => ({
      ...p,
      orders: [
        { order: ['p1', 'p2'], p: q('3/4') },
        { order: ['p2', 'p1'], p: q('1/4') },
      ],
    })),
  };
  const v = verifyExtensiveForm(game, biased);
  assert.equal(v.verified, false);
  assert.match(v.failures.join('\n'), /p2 told C gains 3\/4 by playing D/);

  // A punisher told to cooperate is no punishment.
  const soft: ExtensiveForm = {
    ...form,
    punishments: form.punishments.map((p) =>
      p.response.length
        ? {
            ...p,
            response: p.response.map((x) => ({ ...x, action: 'C' })),
            payoff: q('4'),
          }
        : p,
    ),
  };
  assert.equal(verifyExtensiveForm(game, soft).verified, false);

  // Burning money is no credible punishment.
  const burnGame = readGameFile(join(examples, 'sequential-burn-money.json'));
  const burn = await checkSequential(burnGame, cooperate(burnGame));
  const claimed: ExtensiveForm = {
    ...burn.extensiveForm!,
    threats: 'credible',
    punishments: burn.extensiveForm!.punishments.map((p) =>
      p.mode === 'worst' ? { ...p, mode: 'announce' } : p,
    ),
  };
  const w = verifyExtensiveForm(burnGame, claimed);
  assert.equal(w.verified, false);
  assert.match(w.failures.join('\n'), /not a credible punishment/);
});
