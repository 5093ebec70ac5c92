/**
 * The image of the BCE set under two linear statistics: an exact polygon.
 *
 * For statistics s_x, s_y (statistics.ts), the map π ↦ (s_x(π), s_y(π))
 * is linear, so the image of the BCE polytope is a convex polygon K ⊂ R²
 * (possibly a segment or a point). Its vertices are found by LP alone, in
 * the way of the "sandwich" or outer-approximation algorithms for
 * projections of polytopes (e.g. Lassez and Lassez 1992):
 *
 * 1. The extreme point of K in a direction n with the tie broken by a
 *    second direction e: maximise n·s over the BCE set (value v), then
 *    maximise e·s subject to n·s = v. The answer is an end of the face of
 *    K in direction n, so a vertex of K.
 * 2. Start from the lexicographic maximum and minimum of (s_x, s_y): the
 *    rightmost-highest and the leftmost-lowest vertex.
 * 3. Keep the vertices found in counter-clockwise order. For an edge p → q
 *    not yet confirmed, take its outward normal n = (q_y − p_y, p_x − q_x)
 *    and maximise n·s. If the maximum is n·p, the line through p and q
 *    supports K and the edge is confirmed; otherwise step 1 (with e = q −
 *    p) gives a new vertex strictly beyond the edge, inserted between p
 *    and q. Every LP either confirms an edge or finds a vertex, so the
 *    loop ends after at most 2·(#vertices) + #edges + 4 LPs.
 *
 * When every edge is confirmed, each is a supporting line of K, so the
 * polygon is K exactly. Each LP optimum is certified exactly by the LP
 * layer; each vertex also comes with the outcome that attains it, which is
 * re-checked by `checkOutcome`; and each edge carries its certificate: the
 * normal n and the certified maximum of n·s over the BCE set.
 */

import { bceProgram, outcomeFromColumns } from '../bce/bce.js';
import { checkOutcome } from '../bce/check.js';
import type { BaseGame } from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { solveLp } from '../lp/solve.js';
import type { LinearProgram, LpOptions } from '../lp/model.js';
import { gcd, Rational, ZERO } from '../numbers/rational.js';
import type { Statistic } from '../bce/statistics.js';

/** A point of the plane, exact. */
export type Point = readonly [Rational, Rational];

/** A vertex of the projected polygon. */
export interface ProjectedVertex {
  readonly point: Point;
  /** A BCE outcome whose statistics are `point`. */
  readonly outcome: Outcome;
  /** The outcome passed the exact BCE check. */
  readonly verified: boolean;
}

/** The certificate of an edge: max over the BCE set of n·s is `value`. */
export interface EdgeCertificate {
  /** Outward normal n (integers, as rationals). */
  readonly normal: Point;
  /** The certified maximum of n·s, equal to n·p at both ends. */
  readonly value: Rational;
}

/** The image of the BCE set under two statistics. */
export interface Projection {
  /** `optimal` when the polygon is exact; else the LP status that stopped it. */
  readonly status: 'optimal' | 'infeasible' | 'failed';
  /** Names of the two statistics. */
  readonly x: string;
  readonly y: string;
  /**
   * The polygon's vertices, counter-clockwise from the leftmost (then
   * lowest) one: one for a point, two for a segment.
   */
  readonly vertices: readonly ProjectedVertex[];
  /** Edge i runs from vertex i to vertex i + 1 (cyclically). */
  readonly edges: readonly EdgeCertificate[];
  readonly lpSolves: number;
  readonly notes: readonly string[];
}

/**
 * The exact polygon { (s_x(π), s_y(π)) : π a BCE of `game` }.
 *
 * @example
 * ```ts
 * import { parseGameJson, parseStatistic, projectBce } from 'revelation';
 * // Contribute (C) or not (N): worth θ − c with c = 1/2, θH = 1, θL = 0.
 * const game = parseGameJson({
 *   states: ['high', 'low'],
 *   prior: { high: '1/3', low: '2/3' },
 *   players: [{ name: 'agent', actions: ['C', 'N'] }],
 *   payoffs: { high: [['1/2'], [0]], low: [['-1/2'], [0]] },
 * });
 * const x = parseStatistic(game, 'Pr(C | high)');
 * const y = parseStatistic(game, 'Pr(C | low)');
 * const p = await projectBce(game, x, y);
 * p.vertices.map((v) => v.point.join(',')); // ['0,0', '1,0', '1,1/2']
 * ```
 */
export async function projectBce(
  game: BaseGame,
  x: Statistic,
  y: Statistic,
  options: LpOptions = {},
): Promise<Projection> {
  const program = bceProgram(game);
  const wx = program.cells.map((c) => x.weights[c.state][c.profile]);
  const wy = program.cells.map((c) => y.weights[c.state][c.profile]);
  const notes: string[] = [];
  let lpSolves = 0;
  const lpOptions: LpOptions = { ...options, arithmetic: 'exact' };

  /** The LP over the BCE set with objective n·s and extra rows. */
  const withObjective = (
    n: Point,
    fixed: { n: Point; value: Rational } | null,
  ): LinearProgram => {
    const cost = combine(n, wx, wy);
    const rows = [...program.lp.rows];
    if (fixed) {
      const c = combine(fixed.n, wx, wy);
      const indices: number[] = [];
      c.forEach((v, j) => {
        if (!v.isZero()) indices.push(j);
      });
      rows.push({
        name: 'on the face',
        indices,
        coefficients: indices.map((j) => c[j]),
        lower: fixed.value,
        upper: fixed.value,
      });
    }
    return {
      sense: 'maximize',
      variables: program.lp.variables.map((v, j) => ({ ...v, cost: cost[j] })),
      rows,
    };
  };

  type Found =
    | { kind: 'point'; value: Rational; vertex: ProjectedVertex }
    | { kind: 'stop'; status: 'infeasible' | 'failed' };

  /** Step 1: the maximum in direction n, then the end of its face along e. */
  const extreme = async (
    n: Point,
    e: Point,
    skipIf: Rational | null,
  ): Promise<Found | { kind: 'confirmed'; value: Rational }> => {
    // The LPs see n and e scaled to a largest entry of 1 (see `unitScale`);
    // values are scaled back so that certificates use the integer n.
    const scale = unitScale(n);
    const nLp = scaled(n, scale);
    const first = await solveLp(withObjective(nLp, null), lpOptions);
    lpSolves++;
    notes.push(...first.notes);
    if (first.status !== 'optimal' || !first.exact || !first.value) {
      return {
        kind: 'stop',
        status: first.status === 'infeasible' ? 'infeasible' : 'failed',
      };
    }
    const value = first.value.mul(scale);
    if (skipIf !== null && value.equals(skipIf)) {
      return { kind: 'confirmed', value };
    }
    const second = await solveLp(
      withObjective(scaled(e, unitScale(e)), { n: nLp, value: first.value }),
      lpOptions,
    );
    lpSolves++;
    notes.push(...second.notes);
    if (second.status !== 'optimal' || !second.exact || !second.x) {
      return { kind: 'stop', status: 'failed' };
    }
    const point: Point = [evaluate(wx, second.x), evaluate(wy, second.x)];
    if (!dot2(n, point).equals(value)) {
      throw new Error('internal error: a face point left its face');
    }
    const outcome = outcomeFromColumns(game, program, second.x);
    const verified = checkOutcome(game, outcome).consistent;
    if (!verified) {
      throw new Error(
        'internal error: a certified vertex of the projection failed the ' +
          'exact BCE check; please report this game',
      );
    }
    return { kind: 'point', value, vertex: { point, outcome, verified } };
  };

  const result = (
    status: Projection['status'],
    vertices: ProjectedVertex[],
    edges: EdgeCertificate[],
  ): Projection => ({
    status,
    x: x.name,
    y: y.name,
    vertices,
    edges,
    lpSolves,
    notes: [...new Set(notes)],
  });

  // Step 2: the lexicographic extremes.
  const one = Rational.int(1);
  const high = await extreme([one, ZERO], [ZERO, one], null);
  if (high.kind === 'stop') return result(high.status, [], []);
  const low = await extreme([one.neg(), ZERO], [ZERO, one.neg()], null);
  if (low.kind === 'stop') return result(low.status, [], []);
  if (high.kind !== 'point' || low.kind !== 'point') {
    throw new Error('internal error: no extreme point');
  }
  if (samePoint(high.vertex.point, low.vertex.point)) {
    return result('optimal', [low.vertex], []);
  }

  // Step 3: refine edges until every one is confirmed.
  const vertices: ProjectedVertex[] = [low.vertex, high.vertex];
  const edges: (EdgeCertificate | null)[] = [null, null];
  for (let i = edges.indexOf(null); i >= 0; i = edges.indexOf(null)) {
    const p = vertices[i].point;
    const q = vertices[(i + 1) % vertices.length].point;
    const n = primitiveDirection([q[1].sub(p[1]), p[0].sub(q[0])]);
    const e = primitiveDirection([q[0].sub(p[0]), q[1].sub(p[1])]);
    const found = await extreme(n, e, dot2(n, p));
    if (found.kind === 'stop') return result(found.status, [], []);
    if (found.kind === 'confirmed') {
      edges[i] = { normal: n, value: found.value };
      continue;
    }
    vertices.splice(i + 1, 0, found.vertex);
    edges.splice(i + 1, 0, null);
  }
  return result('optimal', vertices, edges as EdgeCertificate[]);
}

/** Where a point lies relative to a polygon (as `projectBce` returns it). */
export type PointPosition = 'inside' | 'boundary' | 'outside';

/**
 * Whether `point` is inside, on the boundary of, or outside the convex
 * polygon with counter-clockwise `vertices` (a point or a segment when
 * there are one or two), exactly.
 */
export function locatePoint(
  vertices: readonly Point[],
  point: Point,
): PointPosition {
  if (vertices.length === 0) return 'outside';
  if (vertices.length === 1) {
    return samePoint(vertices[0], point) ? 'boundary' : 'outside';
  }
  if (vertices.length === 2) {
    const [p, q] = vertices;
    if (cross(p, q, point).sign() !== 0) return 'outside';
    const t = dot2(
      [q[0].sub(p[0]), q[1].sub(p[1])],
      [point[0].sub(p[0]), point[1].sub(p[1])],
    );
    const length = dot2(
      [q[0].sub(p[0]), q[1].sub(p[1])],
      [q[0].sub(p[0]), q[1].sub(p[1])],
    );
    return t.sign() >= 0 && t.le(length) ? 'boundary' : 'outside';
  }
  let boundary = false;
  for (let i = 0; i < vertices.length; i++) {
    const side = cross(vertices[i], vertices[(i + 1) % vertices.length], point);
    if (side.sign() < 0) return 'outside';
    if (side.isZero()) boundary = true;
  }
  return boundary ? 'boundary' : 'inside';
}

/** (q − p) × (r − p): positive when r is left of p → q. */
function cross(p: Point, q: Point, r: Point): Rational {
  return q[0]
    .sub(p[0])
    .mul(r[1].sub(p[1]))
    .sub(q[1].sub(p[1]).mul(r[0].sub(p[0])));
}

function dot2(n: Point, p: Point): Rational {
  return n[0].mul(p[0]).add(n[1].mul(p[1]));
}

function samePoint(p: Point, q: Point): boolean {
  return p[0].equals(q[0]) && p[1].equals(q[1]);
}

/** n_x w_x + n_y w_y, column by column. */
function combine(
  n: Point,
  wx: readonly Rational[],
  wy: readonly Rational[],
): Rational[] {
  return wx.map((a, j) => n[0].mul(a).add(n[1].mul(wy[j])));
}

function evaluate(w: readonly Rational[], x: readonly Rational[]): Rational {
  let total = ZERO;
  w.forEach((a, j) => {
    if (!a.isZero() && !x[j].isZero()) total = total.add(a.mul(x[j]));
  });
  return total;
}

/**
 * The largest absolute entry of a nonzero integer direction. The edge
 * normals have integer entries that grow with the denominators of the
 * vertices (beyond 10^20 on a random 7 × 7 game), and HiGHS takes a cost
 * of 10^20 or more as infinite and rejects a row coefficient that large:
 * every such LP then fell back to the slow exact simplex. Scaling the
 * direction by a positive number changes neither the maximisers nor the
 * exactness of the LP, so the LPs use n / unitScale(n), whose entries lie
 * in [−1, 1].
 */
function unitScale(n: Point): Rational {
  const a = n[0].abs();
  const b = n[1].abs();
  return a.cmp(b) >= 0 ? a : b;
}

function scaled(n: Point, scale: Rational): Point {
  return [n[0].div(scale), n[1].div(scale)];
}

/** The positive multiple of a nonzero direction with coprime integer entries. */
function primitiveDirection(v: Point): Point {
  const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;
  const scale = lcm(v[0].d, v[1].d);
  const a = (v[0].n * scale) / v[0].d;
  const b = (v[1].n * scale) / v[1].d;
  const g = gcd(a, b) || 1n;
  return [Rational.of(a / g), Rational.of(b / g)];
}
