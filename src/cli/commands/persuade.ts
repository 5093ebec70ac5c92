/**
 * `revelation persuade GAME [--max OBJ | --min OBJ] [--tie RULE] [--public]
 * [--plot FILE.svg]`: Bayesian persuasion by beliefs, cross-checked by the
 * recommendation LP. Parsing and rendering only; the work is `persuade`
 * and `persuasionPlot`.
 */

import { writeFileSync } from 'node:fs';
import { suggest } from '../../bce/objective.js';
import type { BaseGame } from '../../game/game.js';
import { readGameFile } from '../../io/game-json.js';
import { InputError } from '../../io/input-error.js';
import { signalJson } from '../../io/signal-json.js';
import { Rational } from '../../numbers/rational.js';
import { persuade, type PersuasionResult } from '../../persuasion/persuade.js';
import { persuasionPlot } from '../../persuasion/plot.js';
import { TIE_RULES, type TieRule } from '../../persuasion/problem.js';
import { intOption, parseArgs } from '../args.js';
import { show, table, toJson, type Display } from '../render.js';
import type { Command } from './command.js';
import { heading, lpOptions, oneGameFile, svgPlotPath } from './shared.js';

export const persuadeCommand: Command = {
  name: 'persuade',
  summary:
    'optimal signal by concavification over belief regions, checked against the recommendation LP',
  usage:
    'revelation persuade GAME [--max OBJ | --min OBJ] [--tie RULE] ' +
    '[--public] [--plot FILE.svg] [--signal FILE.json] [--epsilon Q] ' +
    '[--vertex-limit N] ' +
    '[--json] [--decimals N] [--engine auto|exact]',
  async run(argv, out) {
    const args = parseArgs('persuade', argv, {
      values: [
        'max',
        'min',
        'tie',
        'plot',
        'signal',
        'epsilon',
        'vertex-limit',
        'decimals',
        'engine',
      ],
      flags: ['json', 'public'],
    });
    const file = oneGameFile(args, persuadeCommand);
    if (args.values.has('max') && args.values.has('min')) {
      throw new InputError(
        'persuade',
        'give --max OBJ or --min OBJ, not both',
        'the sender maximises one objective or minimises it',
      );
    }
    const sense = args.values.has('min') ? 'minimize' : 'maximize';
    const objective =
      args.values.get(sense === 'minimize' ? 'min' : 'max') ?? 'designer';
    const tie = tieRule(args.values.get('tie'));
    const epsilon = epsilonOption(args.values.get('epsilon'));
    const vertexLimit = intOption(args, 'vertex-limit', 0, 1e12);
    const display: Display = { decimals: intOption(args, 'decimals', 0, 30) };
    const plot = svgPlotPath(args);
    const { engine } = lpOptions(args);
    const game = readGameFile(file);
    if (plot !== undefined && ![2, 3].includes(game.states.length)) {
      throw new InputError(
        '--plot',
        `pictures are drawn for two or three states; this game has ${game.states.length}`,
        'leave out --plot, or read the posteriors from the text or --json output',
      );
    }
    const result = await persuade(game, {
      objective,
      sense,
      tie,
      public: args.flags.has('public'),
      engine,
      ...(epsilon ? { epsilon } : {}),
      ...(vertexLimit !== undefined ? { vertexLimit } : {}),
    });
    if (plot !== undefined) {
      writeOutput('--plot', plot, persuasionPlot(game, result));
    }
    // The signal file replays with `revelation induce`: the optimal signal,
    // or the ε-signal when the tie rule keeps the value from being attained.
    const signalFile = args.values.get('signal');
    if (signalFile !== undefined && result.status === 'optimal') {
      const signal = result.approximation?.signal ?? result.signal;
      writeOutput('--signal', signalFile, toJson(signalJson(signal, game)));
    }
    if (args.flags.has('json')) {
      out.stdout(
        toJson({
          command: 'persuade',
          game: game.name,
          ...result,
          ...(plot !== undefined ? { plot } : {}),
          ...(signalFile !== undefined ? { signalFile } : {}),
        }),
      );
      return 0;
    }
    out.stdout(render(game, result, display, plot));
    if (signalFile !== undefined) {
      out.stdout(
        `Signal file written to ${signalFile}` +
          (result.approximation ? ' (the signal within ε)' : ''),
      );
    }
    return 0;
  },
};

function writeOutput(option: string, file: string, text: string): void {
  try {
    writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  } catch (e) {
    throw new InputError(
      option,
      `cannot write "${file}": ${(e as Error).message}`,
    );
  }
}

function tieRule(text: string | undefined): TieRule {
  if (text === undefined) return 'sender-preferred';
  if ((TIE_RULES as readonly string[]).includes(text)) return text as TieRule;
  throw new InputError(
    '--tie',
    `"${text}" is not a tie rule`,
    `tie rules: ${TIE_RULES.join(', ')}${suggest(text, TIE_RULES)}`,
  );
}

function epsilonOption(text: string | undefined): Rational | undefined {
  if (text === undefined) return undefined;
  const q = Rational.parse(text);
  if (!q || q.sign() <= 0) {
    throw new InputError(
      '--epsilon',
      `"${text}" is not a positive number`,
      'for example --epsilon 1/1000 or --epsilon 0.001',
    );
  }
  return q;
}

function render(
  game: BaseGame,
  r: PersuasionResult,
  display: Display,
  plot: string | undefined,
): string {
  const lines: string[] = [];
  const verb = r.sense === 'maximize' ? 'max' : 'min';
  lines.push(
    heading(
      game,
      `persuasion by beliefs, ${verb} ${r.objective}` +
        `${r.public ? ', public signal' : ''} (tie rule: ${r.tie})`,
    ),
  );
  lines.push(`  status    ${r.status}`);
  if (r.value === null) return lines.join('\n');
  const c = r.crossCheck;
  const witnesses = [
    c.beliefs !== null ? 'beliefs' : null,
    `recommendations (${c.method === 'bce' ? 'BCE' : 'recommendation LP'})`,
    c.envelope !== null ? 'two-state envelope' : null,
  ].filter((w) => w !== null);
  lines.push(
    `  value     ${show(r.value, display)}   (exact; ` +
      `${witnesses.length > 1 ? `${witnesses.join(' = ')}` : `${witnesses[0]} only`})`,
  );
  lines.push(
    `  attained  ${r.attained ? 'yes' : 'no: a supremum (see the approximate signal below)'}`,
  );
  if (r.privateSignals) {
    lines.push(
      `  private   ${show(r.privateSignals.value, display)}   ` +
        '(best value with private signals: designer-optimal BCE)',
    );
  }
  lines.push('');
  lines.push(
    'Optimal posteriors µ_s, their probabilities τ(s), and what the receivers do',
  );
  lines.push(signalTable(r, r.posteriors, display));
  lines.push('');
  lines.push('Signal π̂(s | θ)');
  lines.push(
    table(
      ['state', 'signal', 'π̂'],
      r.kernel.map((e) => [e.state, e.signal, show(e.p, display)]),
    ),
  );
  const a = r.approximation;
  if (a) {
    lines.push('');
    lines.push(
      `A signal within ε = ${show(a.epsilon, display)}: value ` +
        `${show(a.value, display)}, short by ${show(a.shortfall, display)}` +
        (a.reached ? '' : ' (ε not reached)'),
    );
    lines.push(signalTable(r, a.posteriors, display));
    lines.push('');
    lines.push('Its signal π̂(s | θ)');
    lines.push(
      table(
        ['state', 'signal', 'π̂'],
        a.kernel.map((e) => [e.state, e.signal, show(e.p, display)]),
      ),
    );
  }
  const f = r.twoStates;
  if (f) {
    lines.push('');
    lines.push(`Value function V, x = µ(${f.axis})`);
    const rows: string[][] = [];
    f.points.forEach((p, k) => {
      rows.push([
        `x = ${show(p.x, display)}`,
        p.actions.join(','),
        show(p.value, display),
      ]);
      const piece = f.pieces[k];
      if (piece) {
        rows.push([
          `${show(piece.from, display)} < x < ${show(piece.to, display)}`,
          piece.actions.join(','),
          `${show(piece.atFrom, display)} … ${show(piece.atTo, display)}`,
        ]);
      }
    });
    lines.push(table(['where', 'actions', 'V'], rows));
    lines.push('');
    lines.push(
      `${r.sense === 'maximize' ? 'Concave' : 'Convex'} envelope: corners ` +
        f.envelope
          .map((k) => `(${show(k.x, display)}, ${show(k.value, display)})`)
          .join(', '),
    );
  }
  lines.push('');
  lines.push(
    r.route === 'beliefs'
      ? `Regions: ${r.size.regions} counted, ${r.size.vertices} vertices, ` +
          `${r.size.solves} linear solves (limit ${r.size.vertexLimit}); ` +
          `recommendation LP: ${r.size.recommendationLp.variables} variables, ` +
          `${r.size.recommendationLp.rows} rows`
      : `Signal from the recommendation LP (${r.size.recommendationLp.variables} ` +
          `variables, ${r.size.recommendationLp.rows} rows)`,
  );
  if (plot !== undefined) lines.push(`Picture written to ${plot}`);
  for (const note of r.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

function signalTable(
  r: PersuasionResult,
  posteriors: PersuasionResult['posteriors'],
  display: Display,
): string {
  return table(
    [
      'signal',
      'τ',
      ...r.states.map((s) => `µ(${s})`),
      ...r.receivers,
      r.objective,
    ],
    posteriors.map((s) => [
      s.signal,
      show(s.probability, display),
      ...s.posterior.map((q) => show(q, display)),
      ...s.actions,
      show(s.value, display),
    ]),
  );
}
