/**
 * The JSON outcome file → an exact outcome π(θ, t, a) of a given game.
 *
 * An outcome is a distribution over states θ, type profiles t and action
 * profiles a. The file lists cells `{"state", "types"?, "actions", "p"}`;
 * cells not listed have probability 0. Two forms:
 * - joint (default): p = π(θ, t, a). The entries must be ≥ 0 and sum to
 *   exactly 1. They need not reproduce the prior: an outcome whose state
 *   frequencies differ from µ0 is valid input, which an equilibrium check
 *   then finds inconsistent.
 * - `"conditional": true`: p = Pr(a | θ) (or Pr(a | θ, t) with types). Each
 *   listed state (state and type profile) must sum to exactly 1, and we
 *   convert with π(θ, t, a) = µ0(θ) ψ(t | θ) Pr(a | θ, t).
 *
 * π is stored as `p[θ][k][a]`, k indexing `game.signal[θ]`, the type
 * profiles with ψ(t | θ) > 0. Choices:
 * - A cell with p > 0 on a type profile that the baseline signal gives
 *   probability 0 in that state cannot be stored and contradicts the
 *   signal; it is an input error (in both forms). Such cells with p = 0
 *   are ignored.
 * - In the conditional form a state (state and type profile) of positive
 *   probability must be listed; one of probability 0 may be left out.
 * - `types` is required on every entry when the game has types and refused
 *   when it has none. A cell listed twice is an error.
 */

import { type BaseGame, encodeProfile, profileCount } from '../game/game.js';
import { ONE, type Rational, ZERO, sum } from '../numbers/rational.js';
import { nameIndex, readTypeProfile } from './game-json.js';
import { InputError } from './input-error.js';
import { parseJsonText, readInputFile } from './json-text.js';
import {
  checkFields,
  describe,
  expectArray,
  expectName,
  expectObject,
  indexPath,
  keyPath,
  listNames,
  suggest,
} from './json-value.js';
import { readProbability } from './numbers.js';
import type { Outcome } from '../game/outcome.js';

export type { Outcome } from '../game/outcome.js';

/** The top-level fields of an outcome file. */
export const OUTCOME_FIELDS: readonly string[] = [
  'name',
  'conditional',
  'outcome',
];

/**
 * Validates a parsed JSON outcome against `game` and returns the joint
 * outcome π. Throws an `InputError` at the first problem, located by its
 * path (and the file name, when given).
 */
export function parseOutcomeJson(
  value: unknown,
  game: BaseGame,
  file?: string,
): Outcome {
  try {
    return readOutcome(value, game);
  } catch (e) {
    if (file !== undefined && e instanceof InputError) throw e.inFile(file);
    throw e;
  }
}

/** Reads and validates a JSON outcome file for `game`. */
export function readOutcomeFile(path: string, game: BaseGame): Outcome {
  return parseOutcomeJson(parseJsonText(readInputFile(path), path), game, path);
}

interface Cell {
  readonly theta: number;
  readonly k: number;
  readonly a: number;
  readonly p: Rational;
}

function readOutcome(value: unknown, game: BaseGame): Outcome {
  const top = expectObject(
    value,
    '',
    'an outcome: a JSON object {"outcome": [...]}',
  );
  checkFields(top, '', OUTCOME_FIELDS, ['outcome'], 'the outcome file');
  if (top.name !== undefined && typeof top.name !== 'string') {
    throw new InputError(
      'name',
      `expected a string, found ${describe(top.name)}`,
    );
  }
  if (top.conditional !== undefined && typeof top.conditional !== 'boolean') {
    throw new InputError(
      'conditional',
      `expected true or false, found ${describe(top.conditional)}`,
    );
  }
  const conditional = top.conditional === true;
  const list = expectArray(
    top.outcome,
    'outcome',
    'an array of cells {"state", "actions", "p"}',
  );

  // Read every cell; a type profile of probability 0 may only carry p = 0.
  const seen = new Map<string, number>();
  const cells: Cell[] = [];
  list.forEach((entry, j) => {
    const cell = readCell(entry, indexPath('outcome', j), game);
    if (cell === null) return;
    const key = `${cell.theta}/${cell.k}/${cell.a}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(
        indexPath('outcome', j),
        `this cell is listed twice (also outcome[${first}])`,
        'list each state, type profile and action profile once',
      );
    }
    seen.set(key, j);
    cells.push(cell);
  });

  const count = profileCount(game);
  const p = game.signal.map((law) =>
    law.map(() => new Array<Rational>(count).fill(ZERO)),
  );
  if (!conditional) {
    const total = sum(cells.map((c) => c.p));
    if (!total.equals(ONE)) {
      throw new InputError(
        'outcome',
        `probabilities sum to ${total}, not 1`,
        'the cells of a joint outcome must add up to exactly 1; ' +
          'with "conditional": true each p is Pr(a | state) instead',
      );
    }
    for (const c of cells) p[c.theta][c.k][c.a] = c.p;
    return { p };
  }

  // Conditional form: each (θ, t) listed sums to 1; weight by µ0(θ) ψ(t | θ).
  const groupSums = game.signal.map((law) =>
    law.map((): Rational | null => null),
  );
  for (const c of cells) {
    groupSums[c.theta][c.k] = (groupSums[c.theta][c.k] ?? ZERO).add(c.p);
  }
  game.signal.forEach((law, theta) => {
    law.forEach((_, k) => {
      const total = groupSums[theta][k];
      const where = describeGroup(game, theta, k);
      if (total === null) {
        if (game.prior[theta].isZero()) return;
        throw new InputError(
          'outcome',
          `no entries for ${where}`,
          'with "conditional": true every ' +
            (game.hasTypes ? 'state and type profile' : 'state') +
            ' of positive probability needs its law Pr(a | …), summing to 1',
        );
      }
      if (!total.equals(ONE)) {
        throw new InputError(
          'outcome',
          `conditional probabilities for ${where} sum to ${total}, not 1`,
          'with "conditional": true the entries of each ' +
            (game.hasTypes ? 'state and type profile' : 'state') +
            ' must add up to exactly 1',
        );
      }
    });
  });
  for (const c of cells) {
    const weight = game.prior[c.theta].mul(game.signal[c.theta][c.k].p);
    p[c.theta][c.k][c.a] = weight.mul(c.p);
  }
  return { p };
}

function describeGroup(game: BaseGame, theta: number, k: number): string {
  const state = `state ${JSON.stringify(game.states[theta])}`;
  if (!game.hasTypes) return state;
  const types = game.signal[theta][k].types.map(
    (t, i) => game.players[i].types[t],
  );
  return `${state} and types (${types.join(', ')})`;
}

/** One cell, or null for a p = 0 cell on a type profile of probability 0. */
function readCell(entry: unknown, path: string, game: BaseGame): Cell | null {
  const object = expectObject(entry, path, 'a cell {"state", "actions", "p"}');
  const required = game.hasTypes
    ? ['state', 'types', 'actions', 'p']
    : ['state', 'actions', 'p'];
  checkFields(
    object,
    path,
    ['state', 'types', 'actions', 'p'],
    required,
    'a cell',
  );
  if (!game.hasTypes && object.types !== undefined) {
    throw new InputError(
      keyPath(path, 'types'),
      'the game has no types, so a cell has no "types"',
      'remove "types", or give the game types and a signal',
    );
  }

  const statePath = keyPath(path, 'state');
  const stateName = expectName(object.state, statePath, 'a state name');
  const theta = game.states.indexOf(stateName);
  if (theta < 0) {
    const guess = suggest(stateName, game.states);
    throw new InputError(
      statePath,
      `${JSON.stringify(stateName)} is not a state` +
        (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
      `the states are ${listNames(game.states)}`,
    );
  }

  const n = game.players.length;
  const actionsPath = keyPath(path, 'actions');
  const names = listNames(game.players.map((pl) => pl.name));
  const actionList = expectArray(
    object.actions,
    actionsPath,
    `an array of ${n} action name${n === 1 ? '' : 's'}, one per player (${names})`,
  );
  if (actionList.length !== n) {
    throw new InputError(
      actionsPath,
      `expected ${n} action name${n === 1 ? '' : 's'} (one per player: ${names}), ` +
        `found ${describe(actionList)}`,
    );
  }
  const actions = actionList.map((x, i) =>
    nameIndex(
      x,
      indexPath(actionsPath, i),
      game.players[i].actions,
      'action',
      game.players[i].name,
    ),
  );
  const p = readProbability(object.p, keyPath(path, 'p'));

  let k = 0;
  if (game.hasTypes) {
    const typesPath = keyPath(path, 'types');
    const types = readTypeProfile(object.types, typesPath, game.players);
    const key = types.join(',');
    k = game.signal[theta].findIndex((w) => w.types.join(',') === key);
    if (k < 0) {
      if (p.isZero()) return null;
      const shown = types.map((t, i) => game.players[i].types[t]).join(', ');
      throw new InputError(
        typesPath,
        `type profile (${shown}) has probability 0 in state ` +
          `${JSON.stringify(stateName)} under the game's signal, so an outcome ` +
          'cannot put probability on it',
        'remove this cell, or change the signal in the game file',
      );
    }
  }
  return { theta, k, a: encodeProfile(game, actions), p };
}
