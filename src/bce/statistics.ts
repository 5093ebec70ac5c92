/**
 * Linear statistics of an outcome, in a syntax users can type.
 *
 * A statistic is a weight w(θ, a) on each state and action profile, with
 * value E_π[w] = Σ_{θ, t, a} π(θ, t, a) w(θ, a) at an outcome π; it is
 * linear in π, so its range over the BCE set, and the image of that set
 * under two statistics, are found by LP. The statistics:
 *
 * - the objective words of bce/objective.ts: `designer`, `welfare`, a
 *   player's name (or `player:NAME`), `outcome:NAME`;
 * - `Pr(EVENT)`: the probability of an event, where EVENT is a list of
 *   terms joined by commas, all of which must hold: a state name, an action
 *   name (when only one player has it), `PLAYER=ACTION`, or `state=NAME`.
 *   A list of N actions in player order, such as `Pr(swerve, dare)`, is the
 *   probability of that action profile;
 * - `Pr(EVENT | STATE)`: the conditional probability π(EVENT | θ) =
 *   π(EVENT, θ) / µ0(θ), for example `Pr(C | θH)`. It is linear because
 *   the BCE martingale rows fix the probability of every state to its
 *   prior µ0(θ). Several states may be joined by `or`. Conditioning on an
 *   action is refused: π(C | a) is a ratio of two quantities that vary
 *   over the BCE set, not a linear statistic;
 * - `E(OBJ)` and `E(OBJ | STATE)`: an objective's expectation, overall or
 *   conditional on the state (same division by µ0).
 *
 * `P(…)` is accepted for `Pr(…)`. A shell treats `(`, `)` and `|`
 * specially, so the whole statistic is quoted on the command line:
 * `--x 'Pr(C | θH)'`.
 */

import { resolveObjective, type Objective } from './objective.js';
import { profileCount, decodeProfile, type BaseGame } from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { InputError } from '../io/input-error.js';
import { suggest } from '../io/json-value.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';

/**
 * A linear statistic: its normalised name and its weights w(θ, a) as
 * `weights[θ][a]` (the same shape as an objective, so it can be optimised
 * by `bceProgram`).
 */
export type Statistic = Objective;

/** The value of a statistic at an outcome, E_π[w], exactly. */
export function statisticValue(
  statistic: Statistic,
  outcome: Outcome,
): Rational {
  let total = ZERO;
  outcome.p.forEach((byType, s) =>
    byType.forEach((byProfile) =>
      byProfile.forEach((p, a) => {
        const w = statistic.weights[s][a];
        if (!p.isZero() && !w.isZero()) total = total.add(p.mul(w));
      }),
    ),
  );
  return total;
}

/**
 * Reads a statistic typed by a user (syntax in the module header), or
 * throws an `InputError` located at `where` (e.g. `--x`).
 */
export function parseStatistic(
  game: BaseGame,
  text: string,
  where = 'statistic',
): Statistic {
  const trimmed = text.trim();
  const call = /^(Pr|P|E)\s*\(([\s\S]*)\)$/.exec(trimmed);
  if (!call) return resolveObjective(game, trimmed, where);
  const [, head, inner] = call;
  const bar = inner.split('|');
  if (bar.length > 2) {
    throw new InputError(
      where,
      `"${trimmed}" has more than one "|"`,
      'write one condition, e.g. Pr(C | high)',
    );
  }
  const condition =
    bar.length === 2 ? conditionStates(game, bar[1], where) : null;
  const scale = condition ? priorMass(game, condition, trimmed, where) : ONE;
  const inCondition = (s: number) => !condition || condition.includes(s);
  const count = profileCount(game);
  const suffix = condition
    ? ` | ${condition.map((s) => game.states[s]).join(' or ')}`
    : '';

  if (head === 'E') {
    const objective = resolveObjective(game, bar[0].trim(), where);
    return {
      name: `E(${objective.name}${suffix})`,
      weights: objective.weights.map((row, s) =>
        row.map((w) => (inCondition(s) ? w.div(scale) : ZERO)),
      ),
    };
  }

  const event = parseEvent(game, bar[0], where);
  const weights = game.states.map((_, s) => {
    const row = new Array<Rational>(count).fill(ZERO);
    if (!inCondition(s)) return row;
    if (event.state !== null && event.state !== s) return row;
    for (let a = 0; a < count; a++) {
      const actions = decodeProfile(game, a);
      if (event.actions.every((x, i) => x === null || x === actions[i])) {
        row[a] = ONE.div(scale);
      }
    }
    return row;
  });
  return { name: `Pr(${event.label}${suffix})`, weights };
}

/** An event: at most one state and at most one action per player. */
interface Event {
  readonly state: number | null;
  readonly actions: readonly (number | null)[];
  /** The event written back, canonically. */
  readonly label: string;
}

function parseEvent(game: BaseGame, text: string, where: string): Event {
  const terms = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (terms.length === 0) {
    throw new InputError(
      where,
      'Pr() names no event',
      'name an action, a state or PLAYER=ACTION, e.g. Pr(C)',
    );
  }
  const N = game.players.length;
  let state: number | null = null;
  const actions: (number | null)[] = game.players.map(() => null);
  const setState = (s: number) => {
    if (state !== null && state !== s) {
      throw new InputError(
        where,
        `the event names two states, "${game.states[state]}" and ` +
          `"${game.states[s]}", so it never happens`,
        'name one state in an event, or condition on states after "|"',
      );
    }
    state = s;
  };
  const setAction = (i: number, k: number) => {
    const before = actions[i];
    if (before !== null && before !== k) {
      const player = game.players[i];
      throw new InputError(
        where,
        `the event gives ${player.name} two actions, "${player.actions[before]}" ` +
          `and "${player.actions[k]}", so it never happens`,
        'name one action per player',
      );
    }
    actions[i] = k;
  };

  // A list of N action names in player order is an action profile; this
  // reading is tried first only when some name belongs to several players.
  const positional =
    terms.length === N &&
    terms.every((t, i) => game.players[i].actions.includes(t)) &&
    terms.some((t) => playersWithAction(game, t).length > 1);
  if (positional) {
    terms.forEach((t, i) => setAction(i, game.players[i].actions.indexOf(t)));
  } else {
    for (const term of terms) {
      const eq = term.indexOf('=');
      if (eq >= 0) {
        const left = term.slice(0, eq).trim();
        const right = term.slice(eq + 1).trim();
        if (left === 'state') {
          setState(stateIndex(game, right, where));
          continue;
        }
        const i = game.players.findIndex((p) => p.name === left);
        if (i < 0) {
          const names = game.players.map((p) => p.name);
          throw new InputError(
            where,
            `"${left}" in "${term}" is not a player of this game (nor "state")`,
            `players: ${names.join(', ')}${didYouMean(left, names)}`,
          );
        }
        const k = game.players[i].actions.indexOf(right);
        if (k < 0) {
          const names = game.players[i].actions;
          throw new InputError(
            where,
            `"${right}" is not an action of ${left}`,
            `actions of ${left}: ${names.join(', ')}${didYouMean(right, names)}`,
          );
        }
        setAction(i, k);
        continue;
      }
      const owners = playersWithAction(game, term);
      const s = game.states.indexOf(term);
      if (s >= 0 && owners.length > 0) {
        throw new InputError(
          where,
          `"${term}" is both a state and an action`,
          `write state=${term} or ${game.players[owners[0]].name}=${term}`,
        );
      }
      if (s >= 0) {
        setState(s);
        continue;
      }
      if (owners.length > 1) {
        const names = owners.map((i) => game.players[i].name);
        throw new InputError(
          where,
          `"${term}" is an action of several players (${names.join(', ')})`,
          `write ${names[0]}=${term}, or list one action per player in order`,
        );
      }
      if (owners.length === 0) {
        const known = [
          ...game.states,
          ...new Set(game.players.flatMap((p) => p.actions)),
        ];
        throw new InputError(
          where,
          `"${term}" is neither a state nor an action of this game`,
          `states: ${game.states.join(', ')}; actions: ` +
            `${game.players.map((p) => `${p.name}: ${p.actions.join(' ')}`).join('; ')}` +
            didYouMean(term, known),
        );
      }
      setAction(owners[0], game.players[owners[0]].actions.indexOf(term));
    }
  }

  // The label names each player's action bare when no one else has it.
  const parts: string[] = [];
  const s0 = state as number | null;
  if (s0 !== null) parts.push(game.states[s0]);
  actions.forEach((k, i) => {
    if (k === null) return;
    const name = game.players[i].actions[k];
    const bare =
      playersWithAction(game, name).length === 1 && !game.states.includes(name);
    parts.push(bare ? name : `${game.players[i].name}=${name}`);
  });
  return { state: s0, actions, label: parts.join(', ') };
}

/** The states of a condition "θ1 or θ2 …" (each may be written state=θ). */
function conditionStates(
  game: BaseGame,
  text: string,
  where: string,
): number[] {
  const states: number[] = [];
  for (const raw of text.split(/\s+or\s+/)) {
    const term = raw.trim().replace(/^state\s*=\s*/, '');
    if (game.states.includes(term)) {
      if (!states.includes(game.states.indexOf(term))) {
        states.push(game.states.indexOf(term));
      }
      continue;
    }
    if (playersWithAction(game, term).length > 0 || term.includes('=')) {
      throw new InputError(
        where,
        `"${term}" after "|" is not a state: conditioning on an action ` +
          'gives a ratio that varies over the equilibrium set, not a ' +
          'linear statistic',
        `condition on states only (${game.states.join(', ')}); for the ` +
          'joint probability write Pr(EVENT, ACTION) without "|"',
      );
    }
    stateIndex(game, term, where);
  }
  return states.sort((a, b) => a - b);
}

function priorMass(
  game: BaseGame,
  states: readonly number[],
  text: string,
  where: string,
): Rational {
  let mass = ZERO;
  for (const s of states) mass = mass.add(game.prior[s]);
  if (mass.isZero()) {
    throw new InputError(
      where,
      `"${text}" conditions on states of prior probability 0`,
      'condition on a state with positive prior',
    );
  }
  return mass;
}

function stateIndex(game: BaseGame, name: string, where: string): number {
  const s = game.states.indexOf(name);
  if (s < 0) {
    throw new InputError(
      where,
      `"${name}" is not a state of this game`,
      `states: ${game.states.join(', ')}${didYouMean(name, game.states)}`,
    );
  }
  return s;
}

function playersWithAction(game: BaseGame, action: string): number[] {
  const owners: number[] = [];
  game.players.forEach((p, i) => {
    if (p.actions.includes(action)) owners.push(i);
  });
  return owners;
}

function didYouMean(word: string, known: readonly string[]): string {
  const closest = suggest(word, known);
  return closest === null ? '' : `; did you mean "${closest}"?`;
}
