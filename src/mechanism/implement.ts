/**
 * Implementability of a given rule (the seed's question): given the
 * lottery q(· | t) at every type profile, are there payments p_i(t) that
 * satisfy the problem's incentive, participation and budget constraints?
 *
 * With q fixed the constraints of constraints.ts are linear in p, so the
 * question is the feasibility of a linear system, answered by the LP
 * layer over the whole system at once (never by pairwise checks). When
 * feasible we return one implementing payment scheme (the revenue-maximal
 * one when revenue is bounded above) and the interval [min, max] of
 * expected revenue E_ψ[Σ_i p_i(t)] over all implementing schemes (two LPs;
 * an end is null when revenue is unbounded that way). When infeasible we
 * return a witness (witness.ts): a negative cycle of types (Rochet) when
 * dominant-strategy incentive constraints alone already fail, otherwise a
 * Farkas combination of the constraints.
 */

import { solveLp } from '../lp/solve.js';
import type {
  LinearProgram,
  LpOptions,
  LpSolution,
  LpStatus,
  LpVariable,
} from '../lp/model.js';
import { ZERO, type Rational } from '../numbers/rational.js';
import { auditMechanism, type AuditResult } from './audit.js';
import { constraintName, mechanismConstraints } from './constraints.js';
import {
  typeNames,
  typeProfileCount,
  type Mechanism,
  type MechanismProblem,
} from './problem.js';
import {
  mechanismJson,
  mechanismRows,
  type MechanismJson,
  type MechanismRow,
} from './report.js';
import {
  farkasCombination,
  rochetCycle,
  type FarkasCombination,
  type PaymentRow,
  type RochetCycle,
} from './witness.js';

/** Why a rule cannot be implemented. */
export type ImplementWitness =
  | { readonly kind: 'cycle'; readonly cycle: RochetCycle }
  | { readonly kind: 'combination'; readonly combination: FarkasCombination };

/** The answer to "can payments implement this rule?". */
export interface ImplementResult {
  /** `implementable`, `not-implementable`, or `failed` (the LP layer gave up). */
  readonly status: 'implementable' | 'not-implementable' | 'failed';
  /** True, false, or null when undecided. */
  readonly implementable: boolean | null;
  /** Expected revenue of the returned payments; null unless implementable. */
  readonly value: Rational | null;
  /** The rule with the returned payments. */
  readonly mechanism: Mechanism | null;
  readonly table: readonly MechanismRow[];
  readonly json: MechanismJson | null;
  /** [min, max] of expected revenue over all implementing payments. */
  readonly revenueRange: {
    /** Null when unbounded below (see minStatus) or not implementable. */
    readonly min: Rational | null;
    readonly max: Rational | null;
    readonly minStatus: LpStatus | null;
    readonly maxStatus: LpStatus | null;
  };
  /** The exact audit of the returned mechanism. */
  readonly audit: AuditResult | null;
  /** Present when not implementable. */
  readonly witness: ImplementWitness | null;
  /** True when every LP answer used was verified exactly. */
  readonly exact: boolean;
  readonly notes: readonly string[];
}

/**
 * The payment rows of the problem's constraints with the rule q
 * substituted: Σ_j a_j p_j ≤ b over columns j = t · n + i.
 */
export function paymentRows(
  problem: MechanismProblem,
  q: readonly (readonly Rational[])[],
): PaymentRow[] {
  const n = problem.agents.length;
  return mechanismConstraints(problem, { lottery: false }).map((c) => {
    // Σ terms + c ≥ 0 becomes −Σ_p terms ≤ c + Σ_q terms.
    let bound = c.constant;
    const indices: number[] = [];
    const coefficients: Rational[] = [];
    for (const term of c.terms) {
      if (term.variable === 'q') {
        bound = bound.add(term.coefficient.mul(q[term.profile][term.index]));
      } else {
        indices.push(term.profile * n + term.index);
        coefficients.push(term.coefficient.neg());
      }
    }
    return {
      meaning: c.meaning,
      indices,
      coefficients,
      bound,
      equality: c.equality,
    };
  });
}

/**
 * Whether the problem's rule (or `rule`, when given) can be implemented
 * under its switches; with payments and the revenue range, or a witness.
 */
export async function implementRule(
  problem: MechanismProblem,
  options: LpOptions & {
    readonly rule?: readonly (readonly Rational[])[];
  } = {},
): Promise<ImplementResult> {
  const q = options.rule ?? problem.rule;
  if (!q) {
    throw new Error('implementRule: the problem has no rule to implement');
  }
  const count = typeProfileCount(problem);
  const n = problem.agents.length;
  const columns = count * n;
  const rows = paymentRows(problem, q);
  const lp = (
    sense: 'maximize' | 'minimize',
    revenue: boolean,
  ): LinearProgram => {
    const variables: LpVariable[] = [];
    for (let t = 0; t < count; t++) {
      const at = typeNames(problem, t).join(',');
      problem.agents.forEach((agent) =>
        variables.push({
          name: `p[${agent.name}|${at}]`,
          lower: null,
          upper: null,
          cost: revenue ? problem.prior[t] : ZERO,
        }),
      );
    }
    return {
      sense,
      variables,
      rows: rows
        .filter((row) => row.indices.length > 0)
        .map((row) => ({
          name: constraintName(problem, row.meaning),
          indices: row.indices,
          coefficients: row.coefficients,
          lower: row.equality ? row.bound : null,
          upper: row.bound,
        })),
    };
  };
  const notes: string[] = [];
  const empty = {
    value: null,
    mechanism: null,
    table: [],
    json: null,
    audit: null,
  };

  // A row without payments that fails (0 ≤ b < 0) decides at once.
  const hopeless = rows.some(
    (r) =>
      r.indices.length === 0 &&
      (r.bound.sign() < 0 || (r.equality && !r.bound.isZero())),
  );
  const max = hopeless ? null : await solveLp(lp('maximize', true), options);
  if (max === null || max.status === 'infeasible') {
    const witness = await explain(problem, q, rows, columns, options);
    if (!witness) notes.push('no witness could be verified exactly');
    return {
      ...empty,
      status: 'not-implementable',
      implementable: false,
      revenueRange: {
        min: null,
        max: null,
        minStatus: 'infeasible',
        maxStatus: 'infeasible',
      },
      witness,
      exact: max === null || max.exact,
      notes: [...notes, ...(max?.notes ?? [])],
    };
  }
  if (max.status === 'failed') return failed(max, notes);
  const min = await solveLp(lp('minimize', true), options);
  if (min.status === 'failed' || min.status === 'infeasible') {
    return failed(min, notes);
  }

  // One implementing scheme: the revenue-maximal one when it exists.
  let point: LpSolution = max.status === 'optimal' ? max : min;
  if (point.status !== 'optimal') {
    point = await solveLp(lp('maximize', false), options);
    if (point.status !== 'optimal') return failed(point, notes);
  }
  const x = point.x as readonly Rational[];
  const p: Rational[][] = [];
  for (let t = 0; t < count; t++) p.push(x.slice(t * n, (t + 1) * n));
  const mechanism: Mechanism = { q, p };
  const audit = auditMechanism(problem, mechanism);
  const exact = max.exact && min.exact && point.exact;
  if (exact && !audit.ok) {
    throw new Error(
      'internal error: certified implementing payments failed the exact audit; ' +
        'please report this problem',
    );
  }
  return {
    status: 'implementable',
    implementable: true,
    value: audit.revenue,
    mechanism,
    table: mechanismRows(problem, mechanism),
    json: mechanismJson(problem, mechanism),
    revenueRange: {
      min: min.status === 'optimal' ? min.value : null,
      max: max.status === 'optimal' ? max.value : null,
      minStatus: min.status,
      maxStatus: max.status,
    },
    audit,
    witness: null,
    exact,
    notes: [...max.notes, ...min.notes],
  };
}

async function explain(
  problem: MechanismProblem,
  q: readonly (readonly Rational[])[],
  rows: readonly PaymentRow[],
  columns: number,
  options: LpOptions,
): Promise<ImplementWitness | null> {
  if (problem.incentives === 'dominant') {
    const cycle = rochetCycle(problem, q);
    if (cycle) return { kind: 'cycle', cycle };
  }
  // A row without payments that fails is a witness on its own.
  const alone = rows.find(
    (r) =>
      r.indices.length === 0 &&
      (r.bound.sign() < 0 || (r.equality && !r.bound.isZero())),
  );
  const combination = await farkasCombination(
    problem,
    alone ? [alone] : rows,
    columns,
    options,
  );
  return combination ? { kind: 'combination', combination } : null;
}

function failed(solution: LpSolution, notes: string[]): ImplementResult {
  return {
    status: 'failed',
    implementable: null,
    value: null,
    mechanism: null,
    table: [],
    json: null,
    revenueRange: { min: null, max: null, minStatus: null, maxStatus: null },
    audit: null,
    witness: null,
    exact: false,
    notes: [...notes, ...solution.notes],
  };
}
