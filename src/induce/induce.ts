/**
 * The outcome a given signal induces (one receiver).
 *
 * A designer commits to a signal π̂(s | θ) (game/signal.ts). The receiver
 * may also hold a baseline type t drawn with ψ(t | θ) (a game without
 * types has one type), independent of s given θ. After seeing (t, s) the
 * receiver holds
 *
 *   P(θ, t, s) = µ0(θ) ψ(t | θ) π̂(s | θ),   P(t, s) = Σ_θ P(θ, t, s),
 *   µ(θ | t, s) = P(θ, t, s) / P(t, s)       (only when P(t, s) > 0),
 *
 * and takes a best response: an action a (of those type t has) maximising
 * E[u(a, θ) | t, s] = Σ_θ µ(θ | t, s) u(a, θ). Among several best
 * responses a tie rule picks one:
 *
 * - `sender-preferred` (default): the one with the highest conditional
 *   designer value E[w(θ, a) | t, s], the convention under which the
 *   designer's optimum is attained (Kamenica and Gentzkow 2011);
 * - `sender-worst`: the one with the lowest designer value;
 * - `receiver-order`: the first in the receiver's list of actions.
 *
 * Remaining ties (equal designer values) go to the receiver's order. The
 * induced outcome is π̃(θ, t, a) = Σ_{s : a(t, s) = a} P(θ, t, s) and the
 * designer's value E_π̃[w]. Pairs (t, s) of probability 0 are reported and
 * skipped, never divided by. π̃ is obedient by construction (each action is
 * a best reply to what its signals reveal), so it is a BCE; it is checked
 * exactly with `checkOutcome` all the same.
 *
 * `recommendationSignal` goes the other way: the direct signal s = a of a
 * BCE outcome, so that inducing it returns the outcome's value.
 */

import { parseStatistic } from '../bce/statistics.js';
import { outcomeCells, type OutcomeCell } from '../bce/bce.js';
import { checkOutcome } from '../bce/check.js';
import { actionAvailable, type BaseGame } from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import type { Signal } from '../game/signal.js';
import { InputError } from '../io/input-error.js';
import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';

/** How the receiver breaks ties between best responses. */
export type TieRule = 'sender-preferred' | 'sender-worst' | 'receiver-order';

/** The tie rules, for parsing and messages. */
export const TIE_RULES: readonly TieRule[] = [
  'sender-preferred',
  'sender-worst',
  'receiver-order',
];

/** Options for `induceOutcome`. */
export interface InduceOptions {
  /** The designer's objective word (default `designer`). */
  readonly objective?: string;
  /** Default `sender-preferred`. */
  readonly tie?: TieRule;
}

/** What one signal (for one receiver type) makes the receiver do. */
export interface SignalResponse {
  readonly signal: string;
  /** The receiver's baseline type, present when the game has types. */
  readonly type?: string;
  /** P(t, s), or P(s) without types. */
  readonly probability: Rational;
  /** µ(θ | t, s); null when the probability is 0. */
  readonly posterior: readonly { state: string; p: Rational }[] | null;
  /** E[u(a, θ) | t, s] for each action the type has; null when skipped. */
  readonly payoffs: readonly { action: string; payoff: Rational }[] | null;
  /** Every action attaining the best expected payoff. */
  readonly bestResponses: readonly string[];
  /** The action taken after the tie rule; null when skipped. */
  readonly action: string | null;
  /** Whether there were several best responses to choose from. */
  readonly tie: boolean;
  /** E[w(θ, a) | t, s] of the action taken; null when skipped. */
  readonly value: Rational | null;
}

/** The answer of `induceOutcome`. */
export interface InducedOutcome {
  /** Always `induced`: nothing is optimised. */
  readonly status: 'induced';
  readonly objective: string;
  readonly tieRule: TieRule;
  /** One entry per signal (per type and signal with types), in order. */
  readonly responses: readonly SignalResponse[];
  /** The names of signals of probability 0 (for every type). */
  readonly zeroProbability: readonly string[];
  /** The nonzero cells of π̃(θ, t, a). */
  readonly outcome: readonly OutcomeCell[];
  /** The dense π̃, for `checkOutcome` and further use. */
  readonly outcomeTable: Outcome;
  /** The designer's exact value E_π̃[w]. */
  readonly value: Rational;
  /** The receiver's expected payoff E_π̃[u]. */
  readonly receiverValue: Rational;
  /** π̃ passed the exact BCE check. */
  readonly verified: boolean;
}

/**
 * The outcome that `signal` induces in the one-player `game`, with the
 * receiver's best responses and the designer's value.
 *
 * @example
 * ```ts
 * import { induceOutcome, parseGameJson, parseSignalJson } from 'revelation';
 * const game = parseGameJson({
 *   states: ['guilty', 'innocent'],
 *   prior: { guilty: '3/10', innocent: '7/10' },
 *   players: [{ name: 'judge', actions: ['acquit', 'convict'] }],
 *   payoffs: { guilty: [[0], [1]], innocent: [[1], [0]] },
 *   designer: { guilty: [0, 1], innocent: [0, 1] },
 * });
 * // Full disclosure: the judge convicts exactly the guilty.
 * const full = parseSignalJson(
 *   { signals: ['g', 'i'], likelihood: { guilty: [1, 0], innocent: [0, 1] } },
 *   game,
 * );
 * induceOutcome(game, full).value.toString(); // '3/10'
 * ```
 */
export function induceOutcome(
  game: BaseGame,
  signal: Signal,
  options: InduceOptions = {},
): InducedOutcome {
  requireOneReceiver(game, 'induce');
  const tieRule = options.tie ?? 'sender-preferred';
  const objective = parseStatistic(game, options.objective ?? 'designer');
  const w = objective.weights;
  const receiver = game.players[0];
  const p = game.states.map((_, s) =>
    game.signal[s].map(() => receiver.actions.map(() => ZERO)),
  );

  const responses: SignalResponse[] = [];
  signal.signals.forEach((name, k) => {
    receiver.types.forEach((typeName, t) => {
      const typed = game.hasTypes ? { type: typeName } : {};

      // P(θ, t, s) for every state, through the baseline profiles of type t.
      const joint = game.states.map((_, s) =>
        game.signal[s].map((profile) =>
          profile.types[0] === t
            ? game.prior[s].mul(profile.p).mul(signal.likelihood[s][k])
            : ZERO,
        ),
      );
      const byState = joint.map((row) => sum(row));
      const probability = sum(byState);
      if (probability.isZero()) {
        responses.push({
          signal: name,
          ...typed,
          probability,
          posterior: null,
          payoffs: null,
          bestResponses: [],
          action: null,
          tie: false,
          value: null,
        });
        return;
      }

      // The receiver's expected payoff of each action the type has.
      const available = receiver.actions
        .map((_, a) => a)
        .filter((a) => actionAvailable(game, 0, t, a));
      const expect = (f: (s: number, a: number) => Rational, a: number) =>
        sum(byState.map((q, s) => (q.isZero() ? ZERO : q.mul(f(s, a))))).div(
          probability,
        );
      const payoffs = available.map((a) => ({
        a,
        u: expect((s, x) => game.payoffs[s][x][0], a),
      }));
      const top = payoffs.reduce((m, x) => (x.u.gt(m) ? x.u : m), payoffs[0].u);
      const best = payoffs.filter((x) => x.u.equals(top)).map((x) => x.a);
      const value = (a: number) => expect((s, x) => w[s][x], a);
      const action = breakTie(best, tieRule, value);

      joint.forEach((row, s) =>
        row.forEach((q, j) => {
          if (!q.isZero()) p[s][j][action] = p[s][j][action].add(q);
        }),
      );
      responses.push({
        signal: name,
        ...typed,
        probability,
        posterior: byState.map((q, s) => ({
          state: game.states[s],
          p: q.div(probability),
        })),
        payoffs: payoffs.map((x) => ({
          action: receiver.actions[x.a],
          payoff: x.u,
        })),
        bestResponses: best.map((a) => receiver.actions[a]),
        action: receiver.actions[action],
        tie: best.length > 1,
        value: value(action),
      });
    });
  });

  const outcomeTable: Outcome = { p };
  const total = (f: (s: number, a: number) => Rational) =>
    sum(
      p.flatMap((byType, s) =>
        byType.flatMap((row) => row.map((q, a) => q.mul(f(s, a)))),
      ),
    );
  const zeroProbability = signal.signals.filter((name) =>
    responses.every((r) => r.signal !== name || r.probability.isZero()),
  );
  return {
    status: 'induced',
    objective: objective.name,
    tieRule,
    responses,
    zeroProbability,
    outcome: outcomeCells(game, outcomeTable),
    outcomeTable,
    value: total((s, a) => w[s][a]),
    receiverValue: total((s, a) => game.payoffs[s][a][0]),
    verified: checkOutcome(game, outcomeTable).consistent,
  };
}

/** The one best response the tie rule picks (`best` in action order). */
function breakTie(
  best: readonly number[],
  rule: TieRule,
  value: (a: number) => Rational,
): number {
  if (rule === 'receiver-order' || best.length === 1) return best[0];
  let chosen = best[0];
  let chosenValue = value(chosen);
  for (const a of best.slice(1)) {
    const v = value(a);
    const better =
      rule === 'sender-preferred' ? v.gt(chosenValue) : v.lt(chosenValue);
    if (better) {
      chosen = a;
      chosenValue = v;
    }
  }
  return chosen;
}

/**
 * The direct signal of a one-receiver outcome: signal s = a is sent with
 * π̂(a | θ) = π(θ, a) / µ0(θ), one signal per action recommended with
 * positive probability. Inducing it (sender-preferred ties) gives the
 * outcome's value whenever the outcome is a BCE. States of prior 0 send the
 * first signal (they never happen). The game's types, if any, must be
 * determined by the state (as in Gambit .efg games): a signal file cannot
 * condition on a type drawn independently of the state.
 */
export function recommendationSignal(game: BaseGame, outcome: Outcome): Signal {
  requireOneReceiver(game, 'a recommendation signal');
  game.signal.forEach((profiles, s) => {
    if (profiles.length > 1) {
      throw new InputError(
        `signal.${game.states[s]}`,
        "the receiver's type is random given this state, so a recommendation " +
          'may depend on more than the state and no signal π̂(s | θ) can send it',
        'recommendation signals exist for games whose types are fixed by the state',
      );
    }
  });
  const actions = game.players[0].actions;
  const used = actions
    .map((_, a) => a)
    .filter((a) => outcome.p.some((byType) => !byType[0][a].isZero()));
  const likelihood = game.states.map((_, s) => {
    const mass = game.prior[s];
    if (mass.isZero()) return used.map((_, k) => (k === 0 ? ONE : ZERO));
    const row = used.map((a) => outcome.p[s][0][a].div(mass));
    if (!sum(row).equals(ONE)) {
      throw new InputError(
        `outcome.${game.states[s]}`,
        `the outcome gives this state probability ${mass.mul(sum(row))}, ` +
          `but its prior is ${mass}`,
        'a recommendation signal exists only for outcomes that respect the prior',
      );
    }
    return row;
  });
  return {
    name: 'recommendation',
    signals: used.map((a) => actions[a]),
    likelihood,
  };
}

function requireOneReceiver(game: BaseGame, what: string): void {
  if (game.players.length !== 1) {
    throw new InputError(
      'game',
      `${what} needs a game with one player, the receiver; this game has ` +
        `${game.players.length} players`,
      'write the game with the receiver as its only player',
    );
  }
}
