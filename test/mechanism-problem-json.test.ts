/**
 * The mechanism problem reader: what a valid file becomes, and one pinned
 * message per kind of bad file (the three, and the others a user
 * is likely to write).
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../src/io/input-error.js';
import { parseMechanismJson } from '../src/mechanism/problem-json.js';

const base = {
  agents: [
    { name: 'alice', types: ['low', 'high'] },
    { name: 'bob', types: ['low', 'high'] },
  ],
  prior: 'uniform',
  item: { alice: [1, 2], bob: { low: 1, high: 2 } },
};

function fails(value: unknown, message: string) {
  assert.throws(
    () => parseMechanismJson(value, 'p.json'),
    (e: unknown) => e instanceof InputError && e.message === message,
  );
}

test('an item problem: alternatives, values, prior and defaults', () => {
  const p = parseMechanismJson(base);
  assert.deepEqual(p.alternatives, ['unsold', 'alice', 'bob']);
  assert.deepEqual(p.prior.map(String), ['1/4', '1/4', '1/4', '1/4']);
  // v_bob(bob gets it, (high, low)) = 1: profile index 2 = (high, low).
  assert.equal(p.values[1][2][2].toString(), '1');
  assert.equal(p.values[0][2][1].toString(), '2');
  assert.equal(p.privateValues, true);
  assert.deepEqual(
    [p.incentives, p.participation, p.budget, p.objective.name],
    ['bayesian', 'interim', 'none', 'revenue'],
  );
});

test('valuations, joint prior, outside options, a welfare objective and a lottery table', () => {
  const p = parseMechanismJson({
    name: 'public good',
    agents: [
      { name: 'a', types: ['l', 'h'], outside: { l: 0, h: '1/2' } },
      { name: 'b', types: ['l', 'h'] },
    ],
    prior: {
      joint: [
        { types: ['l', 'l'], p: '1/2' },
        { types: ['h', 'h'], p: '1/2' },
      ],
    },
    alternatives: ['build', 'skip'],
    valuations: {
      a: { l: { build: 1 }, h: { build: 3 } },
      b: [{ types: ['h', 'l'], values: { build: 5 } }],
    },
    objective: 'welfare',
    mechanism: {
      allocation: [
        { types: ['l', 'l'], lottery: { skip: 1 } },
        { types: ['l', 'h'], lottery: { build: '1/2', skip: '1/2' } },
        { types: ['h', 'l'], lottery: { build: 1 } },
        { types: ['h', 'h'], lottery: { build: 1 } },
      ],
      payments: [{ types: ['h', 'h'], payments: { a: 1 } }],
    },
  });
  assert.equal(p.independent, false);
  assert.equal(p.privateValues, false);
  assert.deepEqual(p.agents[0].outside.map(String), ['0', '1/2']);
  // Welfare weight c(build, (h, l)) = 3 + 5.
  assert.equal(p.objective.allocation[2][0].toString(), '8');
  assert.equal(p.rule?.[1][0].toString(), '1/2');
  assert.deepEqual(p.payments?.[3].map(String), ['1', '0']);
  assert.deepEqual(p.payments?.[0].map(String), ['0', '0']);
});

test('efficient allocation and second-price payments from their names', () => {
  const p = parseMechanismJson({
    ...base,
    mechanism: { allocation: 'efficient', payments: 'second-price' },
  });
  // At (high, high) the item is split; each pays 2 − 2·(1/2) = 1.
  assert.deepEqual(p.rule?.[3].map(String), ['0', '1/2', '1/2']);
  assert.deepEqual(p.payments?.[3].map(String), ['1', '1']);
  // At (high, low) alice wins and pays bob's value.
  assert.deepEqual(p.payments?.[2].map(String), ['1', '0']);
});

test('bad file: unknown agent', () => {
  fails(
    {
      ...base,
      prior: { independent: { alice: [0.5, 0.5], carol: [0.5, 0.5] } },
    },
    'p.json: prior.independent.carol: "carol" is not one of the agents ' +
      '(the agents are "alice" and "bob")',
  );
  fails(
    { ...base, item: { alice: [1, 2], bbo: [1, 2] } },
    'p.json: item.bbo: "bbo" is not one of the agents; did you mean "bob"? ' +
      '(the agents are "alice" and "bob")',
  );
});

test('bad file: a type law that does not sum to 1', () => {
  fails(
    {
      ...base,
      prior: {
        independent: { alice: ['1/2', '1/2'], bob: { low: 0.6, high: 0.3 } },
      },
    },
    'p.json: prior.independent.bob: the type law of agent "bob" sums to 9/10, ' +
      'not 1 (the probabilities of its types must add up to exactly 1)',
  );
  fails(
    { ...base, prior: { joint: [{ types: ['low', 'low'], p: '1/2' }] } },
    'p.json: prior.joint: the joint type law sums to 1/2, not 1 ' +
      '(the probabilities of the listed type profiles must add up to exactly 1)',
  );
});

test('bad file: an alternative named in a valuation that does not exist', () => {
  fails(
    {
      agents: [{ name: 'a', types: ['x'] }],
      prior: 'uniform',
      alternatives: ['build', 'skip'],
      valuations: { a: { x: { biuld: 1 } } },
    },
    'p.json: valuations.a.x.biuld: "biuld" is not one of the alternatives; ' +
      'did you mean "build"? (the alternatives are "build" and "skip")',
  );
});

test('bad files: other mistakes get their own located messages', () => {
  fails(
    { ...base, incentives: 'dominnant' },
    'p.json: incentives: expected "bayesian" or "dominant", found the string ' +
      '"dominnant"; did you mean "dominant"?',
  );
  fails(
    { ...base, valuations: {} },
    'p.json: the problem has both "valuations" and "item" (give "alternatives" ' +
      'with "valuations", or the single-item shorthand "item")',
  );
  fails(
    {
      ...base,
      prior: {
        joint: [
          { types: ['low', 'low'], p: '1/2' },
          { types: ['low', 'high'], p: '1/2' },
        ],
      },
    },
    'p.json: prior: type "high" of agent "alice" has probability 0 ' +
      '(remove the type, or give it positive probability)',
  );
  fails(
    {
      ...base,
      mechanism: {
        allocation: [{ types: ['low', 'lo'], lottery: { alice: 1 } }],
      },
    },
    'p.json: mechanism.allocation[0].types[1]: "lo" is not a type of agent ' +
      '"bob"; did you mean "low"? (the choices are "low" and "high")',
  );
  fails(
    {
      ...base,
      mechanism: {
        allocation: [{ types: ['low', 'low'], lottery: { alice: 1, bob: 1 } }],
      },
    },
    "p.json: mechanism.allocation[0].lottery: the lottery's probabilities sum " +
      'to 2, not 1 (the probabilities of the alternatives must add up to exactly 1)',
  );
  fails(
    { ...base, mechanism: { payments: 'vcg' } },
    'p.json: mechanism.payments: "vcg" payments are computed from the ' +
      'allocation, and none is given (add "allocation": "efficient" (or a ' +
      'table) to the mechanism)',
  );
  fails(
    {
      ...base,
      agents: [{ name: 'unsold', types: ['x'] }],
      item: { unsold: [1] },
    },
    'p.json: agents[0].name: an agent may not be called "unsold" in an item ' +
      'problem ("unsold" names the alternative where nobody gets the item; ' +
      'rename the agent)',
  );
});
