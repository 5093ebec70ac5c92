/**
 * Posted prices without commitment: the seller-optimal equilibrium of the
 * finite-horizon durable-good game (Fudenberg, Levine and Tirole 1985), by
 * an exact backward recursion over the seller's beliefs.
 *
 * The game. In each period t = 1..T, while the good is unsold, the seller
 * posts a price p_t; the buyer accepts (the game ends) or rejects, and may
 * randomise. The seller's belief after a history is her posterior over the
 * values still in the market.
 *
 * Skimming. In every equilibrium, if a value buys at some history, every
 * higher value buys for sure there: a buyer's continuation utility U(v)
 * from rejecting is a maximum over stopping rules of expected discounted
 * surplus, so it is convex in v with slope at most 1 and v − δU(v) is
 * nondecreasing. Hence every belief the game reaches is the prior cut from
 * above, with the top value remaining possibly thinned: a STATE is (k, m),
 * meaning values v_1..v_{k−1} keep their prior masses µ_1..µ_{k−1} and
 * value v_k keeps mass m ∈ (0, µ_k] (indices from 1 here, from 0 in code).
 * Masses are absolute, not normalised: revenue is linear in them.
 *
 * The recursion. R_t(k, m) is the seller's revenue from period t on. In
 * period t the seller chooses the next state, and the price that makes the
 * buyers move there:
 *   - end: everyone buys at p = v_1;
 *   - full(k'), k' < k: values above v_{k'} buy, v_{k'} waits; the price
 *     is the highest v_{k'+1} accepts, p = v_{k'+1} − δ U_{t+1}(v_{k'+1});
 *   - part(k', m'): values above v_{k'} buy and v_{k'} buys until mass m'
 *     is left; v_{k'} must be indifferent: p = v_{k'} − δ U_{t+1}(v_{k'});
 *   - delay: nobody buys (a price nobody accepts).
 * In the last period the continuation is zero, so these are the posted
 * prices v_j. U_{t+1} is the marginal buyer's utility in the continuation
 * the equilibrium selects at the target state.
 *
 * Equilibrium selection (seller-optimal). Every self of the seller plays a
 * best continuation at her own belief; among her best continuations, the
 * equilibrium picks the one that leaves the least utility to the buyer
 * whose indifference set the previous price (it raises that price and
 * changes nothing else for the earlier self). Buyer utilities of the types
 * that matter are determined by the plan chosen: U(v_j) = v_j − p for every
 * value at or above the marginal one, and δ U_{t+1}(v_j) after a delay; so
 * the selection needs, per state, only W_t(k, m) = min U_t(v_k) and, at
 * m = µ_k, W⁺_t(k) = min U_t(v_{k+1}) over the seller's best plans. For
 * T = 2 this is exactly the seller-optimal perfect Bayesian equilibrium
 * (the last self always best responds, and the first self can pick among
 * her mixtures). For T ≥ 3 it is the seller-optimal equilibrium among
 * those in which every later self also plays a best continuation (no
 * continuation is used as a punishment); we do not search equilibria that
 * hold a later self below her best revenue.
 *
 * Exactness. On each interval of m where the set of best plans does not
 * change, R_t(k, ·) is affine and W_t(k, ·) constant; the intervals have
 * rational ends (crossings of affine functions). A period-t plan that
 * targets (k', m') with m' inside such an interval of period t + 1 earns
 * an amount affine in m', so its best target lies at an end, where W is the
 * minimum of both sides and R is continuous: the candidate targets are the
 * finitely many breakpoints ("knots") of the next period's profile. So each
 * R_t(k, ·) is an exact piecewise-affine function, built from the crossings
 * of finitely many affine pieces, with no discretisation. For the top value
 * the profile covers all masses m > 0 (so that the mediated regime can read
 * the continuation at any posterior); for lower values it covers (0, µ_k].
 */

import { ONE, ZERO, max, min, type Rational } from '../numbers/rational.js';
import type { DurableProblem } from './problem.js';

const TWO = ONE.add(ONE);

/** How the seller moves the market from one state to the next. */
export type PlanKind = 'end' | 'full' | 'part' | 'delay';

/** A state (k, m): values below v_k at prior mass, v_k at mass m. */
export interface MarketState {
  /** Index of the top value still in the market (0-based). */
  readonly k: number;
  /** Its remaining mass m. */
  readonly m: Rational;
}

/** One thing the seller can do in a period, with what it earns. */
export interface Plan {
  readonly kind: PlanKind;
  /** The price posted; null for delay (a price nobody accepts). */
  readonly price: Rational | null;
  /** The value whose indifference (or acceptance) sets the price; −1 for delay. */
  readonly marginal: number;
  /** The state next period; null when everyone left buys. */
  readonly target: MarketState | null;
  /** Revenue from this period on, α + β·m, valid where the plan is. */
  readonly alpha: Rational;
  readonly beta: Rational;
  /** Range of the top value's utility U(v_k) the plan can leave. */
  readonly uTop: readonly [Rational, Rational];
  /** The least utility U(v_{k+1}) of the next value up (null for the top). */
  readonly uNext: Rational | null;
}

/** An open interval of m on which the best plans do not change. */
export interface Segment {
  readonly lo: Rational;
  /** Upper end; null for +∞ (top value only). */
  readonly hi: Rational | null;
  /** R_t(k, m) = alpha + beta·m on the segment. */
  readonly alpha: Rational;
  readonly beta: Rational;
  /** Least and largest U_t(v_k) over the seller's best plans. */
  readonly wMin: Rational;
  readonly wMax: Rational;
}

/** A breakpoint of the profile (or its right end µ_k). */
export interface Knot {
  readonly m: Rational;
  /** R_t(k, m). */
  readonly value: Rational;
  readonly wMin: Rational;
  readonly wMax: Rational;
  /** W⁺ = least U_t(v_{k+1}) (at the right end µ_k of a lower value only). */
  readonly wPlus: Rational | null;
}

/** R_t(k, ·) and W_t(k, ·) over m ∈ (0, cap]. */
export interface Profile {
  readonly k: number;
  /** µ_k, or null for the top value (all m > 0). */
  readonly cap: Rational | null;
  /** Consecutive open segments covering (0, cap). */
  readonly segments: readonly Segment[];
  /** The knots between segments, and the cap when there is one. */
  readonly knots: readonly Knot[];
}

/** The seller's continuation at a point: revenue and buyer utilities. */
interface PointValue {
  readonly value: Rational;
  readonly wMin: Rational;
  readonly wMax: Rational;
  readonly wPlus: Rational | null;
}

/** The profiles of every period from `first` to T, plus a zero period T+1. */
export interface PostedRecursion {
  readonly problem: DurableProblem;
  /** profiles[t][k] for t = first..T+1 (period T+1 is worth nothing). */
  readonly profiles: readonly (readonly Profile[] | undefined)[];
  readonly first: number;
}

/** The zero continuation after the last period. */
function zeroProfile(problem: DurableProblem, k: number): Profile {
  const top = k === problem.values.length - 1;
  const cap = top ? null : problem.prior[k];
  return {
    k,
    cap,
    segments: [
      { lo: ZERO, hi: cap, alpha: ZERO, beta: ZERO, wMin: ZERO, wMax: ZERO },
    ],
    knots: cap
      ? [{ m: cap, value: ZERO, wMin: ZERO, wMax: ZERO, wPlus: ZERO }]
      : [],
  };
}

/** The continuation value and utilities of a profile at mass m. */
export function profileAt(profile: Profile, m: Rational): PointValue {
  const knots = profile.knots;
  let low = 0;
  let high = knots.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const c = knots[mid].m.cmp(m);
    if (c === 0) return knots[mid];
    if (c < 0) low = mid + 1;
    else high = mid - 1;
  }
  // m lies in the segment after knot low − 1.
  const s = profile.segments[low];
  return {
    value: s.alpha.add(s.beta.mul(m)),
    wMin: s.wMin,
    wMax: s.wMax,
    wPlus: null,
  };
}

/** Σ_{i<k} µ_i. */
function massBelow(problem: DurableProblem, k: number): Rational {
  let total = ZERO;
  for (let i = 0; i < k; i++) total = total.add(problem.prior[i]);
  return total;
}

/**
 * Every plan of period t other than delay, with its revenue line and the
 * least m at which it is available (plans that thin the top value itself
 * need m above their target).
 */
function movePlans(
  rec: { problem: DurableProblem; next: readonly Profile[] },
  k: number,
): { plan: Plan; from: Rational }[] {
  const { problem, next } = rec;
  const v = problem.values;
  const mu = problem.prior;
  const delta = problem.delta;
  const below = massBelow(problem, k);
  const out: { plan: Plan; from: Rational }[] = [];
  const u = (p: Rational, j: number) => v[j].sub(p);
  const uNext = (p: Rational) => (k + 1 < v.length ? u(p, k + 1) : null);

  // End: everyone buys at v_1.
  out.push({
    plan: {
      kind: 'end',
      price: v[0],
      marginal: 0,
      target: null,
      alpha: v[0].mul(below),
      beta: v[0],
      uTop: [u(v[0], k), u(v[0], k)],
      uNext: uNext(v[0]),
    },
    from: ZERO,
  });

  for (let kk = 0; kk < k; kk++) {
    const profile = next[kk];
    const capKnot = profile.knots[profile.knots.length - 1];
    // Mass that buys now besides the top value's m: values kk+1..k−1.
    const sold = below.sub(massBelow(problem, kk + 1));

    // full(kk): v_{kk+1} is the marginal buyer, kk waits entirely.
    const pFull = v[kk + 1].sub(delta.mul(capKnot.wPlus as Rational));
    out.push({
      plan: {
        kind: 'full',
        price: pFull,
        marginal: kk + 1,
        target: { k: kk, m: mu[kk] },
        alpha: pFull.mul(sold).add(delta.mul(capKnot.value)),
        beta: pFull,
        uTop: [u(pFull, k), u(pFull, k)],
        uNext: uNext(pFull),
      },
      from: ZERO,
    });

    // part(kk, m'): v_kk buys until m' is left, at each interior knot.
    for (const knot of profile.knots) {
      if (!knot.m.lt(mu[kk])) continue;
      const p = v[kk].sub(delta.mul(knot.wMin));
      out.push({
        plan: {
          kind: 'part',
          price: p,
          marginal: kk,
          target: { k: kk, m: knot.m },
          alpha: p.mul(sold.add(mu[kk]).sub(knot.m)).add(delta.mul(knot.value)),
          beta: p,
          uTop: [u(p, k), u(p, k)],
          uNext: uNext(p),
        },
        from: ZERO,
      });
    }
  }

  // part(k, m'): the top value itself buys until m' is left (m > m').
  for (const knot of next[k].knots) {
    if (next[k].cap !== null && !knot.m.lt(next[k].cap)) continue;
    const p = v[k].sub(delta.mul(knot.wMin));
    out.push({
      plan: {
        kind: 'part',
        price: p,
        marginal: k,
        target: { k, m: knot.m },
        alpha: delta.mul(knot.value).sub(p.mul(knot.m)),
        beta: p,
        uTop: [u(p, k), u(p, k)],
        uNext: uNext(p),
      },
      from: knot.m,
    });
  }
  return out;
}

/** The delay plan at m: nobody buys; the continuation is next period's. */
function delayPlan(
  problem: DurableProblem,
  nextK: Profile,
  k: number,
  m: Rational,
): Plan {
  const delta = problem.delta;
  const at = profileAt(nextK, m);
  return {
    kind: 'delay',
    price: null,
    marginal: -1,
    target: { k, m },
    alpha: delta.mul(at.value),
    beta: ZERO,
    uTop: [delta.mul(at.wMin), delta.mul(at.wMax)],
    uNext: at.wPlus === null ? null : delta.mul(at.wPlus),
  };
}

/** Revenue of a plan at m. */
function planValue(plan: Plan): (m: Rational) => Rational {
  return (m) =>
    plan.kind === 'delay' ? plan.alpha : plan.alpha.add(plan.beta.mul(m));
}

/**
 * Every plan available in period t at state (k, m), and the best ones.
 * `next` are the profiles of period t + 1.
 */
export function plansAt(
  problem: DurableProblem,
  next: readonly Profile[],
  k: number,
  m: Rational,
): { all: Plan[]; best: Plan[]; value: Rational } {
  const all = movePlans({ problem, next }, k)
    .filter((c) => c.from.lt(m))
    .map((c) => c.plan);
  all.push(delayPlan(problem, next[k], k, m));
  let value: Rational | null = null;
  for (const plan of all) {
    const r = planValue(plan)(m);
    if (value === null || r.gt(value)) value = r;
  }
  const best = all.filter((plan) => planValue(plan)(m).equals(value!));
  return { all, best, value: value! };
}

/** The profile of period t for value k, from the profiles of t + 1. */
function buildProfile(
  problem: DurableProblem,
  next: readonly Profile[],
  k: number,
): Profile {
  const top = k === problem.values.length - 1;
  const cap = top ? null : problem.prior[k];
  const delta = problem.delta;

  // Every affine piece that can be best somewhere, with its domain.
  const lines: { alpha: Rational; beta: Rational; lo: Rational }[] = [];
  for (const c of movePlans({ problem, next }, k)) {
    lines.push({ alpha: c.plan.alpha, beta: c.plan.beta, lo: c.from });
  }
  const delaySegments = next[k].segments.map((s) => ({
    alpha: delta.mul(s.alpha),
    beta: delta.mul(s.beta),
    lo: s.lo,
    hi: s.hi,
  }));

  // Candidate breakpoints: domain ends and pairwise crossings.
  const points = new Map<string, Rational>();
  const add = (m: Rational) => {
    if (m.sign() > 0 && (cap === null || m.lt(cap)))
      points.set(m.toString(), m);
  };
  for (const l of lines) add(l.lo);
  for (const s of delaySegments) {
    add(s.lo);
    if (s.hi) add(s.hi);
  }
  const pieces = [
    ...lines.map((l) => ({ ...l, hi: null as Rational | null })),
    ...delaySegments,
  ];
  for (let a = 0; a < pieces.length; a++) {
    for (let b = a + 1; b < pieces.length; b++) {
      const p = pieces[a];
      const q = pieces[b];
      if (p.beta.equals(q.beta)) continue;
      const m = q.alpha.sub(p.alpha).div(p.beta.sub(q.beta));
      const lo = max(p.lo, q.lo);
      if (!m.gt(lo)) continue;
      if (p.hi && !m.lt(p.hi)) continue;
      if (q.hi && !m.lt(q.hi)) continue;
      add(m);
    }
  }
  const sorted = [...points.values()].sort((x, y) => x.cmp(y));

  // Evaluate the best plans inside each elementary interval and at each
  // breakpoint; inside an interval no two pieces cross, so one interior
  // point decides.
  const ends = [ZERO, ...sorted, ...(cap ? [cap] : [])];
  const segments: Segment[] = [];
  const knots: Knot[] = [];
  for (let i = 0; i < ends.length; i++) {
    const lo = ends[i];
    const hi = i + 1 < ends.length ? ends[i + 1] : null;
    if (i > 0) knots.push(knotAt(problem, next, k, lo, cap));
    if (hi === null && cap !== null) break;
    const inside = hi ? lo.add(hi).div(TWO) : lo.add(ONE);
    const { best } = plansAt(problem, next, k, inside);
    const line = best.find((plan) => plan.kind !== 'delay');
    let alpha: Rational;
    let beta: Rational;
    if (line) {
      alpha = line.alpha;
      beta = line.beta;
    } else {
      const s = delaySegments.find(
        (d) => d.lo.lt(inside) && (d.hi === null || inside.lt(d.hi)),
      )!;
      alpha = s.alpha;
      beta = s.beta;
    }
    segments.push({
      lo,
      hi,
      alpha,
      beta,
      wMin: best.map((p) => p.uTop[0]).reduce(min),
      wMax: best.map((p) => p.uTop[1]).reduce(max),
    });
  }
  return compress({ k, cap, segments, knots });
}

function knotAt(
  problem: DurableProblem,
  next: readonly Profile[],
  k: number,
  m: Rational,
  cap: Rational | null,
): Knot {
  const { best, value } = plansAt(problem, next, k, m);
  const atCap = cap !== null && m.equals(cap);
  return {
    m,
    value,
    wMin: best.map((p) => p.uTop[0]).reduce(min),
    wMax: best.map((p) => p.uTop[1]).reduce(max),
    wPlus: atCap ? best.map((p) => p.uNext as Rational).reduce(min) : null,
  };
}

/** Drops breakpoints across which nothing changes. */
function compress(profile: Profile): Profile {
  const segments: Segment[] = [profile.segments[0]];
  const knots: Knot[] = [];
  profile.segments.slice(1).forEach((s, i) => {
    const knot = profile.knots[i];
    const last = segments[segments.length - 1];
    const same =
      last.alpha.equals(s.alpha) &&
      last.beta.equals(s.beta) &&
      last.wMin.equals(s.wMin) &&
      last.wMax.equals(s.wMax) &&
      knot.wMin.equals(s.wMin) &&
      knot.wMax.equals(s.wMax);
    if (same) {
      segments[segments.length - 1] = { ...last, hi: s.hi };
    } else {
      knots.push(knot);
      segments.push(s);
    }
  });
  // The cap knot (lower values) stays.
  if (profile.knots.length === profile.segments.length) {
    knots.push(profile.knots[profile.knots.length - 1]);
  }
  return { ...profile, segments, knots };
}

/**
 * The profiles of periods `first`..T (and the zero period T + 1), built
 * backwards. `first` = 2 is all the posted-price answer needs; the
 * mediated regime reads period 2's profile of the top value.
 */
export function postedRecursion(
  problem: DurableProblem,
  first = 2,
): PostedRecursion {
  const n = problem.values.length;
  const T = problem.horizon;
  const profiles: (Profile[] | undefined)[] = [];
  profiles[T + 1] = Array.from({ length: n }, (_, k) =>
    zeroProfile(problem, k),
  );
  for (let t = T; t >= Math.max(first, 1); t--) {
    const next = profiles[t + 1] as Profile[];
    profiles[t] = Array.from({ length: n }, (_, k) =>
      buildProfile(problem, next, k),
    );
  }
  return { problem, profiles, first };
}
