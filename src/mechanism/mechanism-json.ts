/**
 * Reading a given mechanism: the `mechanism` field of a problem file, or a
 * file of its own passed with `--mechanism`, `{"allocation", "payments"}`.
 *
 * - `allocation`: "efficient", or the lottery q(· | t) at every type
 *   profile, each listed once, probabilities ≥ 0 summing to exactly 1; in
 *   an item problem a lottery may leave out "unsold", which then takes the
 *   remaining probability.
 * - `payments`: "vcg" or "second-price" (computed from the allocation; see
 *   rules.ts), or p_i(t) per profile, profiles and agents left out paying
 *   0.
 */

import { InputError } from '../io/input-error.js';
import {
  checkFields,
  expectArray,
  expectObject,
  indexPath,
  keyPath,
  readPerName,
  suggest,
} from '../io/json-value.js';
import { readNumber, readProbability } from '../io/numbers.js';
import { ONE, ZERO, sum, type Rational } from '../numbers/rational.js';
import { readProfile } from './json-helpers.js';
import {
  decodeTypes,
  typeProfileCount,
  type MechanismProblem,
} from './problem.js';
import { efficientRule, vcgPayments } from './rules.js';

/**
 * `mechanism`: {"allocation": "efficient" | [{"types", "lottery"}],
 * "payments": "vcg" | "second-price" | [{"types", "payments"}]}.
 */
export function readGivenMechanism(
  value: unknown,
  path: string,
  problem: MechanismProblem,
): Pick<MechanismProblem, 'rule' | 'payments'> {
  const object = expectObject(
    value,
    path,
    'a mechanism {"allocation", "payments"}',
  );
  checkFields(object, path, ['allocation', 'payments'], [], 'the mechanism');
  let rule: Rational[][] | null = null;
  let payments: Rational[][] | null = null;
  const count = typeProfileCount(problem);

  if (object.allocation !== undefined) {
    const at = keyPath(path, 'allocation');
    if (object.allocation === 'efficient') {
      rule = efficientRule(problem);
    } else if (typeof object.allocation === 'string') {
      const guess = suggest(object.allocation, ['efficient']);
      throw new InputError(
        at,
        `unknown allocation rule ${JSON.stringify(object.allocation)}` +
          (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
        'write "efficient" or a table [{"types": […], "lottery": {alternative: p}}]',
      );
    } else {
      rule = readAllocationTable(object.allocation, at, problem, count);
    }
  }
  if (object.payments !== undefined) {
    const at = keyPath(path, 'payments');
    if (object.payments === 'vcg' || object.payments === 'second-price') {
      if (!rule) {
        throw new InputError(
          at,
          `"${object.payments}" payments are computed from the allocation, and none is given`,
          'add "allocation": "efficient" (or a table) to the mechanism',
        );
      }
      if (object.payments === 'second-price' && !problem.item) {
        throw new InputError(
          at,
          '"second-price" needs a single-item problem',
          'use "vcg", its generalisation, or give an "item" problem',
        );
      }
      payments = vcgPayments(problem, rule);
    } else if (typeof object.payments === 'string') {
      const guess = suggest(object.payments, ['vcg', 'second-price']);
      throw new InputError(
        at,
        `unknown payment rule ${JSON.stringify(object.payments)}` +
          (guess ? `; did you mean ${JSON.stringify(guess)}?` : ''),
        'write "vcg", "second-price" or a table [{"types": […], "payments": {agent: amount}}]',
      );
    } else {
      payments = readPaymentTable(object.payments, at, problem, count);
    }
  }
  return { rule, payments };
}

function readAllocationTable(
  value: unknown,
  path: string,
  problem: MechanismProblem,
  count: number,
): Rational[][] {
  const list = expectArray(
    value,
    path,
    'an array of {"types": [t_1, …, t_n], "lottery": {alternative: p}}',
  );
  const rule: (Rational[] | null)[] = new Array(count).fill(null);
  list.forEach((entry, j) => {
    const at = indexPath(path, j);
    const object = expectObject(entry, at, 'an entry {"types", "lottery"}');
    checkFields(
      object,
      at,
      ['types', 'lottery'],
      ['types', 'lottery'],
      'an allocation entry',
    );
    const t = readProfile(object.types, keyPath(at, 'types'), problem.agents);
    if (rule[t]) {
      throw new InputError(
        at,
        'this type profile is listed twice',
        'list each type profile once',
      );
    }
    const lotteryPath = keyPath(at, 'lottery');
    const lottery = readPerName(
      object.lottery,
      lotteryPath,
      problem.alternatives,
      'alternative',
      { allowMissing: true },
    ).map((e) =>
      e.value === undefined ? null : readProbability(e.value, e.path),
    );
    const total = sum(lottery.map((p) => p ?? ZERO));
    const item = problem.item;
    if (item && lottery[item.unsold] === null && total.le(ONE)) {
      // The item stays unsold with the remaining probability.
      lottery[item.unsold] = ONE.sub(total);
    } else if (!total.equals(ONE)) {
      throw new InputError(
        lotteryPath,
        `the lottery's probabilities sum to ${total}, not 1`,
        'the probabilities of the alternatives must add up to exactly 1',
      );
    }
    rule[t] = lottery.map((p) => p ?? ZERO);
  });
  const missing = rule.findIndex((r) => r === null);
  if (missing >= 0) {
    const names = decodeTypes(problem, missing).map(
      (k, i) => problem.agents[i].types[k],
    );
    throw new InputError(
      path,
      `no lottery for the type profile [${names.map((x) => JSON.stringify(x)).join(', ')}]`,
      `list every type profile once (${count} in all)`,
    );
  }
  return rule as Rational[][];
}

function readPaymentTable(
  value: unknown,
  path: string,
  problem: MechanismProblem,
  count: number,
): Rational[][] {
  const list = expectArray(
    value,
    path,
    'an array of {"types": [t_1, …, t_n], "payments": {agent: amount}}',
  );
  const names = problem.agents.map((a) => a.name);
  const table = Array.from({ length: count }, () => names.map(() => ZERO));
  const seen = new Set<number>();
  list.forEach((entry, j) => {
    const at = indexPath(path, j);
    const object = expectObject(entry, at, 'an entry {"types", "payments"}');
    checkFields(
      object,
      at,
      ['types', 'payments'],
      ['types', 'payments'],
      'a payment entry',
    );
    const t = readProfile(object.types, keyPath(at, 'types'), problem.agents);
    if (seen.has(t)) {
      throw new InputError(
        at,
        'this type profile is listed twice',
        'list each type profile once',
      );
    }
    seen.add(t);
    table[t] = readPerName(
      object.payments,
      keyPath(at, 'payments'),
      names,
      'agent',
      {
        allowMissing: true,
      },
    ).map((e) => (e.value === undefined ? ZERO : readNumber(e.value, e.path)));
  });
  return table;
}
