/**
 * Witnesses that no payments implement a rule q: certificates a user can
 * check by hand.
 *
 * With q fixed, each constraint of constraints.ts is linear in the
 * payments; write it as Σ_j a_j p_j ≤ b ("payment side ≤ value side").
 *
 * Rochet (1987), cycle monotonicity. Under dominant-strategy incentives,
 * fix agent i and the others' types t_-i; "type a must not gain by
 * reporting b" reads p_i(a, t_-i) − p_i(b, t_-i) ≤ ℓ(a, b) with
 * ℓ(a, b) = V_i(a | a) − V_i(b | a), the value type a gets from its own
 * lottery minus the value it would get from b's. Along a cycle of types
 * a_1 → a_2 → … → a_k → a_1 (each tempted by the next) the payments
 * telescope away, so Σ_j ℓ(a_j, a_{j+1}) < 0 contradicts incentive
 * compatibility; conversely, with no such cycle, shortest-path payments
 * implement q (Rochet's theorem). We return a shortest negative cycle,
 * found by the length-indexed min-plus recursion
 * D_m(u, v) = min_w D_{m−1}(u, w) + ℓ(w, v): the first m with a negative
 * D_m(u, u) gives a simple cycle of m types. Pairwise checks (m = 2) alone
 * never suffice: a three-type cycle can be negative while every pair
 * passes.
 *
 * Farkas (1902). In general (Bayesian incentives, interim participation,
 * budgets), the system A p ≤ b has no solution exactly when some weights
 * y ≥ 0 (free on equality rows) give yᵀA = 0 and yᵀb < 0: adding the
 * weighted constraints cancels every payment and leaves 0 ≤ yᵀb < 0. We
 * find y with a small LP solved by the LP layer (normalised yᵀb = −1,
 * minimising Σ|y| so that few constraints appear), verify it exactly, and
 * scale it to coprime integers.
 */

import { solveLp } from '../lp/solve.js';
import type { LpOptions, LpRow, LpVariable } from '../lp/model.js';
import { ONE, Rational, ZERO } from '../numbers/rational.js';
import type { ConstraintMeaning } from './constraints.js';
import {
  decodeTypes,
  lotteryValue,
  replaceType,
  typeNames,
  typeProfileCount,
  typeStrides,
  type MechanismProblem,
} from './problem.js';
import { namedConstraint, type NamedConstraint } from './report.js';

/** One step of a cycle: type `type` tempted to report `report`. */
export interface CycleEdge {
  readonly type: string;
  readonly report: string;
  /** V_i(a | a): the value of its own lottery. */
  readonly own: Rational;
  /** V_i(b | a): the value, to type a, of b's lottery. */
  readonly other: Rational;
  /** ℓ(a, b) = own − other: the most a may pay beyond what b pays. */
  readonly bound: Rational;
}

/** A negative cycle in agent i's type graph at fixed t_-i (Rochet). */
export interface RochetCycle {
  readonly agent: string;
  /** The others' types held fixed, by agent name. */
  readonly others: readonly { agent: string; type: string }[];
  readonly edges: readonly CycleEdge[];
  /** Σ ℓ along the cycle: negative. */
  readonly total: Rational;
}

/** One constraint of a Farkas combination, in payment form Σ a p ≤ b. */
export interface WeightedConstraint {
  readonly constraint: NamedConstraint;
  /** Its weight y > 0 (or any sign on an equality). */
  readonly weight: Rational;
  /** Payment side: coefficient of each p_i(t). */
  readonly payments: readonly {
    agent: string;
    types: readonly string[];
    coefficient: Rational;
  }[];
  /** Value side b. */
  readonly bound: Rational;
}

/**
 * Constraints whose weighted sum cancels every payment and leaves
 * 0 ≤ total, with total < 0.
 */
export interface FarkasCombination {
  readonly rows: readonly WeightedConstraint[];
  readonly total: Rational;
}

/** A constraint with q substituted: Σ a_j p_j ≤ b over payment columns j. */
export interface PaymentRow {
  readonly meaning: ConstraintMeaning;
  /** Column j = t · n + i of p_i(t). */
  readonly indices: readonly number[];
  readonly coefficients: readonly Rational[];
  readonly bound: Rational;
  readonly equality: boolean;
}

/**
 * A shortest negative cycle among dominant-strategy incentive constraints
 * for the rule q, or null when there is none.
 */
export function rochetCycle(
  problem: MechanismProblem,
  q: readonly (readonly Rational[])[],
): RochetCycle | null {
  const count = typeProfileCount(problem);
  const strides = typeStrides(problem);
  let best: { cycle: RochetCycle; length: number } | null = null;

  problem.agents.forEach((agent, i) => {
    const k = agent.types.length;
    for (let t = 0; t < count; t++) {
      // Visit each t_-i once: at the profile where i has its first type.
      if (decodeTypes(problem, t)[i] !== 0) continue;
      const at = (a: number) => replaceType(strides, problem, t, i, a);
      const V = (s: number, a: number) =>
        lotteryValue(problem, q, i, at(s), at(a));
      const ell = (a: number, b: number) => V(a, a).sub(V(b, a));
      const found = shortestNegativeCycle(k, ell);
      if (!found) continue;
      if (best && best.length <= found.length) continue;
      const types = decodeTypes(problem, t);
      const edges = found.map((a, j) => {
        const b = found[(j + 1) % found.length];
        return {
          type: agent.types[a],
          report: agent.types[b],
          own: V(a, a),
          other: V(b, a),
          bound: ell(a, b),
        };
      });
      best = {
        length: found.length,
        cycle: {
          agent: agent.name,
          others: problem.agents
            .map((other, j) => ({
              agent: other.name,
              type: other.types[types[j]],
            }))
            .filter((_, j) => j !== i),
          edges,
          total: edges.reduce((s, e) => s.add(e.bound), ZERO),
        },
      };
    }
  });
  return best ? (best as { cycle: RochetCycle }).cycle : null;
}

/**
 * The nodes a_1, …, a_m of a negative cycle with the fewest edges in the
 * complete digraph on k nodes with weights ℓ(a, b), or null.
 */
function shortestNegativeCycle(
  k: number,
  ell: (a: number, b: number) => Rational,
): number[] | null {
  const w: Rational[][] = [];
  for (let a = 0; a < k; a++) {
    w.push([]);
    for (let b = 0; b < k; b++) w[a].push(a === b ? ZERO : ell(a, b));
  }
  // D[u][v]: least weight of a walk u → v with m edges; parents[m][u][v]
  // the node before v on it.
  let D: (Rational | null)[][] = w.map((row, u) =>
    row.map((x, v) => (u === v ? null : x)),
  );
  const parents: number[][][] = [w.map((row, u) => row.map(() => u))];
  for (let m = 2; m <= k; m++) {
    const next: (Rational | null)[][] = [];
    const parent: number[][] = [];
    for (let u = 0; u < k; u++) {
      next.push(new Array<Rational | null>(k).fill(null));
      parent.push(new Array<number>(k).fill(-1));
      for (let v = 0; v < k; v++) {
        for (let x = 0; x < k; x++) {
          const head = D[u][x];
          if (head === null || x === v) continue;
          const total = head.add(w[x][v]);
          const old = next[u][v];
          if (old === null || total.lt(old)) {
            next[u][v] = total;
            parent[u][v] = x;
          }
        }
      }
    }
    parents.push(parent);
    D = next;
    for (let u = 0; u < k; u++) {
      const closed = D[u][u];
      if (closed === null || closed.sign() >= 0) continue;
      // Walk back m edges from u to u.
      const nodes: number[] = [];
      let v = u;
      for (let step = m; step >= 1; step--) {
        const before = parents[step - 1][u][v];
        nodes.push(before);
        v = before;
      }
      return nodes.reverse();
    }
  }
  return null;
}

/**
 * A Farkas combination proving that no payments satisfy `rows`, found by
 * a small LP and verified exactly; null when the rows are feasible (or the
 * LP layer could not decide).
 */
export async function farkasCombination(
  problem: MechanismProblem,
  rows: readonly PaymentRow[],
  columns: number,
  options: LpOptions = {},
): Promise<FarkasCombination | null> {
  // Unknowns: y_r ≥ 0 per row, and y_r⁻ ≥ 0 for equality rows (y = y⁺ − y⁻).
  const variables: LpVariable[] = [];
  const source: { row: number; sign: Rational }[] = [];
  rows.forEach((row, r) => {
    const signs = row.equality ? [ONE, ONE.neg()] : [ONE];
    for (const sign of signs) {
      variables.push({
        name: `y${r}${sign.sign() < 0 ? '-' : ''}`,
        lower: ZERO,
        upper: null,
        cost: ONE,
      });
      source.push({ row: r, sign });
    }
  });
  // yᵀA = 0 column by column, and yᵀb = −1.
  const byColumn: { indices: number[]; coefficients: Rational[] }[] =
    Array.from({ length: columns }, () => ({ indices: [], coefficients: [] }));
  const normal: { indices: number[]; coefficients: Rational[] } = {
    indices: [],
    coefficients: [],
  };
  source.forEach(({ row, sign }, j) => {
    const r = rows[row];
    r.indices.forEach((col, k) => {
      byColumn[col].indices.push(j);
      byColumn[col].coefficients.push(sign.mul(r.coefficients[k]));
    });
    if (!r.bound.isZero()) {
      normal.indices.push(j);
      normal.coefficients.push(sign.mul(r.bound));
    }
  });
  if (normal.indices.length === 0) return null;
  const lpRows: LpRow[] = byColumn
    .map((c, col) => ({
      name: `cancel[${col}]`,
      ...c,
      lower: ZERO,
      upper: ZERO,
    }))
    .filter((r) => r.indices.length > 0);
  lpRows.push({
    name: 'normalise',
    ...normal,
    lower: ONE.neg(),
    upper: ONE.neg(),
  });
  const solution = await solveLp(
    { sense: 'minimize', variables, rows: lpRows },
    options,
  );
  if (solution.status !== 'optimal' || !solution.x) return null;

  // Combine, verify exactly, and scale to coprime integers.
  const y = rows.map(() => ZERO);
  source.forEach(({ row, sign }, j) => {
    y[row] = y[row].add(sign.mul((solution.x as readonly Rational[])[j]));
  });
  const scaled = toCoprimeIntegers(y);
  const residue = new Array<Rational>(columns).fill(ZERO);
  let total = ZERO;
  rows.forEach((row, r) => {
    if (scaled[r].isZero()) return;
    row.indices.forEach((col, k) => {
      residue[col] = residue[col].add(scaled[r].mul(row.coefficients[k]));
    });
    total = total.add(scaled[r].mul(row.bound));
  });
  const valid =
    residue.every((z) => z.isZero()) &&
    total.sign() < 0 &&
    rows.every((row, r) => row.equality || scaled[r].sign() >= 0);
  if (!valid) return null;

  const n = problem.agents.length;
  return {
    rows: rows.flatMap((row, r) =>
      scaled[r].isZero()
        ? []
        : [
            {
              constraint: namedConstraint(problem, row.meaning),
              weight: scaled[r],
              payments: row.indices.map((col, k) => ({
                agent: problem.agents[col % n].name,
                types: typeNames(problem, Math.floor(col / n)),
                coefficient: row.coefficients[k],
              })),
              bound: row.bound,
            },
          ],
    ),
    total,
  };
}

/** The vector times the positive rational that makes it coprime integers. */
function toCoprimeIntegers(y: readonly Rational[]): Rational[] {
  const gcd = (a: bigint, b: bigint): bigint => {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  };
  let lcm = 1n;
  for (const v of y) lcm = (lcm * v.d) / gcd(lcm, v.d);
  const ints = y.map((v) => (v.n * lcm) / v.d);
  const g = ints.reduce((acc, v) => gcd(acc, v), 0n);
  return ints.map((v) => Rational.of(g === 0n ? v : v / g));
}
