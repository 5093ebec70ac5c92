/**
 * Bayes correlated equilibrium (Bergemann and Morris 2016).
 *
 * Given a base game G and a baseline information structure S = (T, ψ), an
 * outcome π ∈ Δ(Θ × T × A) is a BCE of (G, S) when
 *
 *   π(θ, t, a) ≥ 0,
 *   Σ_a π(θ, t, a) = µ0(θ) ψ(t | θ)          for every θ, t   (martingale),
 *   obedience for every i, t_i, a_i, a_i'     (see obedience.ts).
 *
 * The BCE are exactly the outcomes some information structure added on top
 * of S can produce in equilibrium (their thm. 1). With one state they are
 * Aumann's correlated equilibria; with one player and no types, the
 * outcomes of Bayesian persuasion (Kamenica and Gentzkow 2011).
 *
 * The designer-optimal and adversarial outcomes maximise and minimise a
 * linear objective E_π[w] over this polytope: one LP each. There is no
 * "probabilities sum to 1" row: the martingale rows imply it, and a
 * redundant row only makes the basis degenerate. Cells that must be zero
 * (states of prior 0, actions a type does not have) get no column.
 *
 * Every optimum is certified by the LP layer in exact arithmetic and the
 * outcome is then re-checked by `checkOutcome`, an independent evaluation of
 * the same constraints on the dense outcome table.
 */

import { parseStatistic } from './statistics.js';
import {
  actionAvailable,
  decodeProfile,
  profileCount,
  type BaseGame,
} from '../game/game.js';
import type { Outcome } from '../game/outcome.js';
import { solveLp } from '../lp/solve.js';
import type {
  LinearProgram,
  LpMethod,
  LpOptions,
  LpResiduals,
  LpRow,
  LpSolution,
  LpStatus,
  LpVariable,
} from '../lp/model.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import { checkOutcome } from './check.js';
import {
  informationStructure,
  type InformationStructure,
} from './information-structure.js';
import type { Objective } from './objective.js';
import {
  obedienceRows,
  profileNames,
  type ObedienceConstraint,
} from './obedience.js';

/** One cell (θ, t_k, a) of the outcome, i.e. one LP column. */
export interface Cell {
  readonly state: number;
  /** Index into `game.signal[state]`. */
  readonly k: number;
  /** Flat action profile. */
  readonly profile: number;
}

/** The BCE polytope as an LP, with the meaning of every column and row. */
export interface BceProgram {
  readonly lp: LinearProgram;
  /** Column j is the cell `cells[j]`. */
  readonly cells: readonly Cell[];
  /** Rows 0..m−1 are martingale rows for these (θ, k). */
  readonly martingale: readonly { state: number; k: number }[];
  /** The following rows are these obedience constraints, in order. */
  readonly obedience: readonly ObedienceConstraint[];
  /**
   * The positive factor each obedience row was multiplied by (1 unless
   * `integerRows` was asked for); a row's dual in the user's units is its
   * LP dual times this factor.
   */
  readonly obedienceScales: readonly Rational[];
}

/**
 * The BCE LP of `game`: columns π(θ, t, a), martingale and obedience rows,
 * and the objective (zero when none is given).
 */
export function bceProgram(
  game: BaseGame,
  objective: Objective | null = null,
  sense: 'maximize' | 'minimize' = 'maximize',
  options: { readonly integerRows?: boolean } = {},
): BceProgram {
  const count = profileCount(game);
  const cells: Cell[] = [];
  const columnOf: Int32Array[][] = [];

  // Columns: every cell that may carry mass.
  for (let s = 0; s < game.states.length; s++) {
    columnOf.push(
      game.signal[s].map((profile, k) => {
        const index = new Int32Array(count).fill(-1);
        if (game.prior[s].isZero()) return index;
        for (let a = 0; a < count; a++) {
          const actions = decodeProfile(game, a);
          const allowed = actions.every((x, i) =>
            actionAvailable(game, i, profile.types[i], x),
          );
          if (!allowed) continue;
          index[a] = cells.length;
          cells.push({ state: s, k, profile: a });
        }
        return index;
      }),
    );
  }
  const column = (s: number, k: number, a: number) => columnOf[s][k][a];

  const variables: LpVariable[] = cells.map((c) => ({
    name: cellName(game, c),
    lower: ZERO,
    upper: null,
    cost: objective ? objective.weights[c.state][c.profile] : ZERO,
  }));

  // Martingale rows: the outcome's marginal on (θ, t) is µ0(θ) ψ(t | θ).
  const rows: LpRow[] = [];
  const martingale: { state: number; k: number }[] = [];
  for (let s = 0; s < game.states.length; s++) {
    if (game.prior[s].isZero()) continue;
    game.signal[s].forEach((profile, k) => {
      const indices = [...columnOf[s][k]].filter((j) => j >= 0);
      const mass = game.prior[s].mul(profile.p);
      rows.push({
        name: `prior[${game.states[s]}${typeSuffix(game, s, k)}]`,
        indices,
        coefficients: indices.map(() => ONE),
        lower: mass,
        upper: mass,
      });
      martingale.push({ state: s, k });
    });
  }

  const obedience = obedienceRows(game, column, options);
  rows.push(...obedience.rows);
  return {
    lp: { sense, variables, rows },
    cells,
    martingale,
    obedience: obedience.constraints,
    obedienceScales: obedience.scales,
  };
}

/** The dense outcome table of an LP solution over `program`'s columns. */
export function outcomeFromColumns(
  game: BaseGame,
  program: BceProgram,
  x: readonly Rational[],
): Outcome {
  const count = profileCount(game);
  const p = game.states.map((_, s) =>
    game.signal[s].map(() => new Array<Rational>(count).fill(ZERO)),
  );
  program.cells.forEach((c, j) => {
    p[c.state][c.k][c.profile] = x[j];
  });
  return { p };
}

/** A nonzero cell of an outcome, by name. */
export interface OutcomeCell {
  readonly state: string;
  /** Type names, present when the game has types. */
  readonly types?: readonly string[];
  readonly actions: readonly string[];
  readonly p: Rational;
}

/** The nonzero cells of an outcome, in state, type, profile order. */
export function outcomeCells(game: BaseGame, outcome: Outcome): OutcomeCell[] {
  const cells: OutcomeCell[] = [];
  outcome.p.forEach((byType, s) =>
    byType.forEach((byProfile, k) =>
      byProfile.forEach((p, a) => {
        if (p.isZero()) return;
        cells.push({
          state: game.states[s],
          ...(game.hasTypes ? { types: typeNamesOf(game, s, k) } : {}),
          actions: profileNames(game, a),
          p,
        });
      }),
    ),
  );
  return cells;
}

/** An obedience constraint with its dual price, by name. */
export interface PricedObedience {
  readonly player: string;
  readonly type?: string;
  readonly recommended: string;
  readonly deviation: string;
  /** Row dual: how much the objective would gain per unit of relaxation. */
  readonly price: Rational;
}

/** A martingale row with its dual price: the marginal value of prior mass. */
export interface PricedMartingale {
  readonly state: string;
  readonly types?: readonly string[];
  readonly price: Rational;
}

/** How an answer was certified. */
export interface Certificate {
  /** True when the value, outcome and duals were verified exactly. */
  readonly exact: boolean;
  readonly method: LpMethod;
  /** The returned outcome passed the exact BCE check. */
  readonly outcomeVerified: boolean;
  readonly residuals: LpResiduals;
  readonly tolerances: Readonly<Record<string, number>>;
  readonly notes: readonly string[];
}

/** Sizes of the LP, for users and benchmarks. */
export interface ProgramSize {
  readonly variables: number;
  readonly rows: number;
  readonly nonzeros: number;
}

/** The answer to "best (or worst) BCE for an objective". */
export interface BceResult {
  readonly status: LpStatus;
  readonly objective: string;
  readonly sense: 'maximize' | 'minimize';
  /** The exact optimal value; null unless optimal. */
  readonly value: Rational | null;
  /** 'exact' unless floats were asked for. */
  readonly arithmetic: 'exact' | 'float';
  /** Nonzero cells of the optimal outcome. */
  readonly outcome: readonly OutcomeCell[];
  /** The dense optimal outcome (to pass to `checkOutcome`), or null. */
  readonly outcomeTable: Outcome | null;
  /** The recommendation signal that implements the outcome. */
  readonly informationStructure: InformationStructure | null;
  /** Obedience constraints that hold with equality at the optimum. */
  readonly binding: readonly PricedObedience[];
  /** Dual prices of every row. */
  readonly duals: {
    readonly martingale: readonly PricedMartingale[];
    readonly obedience: readonly PricedObedience[];
  } | null;
  readonly certificate: Certificate;
  readonly size: ProgramSize;
  /** Milliseconds spent building, solving, certifying and re-checking. */
  readonly timings: {
    readonly build: number;
    readonly solve: number;
    readonly certify: number;
    readonly verify: number;
  };
}

/** Options for `solveBce`. */
export interface BceOptions extends LpOptions {
  /** `designer`, `welfare`, a player's name, `player:NAME` or `outcome:NAME`. */
  readonly objective: string;
  readonly sense: 'maximize' | 'minimize';
}

/**
 * The designer-optimal (`maximize`) or adversarial (`minimize`) BCE for an
 * objective, certified exactly.
 *
 * @example
 * ```ts
 * import { parseGameJson, solveBce } from 'revelation';
 * const game = parseGameJson({
 *   states: ['guilty', 'innocent'],
 *   prior: { guilty: '3/10', innocent: '7/10' },
 *   players: [{ name: 'judge', actions: ['acquit', 'convict'] }],
 *   payoffs: { guilty: [[0], [1]], innocent: [[1], [0]] },
 *   designer: { guilty: [0, 1], innocent: [0, 1] },
 * });
 * const best = await solveBce(game, { objective: 'designer', sense: 'maximize' });
 * best.value?.toString(); // '3/5'
 * ```
 */
export async function solveBce(
  game: BaseGame,
  options: BceOptions,
): Promise<BceResult> {
  const objective = parseStatistic(game, options.objective);
  const started = performance.now();
  const program = bceProgram(game, objective, options.sense, {
    integerRows: true,
  });
  const build = performance.now() - started;
  const solution = await solveLp(program.lp, options);
  const size = programSize(program.lp);
  const empty = unsolvedResult(solution, objective, options, size);
  const certificateOf = (outcomeVerified: boolean) =>
    lpCertificate(solution, outcomeVerified);
  if (solution.status !== 'optimal' || !solution.x || !solution.value) {
    return {
      ...empty,
      certificate: certificateOf(false),
      timings: { build, ...solution.timings, verify: 0 },
    };
  }

  // Re-check the outcome against the BCE constraints, independently of the
  // LP certificate, before calling it an equilibrium.
  const verifyStart = performance.now();
  const outcomeTable = outcomeFromColumns(game, program, solution.x);
  const check = checkOutcome(game, outcomeTable);
  const verify = performance.now() - verifyStart;
  if (solution.exact && !check.consistent) {
    throw new Error(
      'internal error: a certified BCE optimum failed the exact BCE check; ' +
        'please report this game',
    );
  }

  return {
    ...empty,
    value: solution.value,
    outcome: outcomeCells(game, outcomeTable),
    outcomeTable,
    informationStructure: informationStructure(game, outcomeTable),
    ...pricedRows(
      game,
      program,
      solution,
      program.obedienceScales,
      outcomeTable,
    ),
    certificate: certificateOf(check.consistent),
    timings: { build, ...solution.timings, verify },
  };
}

/**
 * The fields of a BCE-shaped result before anything is known beyond the
 * LP's status (shared with sequential design, which returns the same shape).
 */
export function unsolvedResult(
  solution: Pick<LpSolution, 'status'>,
  objective: Objective,
  options: Pick<BceOptions, 'sense' | 'arithmetic'>,
  size: ProgramSize,
) {
  return {
    status: solution.status,
    objective: objective.name,
    sense: options.sense,
    value: null,
    arithmetic: options.arithmetic ?? 'exact',
    outcome: [],
    outcomeTable: null,
    informationStructure: null,
    binding: [],
    duals: null,
    size,
  } as const;
}

/** The certificate of an answer from the LP layer's solution. */
export function lpCertificate(
  solution: LpSolution,
  outcomeVerified: boolean,
  notes: readonly string[] = [],
): Certificate {
  return {
    exact: solution.exact,
    method: solution.method,
    outcomeVerified,
    residuals: solution.residuals,
    tolerances: solution.tolerances,
    notes: [...solution.notes, ...notes],
  };
}

/** The robust prediction of a statistic: its range over all BCE. */
export interface BceRange {
  readonly status: LpStatus;
  readonly objective: string;
  /** Smallest value over BCE (null unless both solves are optimal). */
  readonly min: Rational | null;
  /** Largest value over BCE. */
  readonly max: Rational | null;
  /** 'exact' unless floats were asked for. */
  readonly arithmetic: 'exact' | 'float';
  /** True when both ends were certified exactly. */
  readonly exact: boolean;
  readonly minimum: BceResult;
  readonly maximum: BceResult;
}

/**
 * The interval [min, max] of an objective over all BCE: what can be
 * predicted about it without knowing what the players know.
 *
 * @example
 * ```ts
 * import { bceRange, parseGameJson } from 'revelation';
 * const chicken = parseGameJson({
 *   states: ['only'], prior: [1],
 *   players: [{ name: 'row', actions: ['dare', 'swerve'] },
 *             { name: 'col', actions: ['dare', 'swerve'] }],
 *   payoffs: [[[[0, 0], [7, 2]], [[2, 7], [6, 6]]]],
 * });
 * const range = await bceRange(chicken, { objective: 'welfare' });
 * [range.min.toString(), range.max.toString()]; // ['36/5', '21/2']
 * ```
 */
export async function bceRange(
  game: BaseGame,
  options: Omit<BceOptions, 'sense'>,
): Promise<BceRange> {
  const minimum = await solveBce(game, { ...options, sense: 'minimize' });
  const maximum = await solveBce(game, { ...options, sense: 'maximize' });
  const status = minimum.status === maximum.status ? minimum.status : 'failed';
  return {
    status,
    objective: minimum.objective,
    min: minimum.value,
    max: maximum.value,
    arithmetic: options.arithmetic ?? 'exact',
    exact: minimum.certificate.exact && maximum.certificate.exact,
    minimum,
    maximum,
  };
}

/** An obedience constraint by name, with its dual price. */
export function pricedObedience(
  game: BaseGame,
  c: ObedienceConstraint,
  price: Rational,
): PricedObedience {
  const player = game.players[c.player];
  return {
    player: player.name,
    ...(game.hasTypes ? { type: player.types[c.type] } : {}),
    recommended: player.actions[c.recommended],
    deviation: player.actions[c.deviation],
    price,
  };
}

/**
 * The dual prices of a solved LP whose rows are the martingale rows of
 * `program` followed by its obedience rows (the BCE LP, and the sequential
 * LP built on it): every obedience constraint priced, the binding ones
 * (zero activity), and the prices of prior mass; `duals` is null when the
 * solution has no row duals. `scales[r]`, when given, multiplies the dual
 * of obedience row r back into the user's units (see `obedienceScales`).
 */
export function pricedRows(
  game: BaseGame,
  program: Pick<BceProgram, 'martingale' | 'obedience'>,
  solution: Pick<LpSolution, 'rowDuals' | 'rowActivity'>,
  scales?: readonly Rational[],
  outcome?: Outcome,
): Pick<BceResult, 'binding' | 'duals'> {
  // A constraint of a recommendation that is never made holds as 0 ≥ 0;
  // calling it binding says nothing, so with the outcome at hand only
  // constraints of recommendations made with positive probability count.
  const made = outcome ? recommendationsMade(game, outcome) : null;
  const duals = solution.rowDuals;
  const m = program.martingale.length;
  const priced = program.obedience.map((c, r) =>
    pricedObedience(
      game,
      c,
      duals ? (scales ? duals[m + r].mul(scales[r]) : duals[m + r]) : ZERO,
    ),
  );
  const activity = solution.rowActivity;
  return {
    binding: priced.filter((_, r) => {
      const c = program.obedience[r];
      return (
        activity !== null &&
        activity[m + r].isZero() &&
        (made === null || made.has(`${c.player}/${c.type}/${c.recommended}`))
      );
    }),
    duals: duals
      ? {
          martingale: program.martingale.map(({ state, k }, r) => ({
            state: game.states[state],
            ...(game.hasTypes ? { types: typeNamesOf(game, state, k) } : {}),
            price: duals[r],
          })),
          obedience: priced,
        }
      : null,
  };
}

/** Keys `player/type/action` of the recommendations made with positive probability. */
function recommendationsMade(game: BaseGame, outcome: Outcome): Set<string> {
  const made = new Set<string>();
  outcome.p.forEach((byType, s) =>
    byType.forEach((byProfile, k) =>
      byProfile.forEach((p, a) => {
        if (p.isZero()) return;
        const types = game.signal[s][k].types;
        decodeProfile(game, a).forEach((x, i) =>
          made.add(`${i}/${types[i]}/${x}`),
        );
      }),
    ),
  );
  return made;
}

/** The number of variables, rows and nonzeros of an LP. */
export function programSize(lp: LinearProgram): ProgramSize {
  let nonzeros = 0;
  for (const r of lp.rows) nonzeros += r.indices.length;
  return { variables: lp.variables.length, rows: lp.rows.length, nonzeros };
}

function typeNamesOf(game: BaseGame, s: number, k: number): string[] {
  return game.signal[s][k].types.map((t, i) => game.players[i].types[t]);
}

function typeSuffix(game: BaseGame, s: number, k: number): string {
  return game.hasTypes ? `|${typeNamesOf(game, s, k).join(',')}` : '';
}

function cellName(game: BaseGame, c: Cell): string {
  return (
    `pi[${game.states[c.state]}${typeSuffix(game, c.state, c.k)};` +
    `${profileNames(game, c.profile).join(',')}]`
  );
}
