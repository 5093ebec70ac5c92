/**
 * `revelation plausible PRIOR POSTERIORS`: does a distribution of
 * posteriors average to the prior (Bayes plausibility)? If so, the signal
 * that induces it; if not, the miss state by state. Parsing and rendering
 * only; the work is `checkPlausibility`.
 *
 * PRIOR is a game file (its states and prior are used) or an inline list
 * `0.3,0.7` or `guilty=0.3,innocent=0.7`. POSTERIORS is a JSON file
 * `[{"weight": "2/5", "posterior": [0, 1]}, …]` (a posterior may also be
 * an object keyed by state) or an inline list `2/5:0,1; 3/5:1/2,1/2`.
 */

import { extname } from 'node:path';
import { readGameFile } from '../../io/game-json.js';
import { InputError } from '../../io/input-error.js';
import { readJsonFile } from '../../io/json-text.js';
import { readNumber, readProbability } from '../../io/numbers.js';
import type { Rational } from '../../numbers/rational.js';
import {
  checkPlausibility,
  type PosteriorWithWeight,
} from '../../persuasion/plausibility.js';
import { intOption, parseArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';

export const plausibleCommand: Command = {
  name: 'plausible',
  summary:
    'is a distribution of posteriors Bayes-plausible? the signal that induces it',
  usage:
    'revelation plausible PRIOR POSTERIORS [--json] [--decimals N]  ' +
    '(PRIOR: game file or "0.3,0.7"; POSTERIORS: JSON file or "2/5:0,1; 3/5:1/2,1/2")',
  async run(argv, out) {
    const args = parseArgs('plausible', argv, {
      values: ['decimals'],
      flags: ['json'],
    });
    if (args.positional.length !== 2) {
      throw new InputError(
        'plausible',
        `expected a prior and posteriors, got ${args.positional.length} argument(s)`,
        `usage: ${plausibleCommand.usage}`,
      );
    }
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const { states, prior } = readPrior(args.positional[0]);
    const posteriors = readPosteriors(args.positional[1], states);
    const result = checkPlausibility(states, prior, posteriors);
    if (args.flags.has('json')) {
      out.stdout(
        toJson({
          command: 'plausible',
          status: result.plausible ? 'plausible' : 'not plausible',
          ...result,
        }),
      );
      return 0;
    }
    const lines = [
      result.plausible
        ? 'Bayes-plausible: the posteriors average exactly to the prior'
        : 'not Bayes-plausible: the posteriors do not average to the prior',
      table(
        ['state', 'prior', 'average posterior', 'difference'],
        states.map((s, k) => [
          s,
          show(result.prior[k], display),
          show(result.average[k], display),
          show(result.difference[k], display),
        ]),
      ),
    ];
    if (result.kernel) {
      lines.push('', 'The signal that induces them, π̂(s | θ)');
      lines.push(
        table(
          ['state', 'signal', 'π̂'],
          result.kernel.map((e) => [e.state, e.signal, show(e.p, display)]),
        ),
      );
    }
    out.stdout(lines.join('\n'));
    return 0;
  },
};

function isFile(text: string, extensions: readonly string[]): boolean {
  return extensions.includes(extname(text).toLowerCase());
}

function readPrior(text: string): {
  states: string[];
  prior: Rational[];
} {
  if (isFile(text, ['.json', '.nfg'])) {
    const game = readGameFile(text);
    return { states: [...game.states], prior: [...game.prior] };
  }
  const items = splitList(text, ',');
  const named = items.every((x) => x.includes('='));
  if (items.some((x) => x.includes('=')) && !named) {
    throw new InputError(
      'PRIOR',
      'mixes named (state=p) and unnamed entries',
      'write "0.3,0.7" or "guilty=0.3,innocent=0.7"',
    );
  }
  const states = items.map((x, k) =>
    named ? x.slice(0, x.indexOf('=')).trim() : `θ${k + 1}`,
  );
  if (new Set(states).size !== states.length) {
    throw new InputError(
      'PRIOR',
      'names a state twice',
      'name each state once',
    );
  }
  const prior = items.map((x, k) =>
    readProbability(named ? x.slice(x.indexOf('=') + 1) : x, `prior[${k}]`),
  );
  return { states, prior };
}

function readPosteriors(
  text: string,
  states: readonly string[],
): PosteriorWithWeight[] {
  if (isFile(text, ['.json'])) {
    const value = readJsonFile(text);
    const list =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>).posteriors
        : value;
    if (!Array.isArray(list)) {
      throw new InputError(
        text,
        'expected a list of posteriors',
        'write [{"weight": "2/5", "posterior": [0, 1]}, …]',
      );
    }
    return list.map((entry, k) => {
      const where = `${text}: posteriors[${k}]`;
      if (entry === null || typeof entry !== 'object') {
        throw new InputError(where, 'expected {"weight", "posterior"}');
      }
      const e = entry as Record<string, unknown>;
      return {
        weight: readNumber(e.weight, `${where}.weight`),
        posterior: readBelief(e.posterior, states, `${where}.posterior`),
      };
    });
  }
  return splitList(text, ';').map((entry, k) => {
    const where = `posteriors[${k}]`;
    const colon = entry.indexOf(':');
    if (colon < 0) {
      throw new InputError(
        where,
        `"${entry}" has no weight`,
        'write WEIGHT:µ1,µ2,… such as 2/5:0,1',
      );
    }
    return {
      weight: readNumber(entry.slice(0, colon).trim(), `${where}.weight`),
      posterior: splitList(entry.slice(colon + 1), ',').map((x, s) =>
        readNumber(x, `${where}.posterior[${s}]`),
      ),
    };
  });
}

function readBelief(
  value: unknown,
  states: readonly string[],
  where: string,
): Rational[] {
  if (Array.isArray(value)) {
    return value.map((x, s) => readNumber(x, `${where}[${s}]`));
  }
  if (value !== null && typeof value === 'object') {
    const e = value as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!states.includes(key)) {
        throw new InputError(
          `${where}.${key}`,
          'is not a state',
          `states: ${states.join(', ')}`,
        );
      }
    }
    return states.map((s) =>
      e[s] === undefined
        ? readNumber(0, '')
        : readNumber(e[s], `${where}.${s}`),
    );
  }
  throw new InputError(
    where,
    'expected a list of probabilities or an object keyed by state',
  );
}

function splitList(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}
