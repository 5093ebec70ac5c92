/**
 * Two states: the value function and its envelope as exact
 * piecewise-linear functions of x = µ(θ_1), the probability of the first
 * state (Kamenica and Gentzkow 2011, figs. 1–2).
 *
 * Every receiver's expected payoff is linear in x, so her best responses
 * change only where two of her actions give equal payoff; the tie rule's
 * choice among equivalent profiles changes only where two of them give
 * the sender equal ŵ. Between consecutive such breakpoints
 * 0 = x_0 < x_1 < … < x_K = 1 the selected profile is constant and V is
 * linear; at a breakpoint V takes the tie rule's value, which may differ
 * from both one-sided limits.
 *
 * The envelope is the least concave function above the upper
 * semicontinuous hull of V (for `sense: 'minimize'` the greatest convex
 * function below the lower hull): the upper hull, in ŵ, of the points
 * (x_k, max{V(x_k), V(x_k−), V(x_k+)}). Its value at the prior is the
 * sender's best value (a supremum under tie rules that may not attain it)
 * whenever both states have positive prior.
 */

import { decodeProfile } from '../game/game.js';
import { ONE, Rational, ZERO } from '../numbers/rational.js';
import { profileActions, type PersuasionProblem } from './problem.js';
import { objectiveAt, product, respond } from './value-function.js';

/** V on one open interval (from, to) between breakpoints. */
export interface LinearPiece {
  readonly from: Rational;
  readonly to: Rational;
  /** The receivers' actions on the whole open interval. */
  readonly actions: readonly string[];
  /** lim V(x) as x ↓ from. */
  readonly atFrom: Rational;
  /** lim V(x) as x ↑ to. */
  readonly atTo: Rational;
}

/** V at one breakpoint, under the tie rule. */
export interface BreakPoint {
  readonly x: Rational;
  readonly actions: readonly string[];
  readonly value: Rational;
}

/** A corner (x, y) of a piecewise-linear function, linear in between. */
export interface EnvelopeCorner {
  readonly x: Rational;
  readonly value: Rational;
}

/** V and its envelope over x = µ(first state) ∈ [0, 1]. */
export interface TwoStateFunctions {
  /** The state whose probability is x. */
  readonly axis: string;
  readonly pieces: readonly LinearPiece[];
  readonly points: readonly BreakPoint[];
  /** The concave (maximise) or convex (minimise) envelope: its corners. */
  readonly envelope: readonly EnvelopeCorner[];
  /** The envelope at the prior x0 = µ0(first state). */
  readonly envelopeAtPrior: Rational;
}

/** V and its envelope for a two-state problem. */
export function twoStateFunctions(
  problem: PersuasionProblem,
): TwoStateFunctions {
  const belief = (x: Rational) => [x, ONE.sub(x)];
  const breaks = breakpoints(problem);
  const points: BreakPoint[] = breaks.map((x) => {
    const r = respond(problem, belief(x));
    return { x, actions: profileActions(problem, r.profile), value: r.value };
  });
  const pieces: LinearPiece[] = [];
  for (let k = 0; k + 1 < breaks.length; k++) {
    const from = breaks[k];
    const to = breaks[k + 1];
    const middle = from.add(to).div(Rational.int(2));
    const a = respond(problem, belief(middle)).profile;
    pieces.push({
      from,
      to,
      actions: profileActions(problem, a),
      atFrom: objectiveAt(problem, a, belief(from)),
      atTo: objectiveAt(problem, a, belief(to)),
    });
  }

  // The upper semicontinuous hull at each breakpoint, in ŵ = ±w.
  const sign = Rational.int(problem.sense === 'maximize' ? 1 : -1);
  const hull = points.map((p, k) => {
    let y = p.value.mul(sign);
    if (k > 0) y = maxOf(y, pieces[k - 1].atTo.mul(sign));
    if (k < pieces.length) y = maxOf(y, pieces[k].atFrom.mul(sign));
    return { x: p.x, y };
  });
  const envelope = upperHull(hull).map((q) => ({
    x: q.x,
    value: q.y.mul(sign),
  }));
  return {
    axis: problem.game.states[0],
    pieces,
    points,
    envelope,
    envelopeAtPrior: evaluate(envelope, problem.game.prior[0]),
  };
}

function maxOf(a: Rational, b: Rational): Rational {
  return a.ge(b) ? a : b;
}

/** Sorted distinct x in [0, 1] where best responses or tie choices may change. */
function breakpoints(problem: PersuasionProblem): Rational[] {
  const found = new Map<string, Rational>();
  const add = (x: Rational) => {
    if (x.sign() >= 0 && x.le(ONE)) found.set(x.toString(), x);
  };
  add(ZERO);
  add(ONE);
  // Where f(x) = x f(θ1) + (1 − x) f(θ2) and g cross.
  const crossing = (f: readonly Rational[], g: readonly Rational[]) => {
    const slope = f[0].sub(f[1]).sub(g[0].sub(g[1]));
    if (!slope.isZero()) add(g[1].sub(f[1]).div(slope));
  };
  for (const r of problem.receivers) {
    const u = (b: number) => [r.utility[0][b], r.utility[1][b]];
    for (let b = 0; b < r.actions.length; b++) {
      for (let c = 0; c < b; c++) crossing(u(b), u(c));
    }
  }
  if (problem.tie !== 'receiver-order') {
    // Profiles the receivers can never tell apart: the sender's ranking of
    // them decides, and it changes where their ŵ cross.
    const w = (a: number) => [problem.adjusted[0][a], problem.adjusted[1][a]];
    const twins = problem.receivers.map((r) =>
      r.actions.map((_, b) =>
        r.actions
          .map((_, c) => c)
          .filter(
            (c) =>
              r.utility[0][b].equals(r.utility[0][c]) &&
              r.utility[1][b].equals(r.utility[1][c]),
          ),
      ),
    );
    for (let a = 0; a < problem.profiles; a++) {
      const actions = decodeProfile(problem.game, a);
      const mates = product(
        problem,
        actions.map((b, i) => twins[i][b]),
      );
      for (const other of mates) if (other < a) crossing(w(a), w(other));
    }
  }
  return [...found.values()].sort((x, y) => x.cmp(y));
}

/** The upper concave hull of points sorted by x (monotone chain). */
function upperHull(
  points: readonly { x: Rational; y: Rational }[],
): { x: Rational; y: Rational }[] {
  const hull: { x: Rational; y: Rational }[] = [];
  for (const p of points) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      // Drop b when it lies on or below the segment from a to p.
      const cross = b.x
        .sub(a.x)
        .mul(p.y.sub(a.y))
        .sub(b.y.sub(a.y).mul(p.x.sub(a.x)));
      if (cross.sign() >= 0) hull.pop();
      else break;
    }
    hull.push(p);
  }
  return hull;
}

/** A piecewise-linear function given by its corners, at x. */
export function evaluate(
  knots: readonly EnvelopeCorner[],
  x: Rational,
): Rational {
  for (let k = 0; k + 1 < knots.length; k++) {
    const a = knots[k];
    const b = knots[k + 1];
    if (x.ge(a.x) && x.le(b.x)) {
      const t = x.sub(a.x).div(b.x.sub(a.x));
      return a.value.add(t.mul(b.value.sub(a.value)));
    }
  }
  return knots[knots.length - 1].value;
}
