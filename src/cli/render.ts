/**
 * Text rendering for the command-line program: aligned tables and numbers
 * shown exactly (fractions) or, with `--decimals N`, as rounded decimals.
 * JSON output never rounds: it carries exact rational strings.
 */

import type { Rational } from '../numbers/rational.js';

/** How numbers are shown in text output. */
export interface Display {
  /** Decimal places, or undefined for exact fractions. */
  readonly decimals?: number;
}

/** A number as the user asked to see it. */
export function show(q: Rational | null, display: Display): string {
  if (q === null) return '-';
  return display.decimals === undefined
    ? q.toString()
    : q.toDecimal(display.decimals);
}

/** An aligned table with a header row, indented by two spaces. */
export function table(
  header: readonly string[],
  rows: readonly string[][],
): string {
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)),
  );
  const line = (r: readonly string[]) =>
    '  ' +
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** JSON text of a result: rationals become exact strings via toJSON. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
