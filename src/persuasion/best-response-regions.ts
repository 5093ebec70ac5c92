/**
 * Best-response regions and their vertices, in exact rationals.
 *
 * For an action profile a, the region
 *
 *   Q_a = { µ ∈ F : Σ_θ µ(θ) [u_i(a_i, θ) − u_i(b, θ)] ≥ 0
 *                    for every receiver i and action b ∉ class(a_i),
 *                  plus the tie rule's rows }
 *
 * is a polytope in the face F of the simplex spanned by the states of
 * positive prior (problem.ts). Each inequality is an obedience constraint
 * of Bergemann and Morris (2016) divided by the probability of the
 * recommendation, so the rows are built by `obedienceRows` with the
 * posterior µ as the "outcome" of one recommendation. The tie rule adds:
 *
 * - `sender-worst`: ŵ(a, µ) ≤ ŵ(a', µ) for every a' whose actions are in
 *   the same classes as a's (the sender's own "obedience", reversed);
 * - `receiver-order`: nothing, but only profiles of first-of-class
 *   actions count, and the rows against earlier actions must be able to
 *   hold strictly (the receiver only picks a_i when no earlier action is
 *   as good).
 *
 * A profile whose ŵ equals that of an earlier profile of the same classes
 * on F is left out: both regions are the same polytope with the same
 * value.
 *
 * Vertices: F has dimension d = |supp µ0| − 1, and a vertex of Q_a is a
 * point of Q_a where d linearly independent inequalities (rows or µ(θ) ≥ 0)
 * hold with equality together with Σ_θ µ(θ) = 1. Every choice of d
 * inequalities is tried: an n × n exact linear solve, then a feasibility
 * test. That is C(k, d) solves for k inequalities, which `regionWork`
 * reports before anything is solved so that callers can refuse large
 * instances (the size guard in persuade.ts).
 *
 * Which regions count: under `sender-preferred` every nonempty Q_a; under
 * `sender-worst` only full-dimensional ones (a region of lower dimension
 * is approached from a neighbouring region with a value at least as high,
 * so it adds nothing to the supremum); under `receiver-order` those where
 * the strict rows can hold, T_a ≠ ∅, whose closure is then Q_a. Both tests
 * use the centroid of the vertices, which lies in the relative interior.
 */

import { decodeProfile, type BaseGame } from '../game/game.js';
import { obedienceRows } from '../bce/obedience.js';
import type { LpRow } from '../lp/model.js';
import { ONE, Rational, ZERO } from '../numbers/rational.js';
import type { PersuasionProblem } from './problem.js';

/** The inequalities defining one region, over some column numbering. */
export interface RegionRows {
  /** Each row reads Σ coefficients · x ≥ 0. */
  readonly rows: readonly LpRow[];
  /** `strict[r]`: row r must hold strictly somewhere (receiver-order). */
  readonly strict: readonly boolean[];
}

/**
 * Whether profile a takes part under the problem's tie rule before any
 * geometry: not a repeat of an earlier profile of the same classes with
 * the same ŵ on F, and, under `receiver-order`, made of first-of-class
 * actions.
 */
export function isCandidate(problem: PersuasionProblem, a: number): boolean {
  const actions = decodeProfile(problem.game, a);
  if (problem.tie === 'receiver-order') {
    if (actions.some((b, i) => problem.receivers[i].classOf[b] !== b)) {
      return false;
    }
  }
  for (const other of classmates(problem, actions)) {
    if (other >= a) break;
    const same = problem.support.every((s) =>
      problem.adjusted[s][other].equals(problem.adjusted[s][a]),
    );
    if (same) return false;
  }
  return true;
}

/** The profiles whose actions are in the same classes as `actions`. */
function classmates(
  problem: PersuasionProblem,
  actions: readonly number[],
): number[] {
  let profiles = [0];
  problem.receivers.forEach((r, i) => {
    const cls = r.classOf[actions[i]];
    const next: number[] = [];
    for (const a of profiles) {
      r.classOf.forEach((c, b) => {
        if (c === cls) next.push(a * r.actions.length + b);
      });
    }
    profiles = next;
  });
  return profiles;
}

/**
 * The rows of Q_a over columns `column(θ)` (−1 for a state with no
 * column). With `tieRows: false` only the receivers' rows are built: the
 * plain best-response region, as drawn in plots.
 */
export function regionRows(
  problem: PersuasionProblem,
  a: number,
  column: (state: number) => number,
  tieRows = true,
): RegionRows {
  const actions = decodeProfile(problem.game, a);
  const rows: LpRow[] = [];
  const strict: boolean[] = [];
  problem.receivers.forEach((r, i) => {
    const built = obedienceRows(r.game, (s, _k, b) =>
      b === actions[i] ? column(s) : -1,
    );
    built.constraints.forEach((c, k) => {
      // A deviation to a classmate has zero gain on F and no row; on a
      // larger face (plots) it is kept, which draws the region exactly.
      rows.push(built.rows[k]);
      strict.push(
        problem.tie === 'receiver-order' &&
          c.deviation < c.recommended &&
          r.classOf[c.deviation] !== r.classOf[c.recommended],
      );
    });
  });
  if (tieRows && problem.tie === 'sender-worst') {
    const mates = new Set(classmates(problem, actions));
    const built = obedienceRows(senderGame(problem), (s, _k, x) =>
      x === a ? column(s) : -1,
    );
    built.constraints.forEach((c, k) => {
      if (!mates.has(c.deviation)) return;
      rows.push(built.rows[k]);
      strict.push(false);
    });
  }
  return { rows, strict };
}

const senderGames = new WeakMap<PersuasionProblem, BaseGame>();

/**
 * The sender as a one-player game whose actions are the profiles and whose
 * payoff is −ŵ, so that its obedience row "recommended a, deviation a'"
 * reads Σ µ(θ) [ŵ(a', θ) − ŵ(a, θ)] ≥ 0: a is no better for the sender
 * than a' (the sender-worst tie rule).
 */
export function senderGame(problem: PersuasionProblem): BaseGame {
  const cached = senderGames.get(problem);
  if (cached) return cached;
  const game = problem.game;
  const names = Array.from({ length: problem.profiles }, (_, a) =>
    decodeProfile(game, a).join(','),
  );
  const built: BaseGame = {
    name: 'sender',
    states: game.states,
    prior: game.prior,
    players: [{ name: 'sender', actions: names, types: [''] }],
    payoffs: problem.adjusted.map((row) => row.map((x) => [x.neg()])),
    designer: null,
    signal: game.states.map(() => [{ types: [0], p: ONE }]),
    hasTypes: false,
    outcomeLabels: null,
  };
  senderGames.set(problem, built);
  return built;
}

/** A region with its vertices, as µ over all states. */
export interface Region {
  /** The flat action profile. */
  readonly profile: number;
  /** Vertices of Q_a, each a belief over every state of the game. */
  readonly vertices: readonly (readonly Rational[])[];
  /** Whether the region counts under the tie rule (see the header). */
  readonly counts: boolean;
}

/** Dense inequalities g · x ≥ 0 over the face, deduplicated. */
interface Inequalities {
  readonly g: Rational[][];
  readonly strict: boolean[];
}

function denseInequalities(region: RegionRows, n: number): Inequalities {
  const g: Rational[][] = [];
  const strict: boolean[] = [];
  const seen = new Map<string, number>();
  const add = (row: Rational[], isStrict: boolean) => {
    // Scale so the first nonzero entry is ±1; equal keys are one half-space.
    const first = row.find((x) => !x.isZero());
    if (!first) return;
    const scaled = row.map((x) => x.div(first.abs()));
    const key = scaled.join(' ');
    const at = seen.get(key);
    if (at !== undefined) {
      strict[at] = strict[at] || isStrict;
      return;
    }
    seen.set(key, g.length);
    g.push(scaled);
    strict.push(isStrict);
  };
  region.rows.forEach((row, r) => {
    const dense = new Array<Rational>(n).fill(ZERO);
    row.indices.forEach((j, k) => {
      dense[j] = dense[j].add(row.coefficients[k]);
    });
    add(dense, region.strict[r]);
  });
  for (let j = 0; j < n; j++) {
    const unit = new Array<Rational>(n).fill(ZERO);
    unit[j] = ONE;
    add(unit, false);
  }
  return { g, strict };
}

/** C(k, d), saturating at Number.MAX_SAFE_INTEGER. */
export function binomial(k: number, d: number): number {
  if (d < 0 || d > k) return 0;
  let c = 1;
  for (let j = 1; j <= d; j++) {
    c = (c * (k - d + j)) / j;
    if (c > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  }
  return Math.round(c);
}

/** The profiles, rows and enumeration work of every candidate region. */
export interface RegionPlan {
  /** The states spanning the face, in game order. */
  readonly face: readonly number[];
  readonly profiles: readonly number[];
  readonly inequalities: readonly Inequalities[];
  /** Σ_a C(k_a, d): the linear solves vertex enumeration would take. */
  readonly work: number;
}

/**
 * Plans the enumeration over the face spanned by `face` (default: the
 * support of the prior), without solving anything.
 */
export function planRegions(
  problem: PersuasionProblem,
  options: { face?: readonly number[]; tieRows?: boolean } = {},
): RegionPlan {
  const face = options.face ?? problem.support;
  const position = new Map(face.map((s, j) => [s, j]));
  const column = (s: number) => position.get(s) ?? -1;
  const profiles: number[] = [];
  const inequalities: Inequalities[] = [];
  let work = 0;
  for (let a = 0; a < problem.profiles; a++) {
    if (!isCandidate(problem, a)) continue;
    const rows = regionRows(problem, a, column, options.tieRows ?? true);
    const dense = denseInequalities(rows, face.length);
    profiles.push(a);
    inequalities.push(dense);
    work += binomial(dense.g.length, face.length - 1);
    if (work > Number.MAX_SAFE_INTEGER / 2) work = Number.MAX_SAFE_INTEGER;
  }
  return { face, profiles, inequalities, work };
}

/** Enumerates the vertices of every planned region, exactly. */
export function enumerateRegions(
  problem: PersuasionProblem,
  plan: RegionPlan,
): Region[] {
  const n = plan.face.length;
  const states = problem.game.states.length;
  return plan.profiles.map((profile, k) => {
    const { g, strict } = plan.inequalities[k];
    const local = faceVertices(g, n);
    const vertices = local.map((x) => {
      const µ = new Array<Rational>(states).fill(ZERO);
      plan.face.forEach((s, j) => {
        µ[s] = x[j];
      });
      return µ;
    });
    return {
      profile,
      vertices,
      counts: regionCounts(problem.tie, g, strict, local),
    };
  });
}

/** The counting test of the header, on the centroid of the vertices. */
function regionCounts(
  tie: PersuasionProblem['tie'],
  g: readonly Rational[][],
  strict: readonly boolean[],
  vertices: readonly Rational[][],
): boolean {
  if (vertices.length === 0) return false;
  if (tie === 'sender-preferred') return true;
  const n = vertices[0].length;
  const count = Rational.int(vertices.length);
  const centroid = Array.from({ length: n }, (_, j) =>
    vertices.reduce((t, v) => t.add(v[j]), ZERO).div(count),
  );
  return g.every((row, r) => {
    if (tie === 'receiver-order' && !strict[r]) return true;
    return dot(row, centroid).sign() > 0;
  });
}

function dot(g: readonly Rational[], x: readonly Rational[]): Rational {
  let t = ZERO;
  for (let j = 0; j < g.length; j++) {
    if (!g[j].isZero() && !x[j].isZero()) t = t.add(g[j].mul(x[j]));
  }
  return t;
}

/**
 * Vertices of { x ∈ R^n : g_r · x ≥ 0 for all r, Σ x = 1 }: every choice
 * of n − 1 rows made tight, solved with Σ x = 1, kept when feasible.
 */
function faceVertices(g: readonly Rational[][], n: number): Rational[][] {
  const found = new Map<string, Rational[]>();
  const d = n - 1;
  const chosen = Array.from({ length: d }, (_, j) => j);
  if (d > g.length) return [];
  for (;;) {
    const x = solveTight(g, chosen, n);
    if (x && g.every((row) => dot(row, x).sign() >= 0)) {
      const key = x.join(' ');
      if (!found.has(key)) found.set(key, x);
    }
    // Next combination in lexicographic order.
    let j = d - 1;
    while (j >= 0 && chosen[j] === g.length - d + j) j--;
    if (j < 0) break;
    chosen[j]++;
    for (let k = j + 1; k < d; k++) chosen[k] = chosen[k - 1] + 1;
  }
  return [...found.values()].sort(compareBeliefs);
}

/** Orders beliefs lexicographically, so results do not depend on search order. */
export function compareBeliefs(
  x: readonly Rational[],
  y: readonly Rational[],
): number {
  for (let j = 0; j < x.length; j++) {
    const c = x[j].cmp(y[j]);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Solves g_r · x = 0 (r in `chosen`) and Σ x = 1 by Gaussian elimination;
 * null when the system is singular.
 */
function solveTight(
  g: readonly Rational[][],
  chosen: readonly number[],
  n: number,
): Rational[] | null {
  const m: Rational[][] = chosen.map((r) => [...g[r], ZERO]);
  m.push([...new Array<Rational>(n).fill(ONE), ONE]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    while (pivot < n && m[pivot][col].isZero()) pivot++;
    if (pivot === n) return null;
    if (pivot !== col) [m[pivot], m[col]] = [m[col], m[pivot]];
    const p = m[col][col];
    for (let row = 0; row < n; row++) {
      if (row === col || m[row][col].isZero()) continue;
      const f = m[row][col].div(p);
      for (let k = col; k <= n; k++) {
        if (!m[col][k].isZero()) m[row][k] = m[row][k].sub(f.mul(m[col][k]));
      }
    }
  }
  return m.map((row, j) => row[n].div(row[j]));
}
