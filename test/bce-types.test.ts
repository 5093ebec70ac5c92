/**
 * BCE with baseline types, end to end: the shared investment cases with a
 * private signal, and the three Condorcet jury games from Gambit, whose
 * interval of P(an innocent defendant is convicted) over all BCE is pinned
 * and cross-checked by independent routes: the .efg game (16 states, types
 * fixed by the state) solved by HiGHS with exact certification and by the
 * exact simplex alone, and a hand-built JSON game (2 states, independent
 * random signals) with a designer table marking "convict the innocent".
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bceRange, solveBce } from '../src/bce/bce.js';
import { checkOutcome } from '../src/bce/check.js';
import type { BaseGame } from '../src/game/game.js';
import type { Outcome } from '../src/game/outcome.js';
import { parseGameJson, readGameFile } from '../src/io/game-json.js';
import { parseOutcomeJson } from '../src/io/outcome-json.js';

const shared = join(process.cwd(), '..', 'shared');
const fixtures = join(shared, 'fixtures', 'gambit');

async function range(
  game: BaseGame,
  objective: string,
  engine: 'auto' | 'exact',
): Promise<[string, string]> {
  const r = await bceRange(game, { objective, engine });
  assert.equal(r.status, 'optimal');
  for (const end of [r.minimum, r.maximum]) {
    assert.equal(end.certificate.exact, true);
    assert.equal(
      checkOutcome(game, end.outcomeTable as Outcome).consistent,
      true,
    );
  }
  return [String(r.min), String(r.max)];
}

test('investing firm with a signal: [1/8, 11/16] and [0, 31/40]', async () => {
  const cases: [string, [string, string]][] = [
    ['invest-firm-signal', ['1/8', '11/16']],
    ['invest-firm-weak-signal', ['0', '31/40']],
  ];
  for (const [name, expected] of cases) {
    const game = readGameFile(join(shared, 'cases', `${name}.game.json`));
    assert.equal(game.hasTypes, true);
    for (const engine of ['auto', 'exact'] as const) {
      assert.deepEqual(await range(game, 'designer', engine), expected, name);
    }
  }
});

test('the optimum with types recommends per (state, type)', async () => {
  const game = readGameFile(
    join(shared, 'cases', 'invest-firm-signal.game.json'),
  );
  const best = await solveBce(game, {
    objective: 'designer',
    sense: 'maximize',
  });
  // A firm with bad news is told to invest only as often as obedience
  // allows; with good news it always invests.
  const structure = best.informationStructure;
  assert.ok(structure);
  const told = structure.recommendations.map((r) => [
    r.type,
    r.action,
    String(r.probability),
  ]);
  assert.deepEqual(told, [
    ['good-news', 'invest', '1/2'],
    ['bad-news', 'invest', '3/16'],
    ['bad-news', 'wait', '5/16'],
  ]);
});

/** The jury game by hand: 2 states, each juror's signal of accuracy q. */
function juryJson(q: string, unanimity: boolean): BaseGame {
  const [n, d] = q.split('/').map(BigInt);
  const miss = `${d - n}/${d}`;
  const verdict = (votes: number) => (unanimity ? votes === 3 : votes >= 2);
  const table = (state: 'Guilty' | 'Innocent', leaf: (c: boolean) => unknown) =>
    [0, 1].map((a1) =>
      [0, 1].map((a2) =>
        [0, 1].map((a3) => {
          // Action 0 is Convict.
          const convict = verdict([a1, a2, a3].filter((a) => a === 0).length);
          return leaf(convict);
        }),
      ),
    );
  const u = (state: 'Guilty' | 'Innocent') => (convict: boolean) => {
    const right = convict === (state === 'Guilty');
    return [right ? 1 : -1, right ? 1 : -1, right ? 1 : -1];
  };
  const jurors = ['j1', 'j2', 'j3'];
  const law = { Guilty: { g: q, i: miss }, Innocent: { g: miss, i: q } };
  return parseGameJson({
    name: `jury ${unanimity ? 'unanimity' : 'majority'} ${q}`,
    states: ['Guilty', 'Innocent'],
    prior: { Guilty: '1/2', Innocent: '1/2' },
    players: jurors.map((name) => ({ name, actions: ['Convict', 'Acquit'] })),
    payoffs: {
      Guilty: table('Guilty', u('Guilty')),
      Innocent: table('Innocent', u('Innocent')),
    },
    designer: {
      Guilty: table('Guilty', () => 0),
      Innocent: table('Innocent', (c) => (c ? 1 : 0)),
    },
    types: Object.fromEntries(jurors.map((j) => [j, ['g', 'i']])),
    signal: { independent: Object.fromEntries(jurors.map((j) => [j, law])) },
  });
}

const juries: [string, string, boolean, [string, string]][] = [
  ['condjury.efg', '3/4', false, ['0', '1/2']],
  ['jury_mr.efg', '7/10', false, ['0', '1/2']],
  ['jury_un.efg', '7/10', true, ['0', '1143/4000']],
];

for (const [file, q, unanimity, expected] of juries) {
  test(`${file}: P(convict an innocent) over BCE is [${expected}], three routes`, async () => {
    const game = readGameFile(join(fixtures, file));
    const objective = 'outcome:Convict-Innocent';
    assert.deepEqual(await range(game, objective, 'auto'), expected);
    assert.deepEqual(await range(game, objective, 'exact'), expected);
    const byHand = juryJson(q, unanimity);
    assert.deepEqual(await range(byHand, 'designer', 'auto'), expected);
  });
}

test('majority rule: everyone voting Convict is obedient (no one is pivotal)', async () => {
  const game = readGameFile(join(fixtures, 'jury_mr.efg'));
  const worst = await solveBce(game, {
    objective: 'outcome:Convict-Innocent',
    sense: 'maximize',
  });
  const innocentConvicted = worst.outcome.filter(
    (c) =>
      c.state.startsWith('Innocent') && c.actions.every((a) => a === 'Convict'),
  );
  const mass = innocentConvicted.reduce((x, c) => x + c.p.toNumber(), 0);
  assert.equal(mass, 0.5);
});

test('Bayesian games from Gambit: ranges pinned, both engines agree', async () => {
  // Values found by this program by both routes; they pin regressions.
  const expected: Record<string, Record<string, [string, string]>> = {
    'bayes1a.efg': {
      welfare: ['161/24', '53/6'],
      'Player 1': ['10/3', '65/12'],
    },
    'e07.efg': { welfare: ['0', '0'], 'Player 1': ['31/5', '57/5'] },
  };
  for (const [file, byObjective] of Object.entries(expected)) {
    const game = readGameFile(join(fixtures, file));
    for (const [objective, values] of Object.entries(byObjective)) {
      assert.deepEqual(await range(game, objective, 'auto'), values);
      assert.deepEqual(await range(game, objective, 'exact'), values);
    }
  }
});

test('check with types: which type of which player would disobey', async () => {
  const game = readGameFile(
    join(shared, 'cases', 'invest-firm-signal.game.json'),
  );
  const invest = (bad: string) =>
    parseOutcomeJson(
      {
        conditional: true,
        outcome: [
          { state: 'good', types: ['good-news'], actions: ['invest'], p: 1 },
          { state: 'good', types: ['bad-news'], actions: ['invest'], p: 1 },
          { state: 'bad', types: ['good-news'], actions: ['invest'], p: 1 },
          { state: 'bad', types: ['bad-news'], actions: ['invest'], p: bad },
          {
            state: 'bad',
            types: ['bad-news'],
            actions: ['wait'],
            p: complement(bad),
          },
        ],
      },
      game,
    );
  // Investing on bad news 1/6 of the time in the bad state is the optimum.
  assert.equal(checkOutcome(game, invest('1/6')).consistent, true);
  const tooMuch = checkOutcome(game, invest('1/2'));
  assert.equal(tooMuch.consistent, false);
  assert.deepEqual(
    tooMuch.failures.map((f) =>
      f.kind === 'obedience'
        ? [f.player, f.type, f.recommended, f.deviation, String(f.shortfall)]
        : f.kind,
    ),
    [['firm', 'bad-news', 'invest', 'wait', '1/8']],
  );
});

function complement(p: string): string {
  const [n, d] = p.split('/').map(Number);
  return `${d - n}/${d}`;
}
