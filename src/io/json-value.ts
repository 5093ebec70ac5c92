/**
 * Reading an already-parsed JSON value while keeping track of where we are.
 *
 * Every reader in `io/` walks a JSON value and, at the first thing that is
 * wrong, throws an `InputError` whose `where` is the path of the bad value
 * in the file, written the way a user would point at it:
 * `payoffs.guilty[1][0]`, `players[0].actions[2]`,
 * `signal.independent.firm.good["good news"]`. Keys that are plain words
 * (letters, digits, `_`, `-`) follow a dot; other keys are quoted in
 * brackets.
 *
 * The helpers here are the shared vocabulary of those readers: expect an
 * object / array / string, check an object's field names (unknown fields
 * are rejected with a did-you-mean suggestion), check a list of names for
 * emptiness and repeats.
 */

import { InputError } from './input-error.js';

/** A JSON object (after `JSON.parse`). */
export type JsonObject = { readonly [key: string]: unknown };

/** The path of field `key` inside the value at `path`. */
export function keyPath(path: string, key: string): string {
  if (/^[A-Za-z_][\w-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** The path of entry `index` inside the array at `path`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** A short description of a JSON value for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    return `an array of ${value.length} entr${value.length === 1 ? 'y' : 'ies'}`;
  }
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  if (typeof value === 'string') return `the string ${shown}`;
  if (typeof value === 'boolean') return shown;
  return shown;
}

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or an InputError saying what was expected. */
export function expectObject(
  value: unknown,
  path: string,
  what: string,
): JsonObject {
  if (isObject(value)) return value;
  throw new InputError(path, `expected ${what}, found ${describe(value)}`);
}

/** The value as an array, or an InputError saying what was expected. */
export function expectArray(
  value: unknown,
  path: string,
  what: string,
): readonly unknown[] {
  if (Array.isArray(value)) return value;
  throw new InputError(path, `expected ${what}, found ${describe(value)}`);
}

/** The value as a non-empty string, or an InputError. */
export function expectName(value: unknown, path: string, what: string): string {
  if (typeof value !== 'string') {
    throw new InputError(
      path,
      `expected ${what} (a string), found ${describe(value)}`,
    );
  }
  if (value.trim() === '') {
    throw new InputError(path, `${what} is empty`, 'give it a non-empty name');
  }
  return value;
}

/**
 * Checks that an object's fields are among `known` and that every field in
 * `required` is present. An unknown field is reported with the list of
 * known ones and, when one is close, a did-you-mean suggestion.
 */
export function checkFields(
  object: JsonObject,
  path: string,
  known: readonly string[],
  required: readonly string[],
  what: string,
): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const guess = suggest(key, known);
    throw new InputError(
      keyPath(path, key),
      `unknown field ${JSON.stringify(key)} in ${what}` +
        (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
      `the known fields are ${known.map((k) => JSON.stringify(k)).join(', ')}`,
    );
  }
  for (const key of required) {
    if (!Object.hasOwn(object, key) || object[key] === undefined) {
      throw new InputError(
        path,
        `${what} has no field ${JSON.stringify(key)}`,
        `add "${key}"; the required fields are ${required
          .map((k) => JSON.stringify(k))
          .join(', ')}`,
      );
    }
  }
}

/**
 * Reads a list of names: a non-empty array of non-empty, distinct strings.
 * `what` names one entry ("state", "action of player judge").
 */
export function readNames(
  value: unknown,
  path: string,
  what: string,
): string[] {
  const list = expectArray(value, path, `an array of ${what} names`);
  if (list.length === 0) {
    throw new InputError(
      path,
      `the list of ${what} names is empty`,
      'give at least one',
    );
  }
  const names: string[] = [];
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const name = expectName(entry, indexPath(path, i), `a ${what} name`);
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InputError(
        indexPath(path, i),
        `duplicate ${what} name ${JSON.stringify(name)} (also at ${indexPath(path, first)})`,
        'every name in the list must be different',
      );
    }
    seen.set(name, i);
    names.push(name);
  });
  return names;
}

/**
 * The candidate closest to `word` when it is close enough to be a likely
 * typo (equal ignoring case, or within two edits counting a swap of
 * neighbouring letters as one), else null.
 */
export function suggest(
  word: string,
  candidates: readonly string[],
): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d =
      c.toLowerCase() === word.toLowerCase()
        ? 0
        : editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  return bestDistance <= limit ? best : null;
}

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions
 * and swaps of two neighbouring characters each cost 1.
 */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = [];
  for (let i = 0; i < rows; i++) {
    d.push(new Array<number>(cols).fill(0));
    d[i][0] = i;
  }
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** "a, b and c" with each name quoted. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => JSON.stringify(n));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * Reads a value given per name: either an object keyed by the names or an
 * array in the order of the names. Returns, for each name, its value and
 * path; a name the object omits gives `undefined` when `allowMissing`, else
 * an error. `what` names one entry ("state", "type") and `owner` qualifies
 * it in messages (` of player "firm"`).
 */
export function readPerName(
  value: unknown,
  path: string,
  names: readonly string[],
  what: string,
  options: { allowMissing?: boolean; owner?: string } = {},
): { value: unknown; path: string }[] {
  const owner = options.owner ?? '';
  const plural = `${what}s${owner}`;
  if (Array.isArray(value)) {
    if (value.length !== names.length) {
      throw new InputError(
        path,
        `the array has ${value.length} entr${value.length === 1 ? 'y' : 'ies'} ` +
          `but there ${names.length === 1 ? 'is' : 'are'} ${names.length} ` +
          `${names.length === 1 ? what + owner : plural} (${listNames(names)})`,
        `give one entry per ${what}, in that order, or an object keyed by ${what}`,
      );
    }
    return value.map((v, i) => ({ value: v, path: indexPath(path, i) }));
  }
  const object = expectObject(
    value,
    path,
    `an object keyed by ${what} (or an array in the order of the ${plural})`,
  );
  for (const key of Object.keys(object)) {
    if (names.includes(key)) continue;
    const guess = suggest(key, names);
    throw new InputError(
      keyPath(path, key),
      `${JSON.stringify(key)} is not one of the ${plural}` +
        (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
      `the ${plural} are ${listNames(names)}`,
    );
  }
  return names.map((name) => {
    // Own fields only: a state named "constructor" must not find
    // Object.prototype.constructor when the file leaves it out.
    const v = Object.hasOwn(object, name) ? object[name] : undefined;
    if (v === undefined && !options.allowMissing) {
      throw new InputError(
        path,
        `no entry for ${what} ${JSON.stringify(name)}`,
        `give an entry for every one of the ${plural}: ${listNames(names)}`,
      );
    }
    return { value: v, path: keyPath(path, name) };
  });
}

/**
 * The one form an object that must give exactly one of "independent" and
 * "joint" gives (a law of types, a prior): the object checked, and the
 * form's name. `what` names the object in messages ("the signal").
 */
export function readIndependentOrJoint(
  value: unknown,
  path: string,
  what: string,
  expected: string,
): { object: JsonObject; form: 'independent' | 'joint' } {
  const object = expectObject(value, path, expected);
  checkFields(object, path, ['independent', 'joint'], [], what);
  const forms = Object.keys(object);
  if (forms.length !== 1) {
    throw new InputError(
      path,
      forms.length === 0
        ? `${what} is empty`
        : `${what} gives both "independent" and "joint"`,
      'give exactly one of the two forms',
    );
  }
  return { object, form: forms[0] as 'independent' | 'joint' };
}
