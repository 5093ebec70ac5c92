import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rational, nearestRational } from '../src/numbers/rational.js';

test('parses decimals, fractions and exponents exactly', () => {
  assert.equal(Rational.parse('0.1')?.toString(), '1/10');
  assert.equal(Rational.parse('-3/6')?.toString(), '-1/2');
  assert.equal(Rational.parse('1.5e-3')?.toString(), '3/2000');
  assert.equal(Rational.parse('3/0'), null);
  assert.equal(Rational.parse('abc'), null);
  assert.equal(Rational.fromJsonNumber(0.55)?.toString(), '11/20');
});

test('nearestRational recovers small fractions from floats', () => {
  assert.equal(nearestRational(1 / 3)?.toString(), '1/3');
  assert.equal(nearestRational(0.6000000000000001)?.toString(), '3/5');
  assert.equal(nearestRational(-22 / 7)?.toString(), '-22/7');
});

test('toDecimal rounds half away from zero', () => {
  assert.equal(Rational.of(1n, 3n).toDecimal(4), '0.3333');
  assert.equal(Rational.of(-2n, 3n).toDecimal(2), '-0.67');
  assert.equal(Rational.of(1n, 8n).toDecimal(2), '0.13');
  assert.equal(Rational.of(-1n, 1000n).toDecimal(2), '0.00');
});
