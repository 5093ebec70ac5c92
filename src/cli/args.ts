/**
 * Command-line argument parsing: positional arguments and `--name value` or
 * `--flag` options, checked against what a command declares. An unknown
 * option is rejected by name with the closest known one suggested; a
 * missing value or a repeated option is an error, never a silent guess.
 */

import { InputError } from '../io/input-error.js';
import { suggest } from '../bce/objective.js';

/** What a command accepts. */
export interface OptionSpec {
  /** Options that take a value, e.g. `max` for `--max OBJ`. */
  readonly values?: readonly string[];
  /** Options that take no value, e.g. `json`. */
  readonly flags?: readonly string[];
  /** Those of `values` that may be given several times, e.g. `point`. */
  readonly repeatable?: readonly string[];
}

/** Parsed arguments. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
  /** Every value of a repeatable option, in order (the first is in `values`). */
  readonly lists: Map<string, string[]>;
}

/** Parses `argv` against `spec`, throwing `InputError` on misuse. */
export function parseArgs(
  command: string,
  argv: readonly string[],
  spec: OptionSpec,
): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  const lists = new Map<string, string[]>();
  const valueNames = spec.values ?? [];
  const flagNames = spec.flags ?? [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flagNames.includes(name)) {
      if (eq >= 0) {
        throw new InputError(
          `--${name}`,
          'takes no value',
          `write --${name} alone`,
        );
      }
      flags.add(name);
      continue;
    }
    if (valueNames.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++k];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) {
        throw new InputError(
          `--${name}`,
          'needs a value',
          `write --${name} VALUE`,
        );
      }
      if (spec.repeatable?.includes(name)) {
        lists.set(name, [...(lists.get(name) ?? []), value]);
        if (!values.has(name)) values.set(name, value);
        continue;
      }
      if (values.has(name)) {
        throw new InputError(
          `--${name}`,
          `given twice ("${values.get(name)}" and "${value}")`,
          'give it once',
        );
      }
      values.set(name, value);
      continue;
    }
    const known = [...valueNames, ...flagNames].map((n) => `--${n}`);
    throw new InputError(
      arg,
      `unknown option for "revelation ${command}"`,
      `options: ${known.join(', ')}${suggest(`--${name}`, known)}`,
    );
  }
  return { positional, values, flags, lists };
}

/** Reads a whole number option such as `--decimals 4`. */
export function intOption(
  args: ParsedArgs,
  name: string,
  low: number,
  high: number,
): number | undefined {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < low || n > high) {
    throw new InputError(
      `--${name}`,
      `"${text}" is not a whole number from ${low} to ${high}`,
      `for example --${name} ${Math.min(high, Math.max(low, 4))}`,
    );
  }
  return n;
}
