/**
 * Re-verifying a printed extensive form (extensive-form.ts) from scratch.
 *
 * `verifyExtensiveForm` reads nothing but the form, by name, and the game.
 * It rebuilds the outcome π from the plans and checks, in exact arithmetic:
 *
 * 1. the plans put mass µ0(θ) ψ(t | θ) on every cell (θ, t) (martingale);
 * 2. each plan's law over orders is a probability over permutations of all
 *    players, and under a common order law Pr(σ | θ, t) =
 *    Σ_a π(θ, t, a) λ(σ | θ, t, a) / (µ0(θ) ψ(t | θ)) is the printed λ(σ)
 *    in every cell;
 * 3. every punishment names a legal profile (a_S, d, a*_R) with the right
 *    payoff, of a kind the threats allow: any profile for nash; for
 *    credible, carrying on (a*_R = a_R) or an outcome of the announced
 *    subgame-perfect continuation (recomputed by threats.ts);
 * 4. sequential obedience, simulated: for every i, t_i, a_i and d ≠ a_i,
 *    summing over plans with a_i recommended and over their orders σ,
 *
 *      Σ π(θ, t, a) λ(σ | θ, t, a) [u_i(θ, a) − u_i(θ, a_{pred_σ(i)}, d, a*_R)]
 *        ≥ 0,
 *
 *    with a*_R looked up in the printed table for the position
 *    (θ, t, a, pred_σ(i), i, d); a position without an entry fails.
 *
 * None of this shares code with the LP rows of program.ts, so a faulty
 * row, a faulty flow decomposition or a faulty punishment shows up here.
 */

import {
  actionAvailable,
  encodeProfile,
  profileCount,
  type BaseGame,
} from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import type { ExtensiveForm } from './extensive-form.js';
import { predecessorSets } from './lattice.js';
import { threatTable } from './threats.js';

/** The answer of `verifyExtensiveForm`. */
export interface FormVerification {
  /** True when every check passed, in exact arithmetic. */
  readonly verified: boolean;
  /** Every failed check, in words. */
  readonly failures: readonly string[];
  /** The outcome π the plans produce. */
  readonly outcome: Outcome;
}

/** A plan read back into indices. */
interface Plan {
  readonly s: number;
  readonly k: number;
  /** Action indices of the recommended profile. */
  readonly a: readonly number[];
  readonly pi: Rational;
  readonly orders: readonly { order: number[]; p: Rational }[];
}

/** What the steps share: the game, name lookups and the failures so far. */
interface Reading {
  readonly game: BaseGame;
  readonly failures: string[];
  readonly playerIndex: ReadonlyMap<string, number>;
}

/**
 * Re-verifies a printed extensive form from scratch: the plans make an
 * outcome of the game, the punishments are legal for the form's threats,
 * and obeying is an equilibrium (see the module header).
 */
export function verifyExtensiveForm(
  game: BaseGame,
  form: ExtensiveForm,
): FormVerification {
  const reading: Reading = {
    game,
    failures: [],
    playerIndex: new Map(game.players.map((q, i) => [q.name, i])),
  };
  const { plans, outcome } = readPlans(reading, form);
  checkMartingale(reading, outcome);
  if (form.commonOrder) checkCommonOrder(reading, form, plans);
  const table = readPunishments(reading, form);
  simulateObedience(reading, plans, table);
  return {
    verified: reading.failures.length === 0,
    failures: reading.failures,
    outcome,
  };
}

/** The cell and action indices of a named (state, types, actions). */
function locate(
  { game, failures }: Reading,
  what: string,
  state: string,
  types: readonly string[] | undefined,
  actions: readonly string[],
): { s: number; k: number; a: number[] } | null {
  const n = game.players.length;
  const s = game.states.indexOf(state);
  const a = actions.map((x, i) => game.players[i]?.actions.indexOf(x) ?? -1);
  const t = game.hasTypes
    ? (types ?? []).map((x, i) => game.players[i]?.types.indexOf(x) ?? -1)
    : game.players.map(() => 0);
  const k =
    s < 0 || t.length !== n
      ? -1
      : game.signal[s].findIndex((w) => w.types.every((x, i) => x === t[i]));
  if (k < 0 || a.length !== n || a.some((x) => x < 0)) {
    failures.push(`${what}: no such state, type profile or action profile`);
    return null;
  }
  if (a.some((x, i) => !actionAvailable(game, i, t[i], x))) {
    failures.push(`${what}: an action the player's type does not have`);
    return null;
  }
  return { s, k, a };
}

/** Player indices of a named order of all players, or null. */
function readOrder(
  { game, failures, playerIndex }: Reading,
  what: string,
  order: readonly string[],
): number[] | null {
  const n = game.players.length;
  const o = order.map((x) => playerIndex.get(x) ?? -1);
  if (o.length !== n || new Set(o).size !== n || o.some((i) => i < 0)) {
    failures.push(
      `${what}: [${order.join(', ')}] is not an order of all players`,
    );
    return null;
  }
  return o;
}

/** The plans by index, and the outcome π they make. */
function readPlans(
  reading: Reading,
  form: ExtensiveForm,
): { plans: Plan[]; outcome: Outcome } {
  const { game, failures } = reading;
  const count = profileCount(game);
  const p = game.states.map((_, s) =>
    game.signal[s].map(() => new Array<Rational>(count).fill(ZERO)),
  );
  const plans: Plan[] = [];
  for (const plan of form.plans) {
    const what = `plan ${plan.state}:${plan.actions.join(',')}`;
    const cell = locate(reading, what, plan.state, plan.types, plan.actions);
    if (!cell) continue;
    const a = encodeProfile(game, cell.a);
    if (plan.p.sign() <= 0 || !p[cell.s][cell.k][a].isZero()) {
      failures.push(`${what}: probability not positive, or listed twice`);
      continue;
    }
    p[cell.s][cell.k][a] = plan.p;

    let total = ZERO;
    const orders: { order: number[]; p: Rational }[] = [];
    const seen = new Set<string>();
    for (const law of plan.orders) {
      const order = readOrder(reading, what, law.order);
      if (!order) continue;
      if (law.p.sign() <= 0 || seen.has(order.join())) {
        failures.push(`${what}: order probability not positive, or repeated`);
      }
      seen.add(order.join());
      total = total.add(law.p);
      orders.push({ order, p: law.p });
    }
    if (!total.equals(ONE)) {
      failures.push(`${what}: order probabilities sum to ${total}, not 1`);
    }
    plans.push({ ...cell, pi: plan.p, orders });
  }
  return { plans, outcome: { p } };
}

/** Martingale: the plans put mass µ0(θ) ψ(t | θ) on every cell. */
function checkMartingale({ game, failures }: Reading, outcome: Outcome) {
  game.signal.forEach((byType, s) =>
    byType.forEach((w, k) => {
      const mass = outcome.p[s][k].reduce((x, y) => x.add(y), ZERO);
      const required = game.prior[s].mul(w.p);
      if (!mass.equals(required)) {
        failures.push(
          `state ${game.states[s]}: plans carry ${mass}, the prior requires ${required}`,
        );
      }
    }),
  );
}

/** A common order law: Pr(σ | θ, t) is the printed λ(σ) in every cell. */
function checkCommonOrder(
  reading: Reading,
  form: ExtensiveForm,
  plans: readonly Plan[],
) {
  const { game, failures } = reading;
  const law = new Map<string, Rational>();
  for (const entry of form.orderLaw ?? []) {
    const order = readOrder(reading, 'order law', entry.order);
    if (order) law.set(order.join(), entry.p);
  }
  game.signal.forEach((byType, s) =>
    byType.forEach((w, k) => {
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
        const common = law.get(key) ?? ZERO;
        if (!q.equals(common)) {
          failures.push(
            `state ${game.states[s]}: order ${key} has probability ${q}, ` +
              `the common law says ${common}`,
          );
        }
      }
    }),
  );
}

/**
 * The punished profile of every legal printed punishment, keyed by
 * position and deviation: `s/k/a/before/i/d`.
 */
function readPunishments(
  reading: Reading,
  form: ExtensiveForm,
): Map<string, number> {
  const { game, failures, playerIndex } = reading;
  const n = game.players.length;
  const threats = threatTable(game, form.threats);
  const table = new Map<string, number>();
  for (const entry of form.punishments) {
    const what =
      `punishment of ${entry.mover} playing ${entry.deviation} after ` +
      `{${entry.after.join(',')}} in ${entry.state}:${entry.actions.join(',')}`;
    const cell = locate(reading, what, entry.state, entry.types, entry.actions);
    const i = playerIndex.get(entry.mover) ?? -1;
    const after = entry.after.map((x) => playerIndex.get(x) ?? -1);
    if (!cell || i < 0 || after.some((r) => r < 0 || r === i)) {
      failures.push(`${what}: unknown cell or player`);
      continue;
    }
    const types = game.signal[cell.s][cell.k].types;
    const d = game.players[i].actions.indexOf(entry.deviation);
    if (d < 0 || d === cell.a[i] || !actionAvailable(game, i, types[i], d)) {
      failures.push(`${what}: not a deviation the player can make`);
      continue;
    }

    // The profile played: predecessors as recommended, d, then a*_R.
    const before = after.reduce((m, r) => m | (1 << r), 0);
    const played = [...cell.a];
    played[i] = d;
    const told = new Set<number>();
    for (const { player, action } of entry.response) {
      const r = playerIndex.get(player) ?? -1;
      const c = r < 0 ? -1 : game.players[r].actions.indexOf(action);
      if (r < 0 || r === i || before & (1 << r) || c < 0 || told.has(r)) {
        failures.push(`${what}: ${player} cannot be told ${action}`);
        continue;
      }
      if (!actionAvailable(game, r, types[r], c)) {
        failures.push(`${what}: ${player}'s type cannot play ${action}`);
      }
      played[r] = c;
      told.add(r);
    }
    if (told.size !== n - 1 - new Set(after).size) {
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

    // Credible threats: carry on, or a subgame-perfect announced outcome.
    if (form.threats === 'credible') {
      const fixed = before | (1 << i);
      const legal =
        entry.mode === 'carry-on'
          ? played.every((x, r) => r === i || x === cell.a[r])
          : entry.mode === 'announce' &&
            threats
              .continuationOutcomes(cell.s, cell.k, fixed, profile)
              .includes(profile);
      if (!legal) {
        failures.push(`${what}: not a credible punishment (${entry.mode})`);
      }
    }
    const a = encodeProfile(game, cell.a);
    table.set(`${cell.s}/${cell.k}/${a}/${before}/${i}/${d}`, profile);
  }
  return table;
}

/** Sequential obedience, simulated over every plan, order and deviation. */
function simulateObedience(
  { game, failures }: Reading,
  plans: readonly Plan[],
  table: ReadonlyMap<string, number>,
) {
  const slack = new Map<string, Rational>();
  for (const plan of plans) {
    const a = encodeProfile(game, plan.a);
    const u = game.payoffs[plan.s];
    const types = game.signal[plan.s][plan.k].types;
    for (const { order, p } of plan.orders) {
      const weight = plan.pi.mul(p);
      const before = predecessorSets(order);
      game.players.forEach((player, i) => {
        for (let d = 0; d < player.actions.length; d++) {
          if (d === plan.a[i] || !actionAvailable(game, i, types[i], d)) {
            continue;
          }
          const punished = table.get(
            `${plan.s}/${plan.k}/${a}/${before[i]}/${i}/${d}`,
          );
          if (punished === undefined) {
            failures.push(
              `no punishment listed for ${player.name} playing ` +
                `${player.actions[d]} after {${order.slice(0, order.indexOf(i)).map((j) => game.players[j].name)}} ` +
                `in ${game.states[plan.s]}`,
            );
            continue;
          }
          const key = `${i}/${types[i]}/${plan.a[i]}/${d}`;
          const gain = u[a][i].sub(u[punished][i]).mul(weight);
          slack.set(key, (slack.get(key) ?? ZERO).add(gain));
        }
      });
    }
  }
  for (const [key, value] of slack) {
    if (value.sign() >= 0) continue;
    const [i, t, ai, d] = key.split('/').map(Number);
    const player = game.players[i];
    const type = game.hasTypes ? ` (type ${player.types[t]})` : '';
    failures.push(
      `obedience fails: ${player.name}${type} told ${player.actions[ai]} ` +
        `gains ${value.neg()} by playing ${player.actions[d]}`,
    );
  }
}
