/**
 * Revenue robust to what bidders know (Bergemann, Brooks and Morris 2017,
 * "First-price auctions with general information structures"; Bergemann
 * and Morris 2016): the worst and best expected revenue of a given
 * mechanism over all information structures, as the min and max of
 * revenue over the Bayes correlated equilibria of the game the mechanism
 * induces.
 *
 * The induced base game G: the states θ are the type profiles of the
 * problem (the bidders' values), with prior ψ; the players are the agents;
 * their actions are the mechanism's messages (accept or reject a posted
 * price; a bid on a grid, or no bid; a reported type for a direct
 * mechanism); an action profile a leads to a lottery L(x | a) over the
 * alternatives and payments π_i(a), so that
 *
 *   u_i(a, θ) = Σ_x L(x | a) v_i(x, θ) − π_i(a),    v(a, θ) = Σ_i π_i(a),
 *
 * the designer's payoff being revenue. By Bergemann and Morris (2016,
 * thm. 1) the BCE of G are exactly the outcomes of Bayes Nash equilibria
 * under some information structure, so min and max of E[v] over BCE are
 * the worst and best revenue over all information structures and
 * equilibria. These are `bceRange` calls on G (the BCE engine, reused):
 * with no baseline information (any information structure), with each
 * bidder knowing at least its own type ('own-types'), and two benchmarks:
 * full information (every bidder observes θ) and no information (bidders
 * learn nothing about θ: the correlated equilibria of the game whose
 * payoffs are averaged over ψ).
 *
 * Rules: posted price P (each bidder accepts or rejects; the item goes to
 * an accepting bidder chosen uniformly, who pays P); first-price and
 * second-price auctions on a bid grid (highest bid wins, ties split
 * uniformly; the winner pays its bid, or the highest other bid); and a
 * given direct mechanism (messages are reported types).
 */

import { bceRange, type BceRange } from '../bce/bce.js';
import { decodeProfile, profileCount, type BaseGame } from '../game/game.js';
import { InputError } from '../io/input-error.js';
import type { LpOptions } from '../lp/model.js';
import { ONE, Rational, ZERO, sum } from '../numbers/rational.js';
import {
  decodeTypes,
  encodeTypes,
  typeNames,
  type MechanismProblem,
} from './problem.js';

/** A mechanism whose robustness to information is asked about. */
export type IndirectMechanism =
  | { readonly kind: 'posted-price'; readonly price: Rational }
  | { readonly kind: 'first-price'; readonly bids: readonly Rational[] }
  | { readonly kind: 'second-price'; readonly bids: readonly Rational[] }
  /** The problem's own direct mechanism (rule and payments). */
  | { readonly kind: 'direct' };

/** What bidders know for sure before the adversary adds information. */
export type Baseline = 'none' | 'own-types';

/** An interval of revenue over BCE. */
export interface RevenueRange {
  readonly min: Rational | null;
  readonly max: Rational | null;
}

/** Worst- and best-case revenue of a mechanism over information structures. */
export interface RobustRevenue {
  readonly status: BceRange['status'];
  readonly mechanism: string;
  readonly baseline: Baseline;
  /** Worst-case revenue (min over BCE). */
  readonly min: Rational | null;
  /** Best-case revenue (max over BCE). */
  readonly max: Rational | null;
  /** The full BCE results (outcomes, information structures, duals). */
  readonly range: BceRange;
  /** Revenue ranges under two fixed information structures. */
  readonly benchmarks: {
    readonly fullInformation: RevenueRange;
    readonly noInformation: RevenueRange;
  };
}

/** What an action profile of the induced game leads to. */
interface Consequence {
  /** L(x | a). */
  readonly lottery: Rational[];
  /** π_i(a). */
  readonly payments: Rational[];
}

/** Options for `inducedGame`: what bidders know at the outset. */
export interface InducedGameOptions {
  /** 'none', 'own-types', or 'full' (every bidder observes the state). */
  readonly information?: Baseline | 'full';
}

/** The base game a mechanism induces (see the module header). */
export function inducedGame(
  problem: MechanismProblem,
  mechanism: IndirectMechanism,
  options: InducedGameOptions = {},
): BaseGame {
  const { actions, consequence } = rules(problem, mechanism);
  const n = problem.agents.length;
  const frame: BaseGame = {
    name: '',
    states: [],
    prior: [],
    players: problem.agents.map((a, i) => ({
      name: a.name,
      actions: actions[i],
      types: [''],
    })),
    payoffs: [],
    designer: null,
    signal: [],
    hasTypes: false,
    outcomeLabels: null,
  };
  const count = profileCount(frame);
  const outcomes = Array.from({ length: count }, (_, a) =>
    consequence(decodeProfile(frame, a)),
  );
  const states = problem.prior.map((_, t) => typeNames(problem, t).join(','));
  const payoffs = states.map((_, theta) =>
    outcomes.map((c) =>
      problem.agents.map((_agent, i) => {
        let u = c.payments[i].neg();
        c.lottery.forEach((p, x) => {
          if (!p.isZero()) u = u.add(p.mul(problem.values[i][theta][x]));
        });
        return u;
      }),
    ),
  );
  const revenue = outcomes.map((c) => sum(c.payments));
  const information = options.information ?? 'none';
  const zeros = problem.agents.map(() => 0);
  return {
    ...frame,
    name: `${problem.name ? `${problem.name}: ` : ''}${describeMechanism(mechanism)}`,
    states,
    prior: problem.prior,
    players: frame.players.map((p, i) => ({
      ...p,
      types:
        information === 'own-types'
          ? problem.agents[i].types
          : information === 'full'
            ? states
            : [''],
    })),
    payoffs,
    designer: states.map(() => revenue),
    signal: states.map((_, theta) => [
      {
        types:
          information === 'own-types'
            ? decodeTypes(problem, theta)
            : information === 'full'
              ? Array.from({ length: n }, () => theta)
              : zeros,
        p: ONE,
      },
    ]),
    hasTypes: information !== 'none',
  };
}

/**
 * Worst- and best-case expected revenue of `mechanism` over all
 * information structures (on top of `baseline`), with full- and
 * no-information benchmarks.
 */
export async function robustRevenue(
  problem: MechanismProblem,
  mechanism: IndirectMechanism,
  options: LpOptions & { readonly baseline?: Baseline } = {},
): Promise<RobustRevenue> {
  const baseline = options.baseline ?? 'none';
  const lp: LpOptions = {
    engine: options.engine,
    arithmetic: options.arithmetic,
  };
  const game = inducedGame(problem, mechanism, { information: baseline });
  const range = await bceRange(game, { ...lp, objective: 'designer' });
  const full = await bceRange(
    inducedGame(problem, mechanism, { information: 'full' }),
    { ...lp, objective: 'designer' },
  );
  const none = await bceRange(averagedGame(game), {
    ...lp,
    objective: 'designer',
  });
  return {
    status: range.status,
    mechanism: describeMechanism(mechanism),
    baseline,
    min: range.min,
    max: range.max,
    range,
    benchmarks: {
      fullInformation: { min: full.min, max: full.max },
      noInformation: { min: none.min, max: none.max },
    },
  };
}

/** A one-line description, e.g. `posted price 1/4`. */
export function describeMechanism(m: IndirectMechanism): string {
  switch (m.kind) {
    case 'posted-price':
      return `posted price ${m.price}`;
    case 'first-price':
      return `first-price auction, bids {${m.bids.join(', ')}}`;
    case 'second-price':
      return `second-price auction, bids {${m.bids.join(', ')}}`;
    case 'direct':
      return 'given direct mechanism';
  }
}

/**
 * G with one state whose payoffs are the ψ-averages: its correlated
 * equilibria are the outcomes when bidders learn nothing about θ.
 */
function averagedGame(game: BaseGame): BaseGame {
  const count = profileCount(game);
  const average = (table: (s: number, a: number) => Rational) =>
    Array.from({ length: count }, (_, a) =>
      sum(game.prior.map((w, s) => w.mul(table(s, a)))),
    );
  const designer = game.designer as readonly (readonly Rational[])[];
  const perPlayer = game.players.map((_, i) =>
    average((s, a) => game.payoffs[s][a][i]),
  );
  return {
    ...game,
    states: ['no information'],
    prior: [ONE],
    players: game.players.map((p) => ({ ...p, types: [''] })),
    payoffs: [
      Array.from({ length: count }, (_, a) => perPlayer.map((u) => u[a])),
    ],
    designer: [average((s, a) => designer[s][a])],
    signal: [[{ types: game.players.map(() => 0), p: ONE }]],
    hasTypes: false,
  };
}

/** Each player's actions and the consequence of an action profile. */
function rules(
  problem: MechanismProblem,
  m: IndirectMechanism,
): {
  actions: string[][];
  consequence: (a: readonly number[]) => Consequence;
} {
  const n = problem.agents.length;
  const X = problem.alternatives.length;
  if (m.kind === 'direct') {
    const q = problem.rule;
    const p = problem.payments;
    if (!q || !p) {
      throw new InputError(
        'mechanism',
        'the problem gives no full direct mechanism (allocation and payments)',
        'add "mechanism": {"allocation": …, "payments": …} to the problem file',
      );
    }
    return {
      actions: problem.agents.map((a) => [...a.types]),
      consequence: (a) => {
        const t = encodeTypes(problem, a);
        return { lottery: [...q[t]], payments: [...p[t]] };
      },
    };
  }
  const item = problem.item;
  if (!item) {
    throw new InputError(
      'item',
      `a ${m.kind} needs a single-item problem`,
      'describe the values with "item" in the problem file',
    );
  }
  // The item goes to one of `winners`, uniformly; each pays `price(i)`
  // when it wins.
  const split = (winners: number[], price: (i: number) => Rational) => {
    const lottery = new Array<Rational>(X).fill(ZERO);
    const payments = new Array<Rational>(n).fill(ZERO);
    if (winners.length === 0) {
      lottery[item.unsold] = ONE;
      return { lottery, payments };
    }
    const share = Rational.of(1, winners.length);
    for (const i of winners) {
      lottery[item.alternativeOf[i]] = share;
      payments[i] = share.mul(price(i));
    }
    return { lottery, payments };
  };

  if (m.kind === 'posted-price') {
    return {
      actions: problem.agents.map(() => ['reject', 'accept']),
      consequence: (a) =>
        split(
          a.flatMap((k, i) => (k === 1 ? [i] : [])),
          () => m.price,
        ),
    };
  }
  const bids = checkBids(m.bids, m.kind);
  // Action 0 is "no bid"; action k ≥ 1 bids bids[k − 1].
  return {
    actions: problem.agents.map(() => ['no bid', ...bids.map(String)]),
    consequence: (a) => {
      const top = Math.max(...a);
      if (top === 0) return split([], () => ZERO);
      const winners = a.flatMap((k, i) => (k === top ? [i] : []));
      const price = (i: number) => {
        if (m.kind === 'first-price') return bids[top - 1];
        const others = a.filter((_, j) => j !== i);
        const second = Math.max(0, ...others);
        return second === 0 ? ZERO : bids[second - 1];
      };
      return split(winners, price);
    },
  };
}

/** Bids sorted increasingly; distinct and not negative, else InputError. */
function checkBids(bids: readonly Rational[], kind: string): Rational[] {
  if (bids.length === 0) {
    throw new InputError(
      `--${kind}`,
      'the bid grid is empty',
      'give bids such as 0,1/2,1',
    );
  }
  const sorted = [...bids].sort((a, b) => a.cmp(b));
  sorted.forEach((b, k) => {
    if (b.sign() < 0) {
      throw new InputError(
        `--${kind}`,
        `bid ${b} is negative`,
        'bids are 0 or more',
      );
    }
    if (k > 0 && b.equals(sorted[k - 1])) {
      throw new InputError(
        `--${kind}`,
        `bid ${b} is listed twice`,
        'list each bid once',
      );
    }
  });
  return sorted;
}
