/**
 * Vertices and dimension of a polytope, exactly; in particular of the BCE
 * set of a game (the correlated equilibrium polytope when there is one
 * state; Nau, Gomez Canovas and Hansen 2004 describe such polytopes by
 * their dimension and vertex count).
 *
 * For the feasible set P of a linear program (polyhedron.ts):
 *
 * 1. affine-hull.ts finds the implicit equalities of P by exact LPs, hence
 *    dim P = d, and writes its affine hull as x = x⁰ + G y with y ∈ R^d.
 * 2. In y, P is full-dimensional: Q = { y : (a_i G) y ≥ b_i − a_i x⁰ } over
 *    the inequalities that are not implicit. Homogenising with t ≥ 0,
 *
 *      C = { (y, t) : (a_i G) y + (a_i x⁰ − b_i) t ≥ 0,  t ≥ 0 },
 *
 *    every vertex y of Q is an extreme ray (y, 1) of C, and a ray with
 *    t = 0 is a direction in which Q is unbounded.
 * 3. double-description.ts finds the extreme rays of C in integers; each
 *    vertex maps back to x = x⁰ + G y exactly.
 *
 * Why double description rather than reverse search: see the header of
 * double-description.ts (degeneracy, brevity, independence from lrs).
 *
 * The stated limit: the method holds the vertices of intermediate
 * polytopes (cut by some of the inequalities), which can outnumber the
 * final ones; it stops when more than `limit` are held with inequalities
 * left, and returns the vertices already known to be final (the count so
 * far) with a message saying so. Time grows roughly with the cube of the
 * number held: the default limit (5000) keeps a run to about ten seconds
 * (the 4x4 coordination game of Gambit's tests, 4072 vertices in
 * dimension 15, takes about nine).
 */

import { checkOutcome } from '../bce/check.js';
import { bceProgram, outcomeFromColumns } from '../bce/bce.js';
import type { BaseGame } from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import type { LinearProgram, LpOptions } from '../lp/model.js';
import { Rational } from '../numbers/rational.js';
import { affineHull } from './affine-hull.js';
import { extremeRays, primitive } from './double-description.js';
import { dot, polyhedronOfLp } from './polyhedron.js';

/** The default for `limit`: vertices held at once before stopping. */
export const DEFAULT_VERTEX_LIMIT = 5000;

/** Options for vertex enumeration. */
export interface VertexOptions extends LpOptions {
  /**
   * Stop when more than this many vertices (of an intermediate polytope)
   * are held at once. Default `DEFAULT_VERTEX_LIMIT`.
   */
  readonly limit?: number;
}

/** What a vertex enumeration found. */
export interface VertexEnumeration {
  /**
   * `complete`: all vertices; `limit`: stopped at the limit, `vertices`
   * holds those confirmed so far; `infeasible`: P is empty; `unbounded`: P
   * is not bounded (then it has recession directions, not only vertices);
   * `failed`: an LP gave no certified answer.
   */
  readonly status: 'complete' | 'limit' | 'infeasible' | 'unbounded' | 'failed';
  /** The affine dimension of P (−1 when empty; null when failed). */
  readonly dimension: number | null;
  /** The vertices, exact, in lexicographic order of their coordinates. */
  readonly vertices: readonly (readonly Rational[])[];
  /** `vertices.length`: all of them, or the count so far at the limit. */
  readonly vertexCount: number;
  /** The limit in force. */
  readonly limit: number;
  /** Names of the inequalities that hold with equality on all of P. */
  readonly implicitEqualities: readonly string[];
  /** Inequalities after reduction to the hull, and how many were processed. */
  readonly progress: {
    readonly inequalities: number;
    readonly processed: number;
    /** Largest number of vertices held at once. */
    readonly peak: number;
  };
  /** LPs solved to find the dimension. */
  readonly lpSolves: number;
  /** Why the run stopped early, or anything unusual; null when complete. */
  readonly message: string | null;
}

/** The vertices and dimension of the feasible set of `lp` (objective ignored). */
export async function enumerateVertices(
  lp: LinearProgram,
  options: VertexOptions = {},
): Promise<VertexEnumeration> {
  const limit = options.limit ?? DEFAULT_VERTEX_LIMIT;
  const P = polyhedronOfLp(lp);
  const hull = await affineHull(P, options);
  const base = {
    limit,
    lpSolves: hull.lpSolves,
    implicitEqualities: hull.implicitEqualities.map(
      (i) => P.inequalities[i].name,
    ),
  };
  if (hull.status !== 'feasible' || hull.dimension === null) {
    return {
      ...base,
      status: hull.status === 'infeasible' ? 'infeasible' : 'failed',
      dimension: hull.dimension,
      vertices: [],
      vertexCount: 0,
      progress: { inequalities: 0, processed: 0, peak: 0 },
      message: hull.status === 'failed' ? hull.notes.join('; ') : null,
    };
  }

  // Step 2 of the header: the homogenised rows in (y, t), in integers,
  // with t ≥ 0 first.
  const d = hull.dimension;
  const G = hull.directions;
  const x0 = hull.origin;
  const implicit = new Set(hull.implicitEqualities);
  const rows: bigint[][] = [[...new Array<bigint>(d).fill(0n), 1n]];
  P.inequalities.forEach((c, i) => {
    if (implicit.has(i)) return;
    const row = [...G.map((g) => dot(c.a, g)), dot(c.a, x0).sub(c.b)];
    if (row.slice(0, d).every((x) => x.isZero())) {
      // Constant on the hull, and strict somewhere, so strict everywhere:
      // a redundant inequality.
      if (row[d].sign() > 0) return;
      throw new Error(`internal error: inequality ${c.name} cuts off the hull`);
    }
    rows.push(integerRow(row));
  });

  const cone = extremeRays(rows, d + 1, limit);
  const progress = {
    inequalities: rows.length,
    processed: cone.processed,
    peak: cone.peak,
  };
  const toX = (z: readonly bigint[]) => {
    const t = z[d];
    const x = [...x0];
    for (let k = 0; k < d; k++) {
      if (z[k] === 0n) continue;
      const y = Rational.of(z[k], t);
      G[k].forEach((g, j) => {
        if (!g.isZero()) x[j] = x[j].add(g.mul(y));
      });
    }
    return x;
  };
  const vertices = cone.rays
    .filter((z) => z[d] > 0n)
    .map(toX)
    .sort(compareVectors);
  const unbounded =
    cone.status === 'not-pointed' || cone.rays.some((z) => z[d] === 0n);
  let message: string | null = null;
  if (cone.status === 'limit') {
    message =
      `stopped after ${cone.processed} of ${rows.length} inequalities: ` +
      `more than ${limit} vertices were held (the limit); ` +
      `${vertices.length} vertices are confirmed so far. ` +
      'Raise the limit to go on.';
  } else if (unbounded) {
    message = 'the set is unbounded: it has directions, not only vertices';
  }
  return {
    ...base,
    status:
      cone.status === 'limit' ? 'limit' : unbounded ? 'unbounded' : 'complete',
    dimension: d,
    vertices,
    vertexCount: vertices.length,
    progress,
    message,
  };
}

/** Vertices of the BCE set of a game, as outcomes. */
export interface BceVertices extends VertexEnumeration {
  /** Each vertex as a dense outcome table (to pass to `checkOutcome`). */
  readonly outcomes: readonly Outcome[];
  /** Every vertex passed the exact BCE check. */
  readonly verified: boolean;
}

/**
 * The vertices and affine dimension of the BCE set of `game` (the
 * correlated equilibrium polytope when there is one state). Coordinates
 * are the outcome cells π(θ, t, a) that may carry mass; cells forced to
 * zero (states of prior 0, unavailable actions) have no coordinate, so
 * they do not count in the dimension.
 *
 * @example
 * ```ts
 * import { parseGameJson, bceVertices } from 'revelation';
 * const chicken = parseGameJson({
 *   states: ['only'],
 *   prior: { only: 1 },
 *   players: [
 *     { name: 'row', actions: ['swerve', 'dare'] },
 *     { name: 'column', actions: ['swerve', 'dare'] },
 *   ],
 *   payoffs: { only: [[[6, 6], [2, 7]], [[7, 2], [0, 0]]] },
 * });
 * const r = await bceVertices(chicken);
 * r.vertexCount; // 5
 * r.dimension; // 3
 * r.vertices[3].map(String); // ['4/9', '2/9', '2/9', '1/9']
 * ```
 */
export async function bceVertices(
  game: BaseGame,
  options: VertexOptions = {},
): Promise<BceVertices> {
  const program = bceProgram(game);
  const result = await enumerateVertices(program.lp, options);
  const outcomes = result.vertices.map((x) =>
    outcomeFromColumns(game, program, x),
  );

  // Every vertex is re-checked against the BCE constraints, independently
  // of the enumeration; with exact arithmetic a failure is a bug.
  for (const outcome of outcomes) {
    if (!checkOutcome(game, outcome).consistent) {
      throw new Error(
        'internal error: a vertex of the BCE set failed the exact BCE ' +
          'check; please report this game',
      );
    }
  }
  return { ...result, outcomes, verified: true };
}

/** A row of rationals scaled by a positive number to primitive integers. */
function integerRow(row: readonly Rational[]): bigint[] {
  let lcm = 1n;
  for (const x of row) lcm = (lcm / gcd(lcm, x.d)) * x.d;
  return primitive(row.map((x) => (x.n * lcm) / x.d));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function compareVectors(u: readonly Rational[], v: readonly Rational[]) {
  for (let j = 0; j < u.length; j++) {
    const c = u[j].cmp(v[j]);
    if (c !== 0) return c;
  }
  return 0;
}
