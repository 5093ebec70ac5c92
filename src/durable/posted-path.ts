/**
 * The posted-price equilibrium path, read off the recursion of posted.ts,
 * and an independent check of the buyer's behaviour along it.
 *
 * From the initial state (all values at prior mass), each period takes a
 * best plan of the seller; from period 2 on, among her best plans, the one
 * the equilibrium selects: the least utility for the buyer whose
 * indifference set the previous price (the top value of a thinned state,
 * or the value just above a state's top after a "full" cut), carried
 * through delays unchanged. The path's discounted revenue must equal the
 * recursion's value, and along it every buyer must best respond to the
 * prices actually posted (`checkPostedPath`); both are checked.
 */

import { ONE, ZERO, max, type Rational } from '../numbers/rational.js';
import {
  plansAt,
  postedRecursion,
  type Plan,
  type PlanKind,
  type PostedRecursion,
  type MarketState,
  type Profile,
} from './posted.js';
import type { DurableProblem } from './problem.js';

/** One period of the equilibrium path. */
export interface PostedStep {
  /** Period t (from 1). */
  readonly period: number;
  /** The buyer masses still in the market at the start of the period. */
  readonly masses: readonly Rational[];
  /** The price posted; null when the seller posts a price nobody takes. */
  readonly price: Rational | null;
  /** Pr(buy now | value) for each value still in the market (0 otherwise). */
  readonly buy: readonly Rational[];
  /** The seller's posterior after a rejection (null when all have bought). */
  readonly posterior: readonly Rational[] | null;
  /** Revenue earned this period, discounted to period 1. */
  readonly revenue: Rational;
  readonly kind: PlanKind;
}

/** The posted-price answer: revenue and the equilibrium path. */
export interface PostedResult {
  readonly status: 'optimal';
  /** The buyer's choices on the path passed the independent re-check. */
  readonly verified: boolean;
  /** Seller's revenue in the selected equilibrium (discounted to period 1). */
  readonly value: Rational;
  /** The equilibrium path of prices and purchases. */
  readonly path: readonly PostedStep[];
  /** How many affine pieces period 2's profiles have (size of the recursion). */
  readonly pieces: number;
}

/** The seller-optimal posted-price equilibrium of the problem. */
export function solvePosted(problem: DurableProblem): PostedResult {
  const rec = postedRecursion(problem, 2);
  return postedFrom(rec);
}

/** The answer read off a recursion whose profiles start at period 2. */
export function postedFrom(rec: PostedRecursion): PostedResult {
  const problem = rec.problem;
  const n = problem.values.length;
  const T = problem.horizon;
  const delta = problem.delta;
  const path: PostedStep[] = [];
  let state: MarketState = { k: n - 1, m: problem.prior[n - 1] };
  // The coordinate the previous self needs minimised: null at the start.
  let coordinate: 'top' | 'next' | null = null;
  let discount = ONE;
  let total = ZERO;
  let value: Rational | null = null;
  for (let t = 1; t <= T; t++) {
    const next = rec.profiles[t + 1] as Profile[];
    const { best, value: r } = plansAt(problem, next, state.k, state.m);
    if (value === null) value = r;
    const plan = pick(best, coordinate);
    const masses = problem.prior.map((mu, i) =>
      i < state.k ? mu : i === state.k ? state.m : ZERO,
    );
    const after = masses.map((w, i) => {
      if (plan.target === null) return ZERO;
      if (i < plan.target.k) return w;
      return i === plan.target.k ? plan.target.m : ZERO;
    });
    const buy = masses.map((w, i) =>
      w.isZero() ? ZERO : ONE.sub(after[i].div(w)),
    );
    const sold = masses.reduce((a, w, i) => a.add(w.sub(after[i])), ZERO);
    const revenue = plan.price ? discount.mul(plan.price).mul(sold) : ZERO;
    total = total.add(revenue);
    const left = after.reduce((a, w) => a.add(w), ZERO);
    path.push({
      period: t,
      masses,
      price: plan.price,
      buy,
      posterior: left.isZero() ? null : after.map((w) => w.div(left)),
      revenue,
      kind: plan.kind,
    });
    if (plan.target === null || t === T) break;
    if (plan.kind !== 'delay') {
      coordinate = plan.kind === 'full' ? 'next' : 'top';
    }
    state = plan.target;
    discount = discount.mul(delta);
  }
  if (!total.equals(value!)) {
    throw new Error(
      `internal error: the posted-price path earns ${total}, ` +
        `the recursion ${value}; please report this problem`,
    );
  }
  const pieces = (rec.profiles[2] ?? []).reduce(
    (a, p) => a + p.segments.length,
    0,
  );
  const verified = checkPostedPath(problem, path);
  if (!verified) {
    throw new Error(
      'internal error: a buyer does not best respond on the posted-price ' +
        'path; please report this problem',
    );
  }
  return { status: 'optimal', verified, value: value!, path, pieces };
}

/**
 * The best plan the equilibrium selects: the one leaving the least utility
 * to the buyer whose indifference set the previous price.
 */
function pick(best: readonly Plan[], coordinate: 'top' | 'next' | null): Plan {
  if (coordinate === null) return best[0];
  const u = (p: Plan) =>
    coordinate === 'top' ? p.uTop[0] : (p.uNext as Rational);
  return best.reduce((a, b) => (u(b).lt(u(a)) ? b : a));
}

/**
 * Checks, without the recursion, that the buyer behaves optimally along a
 * path against the prices actually posted: with U(v) the best discounted
 * surplus from waiting (zero after the last period or once all have
 * bought), a value that buys for sure has v − p ≥ δU(v), one that
 * randomises has v − p = δU(v), one present that waits has v − p ≤ δU(v).
 */
export function checkPostedPath(
  problem: DurableProblem,
  path: readonly PostedStep[],
): boolean {
  const { values: v, delta } = problem;
  let later = v.map(() => ZERO);
  for (let s = path.length - 1; s >= 0; s--) {
    const step = path[s];
    const wait = later.map((u) => delta.mul(u));
    for (let i = 0; i < v.length; i++) {
      if (step.masses[i].isZero()) continue;
      const gain = step.price === null ? null : v[i].sub(step.price);
      const b = step.buy[i];
      if (gain === null) {
        if (!b.isZero()) return false;
        continue;
      }
      const c = gain.cmp(wait[i]);
      if (b.equals(ONE) && c < 0) return false;
      if (b.isZero() && c > 0) return false;
      if (b.sign() > 0 && b.lt(ONE) && c !== 0) return false;
    }
    later = v.map((x, i) =>
      step.price === null ? wait[i] : max(x.sub(step.price), wait[i]),
    );
  }
  return true;
}
