/**
 * Small readers shared by the mechanism problem and mechanism readers: a
 * type profile written as type names [t_1, …, t_n] becomes its flat index
 * (agent 1 most significant, as in problem.ts), and a name is looked up in
 * a list with a did-you-mean suggestion.
 */

import { InputError } from '../io/input-error.js';
import {
  describe,
  expectArray,
  expectName,
  indexPath,
  listNames,
  suggest,
} from '../io/json-value.js';
import type { Agent } from './problem.js';

/** A type profile [t_1, …, t_n] of type names → its flat index. */
export function readProfile(
  value: unknown,
  path: string,
  agents: readonly Agent[],
): number {
  const names = agents.map((a) => a.name);
  const n = agents.length;
  const expected =
    `an array of ${n} type name${n === 1 ? '' : 's'}, one per agent ` +
    `(${listNames(names)})`;
  const list = expectArray(value, path, expected);
  if (list.length !== n) {
    throw new InputError(path, `expected ${expected}, found ${describe(list)}`);
  }
  let t = 0;
  list.forEach((entry, i) => {
    const k = nameIn(
      entry,
      indexPath(path, i),
      agents[i].types,
      `a type of agent ${JSON.stringify(agents[i].name)}`,
    );
    t = t * agents[i].types.length + k;
  });
  return t;
}

/** The index of a name in `names`, or an InputError with a suggestion. */
export function nameIn(
  value: unknown,
  path: string,
  names: readonly string[],
  what: string,
): number {
  const name = expectName(value, path, what);
  const k = names.indexOf(name);
  if (k >= 0) return k;
  const guess = suggest(name, names);
  throw new InputError(
    path,
    `${JSON.stringify(name)} is not ${what}` +
      (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
    `the choices are ${listNames(names)}`,
  );
}

/** The stride of each agent's type in the flat profile index. */
export function stridesOf(agents: readonly Agent[]): number[] {
  const strides = new Array<number>(agents.length);
  let stride = 1;
  for (let i = agents.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= agents[i].types.length;
  }
  return strides;
}
