/**
 * The information structure that implements an outcome.
 *
 * By the recommendation principle (Myerson 1982; Bergemann and Morris 2016,
 * thm. 1), an outcome π is produced by the direct signal S = A that
 * recommends each player an action:
 *
 *   π̂(a | θ, t) = π(θ, t, a) / (µ0(θ) ψ(t | θ)),
 *
 * defined wherever µ0(θ) ψ(t | θ) > 0 (elsewhere the kernel is irrelevant
 * and nothing is divided). Player i of type t_i who hears a_i then holds the
 * posterior
 *
 *   µ(θ | t_i, a_i) = Σ_{t_-i, a_-i} π(θ, t, a) / Σ_{θ', t_-i, a_-i} π(θ', t, a),
 *
 * reported only for recommendations of positive probability. Obedience says
 * a_i is a best reply to the joint posterior over (θ, a_-i); the posterior
 * over states is what users read and plot.
 */

import { decodeProfile, profileCount, type BaseGame } from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { ZERO, type Rational } from '../numbers/rational.js';

/** One entry of the recommendation kernel π̂(a | θ, t) > 0. */
export interface KernelEntry {
  readonly state: string;
  /** Type names, present when the game has types. */
  readonly types?: readonly string[];
  readonly recommendation: readonly string[];
  /** π̂(a | θ, t). */
  readonly p: Rational;
}

/** What one recommendation tells the player who receives it. */
export interface RecommendationPosterior {
  readonly player: string;
  /** The player's own type, present when the game has types. */
  readonly type?: string;
  readonly action: string;
  /** Ex-ante probability that this player (of this type) is told this action. */
  readonly probability: Rational;
  /** µ(θ | t_i, a_i) for every state. */
  readonly posterior: readonly {
    readonly state: string;
    readonly p: Rational;
  }[];
}

/** The direct signal implementing an outcome, and what each signal says. */
export interface InformationStructure {
  /** Nonzero entries of π̂(a | θ, t). */
  readonly kernel: readonly KernelEntry[];
  /** Every recommendation of positive probability, with its posterior. */
  readonly recommendations: readonly RecommendationPosterior[];
}

/** The recommendation signal that implements `outcome` in `game`. */
export function informationStructure(
  game: BaseGame,
  outcome: Outcome,
): InformationStructure {
  const count = profileCount(game);
  const kernel: KernelEntry[] = [];
  const typeNames = (s: number, k: number) =>
    game.signal[s][k].types.map((t, i) => game.players[i].types[t]);

  for (let s = 0; s < game.states.length; s++) {
    game.signal[s].forEach((profile, k) => {
      const mass = game.prior[s].mul(profile.p);
      if (mass.isZero()) return;
      for (let a = 0; a < count; a++) {
        const p = outcome.p[s][k][a];
        if (p.isZero()) continue;
        kernel.push({
          state: game.states[s],
          ...(game.hasTypes ? { types: typeNames(s, k) } : {}),
          recommendation: decodeProfile(game, a).map(
            (x, i) => game.players[i].actions[x],
          ),
          p: p.div(mass),
        });
      }
    });
  }

  // Accumulate, per (player, type, action), the mass in each state.
  const recommendations: RecommendationPosterior[] = [];
  game.players.forEach((player, i) => {
    const mass = player.types.map(() =>
      player.actions.map(() => game.states.map(() => ZERO)),
    );
    for (let s = 0; s < game.states.length; s++) {
      game.signal[s].forEach((profile, k) => {
        const t = profile.types[i];
        for (let a = 0; a < count; a++) {
          const p = outcome.p[s][k][a];
          if (p.isZero()) continue;
          const ai = decodeProfile(game, a)[i];
          mass[t][ai][s] = mass[t][ai][s].add(p);
        }
      });
    }
    mass.forEach((byAction, t) =>
      byAction.forEach((byState, ai) => {
        const total = byState.reduce((x, y) => x.add(y), ZERO);
        if (total.isZero()) return;
        recommendations.push({
          player: player.name,
          ...(game.hasTypes ? { type: player.types[t] } : {}),
          action: player.actions[ai],
          probability: total,
          posterior: byState.map((p, s) => ({
            state: game.states[s],
            p: p.div(total),
          })),
        });
      }),
    );
  });
  return { kernel, recommendations };
}
