/**
 * The JSON signal file → a validated signal π̂(s | θ) over a game's states
 * (docs/signal-format.md).
 *
 * ```json
 * {
 *   "name": "Investigate, then report",
 *   "signals": ["convict", "acquit"],
 *   "likelihood": {
 *     "guilty":   {"convict": 1},
 *     "innocent": {"convict": "3/7", "acquit": "4/7"}
 *   }
 * }
 * ```
 *
 * `signals` names the realisations s (non-empty, distinct). `likelihood`
 * gives, for every state of the game, the law π̂(· | θ): an object keyed by
 * signal (a signal left out has probability 0) or an array in the order of
 * `signals`. Entries are exact numbers ≥ 0 (the game file's number forms)
 * and each state's entries sum to exactly 1. A state of the game left out,
 * a state or signal the file does not know, a negative entry or a row not
 * summing to 1 is an `InputError` naming its path, e.g.
 * `likelihood.innocent`.
 */

import type { BaseGame } from '../game/game.js';
import type { Signal } from '../game/signal.js';
import { ONE, ZERO, sum } from '../numbers/rational.js';
import { InputError } from './input-error.js';
import { parseJsonText, readInputFile } from './json-text.js';
import {
  checkFields,
  describe,
  expectObject,
  readNames,
  readPerName,
} from './json-value.js';
import { readProbability } from './numbers.js';

/** The top-level fields of a signal file. */
export const SIGNAL_FIELDS: readonly string[] = [
  'name',
  'signals',
  'likelihood',
];

/**
 * Validates a parsed JSON signal against `game`'s states. Throws an
 * `InputError` at the first problem, located by its path (and the file
 * name, when given).
 */
export function parseSignalJson(
  value: unknown,
  game: BaseGame,
  file?: string,
): Signal {
  try {
    return readSignal(value, game);
  } catch (e) {
    if (file !== undefined && e instanceof InputError) throw e.inFile(file);
    throw e;
  }
}

/** Reads and validates a JSON signal file for `game`. */
export function readSignalFile(path: string, game: BaseGame): Signal {
  return parseSignalJson(parseJsonText(readInputFile(path), path), game, path);
}

/** A signal as the JSON object `parseSignalJson` reads back. */
export function signalJson(signal: Signal, game: BaseGame): object {
  return {
    ...(signal.name ? { name: signal.name } : {}),
    signals: signal.signals,
    likelihood: Object.fromEntries(
      game.states.map((state, s) => [
        state,
        Object.fromEntries(
          signal.signals
            .map((name, k) => [name, signal.likelihood[s][k]] as const)
            .filter(([, p]) => !p.isZero()),
        ),
      ]),
    ),
  };
}

function readSignal(value: unknown, game: BaseGame): Signal {
  const top = expectObject(value, '', 'a signal: a JSON object');
  checkFields(top, '', SIGNAL_FIELDS, ['signals', 'likelihood'], 'the signal');
  if (top.name !== undefined && typeof top.name !== 'string') {
    throw new InputError(
      'name',
      `expected a string, found ${describe(top.name)}`,
    );
  }
  const signals = readNames(top.signals, 'signals', 'signal');
  const likelihood = readPerName(
    top.likelihood,
    'likelihood',
    game.states,
    'state',
  ).map((row) => {
    const entries = readPerName(row.value, row.path, signals, 'signal', {
      allowMissing: true,
    }).map((entry) =>
      entry.value === undefined
        ? ZERO
        : readProbability(entry.value, entry.path),
    );
    const total = sum(entries);
    if (!total.equals(ONE)) {
      throw new InputError(
        row.path,
        `probabilities sum to ${total}, not 1`,
        'π̂(· | θ), the law of the signal in each state, must add up to exactly 1',
      );
    }
    return entries;
  });
  return { name: (top.name as string | undefined) ?? '', signals, likelihood };
}
