/**
 * The web page's answer to `persuade`: Bayesian persuasion by beliefs
 * (Kamenica and Gentzkow 2011), as the CLI shows it
 * (src/cli/commands/persuade.ts): the value V̂(µ0) and which routes agree,
 * the optimal posteriors µ_s with weights τ(s) and the receivers' actions,
 * the signal π̂(s | θ), a signal within ε when the supremum is not
 * attained, and for two states the value function V and its envelope.
 * Pure functions of plain data; no maths.
 */

import type { BaseGame } from '../../src/game/game.js';
import type { PersuasionResult } from '../../src/persuasion/persuade.js';
import {
  escapeHtml,
  facts,
  htmlTable,
  num,
  paragraph,
  showNumber,
  type Cell,
  type Display,
} from './html.js';

/** The answer of `persuade` as HTML. */
export function renderPersuasion(
  game: BaseGame,
  r: PersuasionResult,
  display: Display,
): string {
  const verb = r.sense === 'maximize' ? 'max' : 'min';
  const parts = [
    `<h2>${escapeHtml(
      `${game.name ? `${game.name}: ` : ''}persuasion by beliefs, ` +
        `${verb} ${r.objective}${r.public ? ', public signal' : ''} ` +
        `(tie rule: ${r.tie})`,
    )}</h2>`,
  ];
  if (r.value === null) {
    parts.push(facts([['status', r.status]]));
    for (const note of r.notes) parts.push(paragraph(`note: ${note}`));
    return parts.join('\n');
  }
  const c = r.crossCheck;
  const witnesses = [
    c.beliefs !== null ? 'beliefs' : null,
    `recommendations (${c.method === 'bce' ? 'BCE' : 'recommendation LP'})`,
    c.envelope !== null ? 'two-state envelope' : null,
  ].filter((w) => w !== null);
  const pairs: [string, string][] = [
    ['status', r.status],
    ['value', showNumber(r.value, display)],
    [
      'certificate',
      `exact; ${witnesses.length > 1 ? witnesses.join(' = ') : `${witnesses[0]} only`}`,
    ],
    [
      'attained',
      r.attained ? 'yes' : 'no: a supremum (see the signal within ε below)',
    ],
  ];
  if (r.privateSignals) {
    pairs.push([
      'with private signals',
      `${showNumber(r.privateSignals.value, display)} (designer-optimal BCE)`,
    ]);
  }
  parts.push(facts(pairs));
  parts.push(
    signalTable(
      r,
      r.posteriors,
      'Optimal posteriors µ_s, their probabilities τ(s), and what the receivers do',
      display,
    ),
  );
  parts.push(kernelTable('Signal π̂(s | θ)', r.kernel, display));
  const a = r.approximation;
  if (a) {
    parts.push(
      paragraph(
        `A signal within ε = ${showNumber(a.epsilon, display)}: value ` +
          `${showNumber(a.value, display)}, short by ` +
          `${showNumber(a.shortfall, display)}` +
          (a.reached ? '' : ' (ε not reached)'),
      ),
    );
    parts.push(signalTable(r, a.posteriors, 'Its posteriors', display));
    parts.push(kernelTable('Its signal π̂(s | θ)', a.kernel, display));
  }
  if (r.twoStates) parts.push(valueFunction(r, display));
  parts.push(
    paragraph(
      r.route === 'beliefs'
        ? `Regions: ${r.size.regions} counted, ${r.size.vertices} vertices, ` +
            `${r.size.solves} linear solves (limit ${r.size.vertexLimit}); ` +
            `recommendation LP: ${r.size.recommendationLp.variables} ` +
            `variables, ${r.size.recommendationLp.rows} rows.`
        : 'Signal from the recommendation LP ' +
            `(${r.size.recommendationLp.variables} variables, ` +
            `${r.size.recommendationLp.rows} rows).`,
      'small',
    ),
  );
  for (const note of r.notes) parts.push(paragraph(`note: ${note}`));
  return parts.join('\n');
}

function signalTable(
  r: PersuasionResult,
  posteriors: PersuasionResult['posteriors'],
  caption: string,
  display: Display,
): string {
  return htmlTable(
    caption,
    [
      'signal',
      'τ',
      ...r.states.map((s) => `µ(${s})`),
      ...r.receivers,
      r.objective,
    ],
    posteriors.map((s) => [
      s.signal,
      num(s.probability),
      ...s.posterior.map(num),
      ...s.actions,
      num(s.value),
    ]),
    display,
  );
}

function kernelTable(
  caption: string,
  kernel: PersuasionResult['kernel'],
  display: Display,
): string {
  return htmlTable(
    caption,
    ['state', 'signal', 'π̂'],
    kernel.map((e) => [e.state, e.signal, num(e.p)]),
    display,
  );
}

function valueFunction(r: PersuasionResult, display: Display): string {
  const f = r.twoStates;
  if (!f) return '';
  const show = (q: Parameters<typeof showNumber>[0]) => showNumber(q, display);
  const rows: Cell[][] = [];
  f.points.forEach((p, k) => {
    rows.push([`x = ${show(p.x)}`, p.actions.join(','), num(p.value)]);
    const piece = f.pieces[k];
    if (piece) {
      rows.push([
        `${show(piece.from)} < x < ${show(piece.to)}`,
        piece.actions.join(','),
        `${show(piece.atFrom)} … ${show(piece.atTo)}`,
      ]);
    }
  });
  const corners = f.envelope
    .map((k) => `(${show(k.x)}, ${show(k.value)})`)
    .join(', ');
  return [
    htmlTable(
      `Value function V, x = µ(${f.axis})`,
      ['where', 'actions', 'V'],
      rows,
      display,
    ),
    paragraph(
      `${r.sense === 'maximize' ? 'Concave' : 'Convex'} envelope: corners ${corners}`,
    ),
  ].join('\n');
}
