/**
 * Garbling: is one baseline information structure a garbling of another?
 *
 * Two baseline structures S = (T, ψ) and S' = (T', ψ') on the same base
 * game. S' is a garbling of S (S is sufficient for S', Bergemann and
 * Morris 2016, sec. 3) when some kernel φ(t' | t) turns the type profile
 * of S into that of S' with each player's new type drawn from her own old
 * type only (the noise may be correlated across players):
 *
 *   φ(t' | t) ≥ 0,   Σ_t' φ(t' | t) = 1                      for every t,
 *   Σ_t ψ(t | θ) φ(t' | t) = ψ'(t' | θ)                      for every θ, t',
 *   Σ_{t'_-i} φ((t'_i, t'_-i) | t) = g_i(t'_i | t_i)         for every t, i, t'_i,
 *
 * the last saying that player i's marginal kernel g_i depends on t only
 * through t_i. These are linear in (φ, g), so whether a garbling exists is
 * the feasibility of one LP, solved and certified by the LP layer; the
 * kernel found is then re-checked here in exact arithmetic.
 *
 * Only states of positive prior and the type profiles that occur in them
 * enter: elsewhere neither structure says anything an equilibrium uses.
 * Without the last condition (a joint garbling) the comparison would be
 * wrong for several players: a garbling that hands player 2 the signal of
 * player 1 makes player 2 better informed, not worse.
 *
 * Why it matters (their thm. 2 direction used here): if S' is a garbling
 * of S, every BCE of (G, S) is, on states and actions, a BCE of (G, S'),
 * so the interval of any objective over BCE can only widen (compare.ts).
 * Given π ∈ BCE(G, S), π'(θ, t', a) = Σ_t π(θ, t, a) φ(t' | t) satisfies
 * the martingale rows of S', and the obedience row of (i, t'_i, a_i, a_i')
 * is Σ_{t_i} g_i(t'_i | t_i) times the rows of (i, t_i, a_i, a_i') ≥ 0.
 * The converse needs the weaker "individual sufficiency"; a "no" here
 * means no such kernel exists, not that the BCE sets are not nested.
 */

import type { BaseGame } from '../game/game.js';
import { solveLp } from '../lp/solve.js';
import type { LpOptions, LpRow, LpStatus, LpVariable } from '../lp/model.js';
import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';

/** One entry φ(t' | t) > 0 of a garbling kernel, by type names. */
export interface GarblingEntry {
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly p: Rational;
}

/** One entry g_i(t'_i | t_i) > 0 of a player's marginal kernel. */
export interface MarginalEntry {
  readonly player: string;
  readonly from: string;
  readonly to: string;
  readonly p: Rational;
}

/** The answer to "is `garbled`'s baseline a garbling of `informed`'s?". */
export interface GarblingResult {
  /**
   * `garbling` (a kernel exists; it is given), `not-a-garbling` (the LP is
   * infeasible), or the LP's status when it found neither.
   */
  readonly status:
    'garbling' | 'not-a-garbling' | Exclude<LpStatus, 'optimal' | 'infeasible'>;
  /** The nonzero entries of φ(t' | t), when one was found. */
  readonly kernel: readonly GarblingEntry[] | null;
  /** Each player's marginal kernel g_i(t'_i | t_i), when found. */
  readonly marginals: readonly MarginalEntry[] | null;
  /**
   * For a kernel: it passed the exact re-check of every condition. For
   * `not-a-garbling`: the infeasibility was certified exactly.
   */
  readonly verified: boolean;
}

/** A type profile t (type indices, one per player). */
type Profile = readonly number[];

/**
 * Finds a garbling kernel from the baseline of `informed` to that of
 * `garbled`. Both games must have the same players and states (checked by
 * the caller, see `compareInformation`); their types may differ.
 */
export async function findGarbling(
  informed: BaseGame,
  garbled: BaseGame,
  options: LpOptions = {},
): Promise<GarblingResult> {
  const states = informed.states
    .map((_, s) => s)
    .filter((s) => !informed.prior[s].isZero());
  const from = occurring(informed, states);
  const to = occurring(garbled, states);
  const n = informed.players.length;

  // Columns: φ(t' | t) for every pair, then g_i(t'_i | t_i).
  const variables: LpVariable[] = [];
  const phi = from.map((t) =>
    to.map((u) => {
      variables.push(column(`phi[${names(informed, t)}→${names(garbled, u)}]`));
      return variables.length - 1;
    }),
  );
  const g = informed.players.map((player, i) =>
    player.types.map((ti) =>
      garbled.players[i].types.map((ui) => {
        variables.push(column(`g[${player.name}:${ti}→${ui}]`));
        return variables.length - 1;
      }),
    ),
  );

  const rows: LpRow[] = [];
  // Each φ(· | t) is a probability law.
  from.forEach((t, a) =>
    rows.push(equality(`law[${names(informed, t)}]`, phi[a], ONE)),
  );
  // φ maps ψ(· | θ) to ψ'(· | θ).
  for (const s of states) {
    to.forEach((u, b) => {
      const indices: number[] = [];
      const coefficients: Rational[] = [];
      from.forEach((t, a) => {
        const p = weight(informed, s, t);
        if (p.isZero()) return;
        indices.push(phi[a][b]);
        coefficients.push(p);
      });
      rows.push({
        name: `map[${informed.states[s]};${names(garbled, u)}]`,
        indices,
        coefficients,
        lower: weight(garbled, s, u),
        upper: weight(garbled, s, u),
      });
    });
  }
  // Player i's marginal depends on t only through t_i.
  from.forEach((t, a) => {
    for (let i = 0; i < n; i++) {
      garbled.players[i].types.forEach((_, ui) => {
        const indices = to
          .map((u, b) => (u[i] === ui ? phi[a][b] : -1))
          .filter((j) => j >= 0);
        rows.push({
          name: `own[${names(informed, t)};${i}:${ui}]`,
          indices: [...indices, g[i][t[i]][ui]],
          coefficients: [...indices.map(() => ONE), ONE.neg()],
          lower: ZERO,
          upper: ZERO,
        });
      });
    }
  });

  const solution = await solveLp(
    { sense: 'minimize', variables, rows },
    { ...options, arithmetic: 'exact' },
  );
  // Infeasibility comes with an exact Farkas certificate when `exact`.
  if (solution.status === 'infeasible') {
    return {
      status: 'not-a-garbling',
      kernel: null,
      marginals: null,
      verified: solution.exact,
    };
  }
  if (solution.status !== 'optimal' || !solution.x) {
    const status = solution.status === 'optimal' ? 'failed' : solution.status;
    return { status, kernel: null, marginals: null, verified: false };
  }

  // Re-check the kernel exactly, row by row, before calling it a garbling.
  const x = solution.x;
  const verified =
    x.every((v) => v.sign() >= 0) &&
    rows.every((row) => {
      const activity = sum(
        row.indices.map((j, k) => x[j].mul(row.coefficients[k])),
      );
      return (
        (row.lower === null || activity.ge(row.lower)) &&
        (row.upper === null || activity.le(row.upper))
      );
    });
  const kernel: GarblingEntry[] = [];
  from.forEach((t, a) =>
    to.forEach((u, b) => {
      const p = x[phi[a][b]];
      if (p.isZero()) return;
      kernel.push({
        from: typeNames(informed, t),
        to: typeNames(garbled, u),
        p,
      });
    }),
  );
  const marginals: MarginalEntry[] = [];
  informed.players.forEach((player, i) => {
    const seen = new Set(from.map((t) => t[i]));
    player.types.forEach((ti, t) => {
      if (!seen.has(t)) return;
      garbled.players[i].types.forEach((ui, u) => {
        const p = x[g[i][t][u]];
        if (!p.isZero())
          marginals.push({ player: player.name, from: ti, to: ui, p });
      });
    });
  });
  return { status: 'garbling', kernel, marginals, verified };
}

/** The type profiles with ψ(t | θ) > 0 in some of `states`, sorted. */
function occurring(game: BaseGame, states: readonly number[]): Profile[] {
  const seen = new Map<string, Profile>();
  for (const s of states) {
    for (const entry of game.signal[s])
      seen.set(entry.types.join(','), entry.types);
  }
  return [...seen.values()].sort((x, y) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  });
}

/** ψ(t | θ), zero when t is not listed. */
function weight(game: BaseGame, s: number, t: Profile): Rational {
  const entry = game.signal[s].find((e) => e.types.every((x, i) => x === t[i]));
  return entry ? entry.p : ZERO;
}

function typeNames(game: BaseGame, t: Profile): string[] {
  return t.map((x, i) => game.players[i].types[x]);
}

function names(game: BaseGame, t: Profile): string {
  return typeNames(game, t).join(',');
}

function column(name: string): LpVariable {
  return { name, lower: ZERO, upper: null, cost: ZERO };
}

function equality(
  name: string,
  indices: readonly number[],
  value: Rational,
): LpRow {
  return {
    name,
    indices,
    coefficients: indices.map(() => ONE),
    lower: value,
    upper: value,
  };
}
