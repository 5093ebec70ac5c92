/**
 * The extensive form that implements a sequential-design outcome, and its
 * independent re-verification.
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
 * `verifyExtensiveForm` reads nothing but this printed form and the game.
 * It rebuilds π, checks the martingale rows, that each law over orders is
 * a probability over permutations, that the common law is common, that
 * every punishment is a legal profile of the kind the threats allow (for
 * credible threats: carrying on, or a subgame-perfect outcome of the
 * announced continuation), and then simulates sequential obedience: for
 * every i, t_i, a_i and d, summing over plans and orders with weight
 * π(θ, t, a) λ(σ | θ, t, a),
 *
 *   Σ [u_i(θ, a) − u_i(θ, a_{pred_σ(i)}, d, a*_R)] ≥ 0,
 *
 * with the punishment a*_R looked up in the printed table. It shares no
 * code with the LP rows, so a faulty row would be caught here.
 */

import {
  actionAvailable,
  decodeProfile,
  encodeProfile,
  profileCount,
  type BaseGame,
} from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import type { SequentialProgram } from './program.js';
import { peelOrders, predecessorSets, type WeightedOrder } from './lattice.js';
import {
  threatTable,
  type PunishmentMode,
  type ThreatKind,
} from './threats.js';

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

/** The extensive form and outcome of an LP solution of `program`. */
export function extensiveFormFromSolution(
  game: BaseGame,
  program: SequentialProgram,
  x: readonly Rational[],
): { form: ExtensiveForm; outcome: Outcome } {
  const { bce, lattice, orders, threats } = program;
  const n = game.players.length;
  const names = (order: readonly number[]) =>
    order.map((i) => game.players[i].name);
  const p = game.states.map((_, s) =>
    game.signal[s].map(() =>
      new Array<Rational>(profileCount(game)).fill(ZERO),
    ),
  );

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
    p[c.state][c.k][c.profile] = pi;
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
    form: {
      threats: threats.kind,
      commonOrder: program.commonOrder,
      observation: OBSERVATION,
      plans,
      orderLaw,
      punishments,
    },
    outcome: { p },
  };
}

/** The answer of `verifyExtensiveForm`. */
export interface FormVerification {
  /** True when every check passed, in exact arithmetic. */
  readonly verified: boolean;
  /** Every failed check, in words. */
  readonly failures: readonly string[];
  /** The outcome π the form produces (null when the plans are unreadable). */
  readonly outcome: Outcome | null;
}

/**
 * Re-verifies a printed extensive form from scratch: the plans make an
 * outcome, punishments are legal for the form's threats, and obeying is an
 * equilibrium (see the module header).
 */
export function verifyExtensiveForm(
  game: BaseGame,
  form: ExtensiveForm,
): FormVerification {
  const failures: string[] = [];
  const n = game.players.length;
  const count = profileCount(game);
  const playerIndex = new Map(game.players.map((q, i) => [q.name, i]));
  const p = game.states.map((_, s) =>
    game.signal[s].map(() => new Array<Rational>(count).fill(ZERO)),
  );

  // Where a named (state, types, actions) is in the game, or null.
  const locate = (
    what: string,
    state: string,
    types: readonly string[] | undefined,
    actions: readonly string[],
  ): { s: number; k: number; a: number[] } | null => {
    const s = game.states.indexOf(state);
    const a = actions.map((x, i) => game.players[i]?.actions.indexOf(x) ?? -1);
    const t = game.hasTypes
      ? (types ?? []).map((x, i) => game.players[i]?.types.indexOf(x) ?? -1)
      : game.players.map(() => 0);
    const k =
      s < 0
        ? -1
        : game.signal[s].findIndex((w) => w.types.every((x, i) => x === t[i]));
    if (s < 0 || k < 0 || a.length !== n || a.some((x) => x < 0)) {
      failures.push(`${what}: no such state, type profile or action profile`);
      return null;
    }
    if (a.some((x, i) => !actionAvailable(game, i, t[i], x))) {
      failures.push(`${what}: an action the player's type does not have`);
      return null;
    }
    return { s, k, a };
  };
  const orderOf = (what: string, order: readonly string[]) => {
    const o = order.map((x) => playerIndex.get(x) ?? -1);
    if (o.length !== n || new Set(o).size !== n || o.some((i) => i < 0)) {
      failures.push(
        `${what}: [${order.join(', ')}] is not an order of all players`,
      );
      return null;
    }
    return o;
  };

  // Plans: the outcome π and, per cell, its law over orders.
  const plans: {
    s: number;
    k: number;
    a: number[];
    pi: Rational;
    orders: { order: number[]; p: Rational }[];
  }[] = [];
  for (const plan of form.plans) {
    const what = `plan ${plan.state}:${plan.actions.join(',')}`;
    const cell = locate(what, plan.state, plan.types, plan.actions);
    if (!cell) continue;
    const a = encodeProfile(game, cell.a);
    if (plan.p.sign() <= 0 || !p[cell.s][cell.k][a].isZero()) {
      failures.push(`${what}: probability not positive, or listed twice`);
      continue;
    }
    p[cell.s][cell.k][a] = plan.p;
    let total = ZERO;
    const orders: { order: number[]; p: Rational }[] = [];
    const keys = new Set<string>();
    for (const law of plan.orders) {
      const order = orderOf(what, law.order);
      if (!order) continue;
      if (law.p.sign() <= 0 || keys.has(order.join())) {
        failures.push(`${what}: order probability not positive, or repeated`);
      }
      keys.add(order.join());
      total = total.add(law.p);
      orders.push({ order, p: law.p });
    }
    if (!total.equals(ONE)) {
      failures.push(`${what}: order probabilities sum to ${total}, not 1`);
    }
    plans.push({ ...cell, pi: plan.p, orders });
  }

  // Martingale: the plans put mass µ0(θ) ψ(t | θ) on every cell.
  for (let s = 0; s < game.states.length; s++) {
    game.signal[s].forEach((w, k) => {
      const mass = p[s][k].reduce((x, y) => x.add(y), ZERO);
      const required = game.prior[s].mul(w.p);
      if (!mass.equals(required)) {
        failures.push(
          `state ${game.states[s]}: plans carry ${mass}, the prior requires ${required}`,
        );
      }
    });
  }

  // A common order law: Pr(σ | θ, t) is the printed λ(σ) in every cell.
  if (form.commonOrder) {
    const law = new Map<string, Rational>();
    for (const entry of form.orderLaw ?? []) {
      const order = orderOf('order law', entry.order);
      if (order) law.set(order.join(), entry.p);
    }
    for (let s = 0; s < game.states.length; s++) {
      game.signal[s].forEach((w, k) => {
        const mass = game.prior[s].mul(w.p);
        if (mass.isZero()) return;
        const inCell = new Map<string, Rational>();
        for (const plan of plans) {
          if (plan.s !== s || plan.k !== k) continue;
          for (const o of plan.orders) {
            const key = o.order.join();
            const add = plan.pi.mul(o.p).div(mass);
            inCell.set(key, (inCell.get(key) ?? ZERO).add(add));
          }
        }
        for (const key of new Set([...law.keys(), ...inCell.keys()])) {
          const q = inCell.get(key) ?? ZERO;
          if (!q.equals(law.get(key) ?? ZERO)) {
            failures.push(
              `state ${game.states[s]}: order ${key} has probability ${q}, ` +
                `the common law says ${law.get(key) ?? ZERO}`,
            );
          }
        }
      });
    }
  }

  // Punishments, indexed by (cell, predecessors, deviator, deviation).
  const threats = threatTable(game, form.threats);
  const table = new Map<string, number>();
  for (const entry of form.punishments) {
    const what =
      `punishment of ${entry.mover} playing ${entry.deviation} after ` +
      `{${entry.after.join(',')}} in ${entry.state}:${entry.actions.join(',')}`;
    const cell = locate(what, entry.state, entry.types, entry.actions);
    const i = playerIndex.get(entry.mover) ?? -1;
    const after = entry.after.map((x) => playerIndex.get(x) ?? -1);
    if (!cell || i < 0 || after.some((r) => r < 0 || r === i)) {
      failures.push(`${what}: unknown player`);
      continue;
    }
    const types = game.signal[cell.s][cell.k].types;
    const d = game.players[i].actions.indexOf(entry.deviation);
    if (d < 0 || d === cell.a[i] || !actionAvailable(game, i, types[i], d)) {
      failures.push(`${what}: not a deviation the player can make`);
      continue;
    }
    const before = after.reduce((m, r) => m | (1 << r), 0);
    const played = [...cell.a];
    played[i] = d;
    const told = new Set<number>();
    for (const { player, action } of entry.response) {
      const r = playerIndex.get(player) ?? -1;
      const c = r < 0 ? -1 : game.players[r].actions.indexOf(action);
      if (r < 0 || r === i || before & (1 << r) || c < 0) {
        failures.push(`${what}: ${player} cannot be told ${action}`);
        continue;
      }
      if (!actionAvailable(game, r, types[r], c)) {
        failures.push(`${what}: ${player}'s type cannot play ${action}`);
      }
      played[r] = c;
      told.add(r);
    }
    if (told.size !== n - 1 - after.length) {
      failures.push(`${what}: not every later mover is told what to play`);
      continue;
    }
    const profile = encodeProfile(game, played);
    const payoff = game.payoffs[cell.s][profile][i];
    if (!payoff.equals(entry.payoff)) {
      failures.push(
        `${what}: printed payoff ${entry.payoff}, actual ${payoff}`,
      );
    }
    if (form.threats === 'credible') {
      const carriesOn = played.every((x, r) => r === i || x === cell.a[r]);
      const legal =
        entry.mode === 'carry-on'
          ? carriesOn
          : entry.mode === 'announce' &&
            threats
              .continuationOutcomes(cell.s, cell.k, before | (1 << i), profile)
              .includes(profile);
      if (!legal) {
        failures.push(`${what}: not a credible punishment (${entry.mode})`);
      }
    }
    const key = `${cell.s}/${cell.k}/${encodeProfile(game, cell.a)}/${before}/${i}/${d}`;
    table.set(key, profile);
  }

  // Sequential obedience, simulated over every plan and order.
  const slack = new Map<string, Rational>();
  for (const plan of plans) {
    const a = encodeProfile(game, plan.a);
    const u = game.payoffs[plan.s];
    const types = game.signal[plan.s][plan.k].types;
    for (const { order, p: q } of plan.orders) {
      const weight = plan.pi.mul(q);
      const before = predecessorSets(order);
      for (let i = 0; i < n; i++) {
        for (let d = 0; d < game.players[i].actions.length; d++) {
          if (d === plan.a[i] || !actionAvailable(game, i, types[i], d)) {
            continue;
          }
          const punished = table.get(
            `${plan.s}/${plan.k}/${a}/${before[i]}/${i}/${d}`,
          );
          const key = `${i}/${types[i]}/${plan.a[i]}/${d}`;
          if (punished === undefined) {
            failures.push(
              `no punishment listed for ${game.players[i].name} playing ` +
                `${game.players[i].actions[d]} in ${game.states[plan.s]}`,
            );
            slack.set(key, ONE.neg());
            continue;
          }
          const gain = u[a][i].sub(u[punished][i]).mul(weight);
          slack.set(key, (slack.get(key) ?? ZERO).add(gain));
        }
      }
    }
  }
  for (const [key, value] of slack) {
    if (value.sign() >= 0) continue;
    const [i, t, ai, d] = key.split('/').map(Number);
    const player = game.players[i];
    failures.push(
      `obedience fails: ${player.name}${game.hasTypes ? ` (type ${player.types[t]})` : ''} ` +
        `told ${player.actions[ai]} gains ${value.neg()} by playing ${player.actions[d]}`,
    );
  }
  return {
    verified: failures.length === 0,
    failures,
    outcome: { p },
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
