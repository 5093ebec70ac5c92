/**
 * The float engine: HiGHS (npm `highs`, WebAssembly) through its model API.
 *
 * The LP  max/min c·x + c0  s.t.  rl ≤ A x ≤ ru,  l ≤ x ≤ u  is passed as
 * typed arrays (A in compressed sparse rows, a missing bound as ±∞), never
 * as LP text, which is slow and breaks on large models. HiGHS's row duals
 * already follow the convention of model.ts (for a maximisation y_r ≥ 0 on
 * a binding upper bound, and its column duals are c − Aᵀy), so they are
 * returned unchanged.
 *
 * The WebAssembly runtime is loaded once per process, lazily. It has a
 * fixed 2 GiB heap and is dead for good after an `Aborted()`; any error
 * thrown from inside a solve therefore discards the runtime so the next
 * solve loads a fresh one. Every model is disposed in a `finally`, since
 * undisposed models leak native memory until the runtime aborts.
 *
 * HiGHS sometimes ends with "infeasible or unbounded". That ambiguity is
 * resolved by solving again with a zero objective: the LP is unbounded if
 * and only if that feasibility problem has a solution.
 */

import highsModule from 'highs';
import type { Highs, Model, ModelData } from 'highs';
import type {
  LinearProgram,
  LpBasis,
  LpBasisStatus,
  LpStatus,
} from './model.js';

/** HiGHS's model status codes that we interpret (`highs.constants`). */
const MODEL_STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  unbounded: 10,
} as const;

/** HiGHS's basis status codes, in order 0..4. */
const BASIS_STATUS: readonly LpBasisStatus[] = [
  'lower',
  'basic',
  'upper',
  'zero',
  'zero',
];

/** Settings of one HiGHS run. */
export interface HighsSettings {
  /** Primal feasibility tolerance (HiGHS default 1e-7). */
  readonly primalTolerance?: number;
  /** Dual feasibility tolerance (HiGHS default 1e-7). */
  readonly dualTolerance?: number;
  /** Whether HiGHS may presolve (default true). */
  readonly presolve?: boolean;
}

/** What one HiGHS run returned, in floats. */
export interface HighsRun {
  /** Our reading of HiGHS's final model status. */
  readonly status: LpStatus;
  /** Primal x (optimal; a feasible point when unbounded, if any). */
  readonly x: Float64Array | null;
  /** Row duals y in the model.ts convention (optimal only). */
  readonly rowDuals: Float64Array | null;
  /** The final basis, when HiGHS reports it valid. */
  readonly basis: LpBasis | null;
  /** HiGHS's dual ray for an infeasible LP (sign not normalised). */
  readonly dualRay: Float64Array | null;
  /** HiGHS's primal ray for an unbounded LP. */
  readonly primalRay: Float64Array | null;
  /** Tolerances HiGHS ran with, by HiGHS option name. */
  readonly tolerances: Readonly<Record<string, number>>;
  /** Simplex iterations reported by HiGHS. */
  readonly iterations: number;
  /** Anything unusual, in words. */
  readonly notes: readonly string[];
  /** The float model HiGHS was given (for float residuals); null if none. */
  readonly data: ModelData | null;
}

/**
 * The loader. The package's declarations (one `types.d.ts` for both its
 * CommonJS and ES builds, in a CommonJS package) make TypeScript under
 * NodeNext see the ES default import as the CommonJS namespace, whose
 * `default` is the loader; at run time the ES build's default export is
 * the loader itself. Hence this cast (reported upstream-worthy).
 */
const loadHighs = highsModule as unknown as typeof highsModule.default;

let runtime: Promise<Highs> | null = null;

/** The shared HiGHS runtime, loading it on first use. */
function highsRuntime(): Promise<Highs> {
  if (runtime !== null) return runtime;
  const loading = loadHighs();
  runtime = loading;
  // A failed load must not poison later attempts.
  loading.catch(() => {
    if (runtime === loading) runtime = null;
  });
  return loading;
}

/**
 * Drops the current HiGHS runtime so the next solve loads a fresh one.
 * Called after any error from inside WebAssembly, since an aborted runtime
 * cannot be used again.
 */
export function discardHighsRuntime(): void {
  runtime = null;
}

/** The LP as HiGHS model data: typed arrays, one float per coefficient. */
export function toHighsModel(
  lp: LinearProgram,
  zeroObjective = false,
): ModelData {
  const n = lp.variables.length;
  const m = lp.rows.length;
  let nonzeros = 0;
  for (const row of lp.rows) nonzeros += row.indices.length;
  const starts = new Int32Array(m + 1);
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let at = 0;
  lp.rows.forEach((row, r) => {
    for (let k = 0; k < row.indices.length; k++) {
      indices[at] = row.indices[k];
      values[at] = row.coefficients[k].toNumber();
      at++;
    }
    starts[r + 1] = at;
  });
  const colCost = new Float64Array(n);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  lp.variables.forEach((v, j) => {
    colCost[j] = zeroObjective ? 0 : v.cost.toNumber();
    colLower[j] = v.lower === null ? -Infinity : v.lower.toNumber();
    colUpper[j] = v.upper === null ? Infinity : v.upper.toNumber();
  });
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  lp.rows.forEach((row, r) => {
    rowLower[r] = row.lower === null ? -Infinity : row.lower.toNumber();
    rowUpper[r] = row.upper === null ? Infinity : row.upper.toNumber();
  });
  return {
    numCols: n,
    numRows: m,
    offset: zeroObjective ? 0 : (lp.objectiveOffset?.toNumber() ?? 0),
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values },
  };
}

function readBasis(model: Model): LpBasis | null {
  if (Number(model.info.get('basis_validity')) !== 1) return null;
  const basis = model.getBasis();
  const word = (code: number): LpBasisStatus => BASIS_STATUS[code] ?? 'zero';
  return {
    columns: Array.from(basis.colStatus, word),
    rows: Array.from(basis.rowStatus, word),
  };
}

function failedRun(notes: string[]): HighsRun {
  return {
    status: 'failed',
    x: null,
    rowDuals: null,
    basis: null,
    dualRay: null,
    primalRay: null,
    tolerances: {},
    iterations: 0,
    notes,
    data: null,
  };
}

/** A HiGHS ray, or null when HiGHS has none (or the call fails). */
function tryRay(
  read: () => { values: Float64Array } | undefined,
): Float64Array | null {
  try {
    return read()?.values ?? null;
  } catch {
    return null;
  }
}

/**
 * Solves `lp` with HiGHS in floats. Never throws for solver trouble: a
 * runtime error becomes status 'failed' with the message in `notes`.
 */
export async function runHighs(
  lp: LinearProgram,
  settings: HighsSettings = {},
): Promise<HighsRun> {
  let highs: Highs;
  try {
    highs = await highsRuntime();
  } catch (error) {
    return failedRun([`HiGHS failed to load: ${String(error)}`]);
  }
  const data = toHighsModel(lp);
  const sense =
    lp.sense === 'maximize'
      ? highs.constants.objectiveSense.maximize
      : highs.constants.objectiveSense.minimize;
  let model: Model | null = null;
  try {
    model = highs.createModel({ ...data, sense });
    model.options.set({
      output_flag: false,
      presolve: settings.presolve === false ? 'off' : 'choose',
      primal_feasibility_tolerance: settings.primalTolerance ?? 1e-7,
      dual_feasibility_tolerance: settings.dualTolerance ?? 1e-7,
    });
    const run = model.run();
    const tolerances = {
      primal_feasibility_tolerance: Number(
        model.options.get('primal_feasibility_tolerance'),
      ),
      dual_feasibility_tolerance: Number(
        model.options.get('dual_feasibility_tolerance'),
      ),
    };
    const iterations = Number(model.info.get('simplex_iteration_count'));
    const notes = run.warnings.map((w) => `HiGHS warning: ${w}`);
    const base = { tolerances, iterations, notes, data };

    switch (run.modelStatus) {
      case MODEL_STATUS.optimal: {
        const solution = model.getSolution();
        return {
          ...base,
          status: 'optimal',
          x: solution.colValue,
          rowDuals: solution.rowDual,
          basis: readBasis(model),
          dualRay: null,
          primalRay: null,
        };
      }
      case MODEL_STATUS.infeasible: {
        const activeModel = model;
        return {
          ...base,
          status: 'infeasible',
          x: null,
          rowDuals: null,
          basis: null,
          dualRay: tryRay(() => activeModel.getDualRay()),
          primalRay: null,
        };
      }
      case MODEL_STATUS.unbounded:
      case MODEL_STATUS.unboundedOrInfeasible: {
        const activeModel = model;
        const ray = tryRay(() => activeModel.getPrimalRay());
        const feasibility = feasibilityRun(highs, lp);
        const unbounded = feasibility.status === 'optimal';
        if (run.modelStatus === MODEL_STATUS.unboundedOrInfeasible) {
          notes.push(
            'HiGHS reported "infeasible or unbounded"; a zero-objective ' +
              `solve found the LP ${unbounded ? 'feasible' : 'infeasible'}`,
          );
        }
        return {
          ...base,
          status: unbounded ? 'unbounded' : feasibility.status,
          x: unbounded ? feasibility.x : null,
          rowDuals: null,
          basis: null,
          dualRay: unbounded ? null : feasibility.dualRay,
          primalRay: unbounded ? ray : null,
        };
      }
      default:
        return failedRun([
          ...notes,
          `HiGHS stopped with model status ${run.modelStatus}`,
        ]);
    }
  } catch (error) {
    discardHighsRuntime();
    return failedRun([`HiGHS failed: ${String(error)}`]);
  } finally {
    disposeQuietly(model);
  }
}

/** Disposes a model; after an abort even that may throw, harmlessly. */
function disposeQuietly(model: Model | null): void {
  try {
    model?.dispose();
  } catch {
    // The runtime is already discarded; nothing more can be freed.
  }
}

/**
 * Solves the feasibility problem (zero objective) of `lp`, returning a
 * feasible point or HiGHS's dual ray. Errors propagate to `runHighs`.
 */
function feasibilityRun(
  highs: Highs,
  lp: LinearProgram,
): { status: LpStatus; x: Float64Array | null; dualRay: Float64Array | null } {
  let model: Model | null = null;
  try {
    model = highs.createModel(toHighsModel(lp, true));
    model.options.set({ output_flag: false });
    const run = model.run();
    if (run.modelStatus === MODEL_STATUS.optimal) {
      return {
        status: 'optimal',
        x: model.getSolution().colValue,
        dualRay: null,
      };
    }
    if (run.modelStatus === MODEL_STATUS.infeasible) {
      const activeModel = model;
      return {
        status: 'infeasible',
        x: null,
        dualRay: tryRay(() => activeModel.getDualRay()),
      };
    }
    return { status: 'failed', x: null, dualRay: null };
  } finally {
    disposeQuietly(model);
  }
}

/**
 * Residuals of a float answer (x, y) measured in floats: the largest row
 * or bound violation, the largest dual sign violation (a reduced cost or
 * row dual pointing at an infinite bound; see certificate.ts), and the gap
 * between c·x and the dual objective D(y). Always finite.
 */
export function floatResiduals(
  lp: LinearProgram,
  data: ModelData,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { primal: number; dual: number; gap: number } {
  const tau = lp.sense === 'maximize' ? 1 : -1;
  const { starts, indices, values } = data.matrix;
  let primal = 0;
  let dual = 0;
  let primalValue = data.offset ?? 0;
  let dualValue = data.offset ?? 0;
  const reduced = Float64Array.from(data.colCost as ArrayLike<number>);
  for (let r = 0; r < data.numRows; r++) {
    let activity = 0;
    for (let k = starts[r]; k < starts[r + 1]; k++) {
      activity += values[k] * x[indices[k]];
      reduced[indices[k]] -= values[k] * y[r];
    }
    const lower = data.rowLower[r];
    const upper = data.rowUpper[r];
    primal = Math.max(primal, lower - activity, activity - upper);
    const bound = tau * y[r] > 0 ? upper : tau * y[r] < 0 ? lower : 0;
    if (Number.isFinite(bound)) dualValue += y[r] * bound;
    else dual = Math.max(dual, Math.abs(y[r]));
  }
  for (let j = 0; j < data.numCols; j++) {
    const lower = data.colLower[j];
    const upper = data.colUpper[j];
    primal = Math.max(primal, lower - x[j], x[j] - upper);
    primalValue += data.colCost[j] * x[j];
    const d = reduced[j];
    const bound = tau * d > 0 ? upper : tau * d < 0 ? lower : 0;
    if (Number.isFinite(bound)) dualValue += d * bound;
    else dual = Math.max(dual, Math.abs(d));
  }
  const finite = (v: number): number =>
    Number.isNaN(v) ? Number.MAX_VALUE : Math.min(v, Number.MAX_VALUE);
  return {
    primal: finite(primal),
    dual: finite(dual),
    gap: finite(Math.abs(primalValue - dualValue)),
  };
}
