/**
 * Consistency: is a given outcome a Bayes correlated equilibrium?
 *
 * An outcome π(θ, t, a) is a BCE of (G, S) exactly when it satisfies the
 * martingale rows Σ_a π(θ, t, a) = µ0(θ) ψ(t | θ) and every obedience row
 * (bce.ts, obedience.ts). The check evaluates each of them in exact
 * arithmetic and reports every one that fails with its exact shortfall, so
 * a user sees which incentive fails and by how much. When all hold, the
 * rationalizing information structure S = A, π̂(a | θ, t) =
 * π(θ, t, a) / (µ0(θ) ψ(t | θ)) and the posterior each recommendation
 * induces are returned (information-structure.ts); states of prior 0 and
 * recommendations never made are skipped, never divided by.
 *
 * The obedience sums are those of the LP rows (obedience.ts), evaluated on
 * the cells of positive probability rather than built as rows.
 */

import {
  actionAvailable,
  decodeProfile,
  profileCount,
  type BaseGame,
} from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { ZERO, type Rational } from '../numbers/rational.js';
import {
  informationStructure,
  type InformationStructure,
} from './information-structure.js';
import { obedienceSlacks, profileNames } from './obedience.js';

/** A martingale row that fails: the outcome's mass on (θ, t) is not µ0(θ)ψ(t|θ). */
export interface MartingaleFailure {
  readonly kind: 'martingale';
  readonly state: string;
  readonly types?: readonly string[];
  /** µ0(θ) ψ(t | θ). */
  readonly required: Rational;
  /** Σ_a π(θ, t, a). */
  readonly actual: Rational;
  /** actual − required. */
  readonly excess: Rational;
}

/** An obedience row that fails: the deviation gains `shortfall` in expectation. */
export interface ObedienceFailure {
  readonly kind: 'obedience';
  readonly player: string;
  readonly type?: string;
  readonly recommended: string;
  readonly deviation: string;
  /** Σ π · [u_i(a) − u_i(a_i', a_-i)], negative when the row fails. */
  readonly slack: Rational;
  /** −slack: the expected gain from deviating, scaled by Pr(told a_i). */
  readonly shortfall: Rational;
}

/** Mass on an action the player's type does not have. */
export interface UnavailableFailure {
  readonly kind: 'unavailable';
  readonly state: string;
  readonly types?: readonly string[];
  readonly actions: readonly string[];
  readonly p: Rational;
}

/** One failed BCE condition. */
export type CheckFailure =
  MartingaleFailure | ObedienceFailure | UnavailableFailure;

/** The answer to "is this outcome a BCE?". */
export interface CheckResult {
  readonly consistent: boolean;
  /** Every failed condition, with its exact size. */
  readonly failures: readonly CheckFailure[];
  /** The rationalizing signal, when consistent. */
  readonly informationStructure: InformationStructure | null;
}

/**
 * Decides exactly whether `outcome` is a BCE of `game` and explains the
 * answer.
 *
 * @example
 * ```ts
 * import { checkOutcome, parseGameJson, parseOutcomeJson } from 'revelation';
 * const game = parseGameJson({
 *   states: ['only'], prior: [1],
 *   players: [{ name: 'row', actions: ['a', 'b'] }, { name: 'col', actions: ['a', 'b'] }],
 *   payoffs: [[[[1, 1], [0, 0]], [[0, 0], [1, 1]]]],
 * });
 * const outcome = parseOutcomeJson(
 *   { outcome: [{ state: 'only', actions: ['a', 'a'], p: 1 }] }, game);
 * checkOutcome(game, outcome).consistent; // true
 * ```
 */
export function checkOutcome(game: BaseGame, outcome: Outcome): CheckResult {
  const count = profileCount(game);
  const failures: CheckFailure[] = [];
  const typeNames = (s: number, k: number) =>
    game.signal[s][k].types.map((t, i) => game.players[i].types[t]);
  const typed = (s: number, k: number) =>
    game.hasTypes ? { types: typeNames(s, k) } : {};

  // Martingale rows, one per (θ, t) in the support of the baseline signal
  // (and for states of prior 0, whose mass must then be 0).
  for (let s = 0; s < game.states.length; s++) {
    game.signal[s].forEach((profile, k) => {
      const required = game.prior[s].mul(profile.p);
      let actual = ZERO;
      for (const p of outcome.p[s][k]) actual = actual.add(p);
      if (!actual.equals(required)) {
        failures.push({
          kind: 'martingale',
          state: game.states[s],
          ...typed(s, k),
          required,
          actual,
          excess: actual.sub(required),
        });
      }
      if (!game.actionSets) return;
      for (let a = 0; a < count; a++) {
        const p = outcome.p[s][k][a];
        if (p.isZero()) continue;
        const ok = decodeProfile(game, a).every((x, i) =>
          actionAvailable(game, i, profile.types[i], x),
        );
        if (!ok) {
          failures.push({
            kind: 'unavailable',
            state: game.states[s],
            ...typed(s, k),
            actions: profileNames(game, a),
            p,
          });
        }
      }
    });
  }

  // Obedience, evaluated on the cells of positive probability.
  for (const c of obedienceSlacks(game, outcome)) {
    if (c.slack.sign() >= 0) continue;
    const player = game.players[c.player];
    failures.push({
      kind: 'obedience',
      player: player.name,
      ...(game.hasTypes ? { type: player.types[c.type] } : {}),
      recommended: player.actions[c.recommended],
      deviation: player.actions[c.deviation],
      slack: c.slack,
      shortfall: c.slack.neg(),
    });
  }

  const consistent = failures.length === 0;
  return {
    consistent,
    failures,
    informationStructure: consistent
      ? informationStructure(game, outcome)
      : null,
  };
}
