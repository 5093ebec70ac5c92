/**
 * Obedience: no player gains by disobeying a recommendation.
 *
 * For an outcome π(θ, t, a), player i of type t_i who is recommended a_i
 * must not prefer a deviation a_i' given what the recommendation reveals:
 *
 *   Σ_{θ, t_-i, a_-i} π(θ, (t_i, t_-i), (a_i, a_-i))
 *       · [u_i((a_i, a_-i), θ) − u_i((a_i', a_-i), θ)]  ≥  0.
 *
 * (Bergemann and Morris 2016, def. 1; with one state this is Aumann's
 * correlated equilibrium, with one player Kamenica–Gentzkow persuasion by
 * recommendations.) One row per (i, t_i, a_i, a_i' ≠ a_i); rows whose
 * coefficients are all zero (the deviation never changes i's payoff) say
 * nothing and are left out.
 *
 * This module is the one place the constraint is written: BCE, the
 * consistency check, persuasion and the formulations built on them all take
 * their obedience rows from here.
 */

import {
  actionAvailable,
  decodeProfile,
  profileCount,
  profileStrides,
  type BaseGame,
} from '../game/game.js';
import { gcd, Rational, ZERO } from '../numbers/rational.js';
import type { LpRow } from '../lp/model.js';
import type { Outcome } from '../game/outcome.js';

/** Which obedience constraint a row is. */
export interface ObedienceConstraint {
  /** Player index i. */
  readonly player: number;
  /** Player i's baseline type index t_i. */
  readonly type: number;
  /** Recommended action index a_i. */
  readonly recommended: number;
  /** Deviation action index a_i'. */
  readonly deviation: number;
}

/**
 * Maps a cell (θ, k, a) to its LP column, or −1 when the cell has no column
 * (a state of prior zero, an action the type does not have).
 */
export type CellIndex = (state: number, k: number, profile: number) => number;

/**
 * The obedience rows of `game` over the columns given by `column`, each
 * `Σ coefficient · π ≥ 0`, with the constraint each row stands for.
 */
export function obedienceRows(
  game: BaseGame,
  column: CellIndex,
  options: { readonly integerRows?: boolean } = {},
): { rows: LpRow[]; constraints: ObedienceConstraint[]; scales: Rational[] } {
  const rows: LpRow[] = [];
  const constraints: ObedienceConstraint[] = [];
  const scales: Rational[] = [];
  const strides = profileStrides(game);
  const count = profileCount(game);

  game.players.forEach((player, i) => {
    const stride = strides[i];
    // With `integerRows`, player i's rows are multiplied by the least
    // common denominator D_i of her payoffs: the same constraints (a
    // positive multiple of a row ≥ 0 is the same half-space) with integer
    // coefficients, which are cheaper to build and to certify. Row duals
    // then come out divided by D_i; `scales` lets the caller undo that.
    const scale = options.integerRows ? payoffDenominator(game, i) : 1n;
    const gainOf =
      scale === 1n
        ? (u: readonly (readonly Rational[])[], a: number, b: number) =>
            u[a][i].sub(u[b][i])
        : (u: readonly (readonly Rational[])[], a: number, b: number) =>
            Rational.int(
              (u[a][i].n * scale) / u[a][i].d - (u[b][i].n * scale) / u[b][i].d,
            );
    // The profiles in which player i plays her first action: adding
    // a_i · stride to one of them gives every profile with a_i.
    const others: number[] = [];
    for (let a = 0; a < count; a++) {
      if (Math.floor(a / stride) % player.actions.length === 0) others.push(a);
    }
    for (let t = 0; t < player.types.length; t++) {
      for (let ai = 0; ai < player.actions.length; ai++) {
        if (!actionAvailable(game, i, t, ai)) continue;
        for (let d = 0; d < player.actions.length; d++) {
          if (d === ai || !actionAvailable(game, i, t, d)) continue;
          const indices: number[] = [];
          const coefficients: Rational[] = [];

          // Every cell where i of type t is told a_i contributes its gain
          // from obeying rather than playing d.
          for (let s = 0; s < game.states.length; s++) {
            const u = game.payoffs[s];
            game.signal[s].forEach((profile, k) => {
              if (profile.types[i] !== t) return;
              for (const base of others) {
                const a = base + ai * stride;
                const j = column(s, k, a);
                if (j < 0) continue;
                const deviated = a + (d - ai) * stride;
                const gain = gainOf(u, a, deviated);
                if (gain.isZero()) continue;
                indices.push(j);
                coefficients.push(gain);
              }
            });
          }
          if (indices.length === 0) continue;
          rows.push({
            name: obedienceName(game, {
              player: i,
              type: t,
              recommended: ai,
              deviation: d,
            }),
            indices,
            coefficients,
            lower: ZERO,
            upper: null,
          });
          constraints.push({
            player: i,
            type: t,
            recommended: ai,
            deviation: d,
          });
          scales.push(Rational.int(scale));
        }
      }
    }
  });
  return { rows, constraints, scales };
}

/** The least common denominator of player i's payoffs u_i(a, θ). */
function payoffDenominator(game: BaseGame, i: number): bigint {
  let lcm = 1n;
  for (const byProfile of game.payoffs) {
    for (const u of byProfile) {
      const d = u[i].d;
      if (lcm % d !== 0n) lcm = (lcm / gcd(lcm, d)) * d;
    }
  }
  return lcm;
}

/** An obedience constraint with its slack at some outcome. */
export interface ObedienceSlack extends ObedienceConstraint {
  /** Σ π · [u_i(a) − u_i(a_i', a_-i)]: negative when the constraint fails. */
  readonly slack: Rational;
}

/**
 * The slack of the obedience constraints at an outcome, computed from the
 * cells of positive probability only (the rows of `obedienceRows`
 * evaluated at π, without building them). Constraints whose recommendation
 * is never made have slack 0 and are left out.
 */
export function obedienceSlacks(
  game: BaseGame,
  outcome: Outcome,
): ObedienceSlack[] {
  const strides = profileStrides(game);
  const count = profileCount(game);
  const slack = new Map<string, ObedienceSlack>();
  for (let s = 0; s < game.states.length; s++) {
    const u = game.payoffs[s];
    game.signal[s].forEach((profile, k) => {
      for (let a = 0; a < count; a++) {
        const p = outcome.p[s][k][a];
        if (p.isZero()) continue;
        game.players.forEach((player, i) => {
          const t = profile.types[i];
          const ai = Math.floor(a / strides[i]) % player.actions.length;
          for (let d = 0; d < player.actions.length; d++) {
            if (d === ai || !actionAvailable(game, i, t, d)) continue;
            const deviated = a + (d - ai) * strides[i];
            const gain = u[a][i].sub(u[deviated][i]);
            const key = `${i}/${t}/${ai}/${d}`;
            const before = slack.get(key)?.slack ?? ZERO;
            slack.set(key, {
              player: i,
              type: t,
              recommended: ai,
              deviation: d,
              slack: before.add(p.mul(gain)),
            });
          }
        });
      }
    });
  }
  return [...slack.values()];
}

/** A readable name for an obedience constraint, e.g. `obey[judge:convict→acquit]`. */
export function obedienceName(game: BaseGame, c: ObedienceConstraint): string {
  const player = game.players[c.player];
  const type = game.hasTypes ? `@${player.types[c.type]}` : '';
  return (
    `obey[${player.name}${type}:${player.actions[c.recommended]}` +
    `→${player.actions[c.deviation]}]`
  );
}

/** Action names of a flat profile, for display. */
export function profileNames(game: BaseGame, a: number): string[] {
  return decodeProfile(game, a).map((k, i) => game.players[i].actions[k]);
}
