/**
 * The optimal direct mechanism as a linear program (the revelation
 * principle: Myerson 1979, 1981; for LP formulations over finite types,
 * e.g. Conitzer and Sandholm 2002, "Complexity of mechanism design").
 *
 * Unknowns: the lottery q(x | t) ≥ 0 and the payments p_i(t) ∈ ℝ at every
 * type profile t. Objective: E_ψ[Σ_x c(x, t) q(x | t) + Σ_i d_i p_i(t)].
 * Constraints: those of constraints.ts for the problem's switches,
 * including Σ_x q(x | t) = 1.
 *
 * The LP layer certifies the optimum exactly; the mechanism read from it
 * is then audited independently (audit.ts) and its objective recomputed
 * before it is called optimal. Where the single-item virtual-value route
 * applies (virtual-values.ts), its value is computed too and compared.
 */

import { solveLp } from '../lp/solve.js';
import type {
  LinearProgram,
  LpMethod,
  LpOptions,
  LpResiduals,
  LpRow,
  LpStatus,
  LpVariable,
} from '../lp/model.js';
import { ZERO, type Rational } from '../numbers/rational.js';
import { auditMechanism, type AuditResult } from './audit.js';
import {
  constraintName,
  mechanismConstraints,
  type MechanismConstraint,
} from './constraints.js';
import {
  typeNames,
  typeProfileCount,
  type Mechanism,
  type MechanismProblem,
} from './problem.js';
import {
  interimRows,
  mechanismJson,
  mechanismRows,
  namedConstraint,
  type InterimRow,
  type MechanismJson,
  type MechanismRow,
  type NamedConstraint,
} from './report.js';
import { myersonOptimum, type MyersonCheck } from './virtual-values.js';

/** The direct-mechanism LP and the meaning of its columns and rows. */
export interface DirectProgram {
  readonly lp: LinearProgram;
  /** Number of type profiles |T|. */
  readonly profiles: number;
  /** Column of q(x | t): t · |X| + x. Column of p_i(t): |T||X| + t · n + i. */
  readonly qColumns: number;
  /** Row r is the constraint `constraints[r]`. */
  readonly constraints: readonly MechanismConstraint[];
}

/** A constraint with its dual price. */
export interface PricedConstraint extends NamedConstraint {
  /**
   * How much the objective would improve (rise when maximising, fall when
   * minimising) per unit of relaxation of the constraint, in the units of
   * its row (Bayesian rows are weighted by ψ, see constraints.ts): −y for
   * a maximisation and y for a minimisation, y the LP row dual.
   */
  readonly price: Rational;
}

/** How an answer was certified. */
export interface MechanismCertificate {
  /** True when the LP answer was verified in exact arithmetic. */
  readonly exact: boolean;
  readonly method: LpMethod;
  /** The mechanism passed the independent exact audit. */
  readonly audited: boolean;
  readonly residuals: LpResiduals;
  readonly notes: readonly string[];
}

/** The answer to "which direct mechanism is best for the objective?". */
export interface MechanismSolution {
  readonly status: LpStatus;
  readonly objective: string;
  readonly sense: 'maximize' | 'minimize';
  /** The exact optimal value; null unless optimal. */
  readonly value: Rational | null;
  /** Expected revenue of the optimal mechanism. */
  readonly revenue: Rational | null;
  /** The optimal mechanism; null unless optimal. */
  readonly mechanism: Mechanism | null;
  /** The same, by name, at each type profile. */
  readonly table: readonly MechanismRow[];
  /** In the problem file's `mechanism` format (feed it to `audit`). */
  readonly json: MechanismJson | null;
  readonly interim: readonly InterimRow[];
  /** Non-lottery constraints holding with equality, with dual prices. */
  readonly binding: readonly PricedConstraint[];
  readonly audit: AuditResult | null;
  readonly certificate: MechanismCertificate;
  /** The virtual-value cross-check (single item, independent private values). */
  readonly virtualValues: MyersonCheck;
  readonly size: { variables: number; rows: number; nonzeros: number };
}

/** Builds the LP of the optimal direct mechanism. */
export function directProgram(problem: MechanismProblem): DirectProgram {
  const count = typeProfileCount(problem);
  const m = problem.alternatives.length;
  const n = problem.agents.length;
  const qColumns = count * m;
  const variables: LpVariable[] = [];
  for (let t = 0; t < count; t++) {
    const at = typeNames(problem, t).join(',');
    for (let x = 0; x < m; x++) {
      variables.push({
        name: `q[${problem.alternatives[x]}|${at}]`,
        lower: ZERO,
        upper: null,
        cost: problem.prior[t].mul(problem.objective.allocation[t][x]),
      });
    }
  }
  for (let t = 0; t < count; t++) {
    const at = typeNames(problem, t).join(',');
    for (let i = 0; i < n; i++) {
      variables.push({
        name: `p[${problem.agents[i].name}|${at}]`,
        lower: null,
        upper: null,
        cost: problem.prior[t].mul(problem.objective.payments[i]),
      });
    }
  }
  const constraints = mechanismConstraints(problem, { lottery: true });
  const rows: LpRow[] = constraints.map((c) => {
    const bound = c.constant.neg();
    return {
      name: constraintName(problem, c.meaning),
      indices: c.terms.map((term) =>
        term.variable === 'q'
          ? term.profile * m + term.index
          : qColumns + term.profile * n + term.index,
      ),
      coefficients: c.terms.map((term) => term.coefficient),
      lower: bound,
      upper: c.equality ? bound : null,
    };
  });
  return {
    lp: { sense: problem.objective.sense, variables, rows },
    profiles: count,
    qColumns,
    constraints,
  };
}

/**
 * The optimal direct mechanism for the problem's objective and switches,
 * certified exactly and audited.
 *
 * @example
 * ```ts
 * import { parseMechanismJson, solveMechanism } from 'revelation';
 * const problem = parseMechanismJson({
 *   agents: [
 *     { name: 'alice', types: ['1', '2'] },
 *     { name: 'bob', types: ['1', '2'] },
 *   ],
 *   prior: 'uniform',
 *   item: { alice: [1, 2], bob: [1, 2] },
 * });
 * const best = await solveMechanism(problem);
 * best.value?.toString(); // '3/2'
 * ```
 */
export async function solveMechanism(
  problem: MechanismProblem,
  options: LpOptions = {},
): Promise<MechanismSolution> {
  const program = directProgram(problem);
  const solution = await solveLp(program.lp, options);
  const size = {
    variables: program.lp.variables.length,
    rows: program.lp.rows.length,
    nonzeros: program.lp.rows.reduce((s, r) => s + r.indices.length, 0),
  };
  const certificate = (audited: boolean): MechanismCertificate => ({
    exact: solution.exact,
    method: solution.method,
    audited,
    residuals: solution.residuals,
    notes: solution.notes,
  });
  const virtualValues = myersonOptimum(problem);
  if (solution.status !== 'optimal' || !solution.x || !solution.value) {
    return {
      status: solution.status,
      objective: problem.objective.name,
      sense: problem.objective.sense,
      value: null,
      revenue: null,
      mechanism: null,
      table: [],
      json: null,
      interim: [],
      binding: [],
      audit: null,
      certificate: certificate(false),
      virtualValues,
      size,
    };
  }

  // Read the mechanism off the columns and audit it independently.
  const mechanism = mechanismFromColumns(problem, program, solution.x);
  const audit = auditMechanism(problem, mechanism);
  if (
    solution.exact &&
    (!audit.ok || !audit.objective.equals(solution.value))
  ) {
    throw new Error(
      'internal error: a certified optimal mechanism failed the exact audit; ' +
        'please report this problem',
    );
  }
  const duals = solution.rowDuals;
  const activity = solution.rowActivity;
  const binding: PricedConstraint[] = [];
  program.constraints.forEach((c, r) => {
    if (c.meaning.kind === 'lottery' || !activity) return;
    if (!activity[r].add(c.constant).isZero()) return;
    binding.push({
      ...namedConstraint(problem, c.meaning),
      price: !duals
        ? ZERO
        : problem.objective.sense === 'maximize'
          ? duals[r].neg()
          : duals[r],
    });
  });
  return {
    status: 'optimal',
    objective: problem.objective.name,
    sense: problem.objective.sense,
    value: solution.value,
    revenue: audit.revenue,
    mechanism,
    table: mechanismRows(problem, mechanism),
    json: mechanismJson(problem, mechanism),
    interim: interimRows(problem, mechanism),
    binding,
    audit,
    certificate: certificate(audit.ok),
    virtualValues,
    size,
  };
}

function mechanismFromColumns(
  problem: MechanismProblem,
  program: DirectProgram,
  x: readonly Rational[],
): Mechanism {
  const m = problem.alternatives.length;
  const n = problem.agents.length;
  const q: Rational[][] = [];
  const p: Rational[][] = [];
  for (let t = 0; t < program.profiles; t++) {
    q.push(x.slice(t * m, (t + 1) * m));
    p.push(x.slice(program.qColumns + t * n, program.qColumns + (t + 1) * n));
  }
  return { q, p };
}
