/**
 * Every `@example` in the TSDoc of the library runs as a test. An example
 * line of the form `EXPRESSION; // LITERAL` asserts that the expression
 * equals the literal, so the documented answers are checked, not just run.
 * Imports from 'revelation' are pointed at the compiled library.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const library = pathToFileURL(join(root, 'dist', 'src', 'index.js')).href;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The code of each ```ts block inside an @example tag of a doc comment. */
function examples(text: string): string[] {
  const found: string[] = [];
  for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = comment.split('\n').map((l) => l.replace(/^\s*\*( |$)/, ''));
    const body = lines.join('\n');
    const at = body.indexOf('@example');
    if (at < 0) continue;
    const block = /```ts\n([\s\S]*?)```/.exec(body.slice(at));
    if (block) found.push(block[1]);
  }
  return found;
}

/** Turns `expr; // literal` lines into assertions and fixes the import path. */
function runnable(code: string): string {
  const lines = code.split('\n').map((line) => {
    const m = /^(\s*)(.+?);\s*\/\/\s*(.+)$/.exec(line);
    if (!m) return line;
    return `${m[1]}__assert.deepStrictEqual(${m[2]}, ${m[3]});`;
  });
  return [
    "import __assert from 'node:assert/strict';",
    ...lines.map((l) => l.replace(/from 'revelation'/, `from '${library}'`)),
  ].join('\n');
}

const files = sourceFiles(join(root, 'src'));
const cases = files.flatMap((file) =>
  examples(readFileSync(file, 'utf8')).map((code, k) => ({ file, k, code })),
);

test('the library documents examples', () => {
  assert.ok(cases.length >= 2, `only ${cases.length} examples found`);
});

for (const { file, k, code } of cases) {
  const name = `${file.slice(root.length + 1)} example ${k + 1}`;
  test(name, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revelation-example-'));
    try {
      const path = join(dir, 'example.mjs');
      writeFileSync(path, runnable(code));
      await import(pathToFileURL(path).href);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
