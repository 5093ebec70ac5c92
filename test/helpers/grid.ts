/**
 * Grid concavification, the approximation users often write by hand and
 * that revelation's exact method replaces: restrict posteriors to the grid
 * {µ : N µ(θ) ∈ ℕ} of the simplex over three states, evaluate V there, and
 * solve the concavification LP over the grid points. Used to show, in a
 * test and in docs/persuasion.md, how far it can miss.
 */

import type { BaseGame } from '../../src/game/game.js';
import { solveLp } from '../../src/lp/solve.js';
import type { LpRow } from '../../src/lp/model.js';
import { Rational, ZERO } from '../../src/numbers/rational.js';
import { persuasionProblem } from '../../src/persuasion/problem.js';
import { respond } from '../../src/persuasion/value-function.js';

/** The best value over posteriors on the grid of step 1/N (three states). */
export async function gridValue(game: BaseGame, N: number): Promise<Rational> {
  const problem = persuasionProblem(game, {});
  const points: Rational[][] = [];
  for (let i = 0; i <= N; i++) {
    for (let j = 0; i + j <= N; j++) {
      points.push([
        Rational.of(i, N),
        Rational.of(j, N),
        Rational.of(N - i - j, N),
      ]);
    }
  }
  const rows: LpRow[] = [0, 1, 2].map((s) => {
    const indices: number[] = [];
    const coefficients: Rational[] = [];
    points.forEach((µ, k) => {
      if (µ[s].isZero()) return;
      indices.push(k);
      coefficients.push(µ[s]);
    });
    const mass = game.prior[s];
    return {
      name: `bayes${s}`,
      indices,
      coefficients,
      lower: mass,
      upper: mass,
    };
  });
  const solution = await solveLp({
    sense: 'maximize',
    variables: points.map((µ, k) => ({
      name: `grid${k}`,
      lower: ZERO,
      upper: null,
      cost: respond(problem, µ).value,
    })),
    rows,
  });
  if (!solution.value) throw new Error(`grid LP: ${solution.status}`);
  return solution.value;
}
