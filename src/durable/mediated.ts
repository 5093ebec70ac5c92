/**
 * Limited commitment with designed mechanisms (Doval and Skreta 2022): the
 * seller commits to this period's mechanism only, and her future self
 * chooses the next one at the belief the mechanism leaves her with.
 *
 * Canonical devices. Doval and Skreta's revelation principle: it is enough
 * to consider, in period 1, a device that takes the buyer's report of his
 * value and outputs (i) whether the good is sold now and at what payment,
 * and (ii) a message seen by the seller's future self, where the message
 * may as well be the future self's posterior; truthful reporting and
 * participation must be optimal for the buyer, and the future self must
 * find her own next choice optimal at each posterior. Two posteriors at
 * which the future self does the same thing can be merged (the future
 * self's payoff is linear in the joint mass, so optimality survives the
 * merge, and the buyer sees the same continuation), so one message per
 * continuation plan ℓ suffices: a recommendation, as in persuasion.
 *
 * The T = 2 program (exact). The future self is the last one; whatever
 * mechanism she offers, her revenue is at most that of the best posted
 * price at her posterior (Riley and Zeckhauser 1983), and a posted price
 * attains it, so her plans are the prices p ∈ {v_1, …, v_n} (a price
 * between two values sells to the same buyers as the next value up and
 * earns less; a price above v_n sells nothing and leaves every buyer the
 * same zero surplus as v_n does). In joint masses, with
 *   s(v)    = Pr(value v and sale now),
 *   ρ(v)    = µ0(v)·P(v), P(v) the expected payment of a buyer reporting v,
 *   π(v, ℓ) = Pr(value v, no sale now, message ℓ),
 * the seller solves
 *   max  Σ_v ρ(v) + δ Σ_{v,ℓ} π(v, ℓ) r_ℓ(v)
 *   s.t. s(v) + Σ_ℓ π(v, ℓ) = µ0(v)                        (feasibility)
 *        U(v) ≥ 0                                         (participation)
 *        U(v) ≥ [v s(v') − ρ(v') + δ Σ_ℓ π(v', ℓ) u_ℓ(v)] / µ0(v')  (truth)
 *        Σ_v π(v, ℓ)[r_ℓ(v) − r_d(v)] ≥ 0 for all ℓ ≠ d    (obedience)
 * where U(v) = [v s(v) − ρ(v) + δ Σ_ℓ π(v, ℓ) u_ℓ(v)] / µ0(v), r_ℓ(v) =
 * p_ℓ·[v ≥ p_ℓ] and u_ℓ(v) = max(v − p_ℓ, 0). The truth rows include the
 * double deviation (lie, then buy or not in period 2 as one's true value
 * dictates) because u_ℓ is evaluated at the true value. Participation is
 * U(v) ≥ 0: a buyer who refuses the device is off the path, and the future
 * self may then believe the value is v_n and post v_n, which leaves every
 * buyer nothing. Every feasible point is an equilibrium (the future self
 * obeys, the buyer reports truthfully) and every equilibrium's outcome is
 * feasible (revelation principle and merging above), so the optimum is the
 * seller-optimal equilibrium revenue: the future self breaks ties in the
 * earlier self's favour because the LP may recommend any of her best plans.
 * The obedience rows come from `obedienceRows` (see future-seller.ts).
 *
 * Payments. The LP sets expected payments P(v). A payment of a report that
 * is sold with positive chance can be collected on the sale only (P(v)/s
 * per sale), and after a sale nothing is left to learn. A report never
 * sold now that still paid would pay in the no-sale event, where the
 * future seller could read the report off the payment; the result says
 * whether the optimal device needs that (`paymentsOnSaleOnly`); in every
 * instance we tried it did not.
 *
 * T = 1 and T ≥ 3: the future self's plans come from continuation.ts
 * (none for T = 1; for T ≥ 3, with two values, the pieces of the
 * posted-price continuation, which is exact only given that
 * continuation; see there). The LP above is the same for every horizon.
 */

import { solveLp } from '../lp/solve.js';
import type {
  LinearProgram,
  LpMethod,
  LpOptions,
  LpRow,
  LpStatus,
  LpVariable,
} from '../lp/model.js';
import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';
import {
  futureSellerObedience,
  type ContinuationPlan,
} from './future-seller.js';
import type { Profile } from './posted.js';
import {
  continuationAt,
  continuationPlans,
  type ContinuationSource,
} from './continuation.js';
import { monopolyPrice, valueLabel, type DurableProblem } from './problem.js';

/** The LP of the period-1 device, with the meaning of every column. */
export interface MediatedProgram {
  readonly lp: LinearProgram;
  readonly plans: readonly ContinuationPlan[];
  /** Column of s(v). */
  readonly sale: readonly number[];
  /** Column of ρ(v). */
  readonly payment: readonly number[];
  /** Column of π(v, ℓ): message[v][ℓ]. */
  readonly message: readonly (readonly number[])[];
  /** Index of the first obedience row, and how many there are. */
  readonly obedienceRows: { readonly first: number; readonly count: number };
}

/** Per reported value: what the period-1 device does. */
export interface DeviceEntry {
  readonly value: Rational;
  /** Pr(sale now | report v). */
  readonly sale: Rational;
  /** Expected payment of a buyer reporting v. */
  readonly payment: Rational;
  /** Pr(message ℓ | report v), no sale now, one per plan. */
  readonly messages: readonly Rational[];
  /** The buyer's expected utility U(v) from truthful reporting. */
  readonly utility: Rational;
}

/** A message the device sends with positive probability. */
export interface DeviceMessage {
  /** The plan it recommends to the future seller. */
  readonly plan: string;
  readonly description: string;
  /** Pr(no sale and this message). */
  readonly probability: Rational;
  /** The future seller's posterior over the values. */
  readonly posterior: readonly Rational[];
  /** Future revenue per unit of mass at that posterior (period-2 units). */
  readonly futureRevenue: Rational;
  /** Other plans the future seller finds exactly as good there. */
  readonly indifferentTo: readonly string[];
}

/** The answer of the mediated regime. */
export interface MediatedResult {
  /** The LP status, or `unsupported` when the instance is outside the method. */
  readonly status: LpStatus | 'unsupported';
  readonly value: Rational | null;
  /** Where the future seller's plans come from. */
  readonly continuation: ContinuationSource;
  /** True when the value is the exact optimum over the whole regime. */
  readonly exactRegime: boolean;
  readonly plans: readonly string[];
  readonly device: readonly DeviceEntry[];
  readonly messages: readonly DeviceMessage[];
  /** The device passed the independent exact re-check. */
  readonly verified: boolean;
  /**
   * True when every report that never buys now pays nothing, so all
   * payments can be collected on a sale and the future seller learns
   * nothing from them (see the module header); null without a device.
   */
  readonly paymentsOnSaleOnly: boolean | null;
  readonly certificate: {
    readonly exact: boolean;
    readonly method: LpMethod | null;
    readonly notes: readonly string[];
  };
  readonly size: { readonly variables: number; readonly rows: number };
  readonly notes: readonly string[];
}

/** The period-1 device LP for given future plans. */
export function mediatedProgram(
  problem: DurableProblem,
  plans: readonly ContinuationPlan[],
): MediatedProgram {
  const { values: v, prior: mu, delta } = problem;
  const n = v.length;
  const variables: LpVariable[] = [];
  const column = (name: string, lower: Rational | null, cost: Rational) => {
    variables.push({ name, lower, upper: null, cost });
    return variables.length - 1;
  };
  const sale = v.map((x) => column(`sale[${valueLabel(x)}]`, ZERO, ZERO));
  const payment = v.map((x) => column(`pay[${valueLabel(x)}]`, null, ONE));
  const message = v.map((x, i) =>
    plans.map((plan) =>
      column(
        `msg[${valueLabel(x)},${plan.name}]`,
        ZERO,
        delta.mul(plan.revenue[i]),
      ),
    ),
  );

  // µ0(v)·U(v) as (indices, coefficients), for a buyer of true value i
  // reporting j.
  const payoff = (i: number, j: number) => {
    const indices = [sale[j], payment[j], ...message[j]];
    const coefficients = [
      v[i],
      ONE.neg(),
      ...plans.map((plan) => delta.mul(plan.utility[i])),
    ];
    return { indices, coefficients };
  };

  const rows: LpRow[] = [];
  for (let i = 0; i < n; i++) {
    const indices = [sale[i], ...message[i]];
    rows.push({
      name: `feasible[${valueLabel(v[i])}]`,
      indices,
      coefficients: indices.map(() => ONE),
      lower: mu[i],
      upper: mu[i],
    });
  }
  for (let i = 0; i < n; i++) {
    rows.push({
      name: `participate[${valueLabel(v[i])}]`,
      ...payoff(i, i),
      lower: ZERO,
      upper: null,
    });
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      // µ0(j)·[µ0(i) U(i)] − µ0(i)·[µ0(j)·(i's payoff from reporting j)] ≥ 0.
      const own = payoff(i, i);
      const lie = payoff(i, j);
      rows.push({
        name: `truth[${valueLabel(v[i])}→${valueLabel(v[j])}]`,
        indices: [...own.indices, ...lie.indices],
        coefficients: [
          ...own.coefficients.map((c) => c.mul(mu[j])),
          ...lie.coefficients.map((c) => c.mul(mu[i]).neg()),
        ],
        lower: ZERO,
        upper: null,
      });
    }
  }
  const first = rows.length;
  const obedience = futureSellerObedience(
    problem,
    plans,
    (i, l) => message[i][l],
  );
  rows.push(...obedience.rows);
  return {
    lp: { sense: 'maximize', variables, rows },
    plans,
    sale,
    payment,
    message,
    obedienceRows: { first, count: obedience.rows.length },
  };
}

/**
 * The seller-optimal period-1 device without commitment (see the module
 * header for what is exact), certified by the LP layer and re-checked.
 */
export async function solveMediated(
  problem: DurableProblem,
  options: LpOptions = {},
): Promise<MediatedResult> {
  const found = continuationPlans(problem);
  if ('unsupported' in found) {
    return {
      status: 'unsupported',
      value: null,
      continuation: 'posted-price continuation from period 2',
      exactRegime: false,
      plans: [],
      device: [],
      messages: [],
      verified: false,
      paymentsOnSaleOnly: null,
      certificate: { exact: false, method: null, notes: [] },
      size: { variables: 0, rows: 0 },
      notes: [found.unsupported],
    };
  }
  const program = mediatedProgram(problem, found.plans);
  const solution = await solveLp(program.lp, options);
  const base = {
    continuation: found.continuation,
    exactRegime: found.exactRegime && solution.exact,
    plans: found.plans.map((p) => p.name),
    certificate: {
      exact: solution.exact,
      method: solution.method,
      notes: solution.notes,
    },
    size: {
      variables: program.lp.variables.length,
      rows: program.lp.rows.length,
    },
    notes: found.exactRegime
      ? []
      : [
          'T ≥ 3: the period-1 device is optimal given the posted-price ' +
            'continuation from period 2 (see docs/durable.md)',
        ],
  };
  if (solution.status !== 'optimal' || !solution.x || !solution.value) {
    return {
      ...base,
      status: solution.status,
      value: null,
      device: [],
      messages: [],
      verified: false,
      paymentsOnSaleOnly: null,
    };
  }
  const { device, messages } = readDevice(problem, program, solution.x);
  const verified = verifyDevice(
    problem,
    found.plans,
    found.profile,
    device,
    messages,
    solution.value,
  );
  if (solution.exact && !verified) {
    throw new Error(
      'internal error: a certified mediated optimum failed the exact ' +
        're-check; please report this problem',
    );
  }
  const paymentsOnSaleOnly = device.every(
    (d) => !d.sale.isZero() || d.payment.isZero(),
  );
  return {
    ...base,
    status: 'optimal',
    value: solution.value,
    device,
    messages,
    verified,
    paymentsOnSaleOnly,
  };
}

/** The device in conditional form and its messages, from an LP solution. */
function readDevice(
  problem: DurableProblem,
  program: MediatedProgram,
  x: readonly Rational[],
): { device: DeviceEntry[]; messages: DeviceMessage[] } {
  const { values: v, prior: mu, delta } = problem;
  const plans = program.plans;
  const device = v.map((value, i) => {
    const sale = x[program.sale[i]].div(mu[i]);
    const payment = x[program.payment[i]].div(mu[i]);
    const messages = plans.map((_, l) => x[program.message[i][l]].div(mu[i]));
    const utility = value
      .mul(sale)
      .sub(payment)
      .add(
        delta.mul(
          sum(plans.map((plan, l) => messages[l].mul(plan.utility[i]))),
        ),
      );
    return { value, sale, payment, messages, utility };
  });
  const messages: DeviceMessage[] = [];
  plans.forEach((plan, l) => {
    const joint = v.map((_, i) => x[program.message[i][l]]);
    const probability = sum(joint);
    if (probability.isZero()) return;
    const posterior = joint.map((p) => p.div(probability));
    const revenueOf = (q: ContinuationPlan) =>
      sum(posterior.map((p, i) => p.mul(q.revenue[i])));
    const own = revenueOf(plan);
    messages.push({
      plan: plan.name,
      description: plan.description,
      probability,
      posterior,
      futureRevenue: own,
      indifferentTo: plans
        .filter((q) => q !== plan && revenueOf(q).equals(own))
        .map((q) => q.name),
    });
  });
  return { device, messages };
}

/**
 * Re-checks a device without the LP: feasibility, participation and truth
 * in conditional form, the future seller's choice against her best
 * alternative computed independently (the monopoly price for T = 2, the
 * posted-price value function for T ≥ 3), and the revenue.
 */
function verifyDevice(
  problem: DurableProblem,
  plans: readonly ContinuationPlan[],
  profile: Profile | null,
  device: readonly DeviceEntry[],
  messages: readonly DeviceMessage[],
  value: Rational,
): boolean {
  const { values: v, prior: mu, delta } = problem;
  for (const d of device) {
    if (d.sale.sign() < 0 || d.messages.some((z) => z.sign() < 0)) return false;
    if (!d.sale.add(sum(d.messages)).equals(ONE)) return false;
    if (d.utility.sign() < 0) return false;
  }
  for (let i = 0; i < v.length; i++) {
    for (const lie of device) {
      const payoff = v[i]
        .mul(lie.sale)
        .sub(lie.payment)
        .add(
          delta.mul(
            sum(plans.map((plan, l) => lie.messages[l].mul(plan.utility[i]))),
          ),
        );
      if (payoff.gt(device[i].utility)) return false;
    }
  }
  for (const msg of messages) {
    const plan = plans.find((p) => p.name === msg.plan)!;
    if (profile === null) {
      if (problem.horizon === 1) continue;
      const best = monopolyPrice(v, msg.posterior).revenue;
      if (!msg.futureRevenue.equals(best)) return false;
    } else {
      // Scale the posterior to the recursion's low-value mass µ0(v_1).
      const at = continuationAt(problem, profile, msg.posterior);
      if (!msg.futureRevenue.equals(at.value)) return false;
      const w = plan.utility[v.length - 1];
      if (w.lt(at.wMin) || w.gt(at.wMax)) return false;
    }
  }
  const revenue = sum(
    device.map((d, i) =>
      mu[i]
        .mul(d.payment)
        .add(
          delta.mul(
            sum(
              plans.map((plan, l) =>
                d.messages[l].mul(mu[i]).mul(plan.revenue[i]),
              ),
            ),
          ),
        ),
    ),
  );
  return revenue.equals(value);
}
