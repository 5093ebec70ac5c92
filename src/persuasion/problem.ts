/**
 * A persuasion problem by beliefs (Kamenica and Gentzkow 2011, "Bayesian
 * Persuasion"; for several receivers and one public signal, Arieli and
 * Babichenko 2019 and Bergemann and Morris 2019, sec. 6).
 *
 * - Θ: finite states with prior µ0; F = {µ ∈ Δ(Θ): µ(θ) = 0 when
 *   µ0(θ) = 0} is the face of the simplex every Bayes-plausible posterior
 *   lies in, because Σ_s τ(s) µ_s = µ0 and τ(s) > 0.
 * - Receivers i = 1..N who do not interact: receiver i's payoff u_i(b, θ)
 *   depends on the state and her own action b only, so at a common
 *   belief µ she best-responds with BR_i(µ) = argmax_b Σ_θ µ(θ) u_i(b, θ).
 *   With one receiver this is the original model.
 * - The sender's objective w(a, θ) over action profiles a = (a_1, …, a_N):
 *   the designer's payoff, welfare or one player's payoff; it is
 *   maximised, or minimised with `sense: 'minimize'`. Internally
 *   ŵ = ±w, so that "better for the sender" is always "larger ŵ".
 * - Classes: b ~ b' for receiver i when u_i(b, ·) = u_i(b', ·) on the
 *   states of positive prior; the receiver is then indifferent between
 *   them at every feasible posterior, and only the tie rule chooses.
 * - Tie rules, when the receivers are indifferent at µ:
 *   `sender-preferred` picks the profile in ×_i BR_i(µ) with the largest
 *   ŵ (the usual convention, under which the optimum is attained);
 *   `sender-worst` the smallest ŵ; `receiver-order` each receiver's
 *   first best response in her own list of actions. Remaining ties go to
 *   the profile listed first.
 *
 * The problem is checked here, once: a game with private types or with
 * receivers whose payoffs depend on each other's actions is refused with
 * an `InputError` that says what to do instead.
 */

import { parseStatistic } from '../bce/statistics.js';
import { decodeProfile, profileCount, type BaseGame } from '../game/game.js';
import type { Objective } from '../bce/objective.js';
import { TIE_RULES, type TieRule } from '../induce/induce.js';
import { InputError } from '../io/input-error.js';
import { ONE, type Rational } from '../numbers/rational.js';

// The tie rules are the ones `induceOutcome` uses for a given signal; one
// list serves both.
export { TIE_RULES, type TieRule };

/** What to optimise and how to break ties. */
export interface PersuasionSpec {
  /** `designer` (default), `welfare`, a player's name, `player:NAME`. */
  readonly objective?: string;
  /** Maximise (default) or minimise the objective. */
  readonly sense?: 'maximize' | 'minimize';
  /** Tie rule; default `sender-preferred`. */
  readonly tie?: TieRule;
  /**
   * Several receivers who see one public signal. Without it the game must
   * have exactly one player.
   */
  readonly public?: boolean;
}

/** One receiver, seen alone: her actions and payoffs u_i(b, θ). */
export interface Receiver {
  readonly name: string;
  readonly actions: readonly string[];
  /** u_i(b, θ) as `utility[θ][b]`. */
  readonly utility: readonly (readonly Rational[])[];
  /**
   * The same receiver as a one-player game, for `obedienceRows`: its
   * payoffs are `[[u_i(b, θ)]]` and it has one uninformative type.
   */
  readonly game: BaseGame;
  /** `classOf[b]`: the first action of b's class (see the header). */
  readonly classOf: readonly number[];
}

/** A validated persuasion problem. */
export interface PersuasionProblem {
  readonly game: BaseGame;
  readonly objective: Objective;
  readonly sense: 'maximize' | 'minimize';
  readonly tie: TieRule;
  readonly public: boolean;
  /** The states of positive prior, in game order. */
  readonly support: readonly number[];
  readonly receivers: readonly Receiver[];
  /** |A| = Π_i |A_i|: the number of action profiles. */
  readonly profiles: number;
  /** ŵ(a, θ) = ±w(a, θ) as `adjusted[θ][a]`: larger is better. */
  readonly adjusted: readonly (readonly Rational[])[];
}

/**
 * Checks `game` for persuasion by beliefs and builds the problem, or
 * throws an `InputError` naming what cannot be handled and why.
 */
export function persuasionProblem(
  game: BaseGame,
  spec: PersuasionSpec = {},
): PersuasionProblem {
  const sense = spec.sense ?? 'maximize';
  const tie = spec.tie ?? 'sender-preferred';
  const isPublic = spec.public ?? false;
  if (!TIE_RULES.includes(tie)) {
    throw new InputError(
      'tie',
      `unknown tie rule "${String(tie)}"`,
      `tie rules: ${TIE_RULES.join(', ')}`,
    );
  }
  if (game.hasTypes) {
    throw new InputError(
      'types',
      'persuasion by beliefs needs receivers without private information',
      'remove "types" and "signal", or use revelation bce, which handles them',
    );
  }
  if (game.players.length > 1 && !isPublic) {
    throw new InputError(
      'players',
      `${game.players.length} players: persuasion by beliefs has one ` +
        'receiver unless the signal is public',
      'add --public for receivers who do not interact and see one ' +
        'public signal, or use revelation bce for private signals',
    );
  }
  const objective = parseStatistic(game, spec.objective ?? 'designer');
  const support: number[] = [];
  game.prior.forEach((p, s) => {
    if (!p.isZero()) support.push(s);
  });
  const receivers = game.players.map((_, i) => receiverOf(game, i, support));
  const sign = sense === 'maximize' ? ONE : ONE.neg();
  return {
    game,
    objective,
    sense,
    tie,
    public: isPublic,
    support,
    receivers,
    profiles: profileCount(game),
    adjusted: objective.weights.map((row) => row.map((x) => x.mul(sign))),
  };
}

/**
 * Receiver i alone, after checking that her payoff depends on the state
 * and her own action only.
 */
function receiverOf(
  game: BaseGame,
  i: number,
  support: readonly number[],
): Receiver {
  const player = game.players[i];
  const m = player.actions.length;
  const count = profileCount(game);
  const utility = game.states.map(() => new Array<Rational>(m));
  const seen = game.states.map(() => new Array<number>(m).fill(-1));
  for (let s = 0; s < game.states.length; s++) {
    for (let a = 0; a < count; a++) {
      const b = decodeProfile(game, a)[i];
      const u = game.payoffs[s][a][i];
      if (seen[s][b] < 0) {
        seen[s][b] = a;
        utility[s][b] = u;
      } else if (!utility[s][b].equals(u)) {
        const names = (x: number) =>
          decodeProfile(game, x)
            .map((k, j) => game.players[j].actions[k])
            .join(', ');
        throw new InputError(
          `payoffs.${game.states[s]}`,
          `${player.name}'s payoff depends on the other players' actions ` +
            `(${utility[s][b]} at (${names(seen[s][b])}), ${u} at ` +
            `(${names(a)})), but public persuasion needs receivers ` +
            'who do not interact',
          'use revelation bce for interacting players',
        );
      }
    }
  }

  // Actions with equal payoffs in every state of positive prior form one
  // class; the first action of the class stands for it.
  const classOf = new Array<number>(m);
  for (let b = 0; b < m; b++) {
    classOf[b] = b;
    for (let c = 0; c < b; c++) {
      if (support.every((s) => utility[s][b].equals(utility[s][c]))) {
        classOf[b] = classOf[c];
        break;
      }
    }
  }
  const single: BaseGame = {
    name: player.name,
    states: game.states,
    prior: game.prior,
    players: [{ name: player.name, actions: player.actions, types: [''] }],
    payoffs: utility.map((row) => row.map((u) => [u])),
    designer: null,
    signal: game.states.map(() => [{ types: [0], p: ONE }]),
    hasTypes: false,
    outcomeLabels: null,
  };
  return {
    name: player.name,
    actions: player.actions,
    utility,
    game: single,
    classOf,
  };
}

/** The action names of a flat profile, one per receiver. */
export function profileActions(
  problem: PersuasionProblem,
  a: number,
): string[] {
  return decodeProfile(problem.game, a).map(
    (b, i) => problem.receivers[i].actions[b],
  );
}
