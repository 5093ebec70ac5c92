/**
 * Objectives: linear statistics of an outcome.
 *
 * An objective is a weight w(θ, a) on each state and action profile; its
 * value at an outcome π is E_π[w] = Σ_{θ, t, a} π(θ, t, a) w(θ, a). The
 * words a user may type:
 *
 * - `designer`: the designer's (third party's) payoff v(a, θ);
 * - `welfare`: the players' total payoff Σ_i u_i(a, θ);
 * - a player's name, or `player:NAME`: that player's payoff u_i(a, θ)
 *   (`player:` reaches a player named `designer` or `welfare`);
 * - `outcome:NAME`: the probability of reaching the outcome so named in a
 *   Gambit file, w(θ, a) = 1 when (θ, a) leads to it and 0 otherwise.
 */

import { profileCount, type BaseGame } from '../game/game.js';
import { InputError } from '../io/input-error.js';
import { suggest as closestName } from '../io/json-value.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';

/** A resolved objective: its name and its weights w(θ, a) as `weights[θ][a]`. */
export interface Objective {
  /** What the user asked for, normalised (e.g. `designer`, `player:row`). */
  readonly name: string;
  readonly weights: readonly (readonly Rational[])[];
}

/**
 * Resolves an objective word against a game, or throws an `InputError`
 * naming the word, what exists, and the closest match.
 */
export function resolveObjective(
  game: BaseGame,
  word: string,
  where = 'objective',
): Objective {
  const count = profileCount(game);
  const table = (f: (s: number, a: number) => Rational): Rational[][] =>
    game.states.map((_, s) => {
      const row = new Array<Rational>(count);
      for (let a = 0; a < count; a++) row[a] = f(s, a);
      return row;
    });

  if (word === 'designer') {
    const designer = game.designer;
    if (!designer) {
      throw new InputError(
        where,
        `"designer" asks for the designer table, but this game has no designer table`,
        'add a "designer" table to the game file, or ask for welfare or a player by name',
      );
    }
    return { name: 'designer', weights: table((s, a) => designer[s][a]) };
  }
  if (word === 'welfare') {
    return {
      name: 'welfare',
      weights: table((s, a) =>
        game.payoffs[s][a].reduce((x, y) => x.add(y), ZERO),
      ),
    };
  }
  if (word.startsWith('outcome:')) {
    const label = word.slice('outcome:'.length);
    const labels = game.outcomeLabels;
    const known = new Set<string>();
    for (const row of labels ?? []) {
      for (const l of row) if (l !== null) known.add(l);
    }
    if (!known.has(label)) {
      throw new InputError(
        where,
        labels
          ? `no outcome named "${label}" in this game`
          : `"${word}" asks for a named outcome, but this game names none`,
        labels
          ? `named outcomes: ${[...known].join(', ')}${suggest(label, [...known])}`
          : 'named outcomes come from Gambit files',
      );
    }
    return {
      name: word,
      weights: table((s, a) => (labels?.[s][a] === label ? ONE : ZERO)),
    };
  }
  const name = word.startsWith('player:') ? word.slice('player:'.length) : word;
  const i = game.players.findIndex((p) => p.name === name);
  if (i < 0) {
    const players = game.players.map((p) => p.name);
    throw new InputError(
      where,
      `unknown objective "${word}": not designer, welfare, or a player of this game`,
      `players: ${players.join(', ')}${suggest(name, players)}`,
    );
  }
  return {
    name: `player:${name}`,
    weights: table((s, a) => game.payoffs[s][a][i]),
  };
}

/** ", did you mean X?" for the closest of `known` to `word`, if close. */
export function suggest(word: string, known: readonly string[]): string {
  const closest = closestName(word, known);
  return closest === null ? '' : `; did you mean "${closest}"?`;
}
