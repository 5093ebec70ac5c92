/**
 * The extensive form that implements a sequential-design outcome.
 *
 * The canonical mechanism of program.ts, written out by name:
 *
 * - plans: for every cell (θ, t, a) with π(θ, t, a) > 0, the law
 *   λ(σ | θ, t, a) over orders of moves (peeled from the flow, lattice.ts,
 *   or read from the permutation form);
 * - punishments: for every position reached with positive probability
 *   (cell, predecessors S, mover i) and every deviation d ≠ a_i, what the
 *   later movers R are told, a*_R, and the deviator's payoff W_i
 *   (threats.ts);
 * - under a common order law, the law λ(σ) itself.
 *
 * Each player observes only her own recommendation: not her position in
 * the order, not the moves before hers.
 *
 * verify.ts re-verifies such a form from what it prints.
 */

import { actionAvailable, decodeProfile, type BaseGame } from '../game/game.js';
import type { Rational } from '../numbers/rational.js';
import type { SequentialProgram } from './program.js';
import { peelOrders, predecessorSets, type WeightedOrder } from './lattice.js';
import type { PunishmentMode, ThreatKind } from './threats.js';

/** What every player observes in the canonical mechanism. */
export const OBSERVATION =
  'each player observes only her own recommendation: not her position in ' +
  'the order of moves, not the moves made before hers';

/** An order of moves (first mover first) and its probability. */
export interface OrderLaw {
  readonly order: readonly string[];
  readonly p: Rational;
}

/** The recommendation a in cell (θ, t), its probability and its orders. */
export interface RecommendationPlan {
  readonly state: string;
  /** Type names, present when the game has types. */
  readonly types?: readonly string[];
  /** The recommended profile a, one action per player. */
  readonly actions: readonly string[];
  /** π(θ, t, a). */
  readonly p: Rational;
  /** λ(σ | θ, t, a), summing to 1. */
  readonly orders: readonly OrderLaw[];
}

/** One later mover's instruction after a deviation. */
export interface Instruction {
  readonly player: string;
  readonly action: string;
}

/** The punishment a*_R(θ, t, S, a_S, d) after one deviation. */
export interface PunishmentEntry {
  readonly state: string;
  readonly types?: readonly string[];
  /** The recommended profile a (a_S are the predecessors' actions in it). */
  readonly actions: readonly string[];
  /** The deviator i. */
  readonly mover: string;
  /** Her predecessors S, in player order. */
  readonly after: readonly string[];
  /** The action d she plays instead of a_i. */
  readonly deviation: string;
  readonly mode: PunishmentMode;
  /** a*_R: what each later mover plays, in player order. */
  readonly response: readonly Instruction[];
  /** W_i = u_i(θ, a_S, d, a*_R). */
  readonly payoff: Rational;
}

/** A canonical sequential mechanism, by name. */
export interface ExtensiveForm {
  readonly threats: ThreatKind;
  readonly commonOrder: boolean;
  /** What players observe (always `OBSERVATION`). */
  readonly observation: string;
  readonly plans: readonly RecommendationPlan[];
  /** λ(σ), under a common order law; otherwise null. */
  readonly orderLaw: readonly OrderLaw[] | null;
  readonly punishments: readonly PunishmentEntry[];
}

/**
 * The extensive form of an exact LP solution of `program`. Throws when the
 * flow is not conserved, which an exact solution rules out.
 */
export function extensiveFormFromSolution(
  game: BaseGame,
  program: SequentialProgram,
  x: readonly Rational[],
): ExtensiveForm {
  const { bce, lattice, orders, threats } = program;
  const n = game.players.length;
  const names = (order: readonly number[]) =>
    order.map((i) => game.players[i].name);

  // The routing columns of each cell, in the order they were created.
  const routesOf = new Map<number, number[]>();
  program.routes.forEach((r, index) => {
    const list = routesOf.get(r.cell) ?? [];
    list.push(program.routeOffset + index);
    routesOf.set(r.cell, list);
  });

  const plans: RecommendationPlan[] = [];
  const punishments: PunishmentEntry[] = [];
  const seen = new Set<string>();
  bce.cells.forEach((c, j) => {
    const pi = x[j];
    if (pi.sign() <= 0) return;
    const columns = routesOf.get(j) ?? [];
    const weighted: WeightedOrder[] =
      program.form === 'flow'
        ? peelOrders(
            lattice,
            columns.map((col) => x[col]),
          )
        : columns.flatMap((col, o) =>
            x[col].sign() > 0 ? [{ order: orders[o], weight: x[col] }] : [],
          );
    const typed = typeField(game, c.state, c.k);
    const actions = decodeProfile(game, c.profile);
    plans.push({
      state: game.states[c.state],
      ...typed,
      actions: actions.map((a, i) => game.players[i].actions[a]),
      p: pi,
      orders: weighted.map((w) => ({
        order: names(w.order),
        p: w.weight.div(pi),
      })),
    });

    // One punishment per reached position and deviation.
    const types = game.signal[c.state][c.k].types;
    for (const w of weighted) {
      const before = predecessorSets(w.order);
      for (let i = 0; i < n; i++) {
        for (let d = 0; d < game.players[i].actions.length; d++) {
          if (d === actions[i] || !actionAvailable(game, i, types[i], d)) {
            continue;
          }
          const key = `${j}/${before[i]}/${i}/${d}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const punish = threats.punishment(
            c.state,
            c.k,
            c.profile,
            before[i],
            i,
            d,
          );
          const played = decodeProfile(game, punish.profile);
          const response: Instruction[] = [];
          for (let r = 0; r < n; r++) {
            if (r === i || before[i] & (1 << r)) continue;
            response.push({
              player: game.players[r].name,
              action: game.players[r].actions[played[r]],
            });
          }
          punishments.push({
            state: game.states[c.state],
            ...typed,
            actions: actions.map((a, r) => game.players[r].actions[a]),
            mover: game.players[i].name,
            after: game.players
              .filter((_, r) => before[i] & (1 << r))
              .map((q) => q.name),
            deviation: game.players[i].actions[d],
            mode: punish.mode,
            response,
            payoff: punish.payoff,
          });
        }
      }
    }
  });

  const orderLaw =
    program.lambdaOffset === null
      ? null
      : orders.flatMap((order, o) => {
          const q = x[(program.lambdaOffset as number) + o];
          return q.sign() > 0 ? [{ order: names(order), p: q }] : [];
        });
  return {
    threats: threats.kind,
    commonOrder: program.commonOrder,
    observation: OBSERVATION,
    plans,
    orderLaw,
    punishments,
  };
}

function typeField(
  game: BaseGame,
  s: number,
  k: number,
): { types?: readonly string[] } {
  return game.hasTypes
    ? {
        types: game.signal[s][k].types.map((t, i) => game.players[i].types[t]),
      }
    : {};
}
