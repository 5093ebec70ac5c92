// Shared by the io tests: where the shared reference material is, and a
// way to assert that a call throws an InputError.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { InputError } from '../src/io/input-error.js';

/** The repository root (tests run from dist/test/). */
export const root = fileURLToPath(new URL('../../', import.meta.url));
/** The shared acceptance cases. */
export const casesDir = join(root, '..', 'shared', 'cases');
/** The Gambit fixtures. */
export const gambitDir = join(root, '..', 'shared', 'fixtures', 'gambit');

/** Runs `f`, asserts it throws an InputError, and returns the error. */
export function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected an InputError, got ${e}`);
    return e;
  }
  assert.fail('expected an InputError, but nothing was thrown');
}
