/**
 * Threats: what happens after a player disobeys in a sequential mechanism.
 *
 * In the canonical mechanism (program.ts) the designer draws a state cell
 * (θ, t), a recommended profile a and an order of moves, approaches the
 * players one at a time and tells each only her own recommendation. When
 * player i, moving after the set S (who played a_S), plays d ≠ a_i, the
 * designer sees it and chooses what the later movers R = N \ (S ∪ {i}) are
 * told. The deviator then gets u_i(θ, a_S, d, a*_R) for the punishment
 * a*_R(θ, t, S, a_S, d) the designer picks; the threat W_i is that payoff.
 *
 * nash (exact for Nash implementability): the later movers' information
 *   sets after a deviation are reached with probability zero, so Nash
 *   equilibrium asks nothing of their play there and the designer may
 *   recommend the worst profile for i:
 *
 *     W_i(θ, t, S, a_S, d) = min over a_R ∈ A_R(t_R) of u_i(θ, a_S, d, a_R).
 *
 * credible (sequentially rational; sufficient, not exact): the designer
 *   may only use punishments the later movers would carry out. Two kinds
 *   are always credible, and W_i is the lower of the two:
 *
 *   - carry on: tell the later movers what they were going to be told,
 *     a*_R = a_R. They cannot tell that anything happened, their
 *     information sets are on the equilibrium path, and Bayes' rule puts
 *     zero weight on the deviation, so obeying stays optimal. The deviator
 *     gets u_i(θ, d, a_−i), as in a simultaneous-move game; this is why
 *     every BCE is implementable with credible threats.
 *   - announce: tell the later movers the deviation, the state cell and
 *     everything played so far, then let them move one at a time, each
 *     seeing all earlier moves, in an order the designer chooses as it
 *     goes. This continuation is a game of complete and perfect
 *     information; the later movers play a subgame-perfect equilibrium of
 *     it, and the designer selects the one worst for i. Beliefs after the
 *     announcement are degenerate, so every information set off the path
 *     has its belief pinned down and play there is sequentially rational.
 *
 *   The subgame-perfect outcomes E(M, a_M) of the announced continuation,
 *   once the players M ⊆ R have moved, satisfy the one-shot-deviation
 *   recursion E(R, a_R) = {a_R} and
 *
 *     E(M, a_M) = ∪_{j ∈ R \ M} { e ∈ E(M ∪ {j}, (a_M, c)) : c ∈ A_j,
 *                   u_j(e) ≥ max_{c'} min_{e' ∈ E(M ∪ {j}, (a_M, c'))} u_j(e') },
 *
 *   where j may pick c on the equilibrium path when no deviation c' can
 *   guarantee her more, given that the designer (who picks the next mover
 *   and the equilibrium in every subgame) would then select the worst
 *   continuation for her. The credible threat is min over E(∅) of u_i.
 *
 *   The credible set is sufficient, not exact, for perfect Bayesian
 *   implementation: a designer could also punish with other on-path
 *   recommendations, with partial announcements, or with mixed
 *   continuations, which this restriction leaves out. It always contains
 *   the BCE and is contained in the Nash set, since each W here is at
 *   least the Nash threat.
 *
 * The bonus u_i(θ, d, a_−i) − W_i ≥ 0 (the carry-on profile is one of the
 * candidates in both variants) is what moving before someone who can
 * punish adds to simultaneous-move obedience; program.ts adds it to the
 * BCE obedience rows.
 */

import { profileStrides, type BaseGame } from '../game/game.js';
import type { Rational } from '../numbers/rational.js';

/** Which punishments the designer may use after a deviation. */
export type ThreatKind = 'nash' | 'credible';

/**
 * How a punishment is carried out: `worst`, the Nash threat (later movers
 * are told the profile worst for the deviator); `carry-on`, later movers
 * are told what they were going to be told (also the mode of a last mover,
 * after whom nobody is left to punish); `announce`, the deviation and
 * the state are announced and later movers play a subgame-perfect
 * continuation.
 */
export type PunishmentMode = 'worst' | 'carry-on' | 'announce';

/** The punishment of one deviation. */
export interface Punishment {
  readonly mode: PunishmentMode;
  /** The flat profile played after the deviation: (a_S, d, a*_R). */
  readonly profile: number;
  /** The threat W_i: the deviator's payoff at `profile`. */
  readonly payoff: Rational;
}

/** Threats of one kind on one game, computed on demand and cached. */
export interface ThreatTable {
  readonly kind: ThreatKind;
  /**
   * The punishment when `mover`, recommended her action in the flat
   * profile `profile`, moving after the players in the mask `before`,
   * plays `deviation` in state `state` and type cell `k`.
   */
  punishment(
    state: number,
    k: number,
    profile: number,
    before: number,
    mover: number,
    deviation: number,
  ): Punishment;
  /**
   * E(∅): the subgame-perfect outcomes of the announced continuation in
   * which the players outside the mask `fixed` move, the others' actions
   * being those in `profile`.
   */
  continuationOutcomes(
    state: number,
    k: number,
    fixed: number,
    profile: number,
  ): readonly number[];
}

/** The threat table of `kind` for `game`. */
export function threatTable(game: BaseGame, kind: ThreatKind): ThreatTable {
  const n = game.players.length;
  const strides = profileStrides(game);
  const actionCount = game.players.map((p) => p.actions.length);
  const actionOf = (a: number, j: number) =>
    Math.floor(a / strides[j]) % actionCount[j];
  const available = (k: number, state: number, j: number): number[] => {
    const t = game.signal[state][k].types[j];
    return game.actionSets
      ? [...game.actionSets[j][t]]
      : Array.from({ length: actionCount[j] }, (_, c) => c);
  };
  const u = (state: number, a: number, j: number) => game.payoffs[state][a][j];
  // The profile with every player outside `fixed` set to action 0.
  const clear = (a: number, fixed: number) => {
    let out = a;
    for (let j = 0; j < n; j++) {
      if (!(fixed & (1 << j))) out -= actionOf(a, j) * strides[j];
    }
    return out;
  };

  // Every completion of a cleared profile by available actions of the
  // players outside `fixed`, in flat-index order.
  const completions = (
    state: number,
    k: number,
    fixed: number,
    cleared: number,
  ): number[] => {
    let out = [cleared];
    for (let j = 0; j < n; j++) {
      if (fixed & (1 << j)) continue;
      const next: number[] = [];
      for (const base of out) {
        for (const c of available(k, state, j))
          next.push(base + c * strides[j]);
      }
      out = next;
    }
    return out.sort((x, y) => x - y);
  };

  const worst = new Map<string, Punishment>();
  const subgame = new Map<string, readonly number[]>();

  const continuationOutcomes = (
    state: number,
    k: number,
    fixed: number,
    profile: number,
  ): readonly number[] => {
    const full = (1 << n) - 1;
    const cleared = clear(profile, fixed);
    if (fixed === full) return [cleared];
    const key = `${state}/${k}/${fixed}/${cleared}`;
    const cached = subgame.get(key);
    if (cached) return cached;

    const outcomes = new Set<number>();
    for (let j = 0; j < n; j++) {
      if (fixed & (1 << j)) continue;
      // After j plays c, the designer may continue with any subgame-perfect
      // outcome of the rest; j plays c on the path only if no c' secures
      // her more against the worst continuation after c'.
      const after = available(k, state, j).map((c) =>
        continuationOutcomes(
          state,
          k,
          fixed | (1 << j),
          cleared + c * strides[j],
        ),
      );
      const secured = after.map((set) => {
        let low = u(state, set[0], j);
        for (const e of set) if (u(state, e, j).lt(low)) low = u(state, e, j);
        return low;
      });
      let threshold = secured[0];
      for (const x of secured) if (x.gt(threshold)) threshold = x;
      for (const set of after) {
        for (const e of set) if (u(state, e, j).ge(threshold)) outcomes.add(e);
      }
    }
    const result = [...outcomes].sort((x, y) => x - y);
    subgame.set(key, result);
    return result;
  };

  // The first profile in `candidates` minimising i's payoff.
  const argmin = (state: number, candidates: readonly number[], i: number) => {
    let best = candidates[0];
    for (const e of candidates) {
      if (u(state, e, i).lt(u(state, best, i))) best = e;
    }
    return best;
  };

  const punishment = (
    state: number,
    k: number,
    profile: number,
    before: number,
    mover: number,
    deviation: number,
  ): Punishment => {
    const fixed = before | (1 << mover);
    const deviated =
      profile + (deviation - actionOf(profile, mover)) * strides[mover];
    const cleared = clear(deviated, fixed);
    // The last mover cannot be punished: nobody is left to tell anything.
    if (fixed === (1 << n) - 1) {
      return {
        mode: 'carry-on',
        profile: deviated,
        payoff: u(state, deviated, mover),
      };
    }

    if (kind === 'nash') {
      // W depends on (θ, t, S, a_S, d) only, never on what the later
      // movers had been recommended: the table is keyed without it.
      const key = `${state}/${k}/${fixed}/${mover}/${cleared}`;
      let found = worst.get(key);
      if (!found) {
        const e = argmin(state, completions(state, k, fixed, cleared), mover);
        found = { mode: 'worst', profile: e, payoff: u(state, e, mover) };
        worst.set(key, found);
      }
      return found;
    }

    const carry = u(state, deviated, mover);
    const announced = continuationOutcomes(state, k, fixed, cleared);
    const e = argmin(state, announced, mover);
    // Announcing is used only when it hurts strictly more than carrying on.
    return u(state, e, mover).lt(carry)
      ? { mode: 'announce', profile: e, payoff: u(state, e, mover) }
      : { mode: 'carry-on', profile: deviated, payoff: carry };
  };

  return { kind, punishment, continuationOutcomes };
}
