/**
 * `revelation garbling GAME1 GAME2 --range OBJ`: is one baseline
 * information structure a garbling of the other, and the interval of OBJ
 * over BCE under each. Parsing and rendering only; the work is
 * `compareInformation`.
 */

import type { BceRange } from '../../bce/bce.js';
import {
  compareInformation,
  type InformationComparison,
} from '../../garbling/compare.js';
import type { GarblingResult } from '../../garbling/garbling.js';
import { readGameFile } from '../../io/game-json.js';
import { InputError } from '../../io/input-error.js';
import { intOption, parseArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import { lpOptions } from './shared.js';

export const garblingCommand: Command = {
  name: 'garbling',
  summary:
    'more information, fewer equilibria: is one baseline signal a garbling ' +
    'of the other, and the BCE range of an objective under each',
  usage:
    'revelation garbling GAME1 GAME2 --range OBJ [--json] [--decimals N] ' +
    '[--engine auto|exact]',
  async run(argv, out) {
    const args = parseArgs('garbling', argv, {
      values: ['range', 'decimals', 'engine'],
      flags: ['json'],
    });
    if (args.positional.length !== 2) {
      throw new InputError(
        'garbling',
        `expected two game files, got ${args.positional.length}`,
        `usage: ${garblingCommand.usage}`,
      );
    }
    const objective = args.values.get('range');
    if (objective === undefined) {
      throw new InputError(
        'garbling',
        'give the objective to compare with --range OBJ',
        "OBJ is designer, welfare, a player's name or outcome:NAME",
      );
    }
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const [file1, file2] = args.positional;
    const first = readGameFile(file1);
    const second = readGameFile(file2);
    const result = await compareInformation(first, second, {
      ...lpOptions(args),
      objective,
    });
    const statuses = [result.first.status, result.second.status];
    const status = statuses.every((s) => s === 'optimal')
      ? 'optimal'
      : (statuses.find((s) => s !== 'optimal') as string);
    if (args.flags.has('json')) {
      out.stdout(
        toJson({
          command: 'garbling',
          status,
          objective: result.objective,
          order: result.order,
          nested: result.nested,
          first: jsonRange(file1, result.first),
          second: jsonRange(file2, result.second),
          secondFromFirst: result.secondFromFirst,
          firstFromSecond: result.firstFromSecond,
        }),
      );
      return 0;
    }
    out.stdout(render(file1, file2, result, display));
    return 0;
  },
};

function jsonRange(file: string, range: BceRange): object {
  return {
    file,
    status: range.status,
    min: range.min,
    max: range.max,
  };
}

function render(
  file1: string,
  file2: string,
  r: InformationComparison,
  display: Display,
): string {
  const verdict: Record<InformationComparison['order'], string> = {
    'first-more-informed': `${file1} is more informed: ${file2} is a garbling of it`,
    'second-more-informed': `${file2} is more informed: ${file1} is a garbling of it`,
    equivalent: 'each is a garbling of the other: equally informative',
    'not-comparable': 'neither is a garbling of the other',
  };
  const interval = (range: BceRange) =>
    `[${show(range.min, display)}, ${show(range.max, display)}]`;
  const lines = [
    `Baseline information: ${verdict[r.order]}`,
    '',
    `Range of ${r.objective} over all BCE`,
    table(
      ['game', 'status', 'range'],
      [
        [file1, r.first.status, interval(r.first)],
        [file2, r.second.status, interval(r.second)],
      ],
    ),
  ];
  if (r.nested !== null) {
    lines.push(
      '',
      r.nested
        ? "The more informed game's range lies inside the other's, as it must."
        : 'WARNING: the ranges do not nest as theory says; please report this game.',
    );
  }
  const kernel =
    r.order === 'second-more-informed' ? r.firstFromSecond : r.secondFromFirst;
  if (kernel.status === 'garbling') {
    const [from, to] =
      r.order === 'second-more-informed' ? [file2, file1] : [file1, file2];
    lines.push(
      '',
      `Garbling kernel φ(t' | t) from the types of ${from} to those of ${to}`,
    );
    lines.push(renderKernel(kernel, display));
  }
  return lines.join('\n');
}

function renderKernel(g: GarblingResult, display: Display): string {
  return table(
    ['types t', "types t'", 'φ'],
    (g.kernel ?? []).map((e) => [
      e.from.join(',') || '(no types)',
      e.to.join(',') || '(no types)',
      show(e.p, display),
    ]),
  );
}
