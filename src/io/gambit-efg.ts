/**
 * A Gambit extensive-form file (`.efg`) read as a one-stage Bayesian game:
 * a base game G with a baseline information structure S = ((T_i), ψ).
 *
 * One-stage means: every chance move comes before any player's move, each
 * player moves at most once on every path, and no player sees another
 * player's move. Such a tree is read as follows (Harsanyi's reading of a
 * game of incomplete information, as in Gambit's bayes1a.efg):
 *
 * - States Θ: the paths through the chance moves at the top of the tree,
 *   named by their moves ("Guilty, Signal Guilty, …"); µ0(θ) is the
 *   product of the probabilities along the path. Zero-probability moves
 *   are kept, as states of prior 0. A tree without chance has one state,
 *   `only`.
 * - Types T_i: the information sets of player i. In state θ player i's type
 *   is the one information set at which i moves below θ, so ψ(t | θ) puts
 *   probability 1 on one type profile; the designer may condition on θ,
 *   hence on every player's type, as BCE allows.
 * - Actions A_i: the union of the action labels of i's information sets.
 *   When these differ, type t_i may only take the actions of its own set
 *   (`actionSets`), and obedience compares only those.
 * - Payoffs u_i(a, θ): the sum of the payoffs of the outcomes met on the
 *   path that θ and a select (Gambit adds outcomes along a path).
 * - Named outcomes: `outcomeLabels[θ][a]` is the name of the outcome at the
 *   terminal node reached, so `outcome:NAME` is the probability of
 *   reaching an outcome of that name. Outcomes on non-terminal nodes add
 *   payoffs but name nothing.
 * - No designer table (Gambit files have none).
 *
 * Players who do not move everywhere (a choice; the file format allows it):
 * - In a state in which player i never moves, i gets the type `(no move)`,
 *   whose only action is `(no move)`; nothing depends on it.
 * - When i's information set is reached below θ on some paths but not on
 *   others (another player's move ends the game first), i is read as
 *   choosing at that set throughout θ, and where the set is not reached
 *   i's choice changes nothing. This is the strategic form of the tree;
 *   obedience of i then weighs only the paths on which i's choice matters.
 *
 * Refused, with an error naming the node and information set: a chance
 * move after a player's move; a player moving twice on one path; a player
 * who is at different information sets in one state depending on another
 * player's move (she observes that move), as in signalling games.
 *
 * Labels: an empty player name becomes "Player i", an empty action label
 * its position, an empty information-set label `(i,N)` (Gambit's own
 * default naming), an empty chance label its position; repeated labels get
 * `#position` appended, as in the .nfg reader.
 */

import { basename, extname } from 'node:path';
import type { BaseGame, Player, TypeProfileWeight } from '../game/game.js';
import { ONE, ZERO, type Rational } from '../numbers/rational.js';
import {
  parseEfgTree,
  type EfgInfoset,
  type EfgNode,
  type EfgTree,
} from './gambit-efg-tree.js';
import { InputError } from './input-error.js';

/** The largest number of (state, action profile) cells an .efg game may have. */
export const MAX_EFG_CELLS = 2 ** 22;

/** The name of the type, and of the action, of a player who does not move. */
export const NO_MOVE = '(no move)';

/**
 * Reads the text of a Gambit `.efg` file as a one-stage Bayesian game.
 * `file` names the source in error messages and gives the default name.
 *
 * @example
 * ```ts
 * import { parseGambitEfg } from 'revelation';
 * const game = parseGambitEfg(`EFG 2 R "coin" { "guesser" }
 * c "" 1 "" { "heads" 1/3 "tails" 2/3 } 0
 * p "" 1 1 "" { "H" "T" } 0
 * t "" 1 "right" { 1 }
 * t "" 2 "wrong" { 0 }
 * p "" 1 1 "" { "H" "T" } 0
 * t "" 2 "wrong" { 0 }
 * t "" 1 "right" { 1 }`);
 * game.states; // ['heads', 'tails']
 * game.prior.map(String); // ['1/3', '2/3']
 * ```
 */
export function parseGambitEfg(text: string, file = '<efg>'): BaseGame {
  const tree = parseEfgTree(text, file);
  return efgGame(tree, file);
}

/** A path through the chance moves at the top of the tree. */
interface ChanceState {
  readonly labels: string[];
  readonly prior: Rational;
  /** The first node below the chance moves. */
  readonly start: EfgNode;
  /** Payoffs of outcomes met on the chance moves. */
  readonly payoffs: Rational[];
}

/** One step of a path: a player node and the action taken there. */
interface Step {
  readonly node: EfgNode & { kind: 'player' };
  readonly action: number;
}

function efgGame(tree: EfgTree, file: string): BaseGame {
  const n = tree.players.length;
  const playerNames = uniqueLabels(tree.players, (k) => `Player ${k}`, true);
  playerNames.forEach((name) => {
    if (name.toLowerCase().startsWith('player:')) {
      throw new InputError(
        file,
        `player name "${name}" starts with "player:"`,
        'rename the player: the prefix "player:" selects a player as objective',
      );
    }
  });
  const states = chanceStates(tree.root, n);

  // Each state's information set per player, checked for one-stage form.
  const infosets: EfgInfoset[][] = playerNames.map(() => []);
  const typeOf: (EfgInfoset | null)[][] = states.map((state) =>
    stateInfosets(state, playerNames, file),
  );
  for (const row of typeOf) {
    row.forEach((h, i) => {
      if (h && !infosets[i].includes(h)) infosets[i].push(h);
    });
  }

  // Types, actions and type-dependent action sets.
  const players: Player[] = [];
  const actionSets: number[][][] = [];
  const actionNames = new Map<EfgInfoset, string[]>();
  let needSets = false;
  playerNames.forEach((name, i) => {
    const silent = typeOf.some((row) => row[i] === null);
    const typeNames = uniqueLabels(
      infosets[i].map((h) => h.label),
      (k) => `(${i + 1},${infosets[i][k - 1].number})`,
      false,
    );
    const actions: string[] = [];
    const sets: number[][] = infosets[i].map((h) => {
      const labels = uniqueLabels(h.actions, (k) => String(k), false);
      actionNames.set(h, labels);
      return labels.map((label) => {
        if (!actions.includes(label)) actions.push(label);
        return actions.indexOf(label);
      });
    });
    if (silent) {
      let dummy = NO_MOVE;
      while (actions.includes(dummy)) dummy += '#';
      actions.push(dummy);
      sets.push([actions.length - 1]);
      typeNames.push(NO_MOVE);
    }
    if (sets.some((set) => set.length !== actions.length)) needSets = true;
    players.push({ name, actions, types: typeNames });
    actionSets.push(sets);
  });
  const hasTypes = players.some((p) => p.types.length > 1);

  // The one type profile of each state: ψ(t | θ) = 1.
  const signal: TypeProfileWeight[][] = typeOf.map((row) => [
    {
      types: row.map((h, i) =>
        h ? infosets[i].indexOf(h) : players[i].types.length - 1,
      ),
      p: ONE,
    },
  ]);

  let count = 1;
  for (const p of players) count *= p.actions.length;
  if (count * states.length > MAX_EFG_CELLS) {
    throw new InputError(
      file,
      `the game has ${states.length} states and ${count} action profiles, ` +
        `more than the ${MAX_EFG_CELLS} (state, profile) cells supported`,
    );
  }

  // Payoffs and outcome names, by walking the tree for every profile.
  const profiles = actionProfiles(players.map((p) => p.actions.length));
  const payoffs: Rational[][][] = [];
  const labels: (string | null)[][] = [];
  let named = false;
  states.forEach((state, s) => {
    const types = signal[s][0].types;
    const byProfile: Rational[][] = [];
    const labelRow: (string | null)[] = [];
    for (const actions of profiles) {
      if (!actions.every((x, i) => actionSets[i][types[i]].includes(x))) {
        byProfile.push(players.map(() => ZERO));
        labelRow.push(null);
        continue;
      }
      const reached = walk(state, actions, players, actionNames);
      byProfile.push(reached.payoffs);
      labelRow.push(reached.label);
      if (reached.label !== null) named = true;
    }
    payoffs.push(byProfile);
    labels.push(labelRow);
  });

  return {
    name: tree.title || basename(file, extname(file)),
    states: stateNames(states),
    prior: states.map((s) => s.prior),
    players: hasTypes ? players : players.map((p) => ({ ...p, types: [''] })),
    payoffs,
    designer: null,
    signal,
    hasTypes,
    outcomeLabels: named ? labels : null,
    ...(needSets ? { actionSets } : {}),
  };
}

/** The paths through the chance moves at the top of the tree. */
function chanceStates(root: EfgNode, n: number): ChanceState[] {
  const states: ChanceState[] = [];
  const zero = (): Rational[] => Array.from({ length: n }, () => ZERO);
  const stack: ChanceState[] = [
    { labels: [], prior: ONE, start: root, payoffs: zero() },
  ];
  while (stack.length > 0) {
    const state = stack.pop() as ChanceState;
    const node = state.start;
    if (node.kind !== 'chance') {
      states.push(state);
      continue;
    }
    const payoffs = addOutcome(state.payoffs, node);
    const event = node.event;
    const moves = uniqueLabels(event.actions, (k) => String(k), false);
    // Push in reverse so states come out in the file's order.
    for (let k = node.children.length - 1; k >= 0; k--) {
      stack.push({
        labels: [...state.labels, moves[k]],
        prior: state.prior.mul(event.probabilities[k]),
        start: node.children[k],
        payoffs,
      });
    }
  }
  return states;
}

/**
 * The information set of each player in one state (null where the player
 * never moves), after checking that the subtree below the chance moves is
 * one simultaneous move.
 */
function stateInfosets(
  state: ChanceState,
  playerNames: readonly string[],
  file: string,
): (EfgInfoset | null)[] {
  const first: ({ infoset: EfgInfoset; path: Step[] } | null)[] =
    playerNames.map(() => null);
  const where = (node: EfgNode) => `${file}:${node.at.line}:${node.at.column}`;
  const after = state.labels.length
    ? ` (in state "${state.labels.join(', ')}")`
    : '';
  const setName = (h: EfgInfoset) =>
    `"${h.label || `(${h.player + 1},${h.number})`}"`;

  const visit = (node: EfgNode, path: Step[]): void => {
    if (node.kind === 'terminal') return;
    if (node.kind === 'chance') {
      const mover = path[path.length - 1].node;
      throw new InputError(
        where(node),
        `chance moves after "${playerNames[mover.infoset.player]}" has ` +
          `moved at information set ${setName(mover.infoset)}${after}, so ` +
          'the game is not one-stage',
        'revelation reads one-stage Bayesian games: all chance moves first, ' +
          'then each player moves once without seeing the others',
      );
    }
    const h = node.infoset;
    const i = h.player;
    const earlier = path.find((step) => step.node.infoset.player === i);
    if (earlier) {
      throw new InputError(
        where(node),
        `"${playerNames[i]}" moves twice on one path, at information sets ` +
          `${setName(earlier.node.infoset)} and ${setName(h)}${after}, so ` +
          'the game is not one-stage',
        'revelation reads one-stage Bayesian games, in which each player ' +
          'moves at most once',
      );
    }
    const seen = first[i];
    if (seen === null) {
      first[i] = { infoset: h, path };
    } else if (seen.infoset !== h) {
      // The paths to the two sets part at some player's move: the player
      // at them learns which action was taken there.
      let k = 0;
      while (
        k < seen.path.length &&
        k < path.length &&
        seen.path[k].action === path[k].action
      ) {
        k++;
      }
      const fork = path[k].node;
      const choice = (step: Step) =>
        `"${step.node.infoset.actions[step.action] || step.action + 1}"`;
      throw new InputError(
        where(node),
        `"${playerNames[i]}" is at information set ${setName(seen.infoset)} ` +
          `after "${playerNames[fork.infoset.player]}" plays ` +
          `${choice(seen.path[k])} but at ${setName(h)} after ` +
          `${choice(path[k])}${after}, so "${playerNames[i]}" observes ` +
          'that move and the game is not one-stage',
        'revelation reads one-stage Bayesian games, in which no player sees ' +
          "another's move; put the players who move later in the same " +
          'information set across the earlier moves',
      );
    }
    node.children.forEach((child, action) =>
      visit(child, [...path, { node, action }]),
    );
  };
  visit(state.start, []);
  return first.map((f) => (f ? f.infoset : null));
}

/** Follows a state and action profile to a terminal node. */
function walk(
  state: ChanceState,
  actions: readonly number[],
  players: readonly Player[],
  actionNames: ReadonlyMap<EfgInfoset, readonly string[]>,
): { payoffs: Rational[]; label: string | null } {
  let payoffs = state.payoffs;
  let node = state.start;
  for (;;) {
    payoffs = addOutcome(payoffs, node);
    if (node.kind !== 'player') break;
    const h = node.infoset;
    const name = players[h.player].actions[actions[h.player]];
    const names = actionNames.get(h) as readonly string[];
    node = node.children[names.indexOf(name)];
  }
  const o = node.outcome;
  return { payoffs, label: o && o.label !== '' ? o.label : null };
}

/**
 * Every action profile (a_1, …, a_N) in the flat order of `BaseGame`,
 * player 1 most significant.
 */
function actionProfiles(sizes: readonly number[]): number[][] {
  let profiles: number[][] = [[]];
  for (const size of sizes) {
    profiles = profiles.flatMap((p) =>
      Array.from({ length: size }, (_, k) => [...p, k]),
    );
  }
  return profiles;
}

function addOutcome(payoffs: Rational[], node: EfgNode): Rational[] {
  const o = node.outcome;
  return o ? payoffs.map((u, i) => u.add(o.payoffs[i])) : payoffs;
}

function stateNames(states: readonly ChanceState[]): string[] {
  if (states.length === 1 && states[0].labels.length === 0) return ['only'];
  return uniqueLabels(
    states.map((s) => s.labels.join(', ')),
    (k) => String(k),
    false,
  );
}

/**
 * Labels made fit for the model: an empty label becomes `fallback(position)`
 * and every label that occurs more than once (ignoring case when
 * `ignoreCase`) gets `#position` appended. Positions count from 1.
 */
function uniqueLabels(
  labels: readonly string[],
  fallback: (position: number) => string,
  ignoreCase: boolean,
): string[] {
  const key = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  const filled = labels.map((l, k) => l.trim() || fallback(k + 1));
  const counts = new Map<string, number>();
  for (const l of filled) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
  const seen = new Set<string>();
  return filled.map((l, k) => {
    let candidate = (counts.get(key(l)) ?? 0) > 1 ? `${l}#${k + 1}` : l;
    for (let extra = 2; seen.has(key(candidate)); extra++) {
      candidate = `${l}#${k + 1}#${extra}`;
    }
    seen.add(key(candidate));
    return candidate;
  });
}
