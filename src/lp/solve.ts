/**
 * Solving a `LinearProgram`: HiGHS in floats, then exact certification.
 *
 * engine 'auto' (default): HiGHS solves; the optimum is certified by
 *   rounding (route 1), by an exact solve of HiGHS's basis (route 2), by a
 *   second HiGHS run with tight tolerances and no presolve followed by
 *   routes 1–2 again, and finally by the exact simplex warm-started from
 *   the basis (route 3) when the LP is small enough for a dense tableau.
 *   Infeasibility is certified by HiGHS's dual ray as a Farkas certificate
 *   and unboundedness by a feasible point and a primal ray; when those do
 *   not verify, or HiGHS fails, a small LP goes to the exact simplex.
 * engine 'highs': the same, except that the exact simplex only ever starts
 *   from HiGHS's basis, never from scratch.
 * engine 'exact': the exact simplex alone, from the slack basis.
 * arithmetic 'float': HiGHS's floats rounded to nearby rationals, not
 *   certified (`exact: false`, method 'highs-float').
 *
 * Measured (2 shared cores, first-price auction BCE from
 * bench/lp-auction-bce.ts, route 2 certifying): 1.4 million nonzeros,
 * HiGHS 4.0 s and certification 0.77 s; 4.3 million nonzeros, HiGHS 13.2 s
 * and certification 2.6 s (1.1 GB peak). Certification is linear in the
 * nonzeros apart from the sparse LU of the basis.
 *
 * Whatever the route, an answer marked `exact: true` has passed the exact
 * checks of certificate.ts. When certification fails on an LP too large for
 * the exact simplex, the answer carries HiGHS's rounded floats with
 * `exact: false`, method 'highs-float', and the reasons in `notes`.
 */

import { performance } from 'node:perf_hooks';
import { ZERO } from '../numbers/rational.js';
import {
  checkFarkas,
  checkOptimality,
  checkUnbounded,
  columnsOf,
  type ColumnMatrix,
} from './certificate.js';
import {
  ROUNDING_MAX_DENOMINATOR,
  ROUNDING_TOLERANCE,
  certifyFarkas,
  certifyOptimum,
  certifyUnbounded,
  roundFloat,
  type CertifiedOptimum,
} from './certify.js';
import { ExactSum } from './exact-sum.js';
import {
  solveExactSimplex,
  solveExactSimplexFrom,
  tableauSize,
  type ExactSimplexResult,
} from './exact-simplex.js';
import { floatResiduals, runHighs, type HighsRun } from './highs-engine.js';
import type {
  LinearProgram,
  LpMethod,
  LpOptions,
  LpResiduals,
  LpSolution,
  LpStatus,
} from './model.js';
import { boundContradiction, checkLinearProgram } from './validate.js';

/**
 * Largest dense tableau, m × (n + m) entries, for which 'auto' and 'highs'
 * fall back to the exact simplex. Larger LPs would take minutes per pivot.
 */
export const EXACT_SIMPLEX_FALLBACK_LIMIT = 250_000;

/** Tolerances of the second, tighter HiGHS run (HiGHS's minimum is 1e-10). */
const TIGHT_TOLERANCE = 1e-9;

const NO_RESIDUALS: LpResiduals = { primal: 0, dual: 0, gap: 0 };

/** Fields of an answer with their defaults. */
type Answer = Partial<LpSolution> &
  Pick<LpSolution, 'status' | 'exact' | 'method'>;

function answer(
  parts: Answer,
  notes: string[],
  solve: number,
  certify: number,
): LpSolution {
  return {
    value: null,
    x: null,
    rowDuals: null,
    rowActivity: null,
    farkas: null,
    residuals: NO_RESIDUALS,
    tolerances: {},
    reducedCosts: null,
    basis: null,
    ray: null,
    ...parts,
    timings: { solve, certify },
    notes,
  };
}

/**
 * Solves an LP and certifies the answer exactly (unless floats are asked
 * for). See the module header for the engines and routes; misuse (a
 * malformed LP) throws a RangeError, while infeasible, unbounded and failed
 * solves are statuses.
 *
 * @example
 * ```ts
 * import { Rational, solveLp } from 'revelation';
 * const q = (n) => Rational.int(n);
 * // maximise x + y subject to x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0
 * const answer = await solveLp({
 *   sense: 'maximize',
 *   variables: [
 *     { name: 'x', lower: q(0), upper: null, cost: q(1) },
 *     { name: 'y', lower: q(0), upper: null, cost: q(1) },
 *   ],
 *   rows: [
 *     { name: 'a', indices: [0, 1], coefficients: [q(1), q(2)], lower: null, upper: q(4) },
 *     { name: 'b', indices: [0, 1], coefficients: [q(3), q(1)], lower: null, upper: q(6) },
 *   ],
 * });
 * answer.value.toString(); // '14/5'
 * answer.exact; // true
 * ```
 */
export async function solveLp(
  lp: LinearProgram,
  options: LpOptions = {},
): Promise<LpSolution> {
  checkLinearProgram(lp);
  const engine = options.engine ?? 'auto';
  const arithmetic = options.arithmetic ?? 'exact';

  const contradiction = boundContradiction(lp);
  if (contradiction !== null) {
    // No engine is needed: the box itself is empty, exactly.
    const method: LpMethod =
      engine === 'exact' ? 'exact-simplex' : 'highs+rounding';
    return answer(
      { status: 'infeasible', exact: true, method },
      [contradiction],
      0,
      0,
    );
  }
  if (engine === 'exact') {
    const notes =
      arithmetic === 'float'
        ? ['the exact engine answers exactly even when floats are asked for']
        : [];
    return exactAlone(lp, notes);
  }
  if (lp.variables.length === 0) {
    // HiGHS calls an LP without columns "empty" even when a row excludes 0.
    return exactAlone(lp, ['an LP without variables is solved exactly']);
  }
  if (arithmetic === 'float') return solveFloat(lp);
  return solveCertified(lp, engine === 'auto');
}

/**
 * Solves `lp` with the exact simplex alone (from the slack basis) and
 * verifies the answer; every answer is exact. Same as `solveLp(lp,
 * { engine: 'exact' })`.
 */
export async function solveExact(lp: LinearProgram): Promise<LpSolution> {
  checkLinearProgram(lp);
  const contradiction = boundContradiction(lp);
  if (contradiction !== null) {
    return answer(
      { status: 'infeasible', exact: true, method: 'exact-simplex' },
      [contradiction],
      0,
      0,
    );
  }
  return exactAlone(lp, []);
}

/** The exact simplex from scratch on a checked LP, verified. */
function exactAlone(lp: LinearProgram, notes: string[]): LpSolution {
  const started = performance.now();
  const columns = columnsOf(lp);
  const result = solveExactSimplex(lp);
  const solved = performance.now();
  const parts = exactSimplexAnswer(lp, result, columns, 'exact-simplex', notes);
  return answer(parts, notes, solved - started, performance.now() - solved);
}

/** Verifies an exact simplex result and shapes it as an answer. */
function exactSimplexAnswer(
  lp: LinearProgram,
  result: ExactSimplexResult,
  columns: ColumnMatrix,
  method: LpMethod,
  notes: string[],
): Answer {
  notes.push(`exact simplex: ${result.iterations} iterations`);
  if (
    result.status === 'optimal' &&
    result.x !== null &&
    result.rowDuals !== null
  ) {
    const check = checkOptimality(lp, result.x, result.rowDuals, columns);
    if (!check.optimal) {
      // A bug, not an answer: say so rather than return unverified numbers.
      throw new Error(
        `exact simplex optimum failed its certificate: ${check.failure}`,
      );
    }
    return {
      status: 'optimal',
      exact: true,
      method,
      value: check.value,
      x: result.x,
      rowDuals: result.rowDuals,
      rowActivity: check.activity,
      reducedCosts: check.reducedCosts,
      basis: result.basis,
    };
  }
  if (result.status === 'infeasible') {
    const verified =
      result.farkas !== null && checkFarkas(lp, result.farkas, columns);
    if (!verified)
      notes.push('the Farkas certificate of phase 1 did not verify');
    return {
      status: 'infeasible',
      exact: verified,
      method,
      farkas: verified ? result.farkas : null,
    };
  }
  const verified =
    result.x !== null &&
    result.ray !== null &&
    checkUnbounded(lp, result.x, result.ray);
  if (!verified)
    notes.push('the unbounded ray of the exact simplex did not verify');
  return {
    status: 'unbounded',
    exact: verified,
    method,
    ray: verified ? result.ray : null,
  };
}

/** HiGHS's floats rounded to nearby rationals, uncertified. */
function floatAnswer(
  lp: LinearProgram,
  run: HighsRun,
  status: LpStatus,
  notes: string[],
): Answer {
  const base = {
    status,
    exact: false,
    method: 'highs-float' as const,
    tolerances: run.tolerances,
  };
  if (status !== 'optimal' || run.x === null || run.rowDuals === null)
    return base;
  for (const values of [run.x, run.rowDuals]) {
    if (!values.every(Number.isFinite)) {
      notes.push('HiGHS returned a non-finite value');
      return { ...base, status: 'failed' };
    }
  }
  const x = Array.from(run.x, roundFloat);
  const y = Array.from(run.rowDuals, roundFloat);
  const value = new ExactSum();
  value.addRational(lp.objectiveOffset ?? ZERO);
  lp.variables.forEach((v, j) => value.addProduct(v.cost, x[j]));
  const rowActivity = lp.rows.map((row) => {
    const sum = new ExactSum();
    row.indices.forEach((j, k) => sum.addProduct(row.coefficients[k], x[j]));
    return sum.toRational();
  });
  return {
    ...base,
    value: value.toRational(),
    x,
    rowDuals: y,
    rowActivity,
    basis: run.basis,
    residuals:
      run.data === null
        ? NO_RESIDUALS
        : floatResiduals(lp, run.data, run.x, run.rowDuals),
  };
}

async function solveFloat(lp: LinearProgram): Promise<LpSolution> {
  const started = performance.now();
  const run = await runHighs(lp);
  const notes = [
    ...run.notes,
    "HiGHS's floats, rounded to nearby rationals and not certified",
  ];
  const parts = floatAnswer(lp, run, run.status, notes);
  return answer(parts, notes, performance.now() - started, 0);
}

/**
 * Nonzero count above which a note warns of HiGHS's fixed 2 GiB heap: 17.3
 * million nonzeros were measured at 1.5 GiB, and 35.9 million aborted.
 */
const NONZERO_WARNING = 15_000_000;

function sizeWarnings(lp: LinearProgram): string[] {
  let nonzeros = 0;
  for (const row of lp.rows) nonzeros += row.indices.length;
  if (nonzeros <= NONZERO_WARNING) return [];
  return [
    `the LP has ${nonzeros} nonzeros, close to what fills HiGHS's fixed ` +
      '2 GiB WebAssembly heap; consider a reduced model ' +
      '(for example, symmetric outcomes only)',
  ];
}

function tolerancesOf(run: HighsRun): Record<string, number> {
  return {
    ...run.tolerances,
    rounding_relative_tolerance: ROUNDING_TOLERANCE,
    rounding_max_denominator: Number(ROUNDING_MAX_DENOMINATOR),
  };
}

function certifiedAnswer(
  lp: LinearProgram,
  run: HighsRun,
  optimum: CertifiedOptimum,
): Answer {
  return {
    status: 'optimal',
    exact: true,
    method: optimum.method,
    value: optimum.value,
    x: optimum.x,
    rowDuals: optimum.rowDuals,
    rowActivity: optimum.activity,
    reducedCosts: optimum.reducedCosts,
    basis: optimum.basis ?? run.basis,
    residuals:
      run.data !== null && run.x !== null && run.rowDuals !== null
        ? floatResiduals(lp, run.data, run.x, run.rowDuals)
        : NO_RESIDUALS,
    tolerances: tolerancesOf(run),
  };
}

async function solveCertified(
  lp: LinearProgram,
  fromScratch: boolean,
): Promise<LpSolution> {
  let solveTime = 0;
  let certifyTime = 0;
  const clock = (): number => performance.now();

  let mark = clock();
  const run = await runHighs(lp);
  solveTime += clock() - mark;
  const notes = [...run.notes, ...sizeWarnings(lp)];
  const small = tableauSize(lp) <= EXACT_SIMPLEX_FALLBACK_LIMIT;

  mark = clock();
  const columns = columnsOf(lp);
  let parts: Answer | null = null;
  if (run.status === 'optimal' && run.x !== null && run.rowDuals !== null) {
    const first = certifyOptimum(
      lp,
      { x: run.x, rowDuals: run.rowDuals, basis: run.basis },
      columns,
      {
        exactSimplex: false,
      },
    );
    notes.push(...first.notes);
    if (first.optimum !== null) parts = certifiedAnswer(lp, run, first.optimum);
  }
  certifyTime += clock() - mark;

  // A tighter second run often lands on an exactly optimal basis.
  let basis = run.basis;
  if (parts === null && run.status === 'optimal') {
    mark = clock();
    const tight = await runHighs(lp, {
      primalTolerance: TIGHT_TOLERANCE,
      dualTolerance: TIGHT_TOLERANCE,
      presolve: false,
    });
    solveTime += clock() - mark;
    mark = clock();
    notes.push('re-solved with HiGHS at tolerance 1e-9 without presolve');
    if (
      tight.status === 'optimal' &&
      tight.x !== null &&
      tight.rowDuals !== null
    ) {
      basis = tight.basis ?? run.basis;
      const second = certifyOptimum(
        lp,
        { x: tight.x, rowDuals: tight.rowDuals, basis },
        columns,
        { exactSimplex: false },
      );
      notes.push(...second.notes.map((note) => `second run: ${note}`));
      if (second.optimum !== null) {
        parts = certifiedAnswer(lp, tight, second.optimum);
      }
    } else {
      notes.push(`second run: HiGHS found the LP ${tight.status}`);
    }
    certifyTime += clock() - mark;
  }

  // Route 3: the exact simplex from HiGHS's basis. Whatever it finds
  // (even a status HiGHS missed) is verified before it is returned.
  mark = clock();
  if (parts === null && run.status === 'optimal' && small) {
    // 'highs' never starts the exact simplex from scratch.
    let result: ExactSimplexResult | null = null;
    if (fromScratch) result = solveExactSimplex(lp, basis);
    else if (basis !== null) result = solveExactSimplexFrom(lp, basis);
    if (result === null) {
      notes.push("HiGHS's basis could not start the exact simplex");
    } else {
      if (!result.warmStarted) {
        notes.push(
          "the exact simplex started from the slack basis, not HiGHS's",
        );
      }
      parts = exactSimplexAnswer(
        lp,
        result,
        columns,
        'highs+exact-simplex',
        notes,
      );
      if (parts.status !== 'optimal') {
        notes.push(
          `HiGHS said optimal; the exact simplex found ${parts.status}`,
        );
      }
    }
  }
  certifyTime += clock() - mark;

  mark = clock();
  if (parts === null && run.status === 'infeasible') {
    const farkas = certifyFarkas(lp, run.dualRay, columns);
    if (farkas !== null) {
      parts = {
        status: 'infeasible',
        exact: true,
        method: 'highs+rounding',
        farkas,
      };
    } else {
      notes.push("HiGHS's dual ray did not verify as a Farkas certificate");
    }
  }
  if (parts === null && run.status === 'unbounded') {
    const proof = certifyUnbounded(lp, run.x, run.primalRay);
    if (proof !== null) {
      parts = {
        status: 'unbounded',
        exact: true,
        method: 'highs+rounding',
        ray: proof.ray,
      };
    } else {
      notes.push("HiGHS's feasible point and primal ray did not verify");
    }
  }
  if (parts === null && small && fromScratch && run.status !== 'optimal') {
    // Certification failed or HiGHS failed: the exact simplex decides.
    const result = solveExactSimplex(lp);
    parts = exactSimplexAnswer(lp, result, columns, 'exact-simplex', notes);
    if (run.status !== 'failed' && parts.status !== run.status) {
      notes.push(
        `HiGHS said ${run.status}; the exact simplex found ${parts.status}`,
      );
    }
  }
  certifyTime += clock() - mark;

  if (parts === null) {
    notes.push('no exact certificate was found; the answer is uncertified');
    parts = floatAnswer(lp, run, run.status, notes);
  } else if (parts.tolerances === undefined) {
    parts = { ...parts, tolerances: tolerancesOf(run) };
  }
  return answer(parts, notes, solveTime, certifyTime);
}
