/**
 * The web page's answers: library result objects → HTML strings, showing
 * what the CLI's text output shows (src/cli/commands/bce.ts, check.ts and
 * persuade.ts): status, the exact value and how it was certified, the
 * outcome π(θ, t, a), the information structure π̂(a | θ, t) with the
 * posterior µ(θ | t_i, a_i) each recommendation induces, binding obedience
 * constraints with their dual prices, and the dual prices of the prior.
 * Pure functions of plain data; no maths.
 */

import type { BceRange, BceResult } from '../../src/bce/bce.js';
import type { CheckFailure, CheckResult } from '../../src/bce/check.js';
import type { InformationStructure } from '../../src/bce/information-structure.js';
import type { BaseGame } from '../../src/game/game.js';
import { InputError } from '../../src/io/input-error.js';
import {
  escapeHtml,
  facts,
  heading,
  htmlTable,
  num,
  paragraph,
  showNumber,
  type Cell,
  type Display,
} from './html.js';

export { renderPersuasion } from './render-persuasion.js';

function title(game: BaseGame, what: string): string {
  return `<h2>${escapeHtml(`${game.name ? `${game.name}: ` : ''}${what}`)}</h2>`;
}

/** How an answer was certified, in the CLI's words. */
export function certification(r: BceResult): string {
  return r.certificate.exact
    ? `exact, certified by ${r.certificate.method}`
    : `FLOAT, not certified (${r.certificate.method})`;
}

/** The answer to "best or worst BCE for an objective". */
export function renderBce(
  game: BaseGame,
  r: BceResult,
  display: Display,
): string {
  const best = r.sense === 'maximize' ? 'best' : 'worst';
  return [
    title(game, `${best} BCE for ${r.objective}`),
    bceBody(game, r, display),
  ].join('\n');
}

/** The answer to "range of an objective over all BCE". */
export function renderRange(
  game: BaseGame,
  range: BceRange,
  display: Display,
): string {
  const interval = `[${showNumber(range.min, display)}, ${showNumber(range.max, display)}]`;
  return [
    title(game, `range of ${range.objective} over all BCE`),
    facts([
      ['status', range.status],
      ['range', interval],
    ]),
    '<section class="part">',
    heading('Minimum'),
    bceBody(game, range.minimum, display),
    '</section>',
    '<section class="part">',
    heading('Maximum'),
    bceBody(game, range.maximum, display),
    '</section>',
  ].join('\n');
}

function bceBody(game: BaseGame, r: BceResult, display: Display): string {
  const parts: string[] = [];
  if (r.value === null) {
    parts.push(
      facts([
        ['status', r.status],
        ['certificate', certification(r)],
      ]),
    );
    for (const note of r.certificate.notes)
      parts.push(paragraph(`note: ${note}`));
    return parts.join('\n');
  }
  parts.push(
    facts([
      ['status', r.status],
      ['value', showNumber(r.value, display)],
      ['certificate', certification(r)],
      [
        'outcome re-checked exactly',
        r.certificate.outcomeVerified ? 'yes' : 'no',
      ],
    ]),
  );
  const typed = game.hasTypes;
  const players = game.players.map((p) => p.name);
  parts.push(
    htmlTable(
      typed ? 'Outcome π(θ, t, a)' : 'Outcome π(θ, a)',
      ['state', ...(typed ? ['types'] : []), ...players, 'p'],
      r.outcome.map((c) => [
        c.state,
        ...(typed ? [(c.types ?? []).join(',')] : []),
        ...c.actions,
        num(c.p),
      ]),
      display,
    ),
  );
  if (r.informationStructure) {
    parts.push(
      renderInformationStructure(game, r.informationStructure, display),
    );
  }
  parts.push(
    r.binding.length === 0
      ? paragraph('Binding obedience constraints: none')
      : htmlTable(
          'Binding obedience constraints (with dual prices)',
          ['player', ...(typed ? ['type'] : []), 'told', 'tempted by', 'price'],
          r.binding.map((b) => [
            b.player,
            ...(typed ? [b.type ?? ''] : []),
            b.recommended,
            b.deviation,
            num(b.price),
          ]),
          display,
        ),
  );
  if (r.duals) {
    parts.push(
      htmlTable(
        'Dual prices of the prior (value of mass in each state)',
        ['state', ...(typed ? ['types'] : []), 'price'],
        r.duals.martingale.map((m) => [
          m.state,
          ...(typed ? [(m.types ?? []).join(',')] : []),
          num(m.price),
        ]),
        display,
      ),
    );
  }
  parts.push(
    paragraph(
      `LP: ${r.size.variables} variables, ${r.size.rows} rows, ` +
        `${r.size.nonzeros} nonzeros.`,
      'small',
    ),
  );
  for (const note of r.certificate.notes)
    parts.push(paragraph(`note: ${note}`));
  return parts.join('\n');
}

/** The recommendation kernel and the posterior of each recommendation. */
export function renderInformationStructure(
  game: BaseGame,
  s: InformationStructure,
  display: Display,
): string {
  const typed = game.hasTypes;
  return [
    htmlTable(
      typed
        ? 'Information structure: recommend a with probability π̂(a | θ, t)'
        : 'Information structure: recommend a with probability π̂(a | θ)',
      ['state', ...(typed ? ['types'] : []), 'recommendation', 'π̂'],
      s.kernel.map((e) => [
        e.state,
        ...(typed ? [(e.types ?? []).join(',')] : []),
        e.recommendation.join(','),
        num(e.p),
      ]),
      display,
    ),
    htmlTable(
      'What each recommendation tells its receiver (posterior over states)',
      [
        'player',
        ...(typed ? ['type'] : []),
        'told',
        'probability',
        ...game.states.map((x) => `µ(${x})`),
      ],
      s.recommendations.map((r) => [
        r.player,
        ...(typed ? [r.type ?? ''] : []),
        r.action,
        num(r.probability),
        ...r.posterior.map((q) => num(q.p)),
      ]),
      display,
    ),
  ].join('\n');
}

/** The answer to "is this outcome a BCE?". */
export function renderCheck(
  game: BaseGame,
  result: CheckResult,
  display: Display,
): string {
  const parts = [
    title(game, 'is the outcome a BCE?'),
    paragraph(
      `${result.consistent ? 'yes: consistent' : 'no: not consistent'} ` +
        '(decided in exact arithmetic)',
      result.consistent ? 'verdict yes' : 'verdict no',
    ),
  ];
  if (!result.consistent) {
    parts.push(
      htmlTable(
        'Failed conditions',
        ['condition', 'where', 'shortfall'],
        result.failures.map((f) => failureRow(f, display)),
        display,
      ),
    );
  }
  if (result.informationStructure) {
    parts.push(
      renderInformationStructure(game, result.informationStructure, display),
    );
  }
  return parts.join('\n');
}

function failureRow(f: CheckFailure, display: Display): Cell[] {
  const show = (q: Parameters<typeof showNumber>[0]) => showNumber(q, display);
  const types = (t: readonly string[] | undefined) =>
    t ? ` types ${t.join(',')}` : '';
  switch (f.kind) {
    case 'martingale':
      return [
        'prior',
        `state ${f.state}${types(f.types)}`,
        `mass ${show(f.actual)}, prior requires ${show(f.required)}`,
      ];
    case 'obedience':
      return [
        'obedience',
        `${f.player}${f.type !== undefined ? ` (type ${f.type})` : ''} told ${f.recommended}`,
        `gains ${show(f.shortfall)} by playing ${f.deviation} instead`,
      ];
    case 'unavailable':
      return [
        'action',
        `state ${f.state}${types(f.types)}`,
        `mass ${show(f.p)} on ${f.actions.join(',')}, which the type cannot play`,
      ];
  }
}

/**
 * An error as the page shows it: an `InputError` as its one-line message
 * (where, what, how to fix), anything else as a one-line internal error,
 * never a stack trace.
 */
export function renderError(error: unknown): string {
  if (error instanceof InputError) {
    return (
      '<div class="error" role="alert">' +
      `<strong>Input error.</strong> ${escapeHtml(error.message)}</div>`
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    '<div class="error" role="alert"><strong>Internal error</strong> ' +
    '(a fault in revelation, not in your input; please report it with the ' +
    `game): ${escapeHtml(message.split('\n')[0])}</div>`
  );
}
