/**
 * `revelation durable PROBLEM | --values … --prior … --delta … [--horizon T]`:
 * selling a durable good with commitment, with designed mechanisms but no
 * commitment (Doval–Skreta), and with posted prices; revenue by horizon.
 * Parsing and rendering only; the work is in src/durable/.
 */

import {
  REGIMES,
  revenueByHorizon,
  settlesAt,
  solveDurable,
  type DurableResult,
  type HorizonRow,
  type Regime,
} from '../../durable/durable.js';
import {
  durableProblem,
  readDurableFile,
  MAX_HORIZON,
  type DurableProblem,
} from '../../durable/problem.js';
import { InputError } from '../../io/input-error.js';
import { Rational } from '../../numbers/rational.js';
import { intOption, parseArgs, type ParsedArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import { lpOptions } from './shared.js';

export const durableCommand: Command = {
  name: 'durable',
  summary:
    'sell a durable good: commitment vs designed mechanisms vs posted prices',
  usage:
    'revelation durable (PROBLEM | --values V1,V2,… --prior P1,P2,… ' +
    '--delta D) [--horizon T] [--regime all|commitment|mediated|posted] ' +
    '[--table N] [--long] [--json] [--decimals N] [--engine auto|exact]',
  async run(argv, out) {
    const args = parseArgs('durable', argv, {
      values: [
        'values',
        'prior',
        'delta',
        'horizon',
        'regime',
        'table',
        'decimals',
        'engine',
      ],
      flags: ['json', 'long'],
    });
    const problem = readProblem(args);
    const long = args.flags.has('long');
    const regime = args.values.get('regime') ?? 'all';
    if (regime !== 'all' && !REGIMES.includes(regime as Regime)) {
      throw new InputError(
        '--regime',
        `"${regime}" is not a regime`,
        'use all, commitment, mediated or posted',
      );
    }
    const regimes: readonly Regime[] =
      regime === 'all' ? REGIMES : [regime as Regime];
    const tableTo = intOption(args, 'table', 0, MAX_HORIZON) ?? 8;
    if (tableTo > SHORT_HORIZON && !long) {
      throw tooLong('--table', `a table to T = ${tableTo}`, 'lower --table');
    }
    if (long && Math.max(problem.horizon, tableTo) > SHORT_HORIZON) {
      out.stderr(
        `revelation durable: note: horizons above ${SHORT_HORIZON} can ` +
          'take minutes and print numbers with thousands of digits',
      );
    }
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const options = { ...lpOptions(args), regimes };

    const result = await solveDurable(problem, options);
    const rows =
      tableTo > 0 ? await revenueByHorizon(problem, tableTo, options) : [];
    const headline = headlineOf(result, regimes);

    if (args.flags.has('json')) {
      out.stdout(
        toJson({
          command: 'durable',
          problem,
          status: headline.status,
          value: headline.value,
          valueRegime: headline.regime,
          values: result.values,
          regimes: {
            commitment: result.commitment,
            mediated: result.mediated,
            posted: result.posted,
          },
          byHorizon: rows,
          settlesAt: settlesAt(rows),
        }),
      );
      return 0;
    }
    out.stdout(render(result, rows, display));
    return 0;
  },
};

/**
 * The largest horizon (and revenue table) the command accepts without
 * --long. The posted-price recursion and the LPs grow fast with T, and so
 * do the exact numbers (δ^T): measured on one core, five values with
 * δ = 19/20 take about 2 s at T = 20 but 46 s (posted prices alone) to
 * minutes (all regimes) at T = 40, and a table to 20 takes about 11 s.
 * --long allows up to MAX_HORIZON.
 */
const SHORT_HORIZON = 20;

/** The refusal of a horizon above SHORT_HORIZON without --long. */
function tooLong(where: string, what: string, lower: string): InputError {
  return new InputError(
    where,
    `${what} can take minutes: the exact numbers grow with every period, ` +
      `so without --long the limit is T = ${SHORT_HORIZON}`,
    `add --long to allow up to ${MAX_HORIZON}, or ${lower}`,
  );
}

/** The problem from a file and/or the options (options override the file). */
function readProblem(args: ParsedArgs): DurableProblem {
  if (args.positional.length > 1) {
    throw new InputError(
      'durable',
      `expected at most one problem file, got ${args.positional.length}`,
      `usage: ${durableCommand.usage}`,
    );
  }
  const file = args.positional[0];
  const base = file ? readDurableFile(file) : null;
  const list = (name: string) => {
    const text = args.values.get(name);
    if (text === undefined) return undefined;
    return text.split(',').map((part, i) => {
      const q = Rational.parse(part);
      if (!q) {
        throw new InputError(
          `--${name}`,
          `entry ${i + 1} ("${part.trim()}") is not a number`,
          `write exact numbers separated by commas, e.g. --${name} 1,3/2`,
        );
      }
      return q;
    });
  };
  const number = (name: string) => {
    const text = args.values.get(name);
    if (text === undefined) return undefined;
    const q = Rational.parse(text);
    if (!q) {
      throw new InputError(
        `--${name}`,
        `"${text}" is not a number`,
        `write an exact number, e.g. --${name} 9/10`,
      );
    }
    return q;
  };
  const values = list('values') ?? base?.values;
  const prior = list('prior') ?? base?.prior;
  const delta = number('delta') ?? base?.delta;
  const horizon = intOption(args, 'horizon', 1, MAX_HORIZON);
  const long = args.flags.has('long');
  if (horizon !== undefined && horizon > SHORT_HORIZON && !long) {
    throw tooLong('--horizon', `T = ${horizon}`, 'lower --horizon');
  }
  if (horizon === undefined && base && base.horizon > SHORT_HORIZON && !long) {
    throw tooLong(
      `${file}: horizon`,
      `T = ${base.horizon}`,
      'lower "horizon" or override it with --horizon',
    );
  }
  const missing = [
    values ? null : '--values',
    prior ? null : '--prior',
    delta ? null : '--delta',
  ].filter((x) => x !== null);
  if (!values || !prior || !delta) {
    throw new InputError(
      'durable',
      `no problem file and no ${missing.join(', ')}`,
      'give a problem file (see docs/durable.md) or --values, --prior and ' +
        '--delta, e.g. --values 1,2 --prior 2/5,3/5 --delta 9/10',
    );
  }
  // A bad value is named by the option that gave it (with its position in
  // a list), or by its path in the file when the file gave it.
  const place = (field: string, index?: number) => {
    if (args.values.has(field)) {
      return index === undefined
        ? `--${field}`
        : `--${field} (entry ${index + 1})`;
    }
    const path = index === undefined ? field : `${field}[${index}]`;
    return file ? `${file}: ${path}` : path;
  };
  return durableProblem(
    {
      name: base?.name ?? '',
      values,
      prior,
      delta,
      horizon: horizon ?? base?.horizon ?? 2,
    },
    place,
  );
}

/** Which regime's revenue is `value`: the one asked, or mediated, else posted. */
function headlineOf(
  result: DurableResult,
  regimes: readonly Regime[],
): { regime: Regime; status: string; value: Rational | null } {
  let regime = regimes.length === 1 ? regimes[0] : 'mediated';
  if (
    regimes.length > 1 &&
    result.mediated &&
    result.mediated.status !== 'optimal'
  ) {
    regime = 'posted';
  }
  const answer = result[regime];
  return {
    regime,
    status: answer ? answer.status : 'failed',
    value: answer ? answer.value : null,
  };
}

function render(
  result: DurableResult,
  rows: readonly HorizonRow[],
  display: Display,
): string {
  const p = result.problem;
  const s = (q: Rational | null) => show(q, display);
  const labels = p.values.map((v) => `v=${v}`);
  const lines: string[] = [
    `${p.name ? `${p.name}: ` : ''}durable good, values ${p.values
      .map(String)
      .join(', ')} with prior ${p.prior.map(String).join(', ')}; ` +
      `δ = ${p.delta}; T = ${p.horizon}`,
    '',
    'Revenue by regime',
    table(
      ['regime', 'revenue', 'status', 'how'],
      REGIMES.filter((r) => result[r] !== null).map((r) => [
        r,
        s(result.values[r]),
        result[r]!.status,
        how(result, r),
      ]),
    ),
  ];

  const c = result.commitment;
  if (c && c.value) {
    lines.push('', 'Commitment: the optimal T-period mechanism');
    lines.push(
      table(
        [
          'report',
          ...Array.from({ length: p.horizon }, (_, t) => `Pr(sale t=${t + 1})`),
          'payment',
          'U(v)',
        ],
        c.mechanism.map((m, i) => [
          labels[i],
          ...m.trade.map(s),
          s(m.payment),
          s(m.utility),
        ]),
      ),
    );
  }

  const m = result.mediated;
  if (m && m.value) {
    lines.push(
      '',
      'Mediated: the period-1 device (per reported value; messages go to ' +
        'the future seller)',
    );
    const used = m.plans
      .map((name, l) => ({ name, l }))
      .filter(({ l }) => m.device.some((d) => !d.messages[l].isZero()));
    lines.push(
      table(
        [
          'report',
          'Pr(sale now)',
          'payment',
          ...used.map(({ name }) => `Pr(“${name}”)`),
          'U(v)',
        ],
        m.device.map((d, i) => [
          labels[i],
          s(d.sale),
          s(d.payment),
          ...used.map(({ l }) => s(d.messages[l])),
          s(d.utility),
        ]),
      ),
    );
    if (m.messages.length > 0) {
      lines.push(
        '',
        'What each message tells the future seller, and what she does',
      );
      lines.push(
        table(
          [
            'message',
            'probability',
            ...labels.map((x) => `µ(${x})`),
            'she does',
            'indifferent to',
          ],
          m.messages.map((msg) => [
            msg.plan,
            s(msg.probability),
            ...msg.posterior.map(s),
            msg.description,
            msg.indifferentTo.join(', ') || '-',
          ]),
        ),
      );
    }
  } else if (m) {
    lines.push('', `Mediated: ${m.status}. ${m.notes.join(' ')}`);
  }

  const posted = result.posted;
  if (posted) {
    lines.push('', 'Posted prices: the equilibrium path');
    lines.push(
      table(
        [
          'period',
          'price',
          ...labels.map((x) => `Pr(buy|${x})`),
          'posterior after a rejection',
          'revenue (period-1 money)',
        ],
        posted.path.map((step) => [
          String(step.period),
          step.price ? s(step.price) : 'none taken',
          ...step.buy.map((b, i) => (step.masses[i].isZero() ? '-' : s(b))),
          step.posterior ? step.posterior.map(s).join(', ') : 'all sold',
          s(step.revenue),
        ]),
      ),
    );
  }

  if (rows.length > 0) {
    lines.push('', 'Revenue by horizon T (Coasian erosion without commitment)');
    lines.push(
      table(
        ['T', 'commitment', 'mediated', 'posted'],
        rows.map((r) => [
          String(r.horizon),
          s(r.commitment),
          r.mediated
            ? s(r.mediated)
            : r.mediatedStatus && r.mediatedStatus !== 'optimal'
              ? r.mediatedStatus
              : '-',
          s(r.posted),
        ]),
      ),
    );
    if (rows.some((r) => r.horizon >= 3 && r.mediated !== null)) {
      lines.push(
        '  mediated for T ≥ 3: the best period-1 device given the ' +
          'posted-price continuation (docs/durable.md)',
      );
    }
    const settled = settlesAt(rows);
    const last = rows[rows.length - 1].posted;
    if (last) {
      lines.push(
        settled === null
          ? `  posted-price revenue still changes at T = ${rows.length}`
          : `  posted-price revenue settles at ${s(last)} from T = ${settled} ` +
              `(checked to T = ${rows.length})`,
      );
    }
  }
  const notes = [...(m?.notes ?? [])];
  if (notes.length > 0) {
    lines.push('');
    for (const note of notes) lines.push(`note: ${note}`);
  }
  return lines.join('\n');
}

function how(result: DurableResult, regime: Regime): string {
  if (regime === 'posted') return 'exact recursion over beliefs';
  const r = result[regime];
  if (!r || r.status !== 'optimal') return '-';
  const certificate = r.certificate;
  const lp = certificate.exact
    ? `LP, exact (${certificate.method})`
    : `LP, NOT certified (${certificate.method})`;
  if (regime === 'mediated' && result.mediated?.exactRegime === false) {
    return `${lp}; period-1 device, posted continuation`;
  }
  return lp;
}
