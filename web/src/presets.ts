/**
 * The examples offered as one-click presets: the repository's example
 * files, bundled as text (web/build.mjs loads .json files as text), each
 * with the question the docs ask of it.
 */

import prosecutor from '../../examples/prosecutor.json';
import sevenths from '../../examples/persuasion/sevenths.json';
import twoVoters from '../../examples/persuasion/two-voters.json';
import pdBoundary from '../../examples/sequential-pd-boundary.json';
import stateOrder from '../../examples/sequential-state-order.json';
import stateOrderOutcome from '../../examples/sequential-state-order.cooperate.outcome.json';
import type { PageCommand } from './app.js';

/** One example: a game and the question to ask of it. */
export interface Preset {
  /** The key used in the address, e.g. `?preset=prosecutor`. */
  readonly key: string;
  /** The button's label. */
  readonly label: string;
  readonly file: string;
  readonly game: string;
  readonly command: PageCommand;
  readonly sense: 'max' | 'min' | 'range';
  readonly objective: string;
  readonly outcome?: string;
  readonly public?: boolean;
}

/**
 * The prosecutor's optimal outcome (Kamenica and Gentzkow 2011): convict
 * always when guilty, with probability 3/7 when innocent.
 */
const prosecutorOutcome = `{
  "outcome": [
    { "state": "guilty", "actions": ["convict"], "p": "3/10" },
    { "state": "innocent", "actions": ["acquit"], "p": "2/5" },
    { "state": "innocent", "actions": ["convict"], "p": "3/10" }
  ]
}
`;

export const PRESETS: readonly Preset[] = [
  {
    key: 'prosecutor',
    label: 'Prosecutor and judge',
    file: 'prosecutor.json',
    game: prosecutor,
    command: 'bce',
    sense: 'max',
    objective: 'designer',
    outcome: prosecutorOutcome,
  },
  {
    key: 'sevenths',
    label: 'Three states (sevenths)',
    file: 'sevenths.json',
    game: sevenths,
    command: 'persuade',
    sense: 'max',
    objective: 'designer',
  },
  {
    key: 'two-voters',
    label: 'Two voters, public signal',
    file: 'two-voters.json',
    game: twoVoters,
    command: 'persuade',
    sense: 'max',
    objective: 'designer',
    public: true,
  },
  {
    key: 'pd-boundary',
    label: "Prisoners' dilemma",
    file: 'sequential-pd-boundary.json',
    game: pdBoundary,
    command: 'bce',
    sense: 'range',
    objective: 'welfare',
  },
  {
    key: 'state-order',
    label: 'Cooperation check (fails)',
    file: 'sequential-state-order.json',
    game: stateOrder,
    command: 'check',
    sense: 'max',
    objective: 'welfare',
    outcome: stateOrderOutcome,
  },
];
