import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNumber, readProbability } from '../src/io/numbers.js';
import { inputError } from './io-helpers.js';

test('reads every accepted number form exactly', () => {
  assert.equal(readNumber(3, 'x').toString(), '3');
  assert.equal(readNumber(-2, 'x').toString(), '-2');
  assert.equal(readNumber(0.55, 'x').toString(), '11/20');
  assert.equal(readNumber(0.1, 'x').toString(), '1/10');
  assert.equal(readNumber(1e-7, 'x').toString(), '1/10000000');
  assert.equal(readNumber('-2', 'x').toString(), '-2');
  assert.equal(readNumber('0.35', 'x').toString(), '7/20');
  assert.equal(readNumber('3/7', 'x').toString(), '3/7');
  assert.equal(readNumber(' 6/4 ', 'x').toString(), '3/2');
  assert.equal(readNumber('1e-3', 'x').toString(), '1/1000');
});

test('a zero denominator names the path and the value', () => {
  const e = inputError(() => readNumber('3/0', 'prior.guilty'));
  assert.equal(e.where, 'prior.guilty');
  assert.equal(
    e.message,
    'prior.guilty: the string "3/0" has denominator 0 ' +
      '(a fraction needs a nonzero denominator, e.g. "3/10")',
  );
});

test('anything else is refused with the accepted forms', () => {
  for (const bad of ['abc', '', '1/2/3', '0x10', true, null, [1], { n: 1 }]) {
    const e = inputError(() => readNumber(bad, 'payoffs.guilty[1][0]'));
    assert.equal(e.where, 'payoffs.guilty[1][0]');
    assert.match(e.message, /expected a number/);
    assert.match(e.message, /fraction "3\/7"/);
  }
  assert.equal(
    inputError(() => readNumber('abc', 'payoffs.innocent[0][0]')).message,
    'payoffs.innocent[0][0]: expected a number, found the string "abc" ' +
      '(write a JSON number such as 0.35, or a string holding an integer ' +
      '"-2", a decimal "0.35" or a fraction "3/7")',
  );
});

test('probabilities must not be negative', () => {
  assert.equal(readProbability('0', 'p').toString(), '0');
  const e = inputError(() => readProbability('-1/10', 'prior.guilty'));
  assert.equal(
    e.message,
    'prior.guilty: probability -1/10 is negative ' +
      '(probabilities must be 0 or more)',
  );
});
