/**
 * The JSON mechanism problem file → a validated `MechanismProblem`.
 *
 * Reads the agents and their finite type sets T_i, the prior ψ over type
 * profiles (independent or joint), the alternatives X and valuations
 * v_i(x, t) (or the single-item shorthand), the switches for incentives,
 * participation and budget, the objective, and optionally a given
 * mechanism (allocation rule q and payments p), in the format of
 * docs/mechanism-format.md. Everything is checked before anything else
 * sees it; the first problem is thrown as an `InputError` naming its path
 * (e.g. `prior.independent.alice`, `valuations.bob.high.sold`).
 *
 * Choices where a user could expect either (all documented):
 * - Every type must have positive marginal probability: a type that never
 *   occurs has no interim beliefs, and the Bayesian constraints would
 *   silently say nothing about it.
 * - In `valuations`, alternatives an agent's entry leaves out are worth 0
 *   to it; in the interdependent form, profiles left out are worth 0.
 * - With `item`, the alternatives are "unsold" and one per agent, named
 *   after the agent; an allocation lottery may leave out "unsold", which
 *   then takes the remaining probability.
 * - A payment table may leave out profiles and agents: they pay 0. An
 *   allocation table must list every type profile, once.
 */

import { basename, extname } from 'node:path';
import { InputError, locatedInFile } from '../io/input-error.js';
import { readJsonFile } from '../io/json-text.js';
import {
  checkFields,
  describe,
  expectArray,
  expectName,
  expectObject,
  indexPath,
  isObject,
  keyPath,
  readNames,
  readIndependentOrJoint,
  readPerName,
  suggest,
  type JsonObject,
} from '../io/json-value.js';
import { readNumber, readProbability } from '../io/numbers.js';
import { ONE, Rational, ZERO, sum } from '../numbers/rational.js';
import type {
  Agent,
  Budget,
  Incentives,
  ItemStructure,
  MechanismObjective,
  MechanismProblem,
  Participation,
} from './problem.js';
import { readProfile, stridesOf } from './json-helpers.js';
import { readGivenMechanism } from './mechanism-json.js';

/** The top-level fields of a mechanism problem file. */
export const PROBLEM_FIELDS: readonly string[] = [
  'name',
  'agents',
  'prior',
  'alternatives',
  'valuations',
  'item',
  'incentives',
  'participation',
  'budget',
  'objective',
  'sense',
  'mechanism',
];

/** The name of the alternative "nobody gets the item" in item problems. */
export const UNSOLD = 'unsold';

/**
 * Validates a parsed JSON mechanism problem and builds the
 * `MechanismProblem`; throws an `InputError` at the first problem, located
 * by its path (and the file name, when given).
 */
export function parseMechanismJson(
  value: unknown,
  file?: string,
): MechanismProblem {
  return locatedInFile(file, () => readProblem(value, file));
}

/** Reads and validates a mechanism problem file (JSON). */
export function readMechanismFile(path: string): MechanismProblem {
  return parseMechanismJson(readJsonFile(path), path);
}

/**
 * Reads a mechanism given in its own file, `{"allocation", "payments"}` as
 * in the problem file's `mechanism` field, and returns the problem with
 * that mechanism in place of the file's own.
 */
export function readMechanismInto(
  problem: MechanismProblem,
  path: string,
): MechanismProblem {
  const value = readJsonFile(path);
  return locatedInFile(path, () => ({
    ...problem,
    ...readGivenMechanism(value, '', problem),
  }));
}

function readProblem(
  value: unknown,
  file: string | undefined,
): MechanismProblem {
  const top = expectObject(value, '', 'a mechanism problem: a JSON object');
  checkFields(top, '', PROBLEM_FIELDS, ['agents', 'prior'], 'the problem');
  let name = file === undefined ? '' : basename(file, extname(file));
  if (top.name !== undefined) {
    if (typeof top.name !== 'string') {
      throw new InputError(
        'name',
        `expected a string, found ${describe(top.name)}`,
      );
    }
    name = top.name;
  }

  const agents0 = readAgents(top.agents);
  const { prior, marginals, independent } = readPrior(top.prior, agents0);

  // Alternatives and values: exactly one of `valuations` and `item`.
  if ((top.valuations === undefined) === (top.item === undefined)) {
    throw new InputError(
      '',
      top.item === undefined
        ? 'the problem has neither "valuations" nor "item"'
        : 'the problem has both "valuations" and "item"',
      'give "alternatives" with "valuations", or the single-item shorthand "item"',
    );
  }
  let alternatives: string[];
  let values: Rational[][][];
  let item: ItemStructure | null = null;
  if (top.item !== undefined) {
    if (top.alternatives !== undefined) {
      throw new InputError(
        'alternatives',
        'an item problem names its alternatives itself',
        `remove "alternatives": with "item" they are "${UNSOLD}" and one per agent`,
      );
    }
    const read = readItem(top.item, agents0);
    alternatives = read.alternatives;
    values = read.values;
    item = read.item;
  } else {
    if (top.alternatives === undefined) {
      throw new InputError(
        '',
        'the problem has "valuations" but no "alternatives"',
        'add "alternatives": [names of the outcomes the mechanism can choose]',
      );
    }
    alternatives = readNames(top.alternatives, 'alternatives', 'alternative');
    values = readValuations(top.valuations, agents0, alternatives);
  }

  const incentives =
    readWord<Incentives>(top.incentives, 'incentives', [
      'bayesian',
      'dominant',
    ]) ?? 'bayesian';
  const participation =
    readWord<Participation>(top.participation, 'participation', [
      'interim',
      'ex-post',
      'none',
    ]) ?? 'interim';
  const budget =
    readWord<Budget>(top.budget, 'budget', [
      'none',
      'ex-ante',
      'ex-post',
      'balanced',
    ]) ?? 'none';
  const sense =
    readWord<'maximize' | 'minimize'>(top.sense, 'sense', [
      'maximize',
      'minimize',
    ]) ?? 'maximize';

  const base: MechanismProblem = {
    name,
    agents: agents0,
    alternatives,
    prior,
    independent,
    marginals,
    values,
    privateValues: isPrivate(agents0, values),
    item,
    incentives,
    participation,
    budget,
    objective: { name: 'revenue', sense, allocation: [], payments: [] },
    rule: null,
    payments: null,
  };
  const problem: MechanismProblem = {
    ...base,
    objective: readObjective(top.objective, base, sense),
  };
  if (top.mechanism === undefined) return problem;
  return {
    ...problem,
    ...readGivenMechanism(top.mechanism, 'mechanism', problem),
  };
}

/** Agents: `[{"name", "types", "outside"?}]`. */
function readAgents(value: unknown): Agent[] {
  const list = expectArray(
    value,
    'agents',
    'an array of agents {"name", "types"}',
  );
  if (list.length === 0) {
    throw new InputError('agents', 'there are no agents', 'give at least one');
  }
  const agents = list.map((entry, i) => {
    const path = indexPath('agents', i);
    const object = expectObject(entry, path, 'an agent {"name", "types"}');
    checkFields(
      object,
      path,
      ['name', 'types', 'outside'],
      ['name', 'types'],
      'an agent',
    );
    const name = expectName(
      object.name,
      keyPath(path, 'name'),
      'an agent name',
    );
    const types = readNames(object.types, keyPath(path, 'types'), 'type');
    let outside = types.map(() => ZERO);
    if (object.outside !== undefined) {
      const at = keyPath(path, 'outside');
      outside =
        typeof object.outside === 'number' || typeof object.outside === 'string'
          ? types.map(() => readNumber(object.outside, at))
          : readPerName(object.outside, at, types, 'type', {
              owner: ` of agent ${JSON.stringify(name)}`,
            }).map((e) => readNumber(e.value, e.path));
    }
    return { name, types, outside };
  });
  agents.forEach((agent, i) => {
    for (let j = 0; j < i; j++) {
      if (agents[j].name === agent.name) {
        throw new InputError(
          keyPath(indexPath('agents', i), 'name'),
          `duplicate agent name ${JSON.stringify(agent.name)} (also agents[${j}])`,
          'every agent needs a different name',
        );
      }
    }
  });
  const count = agents.reduce((c, a) => c * a.types.length, 1);
  if (count > 100_000) {
    throw new InputError(
      'agents',
      `${count} type profiles are too many for a direct-mechanism LP`,
      'use fewer agents or fewer types (at most 100000 profiles)',
    );
  }
  return agents;
}

/** ψ: "uniform", {"independent": {agent: {type: p}}} or {"joint": [...]}. */
function readPrior(
  value: unknown,
  agents: readonly Agent[],
): { prior: Rational[]; marginals: Rational[][]; independent: boolean } {
  const count = agents.reduce((c, a) => c * a.types.length, 1);
  const names = agents.map((a) => a.name);
  let laws: Rational[][] | null = null;
  let prior: Rational[];

  if (value === 'uniform') {
    laws = agents.map((a) => a.types.map(() => Rational.of(1, a.types.length)));
  } else {
    const { object } = readIndependentOrJoint(
      value,
      'prior',
      'the prior',
      '"uniform", {"independent": …} or {"joint": …}',
    );
    if (object.independent !== undefined) {
      const path = 'prior.independent';
      laws = readPerName(object.independent, path, names, 'agent').map(
        (entry, i) => {
          const owner = ` of agent ${JSON.stringify(names[i])}`;
          const law = readPerName(
            entry.value,
            entry.path,
            agents[i].types,
            'type',
            {
              owner,
            },
          ).map((t) => readProbability(t.value, t.path));
          const total = sum(law);
          if (!total.equals(ONE)) {
            throw new InputError(
              entry.path,
              `the type law of agent ${JSON.stringify(names[i])} sums to ${total}, not 1`,
              'the probabilities of its types must add up to exactly 1',
            );
          }
          return law;
        },
      );
    }
  }

  if (laws) {
    // The product law ψ(t) = Π_i ψ_i(t_i), in flat profile order.
    prior = [];
    for (let t = 0; t < count; t++) {
      let p = ONE;
      let rest = t;
      for (let i = agents.length - 1; i >= 0; i--) {
        const k = agents[i].types.length;
        p = p.mul(laws[i][rest % k]);
        rest = Math.floor(rest / k);
      }
      prior.push(p);
    }
  } else {
    prior = readJointPrior(
      (value as JsonObject).joint,
      'prior.joint',
      agents,
      count,
    );
  }

  // Marginals, each positive.
  const marginals = agents.map((a) => a.types.map(() => ZERO));
  prior.forEach((p, t) => {
    let rest = t;
    for (let i = agents.length - 1; i >= 0; i--) {
      const k = agents[i].types.length;
      marginals[i][rest % k] = marginals[i][rest % k].add(p);
      rest = Math.floor(rest / k);
    }
  });
  marginals.forEach((m, i) =>
    m.forEach((p, k) => {
      if (p.isZero()) {
        throw new InputError(
          'prior',
          `type ${JSON.stringify(agents[i].types[k])} of agent ` +
            `${JSON.stringify(agents[i].name)} has probability 0`,
          'remove the type, or give it positive probability',
        );
      }
    }),
  );
  return { prior, marginals, independent: laws !== null };
}

function readJointPrior(
  value: unknown,
  path: string,
  agents: readonly Agent[],
  count: number,
): Rational[] {
  const list = expectArray(
    value,
    path,
    'an array of {"types": [t_1, …, t_n], "p": probability}',
  );
  const prior = new Array<Rational>(count).fill(ZERO);
  const seen = new Map<number, number>();
  list.forEach((entry, j) => {
    const at = indexPath(path, j);
    const object = expectObject(entry, at, 'an entry {"types", "p"}');
    checkFields(object, at, ['types', 'p'], ['types', 'p'], 'a prior entry');
    const t = readProfile(object.types, keyPath(at, 'types'), agents);
    const first = seen.get(t);
    if (first !== undefined) {
      throw new InputError(
        at,
        'this type profile is listed twice ' +
          `(also ${indexPath(path, first)})`,
        'list each type profile once',
      );
    }
    seen.set(t, j);
    prior[t] = readProbability(object.p, keyPath(at, 'p'));
  });
  const total = sum(prior);
  if (!total.equals(ONE)) {
    throw new InputError(
      path,
      `the joint type law sums to ${total}, not 1`,
      'the probabilities of the listed type profiles must add up to exactly 1',
    );
  }
  return prior;
}

/**
 * `valuations`: per agent, either an object keyed by its own types of
 * `{alternative: value}` (private values), or an array of
 * `{"types": [t_1, …, t_n], "values": {alternative: value}}`.
 */
function readValuations(
  value: unknown,
  agents: readonly Agent[],
  alternatives: readonly string[],
): Rational[][][] {
  const count = agents.reduce((c, a) => c * a.types.length, 1);
  const strides = stridesOf(agents);
  const names = agents.map((a) => a.name);
  const byAlternative = (v: unknown, path: string): Rational[] =>
    readPerName(v, path, alternatives, 'alternative', {
      allowMissing: true,
    }).map((e) => (e.value === undefined ? ZERO : readNumber(e.value, e.path)));

  return readPerName(value, 'valuations', names, 'agent').map((entry, i) => {
    const agent = agents[i];
    const zero = () => alternatives.map(() => ZERO);
    if (Array.isArray(entry.value)) {
      const table: Rational[][] = Array.from({ length: count }, zero);
      forEachProfileEntry(
        entry.value,
        entry.path,
        agents,
        'values',
        'a valuation entry',
        (t, values, at) => (table[t] = byAlternative(values, at)),
      );
      return table;
    }
    if (!isObject(entry.value)) {
      throw new InputError(
        entry.path,
        `expected an object keyed by the types of agent ${JSON.stringify(agent.name)}, ` +
          `found ${describe(entry.value)}`,
        'write {type: {alternative: value}} for private values, or an array of ' +
          '{"types", "values"} entries for values that depend on others\' types',
      );
    }
    const own = readPerName(entry.value, entry.path, agent.types, 'type', {
      owner: ` of agent ${JSON.stringify(agent.name)}`,
    }).map((e) => byAlternative(e.value, e.path));
    return Array.from(
      { length: count },
      (_, t) => own[Math.floor(t / strides[i]) % agent.types.length],
    );
  });
}

/**
 * The entries `{"types": [t_1, …, t_n], FIELD: …}` of a list of values
 * that depend on others' types, each type profile at most once: `read` is
 * given the flat type-profile index, the entry's FIELD and its path.
 * `what` names an entry in errors ("a valuation entry").
 */
function forEachProfileEntry(
  list: readonly unknown[],
  path: string,
  agents: readonly Agent[],
  field: 'values' | 'value',
  what: string,
  read: (t: number, value: unknown, at: string) => void,
): void {
  const seen = new Map<number, number>();
  list.forEach((row, j) => {
    const at = indexPath(path, j);
    const object = expectObject(row, at, `an entry {"types", "${field}"}`);
    checkFields(object, at, ['types', field], ['types', field], what);
    const t = readProfile(object.types, keyPath(at, 'types'), agents);
    if (seen.has(t)) {
      throw new InputError(
        at,
        `this type profile is listed twice (also ${indexPath(path, seen.get(t) as number)})`,
        'list each type profile once',
      );
    }
    seen.set(t, j);
    read(t, object[field], keyPath(at, field));
  });
}

/**
 * `item`: per agent, its value for the item by own type (an object keyed
 * by type, or an array in type order), or an array of
 * `{"types": [t_1, …, t_n], "value": v}` for interdependent values.
 */
function readItem(
  value: unknown,
  agents: readonly Agent[],
): { alternatives: string[]; values: Rational[][][]; item: ItemStructure } {
  const names = agents.map((a) => a.name);
  names.forEach((name, i) => {
    if (name === UNSOLD) {
      throw new InputError(
        keyPath(indexPath('agents', i), 'name'),
        `an agent may not be called "${UNSOLD}" in an item problem`,
        `"${UNSOLD}" names the alternative where nobody gets the item; rename the agent`,
      );
    }
  });
  const alternatives = [UNSOLD, ...names];
  const count = agents.reduce((c, a) => c * a.types.length, 1);
  const strides = stridesOf(agents);
  const values = readPerName(value, 'item', names, 'agent').map((entry, i) => {
    const agent = agents[i];
    const table = Array.from({ length: count }, () =>
      alternatives.map(() => ZERO),
    );
    const list = entry.value;
    if (Array.isArray(list) && list.length > 0 && isObject(list[0])) {
      forEachProfileEntry(
        list,
        entry.path,
        agents,
        'value',
        'an item value entry',
        (t, v, at) => (table[t][i + 1] = readNumber(v, at)),
      );
      return table;
    }
    const own = readPerName(list, entry.path, agent.types, 'type', {
      owner: ` of agent ${JSON.stringify(agent.name)}`,
    }).map((e) => readNumber(e.value, e.path));
    table.forEach((row, t) => {
      row[i + 1] = own[Math.floor(t / strides[i]) % agent.types.length];
    });
    return table;
  });
  return {
    alternatives,
    values,
    item: { unsold: 0, alternativeOf: names.map((_, i) => i + 1) },
  };
}

/** Whether every v_i(x, t) depends on t only through t_i. */
function isPrivate(agents: readonly Agent[], values: Rational[][][]): boolean {
  const strides = stridesOf(agents);
  return values.every((table, i) => {
    const k = agents[i].types.length;
    const first = new Map<number, Rational[]>();
    return table.every((row, t) => {
      const own = Math.floor(t / strides[i]) % k;
      const seen = first.get(own);
      if (!seen) {
        first.set(own, row);
        return true;
      }
      return row.every((v, x) => v.equals(seen[x]));
    });
  });
}

/** An optional word from a fixed list. */
function readWord<T extends string>(
  value: unknown,
  path: string,
  words: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value === 'string' &&
    (words as readonly string[]).includes(value)
  ) {
    return value as T;
  }
  const guess = typeof value === 'string' ? suggest(value, words) : null;
  throw new InputError(
    path,
    `expected ${words.map((w) => JSON.stringify(w)).join(' or ')}, ` +
      `found ${describe(value)}` +
      (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
  );
}

/**
 * The objective: "revenue", "welfare", or an object giving weights
 * {"revenue", "welfare", "payments": {agent: w}, "alternatives": {x: w}}.
 */
function readObjective(
  value: unknown,
  problem: MechanismProblem,
  sense: 'maximize' | 'minimize',
): MechanismObjective {
  const count = problem.prior.length;
  const n = problem.agents.length;
  const m = problem.alternatives.length;
  let revenue = ZERO;
  let welfare = ZERO;
  let payments = problem.agents.map(() => ZERO);
  let perAlternative = problem.alternatives.map(() => ZERO);
  let name: string;

  if (value === undefined || value === 'revenue') {
    revenue = ONE;
    name = 'revenue';
  } else if (value === 'welfare') {
    welfare = ONE;
    name = 'welfare';
  } else if (isObject(value)) {
    const fields = ['revenue', 'welfare', 'payments', 'alternatives'];
    checkFields(value, 'objective', fields, [], 'the objective');
    if (value.revenue !== undefined) {
      revenue = readNumber(value.revenue, 'objective.revenue');
    }
    if (value.welfare !== undefined) {
      welfare = readNumber(value.welfare, 'objective.welfare');
    }
    if (value.payments !== undefined) {
      payments = readPerName(
        value.payments,
        'objective.payments',
        problem.agents.map((a) => a.name),
        'agent',
        { allowMissing: true },
      ).map((e) =>
        e.value === undefined ? ZERO : readNumber(e.value, e.path),
      );
    }
    if (value.alternatives !== undefined) {
      perAlternative = readPerName(
        value.alternatives,
        'objective.alternatives',
        problem.alternatives,
        'alternative',
        { allowMissing: true },
      ).map((e) =>
        e.value === undefined ? ZERO : readNumber(e.value, e.path),
      );
    }
    name = 'custom';
  } else {
    const guess =
      typeof value === 'string' ? suggest(value, ['revenue', 'welfare']) : null;
    throw new InputError(
      'objective',
      `expected "revenue", "welfare" or an object of weights, found ${describe(value)}` +
        (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
      'weights: {"revenue": w, "welfare": w, "payments": {agent: w}, "alternatives": {alternative: w}}',
    );
  }

  const allocation: Rational[][] = [];
  for (let t = 0; t < count; t++) {
    const row: Rational[] = [];
    for (let x = 0; x < m; x++) {
      let c = perAlternative[x];
      if (!welfare.isZero()) {
        let total = ZERO;
        for (let i = 0; i < n; i++) total = total.add(problem.values[i][t][x]);
        c = c.add(welfare.mul(total));
      }
      row.push(c);
    }
    allocation.push(row);
  }
  return {
    name,
    sense,
    allocation,
    payments: payments.map((d) => d.add(revenue)),
  };
}
