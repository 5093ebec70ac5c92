/**
 * Sequential information design as a linear program (Doval and Ely 2020,
 * "Sequential Information Design", Econometrica 88(6)).
 *
 * Objects. A base game with states θ ∈ Θ, prior µ0, baseline types t with
 * law ψ(t | θ), players i ∈ N moving once each, payoffs u_i(θ, a). An
 * admissible extensive form lets every player move exactly once on every
 * path; the designer chooses it, together with what players observe. An
 * outcome π(θ, t, a) is implementable when some admissible extensive form
 * with some information has an equilibrium producing it.
 *
 * The canonical mechanism. The designer draws the cell (θ, t) from
 * µ0 ψ, a recommended profile a and an order of moves σ; it approaches the
 * players in the order σ and tells each only her recommendation a_i (not
 * her position, not earlier moves); it observes every action, and after a
 * deviation by i to d it tells the later movers the punishment
 * a*_R(θ, t, S, a_S, d) of threats.ts, giving i the threat W_i.
 *
 * Variables. π(θ, t, a) ≥ 0 (the BCE columns of bce.ts) and, for every
 * cell c = (θ, t, a), the flow f(c, S, i) ≥ 0 = Pr(c, and i moves right
 * after exactly the set S) on the lattice of subsets (lattice.ts).
 *
 * Rows.
 *   martingale:    Σ_a π(θ, t, a) = µ0(θ) ψ(t | θ)              (bce.ts)
 *   source:        π(c) − Σ_i f(c, ∅, i) = 0
 *   conservation:  Σ_{j ∈ S} f(c, S \ {j}, j) − Σ_{i ∉ S} f(c, S, i) = 0,
 *                  for every ∅ ≠ S ≠ N
 *   sequential obedience, for every i, t_i, a_i and d ≠ a_i:
 *     Σ_{θ, t_−i, a_−i, S} f(c, S, i) [u_i(θ, a) − W_i(θ, t, S, a_S, d)] ≥ 0.
 * Every path through the lattice crosses exactly one i-edge, so
 * Σ_S f(c, S, i) = π(c) and the obedience row splits into the BCE row of
 * obedience.ts plus a threat bonus:
 *     Σ π(c) [u_i(θ, a) − u_i(θ, d, a_−i)]                     (BCE row)
 *   + Σ f(c, S, i) [u_i(θ, d, a_−i) − W_i(θ, t, S, a_S, d)]   ≥ 0.
 * The rows are built exactly so: the BCE program is built by bceProgram
 * and its obedience rows are extended by the bonus columns. A BCE row that
 * obedience.ts leaves out (every coefficient zero) stays out, because the
 * bonus is never negative and the row would hold for every f ≥ 0.
 *
 * Why this set is exact with "nash" threats (every player moves once).
 * (⇐) Given a solution, peel each cell's flow into a law over orders
 * (lattice.ts) and run the canonical mechanism with the worst punishments.
 * Player i told a_i who plays d instead gets, summed over everything she
 * cannot see, exactly the second sum above with W_i, so the rows say no
 * deviation pays. Later movers' information sets after a deviation have
 * probability zero, where Nash equilibrium asks nothing. So obedience is a
 * Nash equilibrium of an admissible extensive form producing π.
 * (⇒) Take any admissible extensive form, information and Nash
 * equilibrium producing π. Let the designer simulate it (it draws nature's
 * moves and the players' mixtures), record on each path the order in
 * which players move and the actions they take, and recommend those
 * actions in that order; the induced flows satisfy the source and
 * conservation rows. In the original game, player i at each information
 * set h where she takes a_i does not gain by taking d, and after d the
 * later movers' play gives her at least W_i, the minimum over all their
 * actions. Summing over the information sets at which she takes a_i (which
 * the recommendation a_i pools) gives the obedience row. Pooling only
 * removes deviations, so telling each player less than the original form
 * did (only her recommendation) is the designer's best choice.
 *
 * With "credible" threats (threats.ts) the same rows with the larger
 * credible W_i describe outcomes implementable in perfect Bayesian
 * equilibrium with punishments of two special kinds; the (⇐) argument
 * goes through, the (⇒) argument does not, so this set is sufficient, not
 * exact.
 *
 * The permutation form has a variable x(c, σ) per cell and order instead
 * of the flow, with the source row π(c) − Σ_σ x(c, σ) = 0 and bonus
 * coefficients on x(c, σ) at S = pred_σ(i). By the decomposition above it
 * describes the same set; it is kept as an independent check of the flow
 * form, and because it alone can express a common order law.
 *
 * Common order law (an option). The order of moves is drawn independently
 * of the state cell, from one law λ over orders, though the recommendation
 * may still depend on the order. In the permutation form this is linear:
 *   Σ_a x(θ, t, a, σ) − µ0(θ) ψ(t | θ) λ(σ) = 0   for every (θ, t), σ,
 * with λ ≥ 0 free (Σ λ = 1 follows from the martingale rows). A flow does
 * not determine the law over whole orders, so the flow form cannot state
 * independence; a common order law always uses the permutation form.
 *
 * Size. The flow form has |cells| · N · 2^(N−1) flow columns and about
 * |cells| · 2^N flow rows; the permutation form |cells| · N! columns.
 */

import { profileStrides, type BaseGame } from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { InputError } from '../io/input-error.js';
import type { LinearProgram, LpRow, LpVariable } from '../lp/model.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import { bceProgram, type BceProgram } from '../bce/bce.js';
import type { Objective } from '../bce/objective.js';
import { obedienceName, type ObedienceConstraint } from '../bce/obedience.js';
import {
  allOrders,
  members,
  predecessorSets,
  subsetLattice,
  type Lattice,
} from './lattice.js';
import { threatTable, type ThreatKind, type ThreatTable } from './threats.js';

/** How the order of moves is represented in the LP. */
export type SequentialForm = 'flow' | 'permutation';

/** Options for `sequentialProgram`. */
export interface SequentialProgramOptions {
  /** `nash` (default; exact) or `credible` (sufficient, not exact). */
  readonly threats?: ThreatKind;
  /** One order law for every state cell (default false). */
  readonly commonOrder?: boolean;
  /** `flow` (default) or `permutation`; a common order law forces the latter. */
  readonly form?: SequentialForm;
  /** Fix π to this outcome (a consistency check) instead of optimising. */
  readonly outcome?: Outcome;
}

/** One routing column: cell `cell` (a BCE column) and its edge or order. */
export interface Route {
  /** Index into `bce.cells`. */
  readonly cell: number;
  /** Edge index of `lattice` (flow form) or index into `orders`. */
  readonly index: number;
}

/** The sequential-design LP, with the meaning of every column and row. */
export interface SequentialProgram {
  readonly lp: LinearProgram;
  /** The BCE program whose columns and first rows this LP extends. */
  readonly bce: BceProgram;
  readonly threats: ThreatTable;
  readonly form: SequentialForm;
  readonly commonOrder: boolean;
  readonly lattice: Lattice;
  /** Every order of the players (used by the permutation form). */
  readonly orders: readonly (readonly number[])[];
  /** Columns `routeOffset + r` are `routes[r]`. */
  readonly routes: readonly Route[];
  readonly routeOffset: number;
  /** Columns `lambdaOffset + σ` are λ(σ) under a common order law. */
  readonly lambdaOffset: number | null;
  /**
   * Rows `martingale.length + r` are the sequential obedience rows of
   * `obedience[r]`; the martingale rows come first, as in bce.ts.
   */
  readonly martingale: BceProgram['martingale'];
  readonly obedience: readonly ObedienceConstraint[];
}

/**
 * Refuse programs beyond this many routing columns: HiGHS would need
 * gigabytes, and exact certification far longer (docs/sequential.md).
 */
export const SEQUENTIAL_COLUMN_LIMIT = 1_000_000;

/**
 * The LP of outcomes implementable in some admissible extensive form, with
 * the given objective (zero when null) or a fixed outcome.
 */
export function sequentialProgram(
  game: BaseGame,
  objective: Objective | null = null,
  sense: 'maximize' | 'minimize' = 'maximize',
  options: SequentialProgramOptions = {},
): SequentialProgram {
  const n = game.players.length;
  const commonOrder = options.commonOrder ?? false;
  const form: SequentialForm = commonOrder
    ? 'permutation'
    : (options.form ?? 'flow');
  const threats = threatTable(game, options.threats ?? 'nash');
  const bce = bceProgram(game, objective, sense);
  const lattice = subsetLattice(n);
  const orders = form === 'permutation' ? allOrders(n) : [];
  const perCell = form === 'flow' ? lattice.from.length : orders.length;
  const fixed = options.outcome ?? null;

  // Cells that get routing columns: all of them, or under a fixed outcome
  // only those of positive probability (the others route nothing).
  const routed = bce.cells.map((c) =>
    fixed ? fixed.p[c.state][c.k][c.profile].sign() > 0 : true,
  );
  const routedCount = routed.filter((x) => x).length;
  if (routedCount * perCell > SEQUENTIAL_COLUMN_LIMIT) {
    throw new InputError(
      'game',
      `sequential design needs ${routedCount * perCell} routing columns ` +
        `(${routedCount} outcome cells × ${perCell} ${form === 'flow' ? 'lattice edges' : 'orders'}), ` +
        `more than the limit of ${SEQUENTIAL_COLUMN_LIMIT}`,
      'use fewer players, actions or states (see docs/sequential.md)',
    );
  }

  // Columns: π (from bce.ts, fixed under a given outcome), then routes,
  // then λ under a common order law.
  const variables: LpVariable[] = bce.lp.variables.map((v, j) => {
    if (!fixed) return v;
    const c = bce.cells[j];
    const p = fixed.p[c.state][c.k][c.profile];
    return { ...v, lower: p, upper: p, cost: ZERO };
  });
  const routeOffset = variables.length;
  const routes: Route[] = [];
  const firstRoute: number[] = [];
  bce.cells.forEach((c, j) => {
    firstRoute.push(routes.length);
    if (!routed[j]) return;
    for (let index = 0; index < perCell; index++) {
      routes.push({ cell: j, index });
      variables.push({
        name: routeName(game, bce, j, form, lattice, orders, index),
        lower: ZERO,
        upper: null,
        cost: ZERO,
      });
    }
  });
  const lambdaOffset = commonOrder ? variables.length : null;
  if (commonOrder) {
    orders.forEach((o) =>
      variables.push({
        name: `lambda[${o.map((i) => game.players[i].name).join('>')}]`,
        lower: ZERO,
        upper: null,
        cost: ZERO,
      }),
    );
  }
  const column = (j: number, index: number) =>
    routeOffset + firstRoute[j] + index;

  // Sequential obedience: each BCE obedience row plus its threat bonus.
  const m = bce.martingale.length;
  const rowOf = new Map<string, number>();
  bce.obedience.forEach((c, r) =>
    rowOf.set(`${c.player}/${c.type}/${c.recommended}/${c.deviation}`, r),
  );
  const extra = bce.obedience.map(() => ({
    indices: [] as number[],
    coefficients: [] as Rational[],
  }));
  const strides = profileStrides(game);
  const addBonus = (j: number, col: number, before: number, i: number) => {
    const c = bce.cells[j];
    const t = game.signal[c.state][c.k].types[i];
    const k = game.players[i].actions.length;
    const ai = Math.floor(c.profile / strides[i]) % k;
    for (let d = 0; d < k; d++) {
      const r = rowOf.get(`${i}/${t}/${ai}/${d}`);
      if (d === ai || r === undefined) continue;
      const deviated = c.profile + (d - ai) * strides[i];
      const w = threats.punishment(c.state, c.k, c.profile, before, i, d);
      const bonus = game.payoffs[c.state][deviated][i].sub(w.payoff);
      if (bonus.sign() < 0) {
        throw new Error('internal error: a threat exceeds carrying on');
      }
      if (bonus.isZero()) continue;
      extra[r].indices.push(col);
      extra[r].coefficients.push(bonus);
    }
  };
  bce.cells.forEach((_, j) => {
    if (!routed[j]) return;
    if (form === 'flow') {
      lattice.from.forEach((before, e) =>
        addBonus(j, column(j, e), before, lattice.mover[e]),
      );
    } else {
      orders.forEach((order, o) => {
        const before = predecessorSets(order);
        for (let i = 0; i < n; i++) addBonus(j, column(j, o), before[i], i);
      });
    }
  });
  const rows: LpRow[] = bce.lp.rows.slice(0, m);
  bce.obedience.forEach((c, r) => {
    const row = bce.lp.rows[m + r];
    rows.push({
      ...row,
      name: `seq-${obedienceName(game, c)}`,
      indices: [...row.indices, ...extra[r].indices],
      coefficients: [...row.coefficients, ...extra[r].coefficients],
    });
  });

  // Source rows, and conservation rows in the flow form.
  const full = (1 << n) - 1;
  bce.cells.forEach((_, j) => {
    const name = bce.lp.variables[j].name;
    if (!routed[j]) return;
    const starts =
      form === 'flow'
        ? members(full, n).map((i) => column(j, lattice.edge(0, i)))
        : orders.map((_, o) => column(j, o));
    rows.push({
      name: `source${name.slice(2)}`,
      indices: [j, ...starts],
      coefficients: [ONE, ...starts.map(() => ONE.neg())],
      lower: ZERO,
      upper: ZERO,
    });
    if (form !== 'flow') return;
    for (let set = 1; set < full; set++) {
      const indices: number[] = [];
      const coefficients: Rational[] = [];
      for (let i = 0; i < n; i++) {
        const e =
          set & (1 << i)
            ? lattice.edge(set & ~(1 << i), i)
            : lattice.edge(set, i);
        indices.push(column(j, e));
        coefficients.push(set & (1 << i) ? ONE : ONE.neg());
      }
      rows.push({
        name: `conserve${name.slice(2)}{${members(set, n)
          .map((i) => game.players[i].name)
          .join(',')}}`,
        indices,
        coefficients,
        lower: ZERO,
        upper: ZERO,
      });
    }
  });

  // A common order law: the order is independent of the state cell.
  if (lambdaOffset !== null) {
    const cellsOf = new Map<string, number[]>();
    bce.cells.forEach((c, j) => {
      if (!routed[j]) return;
      const key = `${c.state}/${c.k}`;
      cellsOf.set(key, [...(cellsOf.get(key) ?? []), j]);
    });
    bce.martingale.forEach(({ state, k }) => {
      const mass = game.prior[state].mul(game.signal[state][k].p);
      const cells = cellsOf.get(`${state}/${k}`) ?? [];
      orders.forEach((order, o) => {
        const indices = cells.map((j) => column(j, o));
        rows.push({
          name: `common-order[${game.states[state]};${order.map((i) => game.players[i].name).join('>')}]`,
          indices: [...indices, lambdaOffset + o],
          coefficients: [...indices.map(() => ONE), mass.neg()],
          lower: ZERO,
          upper: ZERO,
        });
      });
    });
  }

  return {
    lp: { sense, variables, rows },
    bce,
    threats,
    form,
    commonOrder,
    lattice,
    orders,
    routes,
    routeOffset,
    lambdaOffset,
    martingale: bce.martingale,
    obedience: bce.obedience,
  };
}

function routeName(
  game: BaseGame,
  bce: BceProgram,
  j: number,
  form: SequentialForm,
  lattice: Lattice,
  orders: readonly (readonly number[])[],
  index: number,
): string {
  const cell = bce.lp.variables[j].name.slice(3, -1);
  const name = (i: number) => game.players[i].name;
  if (form === 'flow') {
    const before = members(lattice.from[index], game.players.length);
    return `f[${cell};{${before.map(name).join(',')}}>${name(lattice.mover[index])}]`;
  }
  return `x[${cell};${orders[index].map(name).join('>')}]`;
}
