/**
 * The future seller's plans: what the next self may be recommended after
 * a period-1 device (mediated.ts), with per-value revenue r_ℓ(v) and buyer
 * utility u_ℓ(v).
 *
 * T = 1: no future, one plan "no sale" worth nothing. T = 2: the posted
 * prices v_1, …, v_n (future-seller.ts; exact, see mediated.ts).
 *
 * T ≥ 3 (two values; partly exact). The future self's plans are the
 * continuations of the (T − 1)-period game from period 2. We take them from
 * the posted-price recursion (posted.ts): with two values every belief is
 * a state of that recursion, and its period-2 revenue R_2 is piecewise
 * affine in the masses (a, b) of the low and high value, convex, and
 * homogeneous; each affine piece is a plan ℓ with r_ℓ = (α/µ0(v_1), β) and
 * high-value utility in the range [W_min, W_max] the piece allows (the low
 * value always gets 0). Because R_2 is the maximum of these lines,
 * "the plan of message ℓ is best at its posterior" is again the persuasion
 * obedience constraint over the lines; each breakpoint (a strict kink) is
 * a plan of its own whose line is the mean of its neighbours, which
 * obedience pins to that exact posterior. The period-1 device is then
 * optimal over all canonical devices, exactly, GIVEN that from period 2 on
 * the seller's best continuation revenue and the buyer utilities it can
 * leave are those of posted prices. That devices earn no more than posted
 * prices with two values is Doval and Skreta's durable-good result (shown
 * there for an infinite horizon) and what our T = 2 tests confirm for the
 * last two periods; we rely on it for longer continuations rather than
 * prove it, and that no mediated continuation of the same revenue leaves
 * the high value a utility outside [W_min, W_max] is not proved here
 * either. So for T ≥ 3 the answer is the best one-period deviation from posted prices to a
 * designed device, not a full recursion over devices in every period. If
 * R_2 is not convex or has a breakpoint without a kink, we say so and stop
 * (status `unsupported`); with three or more values and T ≥ 3 the posterior
 * after a device need not be a cut of the prior, the posted-price recursion
 * does not cover it, and we stop too.
 */

import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import { lastPeriodPlans, type ContinuationPlan } from './future-seller.js';
import { postedRecursion, profileAt, type Profile } from './posted.js';
import type { DurableProblem } from './problem.js';

/** Where the future seller's plans come from. */
export type ContinuationSource =
  | 'none (one period)'
  | 'last-period prices'
  | 'posted-price continuation from period 2';

/** The future seller's plans and where they come from. */
export interface Continuation {
  readonly plans: ContinuationPlan[];
  readonly continuation: ContinuationSource;
  /** True when the device LP over these plans is exact for the regime. */
  readonly exactRegime: boolean;
  /** The period-2 posted-price profile behind the plans (T ≥ 3). */
  readonly profile: Profile | null;
}

/**
 * The future seller's plans for the problem, or the reason there are none
 * we can trust (see the module header).
 */
export function continuationPlans(
  problem: DurableProblem,
): Continuation | { unsupported: string } {
  const T = problem.horizon;
  const n = problem.values.length;
  if (T === 1) {
    return {
      plans: [
        {
          name: 'no sale',
          revenue: problem.values.map(() => ZERO),
          utility: problem.values.map(() => ZERO),
          description: 'the game is over',
        },
      ],
      continuation: 'none (one period)',
      exactRegime: true,
      profile: null,
    };
  }
  if (T === 2) {
    return {
      plans: lastPeriodPlans(problem),
      continuation: 'last-period prices',
      exactRegime: true,
      profile: null,
    };
  }
  if (n > 2) {
    return {
      unsupported:
        'mediated devices for T ≥ 3 are implemented for one or two values ' +
        'only: with three or more values a device can leave the future ' +
        'seller a belief that is not a cut of the prior, which the ' +
        'posted-price recursion does not cover',
    };
  }
  const profile = postedRecursion(problem, 2).profiles[2]![n - 1];
  const segments = profile.segments;
  for (let i = 1; i < segments.length; i++) {
    if (!segments[i].beta.gt(segments[i - 1].beta)) {
      return {
        unsupported:
          'the period-2 revenue is not strictly convex at a breakpoint, so ' +
          'the future seller’s choice cannot be written as obedience over ' +
          'revenue lines; this instance is not supported',
      };
    }
  }
  const mu = problem.prior;
  const coefficients = (alpha: Rational, beta: Rational) =>
    n === 2 ? [alpha.div(mu[0]), beta] : [beta];
  const utility = (w: Rational) => (n === 2 ? [ZERO, w] : [w]);
  const high = (m: Rational) =>
    n === 2 ? m.div(mu[0].add(m)).toString() : '1';
  const plans: ContinuationPlan[] = [];
  // One plan per end of the range of utility the piece can leave the high
  // value (the LP mixes them by splitting a message).
  const addPlans = (
    name: string,
    where: string,
    revenue: Rational[],
    wMin: Rational,
    wMax: Rational,
  ) => {
    const ends = wMin.equals(wMax)
      ? [{ w: wMin, suffix: '', note: '' }]
      : [
          { w: wMin, suffix: '-', note: ', least rent to the high value' },
          { w: wMax, suffix: '+', note: ', most rent to the high value' },
        ];
    for (const end of ends) {
      plans.push({
        name: `${name}${end.suffix}`,
        revenue,
        utility: utility(end.w),
        description: `the posted-price continuation ${where}${end.note}`,
      });
    }
  };
  segments.forEach((s, i) => {
    const lo = high(s.lo);
    const hi = s.hi === null ? '1' : high(s.hi);
    addPlans(
      `piece ${i + 1}`,
      `for Pr(high) in (${lo}, ${hi})`,
      coefficients(s.alpha, s.beta),
      s.wMin,
      s.wMax,
    );
  });
  const half = ONE.div(ONE.add(ONE));
  profile.knots.forEach((knot, i) => {
    const left = segments[i];
    const right = segments[i + 1];
    addPlans(
      `kink ${i + 1}`,
      `at Pr(high) = ${high(knot.m)}`,
      coefficients(
        left.alpha.add(right.alpha).mul(half),
        left.beta.add(right.beta).mul(half),
      ),
      knot.wMin,
      knot.wMax,
    );
  });
  return {
    plans,
    continuation: 'posted-price continuation from period 2',
    exactRegime: false,
    profile,
  };
}

/**
 * The posted-price continuation at a posterior (one or two values), per
 * unit of mass: revenue and the range of the top value's utility.
 */
export function continuationAt(
  problem: DurableProblem,
  profile: Profile,
  posterior: readonly Rational[],
): { value: Rational; wMin: Rational; wMax: Rational } {
  const n = problem.values.length;
  const segments = profile.segments;
  if (n === 1 || posterior[0].isZero()) {
    // Only the top value is left: it buys at its value now.
    const last = segments[segments.length - 1];
    return { value: problem.values[n - 1], wMin: last.wMin, wMax: last.wMax };
  }
  const low = problem.prior[0];
  if (posterior[1].isZero()) {
    // Only the low value is left: it buys at its value now; a high value
    // that pretended otherwise would meet the continuation near m = 0.
    const first = segments[0];
    return { value: problem.values[0], wMin: first.wMin, wMax: first.wMax };
  }
  const m = posterior[1].mul(low).div(posterior[0]);
  const at = profileAt(profile, m);
  const scale = posterior[0].div(low);
  return { value: at.value.mul(scale), wMin: at.wMin, wMax: at.wMax };
}
