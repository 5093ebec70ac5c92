/**
 * The durable-good sale under three regimes, side by side (see problem.ts
 * for the model):
 *
 * - commitment (commitment.ts): one LP over T-period direct mechanisms;
 * - mediated (mediated.ts): no commitment, Doval–Skreta canonical devices,
 *   the future seller's obedience from the persuasion builder;
 * - posted (posted.ts): no commitment, a posted price each period, the
 *   seller-optimal equilibrium by exact recursion over beliefs.
 *
 * Commitment ≥ mediated ≥ posted always holds in theory (a posted-price
 * equilibrium is a device; a device equilibrium is a mechanism the seller
 * could have committed to); the comparison reports both gaps. The revenue
 * by horizon T shows the Coasian erosion: without commitment the revenue
 * falls as the seller gets more chances to cut her price.
 */

import type { LpOptions } from '../lp/model.js';
import type { Rational } from '../numbers/rational.js';
import { solveCommitment, type CommitmentResult } from './commitment.js';
import { solveMediated, type MediatedResult } from './mediated.js';
import { solvePosted, type PostedResult } from './posted-path.js';
import { withHorizon, type DurableProblem } from './problem.js';

/** The regimes, in the order they are reported. */
export const REGIMES = ['commitment', 'mediated', 'posted'] as const;

/** One of the three regimes. */
export type Regime = (typeof REGIMES)[number];

/** Options for `solveDurable` and `revenueByHorizon`. */
export interface DurableOptions extends LpOptions {
  /** Regimes to solve (default all three). */
  readonly regimes?: readonly Regime[];
}

/** The answers of the regimes asked for. */
export interface DurableResult {
  readonly problem: DurableProblem;
  readonly commitment: CommitmentResult | null;
  readonly mediated: MediatedResult | null;
  readonly posted: PostedResult | null;
  /** Each regime's revenue (null when not asked or not solved). */
  readonly values: Readonly<Record<Regime, Rational | null>>;
}

/**
 * Solves the problem under the regimes asked for.
 *
 * @example
 * ```ts
 * import { durableProblem, solveDurable, Rational } from 'revelation';
 * const q = (s) => Rational.parse(s);
 * const problem = durableProblem({
 *   values: [q('1'), q('2')],
 *   prior: [q('2/5'), q('3/5')],
 *   delta: q('9/10'),
 *   horizon: 2,
 * });
 * const r = await solveDurable(problem);
 * r.values.commitment.toString(); // '6/5'
 * r.values.mediated.toString(); // '28/25'
 * r.values.posted.toString(); // '28/25'
 * ```
 */
export async function solveDurable(
  problem: DurableProblem,
  options: DurableOptions = {},
): Promise<DurableResult> {
  const regimes = options.regimes ?? REGIMES;
  const commitment = regimes.includes('commitment')
    ? await solveCommitment(problem, options)
    : null;
  const mediated = regimes.includes('mediated')
    ? await solveMediated(problem, options)
    : null;
  const posted = regimes.includes('posted') ? solvePosted(problem) : null;
  return {
    problem,
    commitment,
    mediated,
    posted,
    values: {
      commitment: commitment?.value ?? null,
      mediated: mediated?.value ?? null,
      posted: posted?.value ?? null,
    },
  };
}

/** One row of the revenue-by-horizon table. */
export interface HorizonRow {
  readonly horizon: number;
  readonly commitment: Rational | null;
  readonly mediated: Rational | null;
  /** Status of the mediated regime at this horizon (`unsupported` etc.). */
  readonly mediatedStatus: string | null;
  readonly posted: Rational | null;
}

/**
 * Revenue by horizon T = 1..maxHorizon under the regimes asked for (the
 * problem's own horizon is ignored).
 */
export async function revenueByHorizon(
  problem: DurableProblem,
  maxHorizon: number,
  options: DurableOptions = {},
): Promise<HorizonRow[]> {
  const rows: HorizonRow[] = [];
  for (let T = 1; T <= maxHorizon; T++) {
    const r = await solveDurable(withHorizon(problem, T), options);
    rows.push({
      horizon: T,
      commitment: r.values.commitment,
      mediated: r.values.mediated,
      mediatedStatus: r.mediated ? r.mediated.status : null,
      posted: r.values.posted,
    });
  }
  return rows;
}

/**
 * The first horizon from which the posted-price revenue no longer changes
 * up to the last row (where the Coasian erosion settles in the table), or
 * null when it still changes at the last row.
 */
export function settlesAt(rows: readonly HorizonRow[]): number | null {
  if (rows.length < 2) return null;
  const last = rows[rows.length - 1].posted;
  if (last === null) return null;
  let k = rows.length - 1;
  while (k > 0 && rows[k - 1].posted?.equals(last)) k--;
  return k === rows.length - 1 ? null : rows[k].horizon;
}
