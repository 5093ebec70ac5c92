/**
 * Sequential information design (Doval and Ely 2020): the best or worst
 * outcome, for an objective, over all outcomes implementable when the
 * designer chooses the order of moves as well as the information, and the
 * check of one given outcome. The formulation and why it is exact are in
 * program.ts; threats in threats.ts; the extensive form returned and its
 * re-verification in extensive-form.ts and verify.ts.
 *
 * Results have the shape of `BceResult` (bce.ts), with the extensive form
 * that implements the optimum and, for comparison, the BCE value of the
 * same objective: what choosing the order adds to choosing information
 * alone (BCE ⊆ credible set ⊆ Nash set).
 *
 * Before an optimum is returned it passes three exact checks: the LP
 * certificate, the BCE-style consistency of π's marginals, and
 * `verifyExtensiveForm` on the printed form (which also recomputes the
 * objective from the printed plans).
 */

import { parseStatistic } from '../bce/statistics.js';
import { performance } from 'node:perf_hooks';
import type { BaseGame } from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { solveLp } from '../lp/solve.js';
import type {
  LpMethod,
  LpOptions,
  LpResiduals,
  LpStatus,
} from '../lp/model.js';
import { ZERO, type Rational } from '../numbers/rational.js';
import {
  outcomeCells,
  lpCertificate,
  outcomeFromColumns,
  pricedRows,
  programSize,
  solveBce,
  unsolvedResult,
  type BceResult,
  type ProgramSize,
} from '../bce/bce.js';
import { checkOutcome, type CheckFailure } from '../bce/check.js';
import { informationStructure } from '../bce/information-structure.js';
import {
  extensiveFormFromSolution,
  type ExtensiveForm,
} from './extensive-form.js';
import { verifyExtensiveForm } from './verify.js';
import {
  sequentialProgram,
  type SequentialForm,
  type SequentialProgram,
} from './program.js';
import type { ThreatKind } from './threats.js';

/** What the computed set means, for each kind of threat. */
export const THREAT_CLAIMS: Readonly<Record<ThreatKind, string>> = {
  nash:
    'exact: the outcomes that some extensive form in which every player ' +
    'moves once, with some information, implements in Nash equilibrium ' +
    '(punishments after a deviation need not be credible)',
  credible:
    'sufficient, not exact: every outcome accepted is implementable in ' +
    'perfect Bayesian equilibrium with credible punishments (carrying on ' +
    'as recommended, or announcing the deviation and letting later movers ' +
    'play a subgame-perfect continuation); an outcome rejected may still ' +
    'be implementable with subtler credible punishments',
};

/** Options shared by `solveSequential` and `checkSequential`. */
export interface SequentialSettings extends LpOptions {
  /** `nash` (default, exact) or `credible` (sufficient, not exact). */
  readonly threats?: ThreatKind;
  /** One order law for every state (default false: orders may depend on θ). */
  readonly commonOrder?: boolean;
  /** `flow` (default) or `permutation` (forced by `commonOrder`). */
  readonly form?: SequentialForm;
}

/** Options for `solveSequential`. */
export interface SequentialOptions extends SequentialSettings {
  /** `designer`, `welfare`, a player's name, `player:NAME` or `outcome:NAME`. */
  readonly objective: string;
  readonly sense: 'maximize' | 'minimize';
}

/** What the sequential answer is about, and how it compares with BCE. */
export interface SequentialFacts {
  readonly threats: ThreatKind;
  /** THREAT_CLAIMS[threats]: exact, or sufficient and not exact. */
  readonly claim: string;
  readonly commonOrder: boolean;
  readonly form: SequentialForm;
}

/** The answer to "best (or worst) sequentially implementable outcome". */
export interface SequentialResult extends BceResult, SequentialFacts {
  /** The mechanism implementing the optimum; null unless optimal. */
  readonly extensiveForm: ExtensiveForm | null;
  /** The same objective over BCE (simultaneous moves, fixed order). */
  readonly bce: { readonly status: LpStatus; readonly value: Rational | null };
}

/**
 * The designer-optimal (`maximize`) or adversarial (`minimize`) outcome
 * over all outcomes implementable by choosing the order of moves and the
 * information, certified exactly, with the extensive form implementing it.
 *
 * @example
 * ```ts
 * import { parseGameJson, solveSequential } from 'revelation';
 * const game = parseGameJson({
 *   states: ['only'], prior: [1],
 *   players: [{ name: 'p1', actions: ['C', 'D'] }, { name: 'p2', actions: ['C', 'D'] }],
 *   payoffs: [[[[3, 3], [0, 5]], [[5, 0], [1, 1]]]],
 * });
 * const best = await solveSequential(game, { objective: 'welfare', sense: 'maximize' });
 * best.value?.toString(); // '6'
 * best.bce.value?.toString(); // '2'
 * ```
 */
export async function solveSequential(
  game: BaseGame,
  options: SequentialOptions,
): Promise<SequentialResult> {
  const objective = parseStatistic(game, options.objective);
  const started = performance.now();
  const program = sequentialProgram(game, objective, options.sense, options);
  const build = performance.now() - started;
  const solution = await solveLp(program.lp, options);
  const bce = await solveBce(game, {
    objective: options.objective,
    sense: options.sense,
    engine: options.engine,
    arithmetic: options.arithmetic,
  });
  const size = programSize(program.lp);
  const empty = {
    ...unsolvedResult(solution, objective, options, size),
    ...facts(program, options),
    extensiveForm: null,
    bce: { status: bce.status, value: bce.value },
  } as const;
  const certificateOf = (outcomeVerified: boolean, notes: string[] = []) =>
    lpCertificate(solution, outcomeVerified, notes);
  if (solution.status !== 'optimal' || !solution.x || !solution.value) {
    return {
      ...empty,
      certificate: certificateOf(false),
      timings: { build, ...solution.timings, verify: 0 },
    };
  }

  // Re-verify the printed extensive form, and the objective from the
  // outcome it produces, before calling the outcome implementable.
  const verifyStart = performance.now();
  const outcome = outcomeFromColumns(game, program.bce, solution.x);
  const form = readForm(game, program, solution.x, solution.exact);
  const verification = form
    ? verifyExtensiveForm(game, form)
    : { verified: false, failures: [FLOAT_FLOW_NOTE], outcome };
  let value = ZERO;
  for (const [s, byType] of verification.outcome.p.entries()) {
    for (const byProfile of byType) {
      byProfile.forEach((q, a) => {
        if (!q.isZero()) value = value.add(q.mul(objective.weights[s][a]));
      });
    }
  }
  const verified = verification.verified && value.equals(solution.value);
  const verify = performance.now() - verifyStart;
  if (solution.exact && !verified) {
    throw new Error(
      'internal error: a certified sequential optimum failed re-verification ' +
        `(${verification.failures[0] ?? 'objective value differs'}); ` +
        'please report this game',
    );
  }

  return {
    ...empty,
    value: solution.value,
    outcome: outcomeCells(game, outcome),
    outcomeTable: outcome,
    informationStructure: informationStructure(game, outcome),
    ...pricedRows(game, program, solution),
    extensiveForm: form,
    certificate: certificateOf(verified, [...verification.failures]),
    timings: { build, ...solution.timings, verify },
  };
}

/** The answer to "can the designer implement this outcome sequentially?". */
export interface SequentialCheckResult extends SequentialFacts {
  /**
   * True or false as decided (exactly unless floats were asked for); null
   * when the LP engine failed to decide.
   */
  readonly implementable: boolean | null;
  /** The LP status: optimal (feasible), infeasible, or failed. */
  readonly status: LpStatus;
  /** Whether the outcome is a BCE (implementable with simultaneous moves). */
  readonly bce: { readonly consistent: boolean };
  /** Prior or action-set failures that make it no outcome of this game. */
  readonly failures: readonly CheckFailure[];
  /** The mechanism implementing it, when implementable. */
  readonly extensiveForm: ExtensiveForm | null;
  readonly certificate: {
    readonly exact: boolean;
    readonly method: LpMethod | null;
    /** The printed extensive form passed `verifyExtensiveForm`. */
    readonly formVerified: boolean;
    /** Farkas multipliers proving infeasibility, when the LP found them. */
    readonly farkas: readonly Rational[] | null;
    readonly residuals: LpResiduals | null;
    readonly notes: readonly string[];
  };
  readonly size: ProgramSize | null;
}

/**
 * Decides whether `outcome` is implementable in some extensive form chosen
 * by the designer (with the given threats and order restriction), and
 * returns the extensive form when it is.
 */
export async function checkSequential(
  game: BaseGame,
  outcome: Outcome,
  options: SequentialSettings = {},
): Promise<SequentialCheckResult> {
  const check = checkOutcome(game, outcome);
  const structural = check.failures.filter((f) => f.kind !== 'obedience');
  const bce = { consistent: check.consistent };
  if (structural.length > 0) {
    // Not an outcome of this game at all: no LP to solve.
    return {
      ...facts(null, options),
      implementable: false,
      status: 'infeasible',
      bce,
      failures: structural,
      extensiveForm: null,
      certificate: {
        exact: true,
        method: null,
        formVerified: false,
        farkas: null,
        residuals: null,
        notes: ['the outcome does not match the prior or the action sets'],
      },
      size: null,
    };
  }

  const program = sequentialProgram(game, null, 'maximize', {
    ...options,
    outcome,
  });
  const solution = await solveLp(program.lp, options);
  const certificate = {
    exact: solution.exact,
    method: solution.method,
    farkas: solution.farkas,
    residuals: solution.residuals,
    notes: solution.notes,
  };
  const base = {
    ...facts(program, options),
    status: solution.status,
    bce,
    failures: [],
    size: programSize(program.lp),
  };
  if (solution.status !== 'optimal' || !solution.x) {
    return {
      ...base,
      implementable: solution.status === 'infeasible' ? false : null,
      extensiveForm: null,
      certificate: { ...certificate, formVerified: false },
    };
  }
  const form = readForm(game, program, solution.x, solution.exact);
  const verification = form
    ? verifyExtensiveForm(game, form)
    : { verified: false, failures: [FLOAT_FLOW_NOTE] };
  if (solution.exact && !verification.verified) {
    throw new Error(
      'internal error: a certified sequential mechanism failed ' +
        `re-verification (${verification.failures[0]}); please report this game`,
    );
  }
  return {
    ...base,
    implementable: true,
    extensiveForm: form,
    certificate: {
      ...certificate,
      formVerified: verification.verified,
      notes: [...certificate.notes, ...verification.failures],
    },
  };
}

const FLOAT_FLOW_NOTE =
  'the float solution does not conserve the flow exactly, so no extensive ' +
  'form could be read from it; drop --float for an exact answer';

/**
 * The extensive form of a solution. A float solution (rounded, not
 * certified) may not conserve the flow exactly; it then has no form.
 */
function readForm(
  game: BaseGame,
  program: SequentialProgram,
  x: readonly Rational[],
  exact: boolean,
): ExtensiveForm | null {
  try {
    return extensiveFormFromSolution(game, program, x);
  } catch (error) {
    if (exact) throw error;
    return null;
  }
}

function facts(
  program: SequentialProgram | null,
  options: SequentialSettings,
): SequentialFacts {
  const threats = options.threats ?? 'nash';
  const commonOrder = options.commonOrder ?? false;
  return {
    threats,
    claim: THREAT_CLAIMS[threats],
    commonOrder,
    form:
      program?.form ?? (commonOrder ? 'permutation' : (options.form ?? 'flow')),
  };
}
