/**
 * HTML building blocks for the web page: escaping, exact numbers and
 * tables. Pure functions from values to HTML strings, so the page's
 * rendering can be tested in Node.js without a browser. No maths here:
 * numbers arrive as exact rationals from the library and are only shown,
 * as fractions or, on request, as rounded decimals (the CLI's --decimals).
 */

import type { Rational } from '../../src/numbers/rational.js';

/** How numbers are shown: exact fractions, or rounded to `decimals`. */
export interface Display {
  /** Decimal places, or undefined for exact fractions. */
  readonly decimals?: number;
}

/** Text made safe to place in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number as the user asked to see it (`-` for none), as plain text. */
export function showNumber(q: Rational | null, display: Display): string {
  if (q === null) return '-';
  return display.decimals === undefined
    ? q.toString()
    : q.toDecimal(display.decimals);
}

/** A cell of a table: text, or a number shown per `Display`. */
export type Cell = string | { readonly number: Rational | null };

/**
 * A table with a caption and a header row. Number cells are marked so the
 * style sheet can right-align them; every cell is escaped.
 */
export function htmlTable(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  display: Display,
): string {
  const head = header
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        '<tr>' +
        row
          .map((cell) =>
            typeof cell === 'string'
              ? `<td>${escapeHtml(cell)}</td>`
              : `<td class="num">${escapeHtml(showNumber(cell.number, display))}</td>`,
          )
          .join('') +
        '</tr>',
    )
    .join('\n');
  return (
    `<div class="table"><table>\n<caption>${escapeHtml(caption)}</caption>\n` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`
  );
}

/** A list of term–value pairs (status, value, …). */
export function facts(pairs: readonly (readonly [string, string])[]): string {
  const items = pairs
    .map(
      ([term, value]) =>
        `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`,
    )
    .join('\n');
  return `<dl class="facts">\n${items}\n</dl>`;
}

/** A heading of the answer. */
export function heading(text: string): string {
  return `<h3>${escapeHtml(text)}</h3>`;
}

/** A paragraph of plain text. */
export function paragraph(text: string, className?: string): string {
  const cls = className ? ` class="${escapeHtml(className)}"` : '';
  return `<p${cls}>${escapeHtml(text)}</p>`;
}

/** Shorthand for a number cell. */
export function num(q: Rational | null): Cell {
  return { number: q };
}
