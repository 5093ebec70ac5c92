/**
 * Orders of moves, the lattice of subsets, and flows on it (Doval and Ely
 * 2020, "Sequential Information Design", Econometrica 88(6)).
 *
 * Players are numbered 0..N−1 and a set of players S ⊆ N is a bit mask. An
 * order of moves is a permutation σ of N. The lattice of subsets has an
 * edge (S, i) from S to S ∪ {i} for every i ∉ S: "everyone in S has moved
 * and i moves next". An order σ is exactly a path ∅ → N through the
 * lattice, crossing edge (S, i) when S is the set of i's predecessors in σ,
 * S = pred_σ(i); every path crosses exactly one edge labelled i for each i.
 *
 * A law λ over orders, scaled by a mass m, induces edge flows
 *
 *   f(S, i) = m · λ{σ : pred_σ(i) = S},
 *
 * which satisfy Σ_i f(∅, i) = m and conservation at every S ≠ ∅, N:
 *
 *   Σ_{j ∈ S} f(S \ {j}, j) = Σ_{i ∉ S} f(S, i).
 *
 * Conversely (flow decomposition on a directed acyclic graph), any
 * nonnegative f with those properties is induced by some law over paths,
 * i.e. over orders: follow positive edges from ∅ (conservation guarantees
 * one leaves every set that is entered), subtract the smallest flow on the
 * path, and repeat; each step empties at least one edge, so at most
 * N · 2^(N−1) orders are peeled. `peelOrders` does this in exact
 * arithmetic. The law peeled is one of possibly many inducing f; every one
 * of them gives each player the same predecessor sets with the same
 * probabilities, which is all that sequential obedience depends on.
 */

import { ZERO, type Rational } from '../numbers/rational.js';

/** The edges (S, i) of the lattice of subsets of N players, in a fixed order. */
export interface Lattice {
  readonly players: number;
  /** Edge e goes from the set `from[e]` (a bit mask) by adding `mover[e]`. */
  readonly from: readonly number[];
  readonly mover: readonly number[];
  /** The index of edge (S, i), or −1 when i ∈ S. */
  edge(from: number, mover: number): number;
}

/** The N · 2^(N−1) edges of the lattice of subsets of N players. */
export function subsetLattice(players: number): Lattice {
  const full = (1 << players) - 1;
  const from: number[] = [];
  const mover: number[] = [];
  const index = new Int32Array((full + 1) * players).fill(-1);
  for (let set = 0; set < full; set++) {
    for (let i = 0; i < players; i++) {
      if (set & (1 << i)) continue;
      index[set * players + i] = from.length;
      from.push(set);
      mover.push(i);
    }
  }
  return {
    players,
    from,
    mover,
    edge: (set, i) => index[set * players + i],
  };
}

/** All N! orders of N players, in lexicographic order. */
export function allOrders(players: number): number[][] {
  const orders: number[][] = [];
  const walk = (prefix: number[], used: number) => {
    if (prefix.length === players) {
      orders.push([...prefix]);
      return;
    }
    for (let i = 0; i < players; i++) {
      if (used & (1 << i)) continue;
      prefix.push(i);
      walk(prefix, used | (1 << i));
      prefix.pop();
    }
  };
  walk([], 0);
  return orders;
}

/** pred_σ(i) for every i: `result[i]` is the mask of i's predecessors in σ. */
export function predecessorSets(order: readonly number[]): number[] {
  const before = new Array<number>(order.length);
  let set = 0;
  for (const i of order) {
    before[i] = set;
    set |= 1 << i;
  }
  return before;
}

/** A mask as the sorted list of its members. */
export function members(set: number, players: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < players; i++) if (set & (1 << i)) out.push(i);
  return out;
}

/** One order with its weight. */
export interface WeightedOrder {
  readonly order: readonly number[];
  readonly weight: Rational;
}

/**
 * Decomposes a conserved flow on the lattice into weighted orders whose
 * weights sum to Σ_i f(∅, i) and which induce exactly f. Throws when f is
 * not conserved (an internal error: the LP rows enforce conservation).
 */
export function peelOrders(
  lattice: Lattice,
  flow: readonly Rational[],
): WeightedOrder[] {
  const n = lattice.players;
  const left = [...flow];
  const found = new Map<string, WeightedOrder>();
  const sourceLeft = () => {
    let total = ZERO;
    for (let i = 0; i < n; i++) total = total.add(left[lattice.edge(0, i)]);
    return total;
  };

  while (sourceLeft().sign() > 0) {
    // Follow, from ∅, the edge carrying the most remaining flow: a greedy
    // choice that tends to peel few, heavy orders.
    const order: number[] = [];
    const path: number[] = [];
    let set = 0;
    for (let step = 0; step < n; step++) {
      let best = -1;
      for (let i = 0; i < n; i++) {
        const e = lattice.edge(set, i);
        if (e < 0 || left[e].sign() <= 0) continue;
        if (best < 0 || left[e].gt(left[best])) best = e;
      }
      if (best < 0) {
        throw new Error('internal error: flow on the lattice is not conserved');
      }
      path.push(best);
      order.push(lattice.mover[best]);
      set |= 1 << lattice.mover[best];
    }
    let weight = left[path[0]];
    for (const e of path) if (left[e].lt(weight)) weight = left[e];
    for (const e of path) left[e] = left[e].sub(weight);

    const key = order.join(',');
    const seen = found.get(key);
    found.set(key, {
      order,
      weight: seen ? seen.weight.add(weight) : weight,
    });
  }
  if (left.some((x) => x.sign() !== 0)) {
    throw new Error('internal error: flow left over after peeling orders');
  }
  return [...found.values()];
}
