/**
 * `revelation mechanism solve|implement|audit|robust PROBLEM …`: mechanism
 * design over finite types. Parsing and rendering only; the work is
 * `solveMechanism`, `implementRule`, `auditMechanism` and `robustRevenue`.
 */

import type { BceResult } from '../../bce/bce.js';
import { InputError } from '../../io/input-error.js';
import { Rational } from '../../numbers/rational.js';
import { auditMechanism, type Violation } from '../../mechanism/audit.js';
import { solveMechanism } from '../../mechanism/direct.js';
import { implementRule } from '../../mechanism/implement.js';
import {
  readMechanismFile,
  readMechanismInto,
} from '../../mechanism/problem-json.js';
import {
  withSettings,
  type Budget,
  type Incentives,
  type MechanismProblem,
  type Participation,
} from '../../mechanism/problem.js';
import type { InterimRow, MechanismRow } from '../../mechanism/report.js';
import {
  robustRevenue,
  type IndirectMechanism,
} from '../../mechanism/robust.js';
import type {
  FarkasCombination,
  RochetCycle,
} from '../../mechanism/witness.js';
import { intOption, parseArgs, type ParsedArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command, Output } from './command.js';
import { lpOptions } from './shared.js';
import { suggest } from '../../bce/objective.js';

const SUBCOMMANDS = ['solve', 'implement', 'audit', 'robust'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

/**
 * The options each subcommand uses. The parser accepts them all, so that a
 * mistyped name is still told the closest option; then an option that the
 * subcommand would ignore is refused, naming the subcommands that take it.
 */
const SETTINGS = ['incentives', 'participation', 'budget'];
const COMMON = ['decimals', 'json'];
const USES: Record<Subcommand, readonly string[]> = {
  solve: [...SETTINGS, ...COMMON, 'engine'],
  implement: [...SETTINGS, ...COMMON, 'engine', 'mechanism'],
  audit: [...SETTINGS, ...COMMON, 'mechanism'],
  robust: [
    ...COMMON,
    'engine',
    'mechanism',
    'posted-price',
    'first-price',
    'second-price',
    'direct',
    'baseline',
  ],
};

/** Refuses any option given that `sub` does not use. */
function refuseUnused(sub: Subcommand, args: ParsedArgs): void {
  const given = [...args.values.keys(), ...args.flags];
  for (const name of given) {
    if (USES[sub].includes(name)) continue;
    const takers = SUBCOMMANDS.filter((s) => USES[s].includes(name));
    throw new InputError(
      `--${name}`,
      `"revelation mechanism ${sub}" does not use this option`,
      `it is for ${takers.map((s) => `mechanism ${s}`).join(', ')}; ` +
        'drop it here',
    );
  }
  // robust reads the given mechanism only as the direct one to test.
  if (sub === 'robust' && args.values.has('mechanism')) {
    if (!args.flags.has('direct')) {
      throw new InputError(
        '--mechanism',
        '"revelation mechanism robust" uses a given mechanism only with --direct',
        'add --direct to test that mechanism, or drop --mechanism',
      );
    }
  }
}

export const mechanismCommand: Command = {
  name: 'mechanism',
  summary:
    'optimal mechanisms, implementability of a rule, audits, robust revenue',
  usage:
    'revelation mechanism (solve | implement | audit | robust) PROBLEM ' +
    '[--incentives bayesian|dominant] [--participation interim|ex-post|none] ' +
    '[--budget none|ex-ante|ex-post|balanced] [--mechanism FILE] ' +
    '[--posted-price P | --first-price BIDS | --second-price BIDS | --direct] ' +
    '[--baseline none|own-types] [--json] [--decimals N] [--engine auto|exact]',
  async run(argv, out) {
    const [sub, ...rest] = argv;
    if (!(SUBCOMMANDS as readonly string[]).includes(sub ?? '')) {
      throw new InputError(
        sub === undefined ? 'mechanism' : sub,
        sub === undefined ? 'missing subcommand' : 'unknown subcommand',
        `subcommands: ${SUBCOMMANDS.join(', ')}` +
          (sub ? suggest(sub, SUBCOMMANDS) : ''),
      );
    }
    const args = parseArgs(`mechanism ${sub}`, rest, {
      values: [
        'incentives',
        'participation',
        'budget',
        'mechanism',
        'posted-price',
        'first-price',
        'second-price',
        'baseline',
        'decimals',
        'engine',
      ],
      flags: ['json', 'direct'],
    });
    if (args.positional.length !== 1) {
      throw new InputError(
        `revelation mechanism ${sub}`,
        `expected one problem file, got ${args.positional.length}`,
        `usage: ${mechanismCommand.usage}`,
      );
    }
    refuseUnused(sub as Subcommand, args);
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    let problem = withSettings(
      readMechanismFile(args.positional[0]),
      settings(args),
    );
    const given = args.values.get('mechanism');
    if (given !== undefined) problem = readMechanismInto(problem, given);
    const run = { solve, implement, audit, robust }[sub as Subcommand];
    return run(problem, args, display, out);
  },
};

/** `--incentives`, `--participation` and `--budget` overrides. */
function settings(args: ParsedArgs) {
  const pick = <T extends string>(name: string, words: readonly T[]) => {
    const v = args.values.get(name);
    if (v === undefined) return undefined;
    if ((words as readonly string[]).includes(v)) return v as T;
    throw new InputError(
      `--${name}`,
      `"${v}" is not one of ${words.join(', ')}`,
      `for example --${name} ${words[0]}${suggest(v, words)}`,
    );
  };
  return {
    incentives: pick<Incentives>('incentives', ['bayesian', 'dominant']),
    participation: pick<Participation>('participation', [
      'interim',
      'ex-post',
      'none',
    ]),
    budget: pick<Budget>('budget', ['none', 'ex-ante', 'ex-post', 'balanced']),
  };
}

function heading(problem: MechanismProblem, what: string): string {
  const switches =
    `incentives: ${problem.incentives}, participation: ${problem.participation}, ` +
    `budget: ${problem.budget}`;
  return `${problem.name ? `${problem.name}: ` : ''}${what}\n  (${switches})`;
}

function settingsJson(problem: MechanismProblem) {
  return {
    incentives: problem.incentives,
    participation: problem.participation,
    budget: problem.budget,
  };
}

async function solve(
  problem: MechanismProblem,
  args: ParsedArgs,
  display: Display,
  out: Output,
): Promise<number> {
  const r = await solveMechanism(problem, lpOptions(args));
  if (args.flags.has('json')) {
    const { mechanism: _raw, table: _table, json, audit, ...rest } = r;
    out.stdout(
      toJson({
        command: 'mechanism solve',
        problem: problem.name,
        ...settingsJson(problem),
        ...rest,
        mechanism: json,
        audit: audit && { ok: audit.ok, checked: audit.checked },
        virtualValues: r.virtualValues.applies
          ? { ...r.virtualValues, mechanism: undefined }
          : r.virtualValues,
      }),
    );
    return 0;
  }
  const how = r.certificate.exact
    ? `exact, certified by ${r.certificate.method}`
    : `FLOAT, not certified (${r.certificate.method})`;
  const lines = [
    heading(problem, `optimal mechanism for ${r.objective} (${r.sense})`),
    `  status  ${r.status}`,
  ];
  if (r.value === null) {
    lines.push(`  (${how})`);
    if (r.status === 'unbounded') {
      lines.push(
        '  the objective can be made as large as wished: add a participation or budget constraint',
      );
    }
    for (const note of r.certificate.notes) lines.push(`  note: ${note}`);
    out.stdout(lines.join('\n'));
    return 0;
  }
  lines.push(`  value   ${show(r.value, display)}   (${how})`);
  lines.push(
    `  revenue ${show(r.revenue, display)}; mechanism re-audited exactly: ` +
      `${r.certificate.audited ? 'yes' : 'no'}`,
  );
  lines.push('', 'Mechanism at each type profile');
  lines.push(renderTable(problem, r.table, display));
  lines.push('', 'Interim view (expected over the others, given own type)');
  lines.push(renderInterim(problem, r.interim, display));
  lines.push('');
  if (r.binding.length === 0) {
    lines.push('Binding constraints: none');
  } else {
    lines.push('Binding constraints (with dual prices)');
    lines.push(
      table(
        ['constraint', 'price'],
        r.binding.map((b) => [b.name, show(b.price, display)]),
      ),
    );
  }
  lines.push('');
  const vv = r.virtualValues;
  if (!vv.applies) {
    lines.push(`Virtual-value cross-check: does not apply (${vv.reason})`);
  } else {
    const agrees = vv.value.equals(r.value);
    lines.push(
      `Virtual-value cross-check (Myerson; ironed): E[max(0, max φ̄)] = ` +
        `${show(vv.value, display)}, ${agrees ? 'equal to' : 'DIFFERENT FROM'} the LP`,
    );
    lines.push(
      table(
        ['agent', 'type', 'value', 'probability', 'φ', 'ironed φ̄'],
        vv.agents.flatMap((a) =>
          a.rows.map((row) => [
            a.agent,
            row.type,
            show(row.value, display),
            show(row.probability, display),
            show(row.virtual, display),
            show(row.ironed, display),
          ]),
        ),
      ),
    );
    if (vv.agents.some((a) => a.ironingBinds)) {
      lines.push(
        '  ironing binds: the rule by raw virtual values is not monotone, so not implementable',
      );
    }
  }
  lines.push('');
  lines.push(
    `LP: ${r.size.variables} variables, ${r.size.rows} rows, ${r.size.nonzeros} nonzeros`,
  );
  for (const note of r.certificate.notes) lines.push(`note: ${note}`);
  out.stdout(lines.join('\n'));
  return 0;
}

function requireRule(problem: MechanismProblem, what: string): void {
  if (!problem.rule) {
    throw new InputError(
      'mechanism.allocation',
      `${what} needs an allocation rule, and the problem gives none`,
      'add "mechanism": {"allocation": …} to the problem file, or pass --mechanism FILE',
    );
  }
}

async function implement(
  problem: MechanismProblem,
  args: ParsedArgs,
  display: Display,
  out: Output,
): Promise<number> {
  requireRule(problem, 'implement');
  const r = await implementRule(problem, lpOptions(args));
  if (args.flags.has('json')) {
    const { mechanism: _raw, table: _table, json, audit, ...rest } = r;
    out.stdout(
      toJson({
        command: 'mechanism implement',
        problem: problem.name,
        ...settingsJson(problem),
        ...rest,
        mechanism: json,
        audit: audit && { ok: audit.ok, checked: audit.checked },
      }),
    );
    return 0;
  }
  const lines = [heading(problem, 'can payments implement the given rule?')];
  if (r.status === 'failed') {
    lines.push('  undecided: the LP layer gave up');
    for (const note of r.notes) lines.push(`  note: ${note}`);
    out.stdout(lines.join('\n'));
    return 0;
  }
  if (!r.implementable) {
    lines.push('  no: no payments satisfy every constraint (decided exactly)');
    const w = r.witness;
    if (!w) {
      lines.push('  (no witness could be verified)');
    } else if (w.kind === 'cycle') {
      lines.push('', renderCycle(w.cycle, display));
    } else {
      lines.push('', renderCombination(w.combination, display));
    }
    out.stdout(lines.join('\n'));
    return 0;
  }
  const range = r.revenueRange;
  const end = (v: Rational | null, side: string) =>
    v === null
      ? `${side === 'min' ? '−' : '+'}∞ (unbounded)`
      : show(v, display);
  lines.push(
    '  yes (decided exactly)',
    `  revenue over all implementing payments: [${end(range.min, 'min')}, ${end(range.max, 'max')}]`,
    `  payments below earn ${show(r.value, display)}` +
      `${range.max !== null ? ' (the maximum)' : ''}; audited exactly: ` +
      `${r.audit?.ok ? 'passes' : 'FAILS'}`,
    '',
    'Mechanism at each type profile',
    renderTable(problem, r.table, display),
  );
  out.stdout(lines.join('\n'));
  return 0;
}

async function audit(
  problem: MechanismProblem,
  args: ParsedArgs,
  display: Display,
  out: Output,
): Promise<number> {
  requireRule(problem, 'audit');
  if (!problem.payments) {
    throw new InputError(
      'mechanism.payments',
      'audit needs payments, and the problem gives none',
      'add "payments" to the mechanism ("vcg" or a table), or use implement to find some',
    );
  }
  const r = auditMechanism(problem, {
    q: problem.rule as NonNullable<MechanismProblem['rule']>,
    p: problem.payments,
  });
  if (args.flags.has('json')) {
    out.stdout(
      toJson({
        command: 'mechanism audit',
        problem: problem.name,
        ...settingsJson(problem),
        status: r.ok ? 'ok' : 'violated',
        value: r.revenue,
        ...r,
      }),
    );
    return 0;
  }
  const checked = r.checked;
  const lines = [
    heading(problem, 'audit of the given mechanism'),
    `  ${r.ok ? 'clean: every constraint holds' : `VIOLATED: ${r.violations.length} constraint(s) fail`} ` +
      `(checked exactly: ${checked.incentive} incentive, ${checked.participation} participation, ` +
      `${checked.budget} budget, ${checked.lottery} lottery)`,
    `  expected revenue ${show(r.revenue, display)}; objective ${show(r.objective, display)}`,
  ];
  if (r.worst) {
    lines.push('', `Worst violation: ${describeViolation(r.worst, display)}`);
    lines.push('', 'All violations, largest first');
    lines.push(
      table(
        ['constraint', 'amount'],
        r.violations.map((v) => [v.name, show(v.amount, display)]),
      ),
    );
  }
  lines.push('', 'Interim view (expected over the others, given own type)');
  lines.push(renderInterim(problem, r.interim, display));
  out.stdout(lines.join('\n'));
  return 0;
}

async function robust(
  problem: MechanismProblem,
  args: ParsedArgs,
  display: Display,
  out: Output,
): Promise<number> {
  const mechanism = indirectMechanism(args);
  const baseline = args.values.get('baseline') ?? 'none';
  if (baseline !== 'none' && baseline !== 'own-types') {
    throw new InputError(
      '--baseline',
      `"${baseline}" is not a baseline`,
      'use --baseline none (bidders may know anything) or own-types (each knows at least its own type)',
    );
  }
  const r = await robustRevenue(problem, mechanism, {
    ...lpOptions(args),
    baseline,
  });
  if (args.flags.has('json')) {
    const { range, ...rest } = r;
    out.stdout(
      toJson({
        command: 'mechanism robust',
        problem: problem.name,
        ...rest,
        value: r.min,
        minimum: stripTable(range.minimum),
        maximum: stripTable(range.maximum),
      }),
    );
    return 0;
  }
  const pair = (a: Rational | null, b: Rational | null) =>
    `[${show(a, display)}, ${show(b, display)}]`;
  const lines = [
    `${problem.name ? `${problem.name}: ` : ''}revenue of the ${r.mechanism} over information structures`,
    `  status   ${r.status}`,
    `  revenue  ${pair(r.min, r.max)}  (worst, best over all BCE` +
      `${baseline === 'own-types' ? '; each bidder knows at least its own type' : ''})`,
    `  full information (bidders observe the state)   ${pair(r.benchmarks.fullInformation.min, r.benchmarks.fullInformation.max)}`,
    `  no information (bidders learn nothing)         ${pair(r.benchmarks.noInformation.min, r.benchmarks.noInformation.max)}`,
  ];
  for (const [label, result] of [
    ['worst case', r.range.minimum],
    ['best case', r.range.maximum],
  ] as const) {
    if (result.value === null) continue;
    lines.push('', `Outcome in the ${label} (state = type profile)`);
    lines.push(
      table(
        ['state', ...problem.agents.map((a) => a.name), 'p'],
        result.outcome.map((c) => [c.state, ...c.actions, show(c.p, display)]),
      ),
    );
  }
  out.stdout(lines.join('\n'));
  return 0;
}

function stripTable(result: BceResult): object {
  const { outcomeTable: _unused, ...rest } = result;
  return rest;
}

function indirectMechanism(args: ParsedArgs): IndirectMechanism {
  const kinds = ['posted-price', 'first-price', 'second-price'].filter((k) =>
    args.values.has(k),
  );
  const count = kinds.length + (args.flags.has('direct') ? 1 : 0);
  if (count !== 1) {
    throw new InputError(
      'mechanism robust',
      'give exactly one of --posted-price P, --first-price BIDS, --second-price BIDS, --direct',
      'BIDS is a comma-separated grid such as 0,1/2,1',
    );
  }
  if (args.flags.has('direct')) return { kind: 'direct' };
  const kind = kinds[0] as 'posted-price' | 'first-price' | 'second-price';
  const text = args.values.get(kind) as string;
  const numbers = text.split(',').map((s) => {
    const q = Rational.parse(s);
    if (!q) {
      throw new InputError(
        `--${kind}`,
        `"${s.trim()}" is not a number`,
        'write numbers such as 1/4, 0.25 or 2, separated by commas',
      );
    }
    return q;
  });
  if (kind === 'posted-price') {
    if (numbers.length !== 1) {
      throw new InputError(
        '--posted-price',
        'give one price',
        'for example --posted-price 1/4',
      );
    }
    return { kind, price: numbers[0] };
  }
  return { kind, bids: numbers };
}

function renderTable(
  problem: MechanismProblem,
  rows: readonly MechanismRow[],
  display: Display,
): string {
  return table(
    [
      ...problem.agents.map((a) => a.name),
      'ψ',
      'lottery',
      ...problem.agents.map((a) => `pays(${a.name})`),
    ],
    rows.map((row) => [
      ...row.types,
      show(row.probability, display),
      row.lottery
        .map((e) =>
          e.p.equals(Rational.int(1))
            ? e.alternative
            : `${e.alternative} ${show(e.p, display)}`,
        )
        .join(', '),
      ...row.payments.map((e) => show(e.amount, display)),
    ]),
  );
}

function renderInterim(
  problem: MechanismProblem,
  rows: readonly InterimRow[],
  display: Display,
): string {
  return table(
    [
      'agent',
      'type',
      'ψ_i',
      ...problem.alternatives.map((x) => `Q(${x})`),
      'payment',
      'utility',
      'outside',
    ],
    rows.map((row) => [
      row.agent,
      row.type,
      show(row.probability, display),
      ...row.allocation.map((e) => show(e.p, display)),
      show(row.payment, display),
      show(row.utility, display),
      show(row.outside, display),
    ]),
  );
}

function describeViolation(v: Violation, display: Display): string {
  const at = v.profile ? ` at types (${v.profile.join(', ')})` : '';
  const amount = show(v.amount, display);
  switch (v.kind) {
    case 'incentive':
      return `${v.agent} of type ${v.type} gains ${amount} by reporting ${v.misreport}${at} (${v.name})`;
    case 'participation':
      return `${v.agent} of type ${v.type} is ${amount} short of its outside option${at} (${v.name})`;
    case 'budget':
      return `the budget is off by ${amount}${at} (${v.name})`;
    case 'lottery':
      return `the lottery${at} is off by ${amount} (${v.name})`;
  }
}

function renderCycle(c: RochetCycle, display: Display): string {
  const others = c.others.map((o) => `${o.agent} = ${o.type}`).join(', ');
  const lines = [
    `Witness (Rochet): a negative cycle in the types of ${c.agent}` +
      (others ? `, with ${others} held fixed` : ''),
    '  "type a must not gain by reporting b" reads pay(a) − pay(b) ≤ V_a(a) − V_a(b);',
    '  around the cycle the payments cancel, so the bounds must add up to 0 or more.',
    table(
      ['type a', 'reports b', 'V_a(a)', 'V_a(b)', 'bound V_a(a) − V_a(b)'],
      c.edges.map((e) => [
        e.type,
        e.report,
        show(e.own, display),
        show(e.other, display),
        show(e.bound, display),
      ]),
    ),
    `  sum of the bounds: ${show(c.total, display)} < 0, so no payments work.`,
  ];
  if (c.edges.length > 2) {
    lines.push(
      `  (a cycle of ${c.edges.length} types: checks of pairs of types alone would not find it)`,
    );
  }
  return lines.join('\n');
}

function renderCombination(f: FarkasCombination, display: Display): string {
  return [
    'Witness (Farkas): multiply each constraint, written payments ≤ bound, by its weight and add;',
    '  every payment cancels, leaving 0 ≤ the weighted sum of the bounds, which is negative.',
    table(
      ['constraint', 'weight', 'payments (coefficient × p)', 'bound'],
      f.rows.map((row) => [
        row.constraint.name,
        show(row.weight, display),
        row.payments
          .map((p, k) => {
            const c = p.coefficient;
            const sign = c.sign() < 0 ? '− ' : k > 0 ? '+ ' : '';
            return `${sign}${show(c.abs(), display)}·p[${p.agent}|${p.types.join(',')}]`;
          })
          .join(' '),
        show(row.bound, display),
      ]),
    ),
    `  weighted sum of the bounds: ${show(f.total, display)} < 0`,
  ].join('\n');
}
