/**
 * A bridge to lrs (Avis's reverse-search vertex enumerator, Debian package
 * `lrslib`), used as an independent referee in tests: writes a polyhedron
 * in lrs's H-representation, runs `lrs`, and reads the vertices back as
 * exact rationals.
 *
 * lrs reads rows (b, A) meaning b + A x ≥ 0, with the rows listed after
 * `linearity` meaning b + A x = 0; our constraints a·x ≥ b become rows
 * (−b, a).
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polyhedron } from '../../src/geometry/polyhedron.js';
import { Rational } from '../../src/numbers/rational.js';

/** Why lrs cannot be used here, or null when it can. */
export function lrsMissing(): string | null {
  const probe = spawnSync('lrs', [], { input: '', encoding: 'utf8' });
  if (probe.error) {
    return (
      'lrs is not installed (Debian package lrslib; `.ci/run` installs it): ' +
      probe.error.message
    );
  }
  return null;
}

/** The vertices of a bounded polyhedron according to lrs, as exact rationals. */
export function lrsVertices(P: Polyhedron): Rational[][] {
  const n = P.variables.length;
  const row = (a: readonly Rational[], b: Rational) =>
    [b.neg(), ...a].map(String).join(' ');
  const rows = [
    ...P.equalities.map((c) => row(c.a, c.b)),
    ...P.inequalities.map((c) => row(c.a, c.b)),
  ];
  const linearity =
    P.equalities.length > 0
      ? `linearity ${P.equalities.length} ${P.equalities.map((_, i) => i + 1).join(' ')}\n`
      : '';
  const text =
    'revelation\nH-representation\n' +
    linearity +
    `begin\n${rows.length} ${n + 1} rational\n${rows.join('\n')}\nend\n`;
  const dir = mkdtempSync(join(tmpdir(), 'revelation-lrs-'));
  try {
    const file = join(dir, 'polytope.ine');
    writeFileSync(file, text);
    const run = spawnSync('lrs', [file], { encoding: 'utf8' });
    if (run.error || run.status !== 0) {
      throw new Error(`lrs failed: ${run.error?.message ?? run.stderr}`);
    }
    return parseVRepresentation(run.stdout, n);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseVRepresentation(output: string, n: number): Rational[][] {
  const lines = output.split('\n').map((l) => l.trim());
  const begin = lines.indexOf('begin');
  const end = lines.indexOf('end', begin);
  if (begin < 0 || end < 0) throw new Error(`no V-representation:\n${output}`);
  const vertices: Rational[][] = [];
  for (const line of lines.slice(begin + 1, end)) {
    if (line === '' || line.startsWith('*')) continue;
    const fields = line.split(/\s+/);
    if (fields.length !== n + 1) continue;
    const numbers = fields.map((f) => Rational.parse(f));
    if (numbers.some((q) => q === null)) {
      throw new Error(`lrs printed "${line}"`);
    }
    if (!(numbers[0] as Rational).equals(Rational.int(1))) {
      throw new Error(`lrs found a ray, not a vertex: "${line}"`);
    }
    vertices.push(numbers.slice(1) as Rational[]);
  }
  return vertices;
}
