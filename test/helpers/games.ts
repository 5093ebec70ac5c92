/** Small games written out in code for tests. */

import type { BaseGame } from '../../src/game/game.js';
import { parseGameJson } from '../../src/io/game-json.js';
import { Rational } from '../../src/numbers/rational.js';

const q = (text: string) => Rational.parse(text) as Rational;

/** The seed's contribution game: contribute (C) for θ − c, or not (N) for 0. */
export function contributionGame(
  thetaH: string,
  thetaL: string,
  c: string,
  mu0: string,
): BaseGame {
  return parseGameJson({
    name: 'Contribution game',
    states: ['θH', 'θL'],
    prior: { θH: mu0, θL: q(mu0).neg().add(Rational.int(1)).toString() },
    players: [{ name: 'agent', actions: ['C', 'N'] }],
    payoffs: {
      θH: [[q(thetaH).sub(q(c)).toString()], [0]],
      θL: [[q(thetaL).sub(q(c)).toString()], [0]],
    },
  });
}
