/**
 * The JSON game file → a validated `BaseGame`.
 *
 * Reads G = (N, Θ, µ0, (A_i), (u_i), v) and the baseline information
 * S = ((T_i), ψ) in the format of docs/game-format.md, and checks all of
 * it before anything else sees it: field names, names of states, players,
 * actions and types, the prior µ0 (entries ≥ 0 summing to exactly 1), the
 * nesting and lengths of the payoff tables u(a, θ) and of the designer
 * table v(a, θ), and each state's law ψ(· | θ) (summing to exactly 1). The
 * first problem found is thrown as an `InputError` naming its path.
 *
 * Choices where the format leaves room (all documented for users):
 * - `prior`, `payoffs`, `designer`, the per-state parts of `signal` and
 *   `types` may be an object keyed by name or an array in declared order.
 * - Player names may not differ only in case or surrounding spaces, and may
 *   not start with `player:` (that prefix selects a player as objective);
 *   `designer` and `welfare` are fine as player names.
 * - In the independent signal form a player with a single type may be left
 *   out (its type has probability 1), and a type left out of a state's law
 *   has probability 0. Joint entries with p = 0 are dropped.
 * - ψ(· | θ) is stored sparse, type profiles in lexicographic order of type
 *   indices (player 1 most significant), whichever form the file used.
 * - A game without `name` takes the file's name without its extension.
 * - `readGameFile` picks the reader by extension: `.json` here, `.nfg` the
 *   Gambit strategic-form reader; anything else is an input error.
 */

import { basename, extname } from 'node:path';
import type { BaseGame, Player, TypeProfileWeight } from '../game/game.js';
import { ONE, Rational, ZERO, sum } from '../numbers/rational.js';
import { parseGambitEfg } from './gambit-efg.js';
import { parseGambitNfg } from './gambit-nfg.js';
import { InputError, locatedInFile } from './input-error.js';
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
  readIndependentOrJoint,
  readNames,
  readPerName,
  suggest,
} from './json-value.js';
import { readNumber, readProbability } from './numbers.js';

/** The top-level fields of a game file, in the order the docs give them. */
export const GAME_FIELDS: readonly string[] = [
  'name',
  'states',
  'prior',
  'players',
  'payoffs',
  'designer',
  'types',
  'signal',
];

const REQUIRED_FIELDS = ['states', 'prior', 'players', 'payoffs'];

/**
 * Validates a parsed JSON game (see docs/game-format.md) and builds the
 * `BaseGame`. Throws an `InputError` at the first problem, located by its
 * path in the file (and the file name, when given).
 *
 * @example
 * ```ts
 * import { parseGameJson } from 'revelation';
 * const game = parseGameJson({
 *   states: ['good', 'bad'],
 *   prior: [0.55, 0.45],
 *   players: [{ name: 'firm', actions: ['invest', 'wait'] }],
 *   payoffs: { good: [[1], [0]], bad: [[-1], [0]] },
 * });
 * game.prior.map(String); // ['11/20', '9/20']
 * ```
 */
export function parseGameJson(value: unknown, file?: string): BaseGame {
  return locatedInFile(file, () => readGame(value, file));
}

/**
 * Reads a game file: `.json` (the JSON game format) or `.nfg` (Gambit
 * strategic form, see `parseGambitNfg`). Throws an `InputError` for an
 * unreadable file, an unknown extension or invalid content.
 */
export function readGameFile(path: string): BaseGame {
  const extension = extname(path).toLowerCase();
  if (!['.json', '.nfg', '.efg'].includes(extension)) {
    throw new InputError(
      path,
      extension === ''
        ? 'cannot tell the format of a game file without an extension'
        : `cannot read game files ending in "${extension}"`,
      'a game file ends in .json (JSON game format), .nfg (Gambit strategic ' +
        'form) or .efg (Gambit extensive form, one-stage Bayesian games)',
    );
  }
  const text = readInputFile(path);
  if (extension === '.nfg') return parseGambitNfg(text, path);
  if (extension === '.efg') return parseGambitEfg(text, path);
  return parseGameJson(parseJsonText(text, path), path);
}

function readGame(value: unknown, file: string | undefined): BaseGame {
  const top = expectObject(value, '', 'a game: a JSON object');
  checkFields(top, '', GAME_FIELDS, REQUIRED_FIELDS, 'the game');

  let name = file === undefined ? '' : basename(file, extname(file));
  if (top.name !== undefined) {
    if (typeof top.name !== 'string') {
      throw new InputError(
        'name',
        `expected a string, found ${describe(top.name)}`,
      );
    }
    name = top.name;
  }

  const states = readNames(top.states, 'states', 'state');
  const prior = readPrior(top.prior, states);
  const players = readPlayers(top.players);
  const payoffs = readPerName(top.payoffs, 'payoffs', states, 'state').map(
    (entry) => {
      const table: Rational[][] = [];
      readTable(entry.value, entry.path, players, 0, table, (leaf, path) =>
        readPayoffLeaf(leaf, path, players),
      );
      return table;
    },
  );
  let designer: Rational[][] | null = null;
  if (top.designer !== undefined) {
    designer = readPerName(top.designer, 'designer', states, 'state').map(
      (entry) => {
        const table: Rational[] = [];
        readTable(entry.value, entry.path, players, 0, table, readNumber);
        return table;
      },
    );
  }

  // Without types each player has one uninformative type, "".
  if (top.types === undefined) {
    if (top.signal !== undefined) {
      throw new InputError(
        'signal',
        'the file gives a signal but no types',
        'add "types": {player: [type names]} for every player, or remove "signal"',
      );
    }
    const zeros = players.map(() => 0);
    return {
      name,
      states,
      prior,
      players: players.map((p) => ({ ...p, types: [''] })),
      payoffs,
      designer,
      signal: states.map(() => [{ types: zeros, p: ONE }]),
      hasTypes: false,
      outcomeLabels: null,
    };
  }
  if (top.signal === undefined) {
    throw new InputError(
      'types',
      'the file gives types but no signal',
      'add "signal": {"independent": …} or {"joint": …} giving ψ(t | θ), ' +
        'the law of the types in each state',
    );
  }
  const types = readTypes(top.types, players);
  const typed: Player[] = players.map((p, i) => ({ ...p, types: types[i] }));
  return {
    name,
    states,
    prior,
    players: typed,
    payoffs,
    designer,
    signal: readSignal(top.signal, states, typed),
    hasTypes: true,
    outcomeLabels: null,
  };
}

/** µ0: entries ≥ 0 summing to exactly 1. */
function readPrior(value: unknown, states: readonly string[]): Rational[] {
  const prior = readPerName(value, 'prior', states, 'state').map((entry) =>
    readProbability(entry.value, entry.path),
  );
  const total = sum(prior);
  if (!total.equals(ONE)) {
    throw new InputError(
      'prior',
      `probabilities sum to ${total}, not 1`,
      'the prior over states must add up to exactly 1',
    );
  }
  return prior;
}

type PlayerWithoutTypes = Omit<Player, 'types'>;

function readPlayers(value: unknown): PlayerWithoutTypes[] {
  const list = expectArray(
    value,
    'players',
    'an array of players {"name", "actions"}',
  );
  if (list.length === 0) {
    throw new InputError(
      'players',
      'there are no players',
      'give at least one',
    );
  }
  const players = list.map((entry, i) => {
    const path = indexPath('players', i);
    const object = expectObject(entry, path, 'a player {"name", "actions"}');
    checkFields(
      object,
      path,
      ['name', 'actions'],
      ['name', 'actions'],
      'a player',
    );
    const name = expectName(
      object.name,
      keyPath(path, 'name'),
      'a player name',
    );
    const actions = readNames(
      object.actions,
      keyPath(path, 'actions'),
      'action',
    );
    return { name, actions };
  });
  checkPlayerNames(players.map((p) => p.name));
  return players;
}

/**
 * Player names are typed on command lines and matched against objectives,
 * so beyond being distinct they may not be confusable.
 */
function checkPlayerNames(names: readonly string[]): void {
  names.forEach((name, i) => {
    const path = keyPath(indexPath('players', i), 'name');
    if (name.trim() !== name) {
      throw new InputError(
        path,
        `player name ${JSON.stringify(name)} starts or ends with a space`,
        'remove the surrounding spaces',
      );
    }
    if (name.toLowerCase().startsWith('player:')) {
      throw new InputError(
        path,
        `player name ${JSON.stringify(name)} starts with "player:", the prefix ` +
          'that selects a player as an objective',
        'choose a name without that prefix',
      );
    }
    for (let j = 0; j < i; j++) {
      if (names[j] === name) {
        throw new InputError(
          path,
          `duplicate player name ${JSON.stringify(name)} (also players[${j}])`,
          'every player needs a different name',
        );
      }
      if (names[j].toLowerCase() === name.toLowerCase()) {
        throw new InputError(
          path,
          `player names ${JSON.stringify(names[j])} (players[${j}]) and ` +
            `${JSON.stringify(name)} differ only in case`,
          'choose names that differ in more than case',
        );
      }
    }
  });
}

/**
 * Reads a table nested by player 1's action, then player 2's, …, and
 * appends its leaves to `out` in flat profile order (player 1 most
 * significant, which is exactly the order of a depth-first walk).
 */
function readTable<T>(
  value: unknown,
  path: string,
  players: readonly PlayerWithoutTypes[],
  depth: number,
  out: T[],
  readLeaf: (leaf: unknown, path: string) => T,
): void {
  if (depth === players.length) {
    out.push(readLeaf(value, path));
    return;
  }
  const player = players[depth];
  const k = player.actions.length;
  const level =
    `an array of ${k} entr${k === 1 ? 'y' : 'ies'}, one per action of ` +
    `player ${JSON.stringify(player.name)} (${listNames(player.actions)})`;
  const list = expectArray(value, path, level);
  if (list.length !== k) {
    throw new InputError(
      path,
      `expected ${level}, found ${describe(list)}`,
      "tables nest by player 1's action, then player 2's, …; " +
        'each leaf is one entry per player (payoffs) or one number (designer)',
    );
  }
  list.forEach((entry, j) =>
    readTable(entry, indexPath(path, j), players, depth + 1, out, readLeaf),
  );
}

/** A payoff leaf [u_1, …, u_N]. */
function readPayoffLeaf(
  value: unknown,
  path: string,
  players: readonly PlayerWithoutTypes[],
): Rational[] {
  const n = players.length;
  const expected =
    `a payoff leaf of ${n} number${n === 1 ? '' : 's'}, one per player ` +
    `(${listNames(players.map((p) => p.name))})`;
  const list = expectArray(value, path, expected);
  if (list.length !== n) {
    throw new InputError(
      path,
      `expected ${expected}, found ${describe(list)}`,
      'each leaf is [u_1, …, u_N] in the order of "players"',
    );
  }
  return list.map((x, i) => readNumber(x, indexPath(path, i)));
}

/** T_i for every player: `{player: [type names]}` or an array by player. */
function readTypes(
  value: unknown,
  players: readonly PlayerWithoutTypes[],
): string[][] {
  const names = players.map((p) => p.name);
  return readPerName(value, 'types', names, 'player').map((entry) =>
    readNames(entry.value, entry.path, 'type'),
  );
}

/** ψ(· | θ) for every state, sparse and sorted. */
function readSignal(
  value: unknown,
  states: readonly string[],
  players: readonly Player[],
): TypeProfileWeight[][] {
  const { object } = readIndependentOrJoint(
    value,
    'signal',
    'the signal',
    'an object {"independent": …} or {"joint": …}',
  );
  const laws =
    object.independent !== undefined
      ? readIndependent(object.independent, states, players)
      : readJoint(object.joint, states, players);
  return laws.map((law) =>
    law
      .filter((w) => !w.p.isZero())
      .sort((x, y) => compareProfiles(x.types, y.types)),
  );
}

function compareProfiles(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function checkSumsToOne(values: readonly Rational[], path: string): void {
  const total = sum(values);
  if (!total.equals(ONE)) {
    throw new InputError(
      path,
      `probabilities sum to ${total}, not 1`,
      "each state's law of the types must add up to exactly 1",
    );
  }
}

/**
 * ψ(t | θ) = Π_i ψ_i(t_i | θ) from one table per player,
 * `{player: {state: {type: p}}}`.
 */
function readIndependent(
  value: unknown,
  states: readonly string[],
  players: readonly Player[],
): TypeProfileWeight[][] {
  const path = 'signal.independent';
  const entries = readPerName(
    value,
    path,
    players.map((p) => p.name),
    'player',
    { allowMissing: true },
  );

  // marginal[i][θ][t_i] = ψ_i(t_i | θ).
  const marginal = players.map((player, i) => {
    const entry = entries[i];
    if (entry.value === undefined) {
      if (player.types.length === 1) return states.map(() => [ONE]);
      throw new InputError(
        path,
        `no law for player ${JSON.stringify(player.name)}, who has ` +
          `${player.types.length} types`,
        'give {state: {type: probability}} for every player with more than one type',
      );
    }
    return readPerName(entry.value, entry.path, states, 'state').map((law) => {
      const owner = ` of player ${JSON.stringify(player.name)}`;
      const p = readPerName(law.value, law.path, player.types, 'type', {
        allowMissing: true,
        owner,
      }).map((t) =>
        t.value === undefined ? ZERO : readProbability(t.value, t.path),
      );
      checkSumsToOne(p, law.path);
      return p;
    });
  });

  // The product law, enumerating only the types each player can have.
  return states.map((_, theta) => {
    let profiles: TypeProfileWeight[] = [{ types: [], p: ONE }];
    marginal.forEach((byState) => {
      const next: TypeProfileWeight[] = [];
      for (const partial of profiles) {
        byState[theta].forEach((q, t) => {
          if (!q.isZero())
            next.push({ types: [...partial.types, t], p: partial.p.mul(q) });
        });
      }
      profiles = next;
    });
    return profiles;
  });
}

/** ψ(· | θ) listed as `{state: [{"types": [t_1, …, t_N], "p": …}]}`. */
function readJoint(
  value: unknown,
  states: readonly string[],
  players: readonly Player[],
): TypeProfileWeight[][] {
  return readPerName(value, 'signal.joint', states, 'state').map((law) => {
    const list = expectArray(
      law.value,
      law.path,
      'an array of {"types": [t_1, …, t_N], "p": probability}',
    );
    const seen = new Map<string, number>();
    const weights = list.map((item, j) => {
      const path = indexPath(law.path, j);
      const object = expectObject(item, path, 'an entry {"types", "p"}');
      checkFields(
        object,
        path,
        ['types', 'p'],
        ['types', 'p'],
        'a signal entry',
      );
      const types = readTypeProfile(
        object.types,
        keyPath(path, 'types'),
        players,
      );
      const key = types.join(',');
      const first = seen.get(key);
      if (first !== undefined) {
        throw new InputError(
          path,
          `type profile (${types.map((t, i) => players[i].types[t]).join(', ')}) ` +
            `is listed twice (also ${indexPath(law.path, first)})`,
          'list each type profile once per state',
        );
      }
      seen.set(key, j);
      return { types, p: readProbability(object.p, keyPath(path, 'p')) };
    });
    checkSumsToOne(
      weights.map((w) => w.p),
      law.path,
    );
    return weights;
  });
}

/**
 * Reads a type profile [t_1, …, t_N] of type names into type indices.
 * Shared with the outcome reader.
 */
export function readTypeProfile(
  value: unknown,
  path: string,
  players: readonly Player[],
): number[] {
  const names = players.map((p) => p.name);
  const list = expectArray(
    value,
    path,
    `an array of ${players.length} type name${players.length === 1 ? '' : 's'}, ` +
      `one per player (${listNames(names)})`,
  );
  if (list.length !== players.length) {
    throw new InputError(
      path,
      `expected ${players.length} type name${players.length === 1 ? '' : 's'} ` +
        `(one per player: ${listNames(names)}), found ${describe(list)}`,
    );
  }
  return list.map((t, i) =>
    nameIndex(t, indexPath(path, i), players[i].types, 'type', players[i].name),
  );
}

/**
 * The index of a name in a player's list of actions or types, or an
 * InputError naming the value, the player and the list.
 */
export function nameIndex(
  value: unknown,
  path: string,
  names: readonly string[],
  what: string,
  player: string,
): number {
  const name = expectName(value, path, `a ${what} name`);
  const k = names.indexOf(name);
  if (k >= 0) return k;
  const guess = suggest(name, names);
  throw new InputError(
    path,
    `${JSON.stringify(name)} is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} of player ${JSON.stringify(player)}` +
      (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
    `the ${what}s of ${JSON.stringify(player)} are ${listNames(names)}`,
  );
}
