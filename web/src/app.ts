/**
 * What the web page does when the user presses Run, without the DOM: read
 * the game text (JSON game format, or Gambit .nfg / .efg), ask the
 * library the question (`solveBce`, `bceRange`, `checkOutcome`,
 * `persuade`), and turn the plain result object into HTML. Kept apart from
 * main.ts so Node.js tests can run the page's whole answer path. Parsing
 * and rendering only; the maths is the library's.
 */

import { bceRange, solveBce } from '../../src/bce/bce.js';
import { checkOutcome } from '../../src/bce/check.js';
import type { BaseGame } from '../../src/game/game.js';
import { parseGambitEfg } from '../../src/io/gambit-efg.js';
import { parseGambitNfg } from '../../src/io/gambit-nfg.js';
import { parseGameJson } from '../../src/io/game-json.js';
import { InputError } from '../../src/io/input-error.js';
import { parseJsonText } from '../../src/io/json-text.js';
import { parseOutcomeJson } from '../../src/io/outcome-json.js';
import type { LpOptions } from '../../src/lp/model.js';
import { persuade } from '../../src/persuasion/persuade.js';
import { TIE_RULES, type TieRule } from '../../src/persuasion/problem.js';
import type { Display } from './html.js';
import {
  renderBce,
  renderCheck,
  renderError,
  renderPersuasion,
  renderRange,
} from './render.js';

export { TIE_RULES };

/** The commands the page offers, as on the command line. */
export const COMMANDS = ['bce', 'check', 'persuade'] as const;
export type PageCommand = (typeof COMMANDS)[number];

/** Everything the form holds when Run is pressed. */
export interface PageRequest {
  readonly command: PageCommand;
  /** The game as text: JSON, or Gambit .nfg / .efg. */
  readonly gameText: string;
  /** The file the text came from (names the game and locates errors). */
  readonly gameFile?: string;
  /** `max`, `min`, or (bce only) `range`. */
  readonly sense: 'max' | 'min' | 'range';
  /** designer, welfare, a player, or a statistic such as Pr(a | θ). */
  readonly objective: string;
  /** The outcome as JSON text (check only). */
  readonly outcomeText?: string;
  readonly engine?: LpOptions['engine'];
  /** persuade: tie rule and public signal. */
  readonly tie?: TieRule;
  readonly public?: boolean;
  readonly display?: Display;
}

/** The page's answer: HTML, and whether it is an answer or an error. */
export interface PageAnswer {
  readonly ok: boolean;
  readonly html: string;
}

/**
 * Reads a game from text. The format follows the file name's extension
 * when there is one, else the text itself: Gambit files start with `NFG`
 * or `EFG`, anything else is read as JSON.
 */
export function readGameText(text: string, file?: string): BaseGame {
  const name = file ?? 'game';
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  const start = text.trimStart().slice(0, 3).toUpperCase();
  if (extension === 'nfg' || (extension === undefined && start === 'NFG')) {
    return parseGambitNfg(text, file ?? 'game.nfg');
  }
  if (extension === 'efg' || (extension === undefined && start === 'EFG')) {
    return parseGambitEfg(text, file ?? 'game.efg');
  }
  if (text.trim() === '') {
    throw new InputError(
      name,
      'the game is empty',
      'paste a game, load a file, or pick one of the examples',
    );
  }
  // Without a file the game keeps the name written in it, or none.
  return parseGameJson(parseJsonText(text, name), file);
}

/**
 * The objectives worth suggesting for a game: designer (when it has a
 * designer table), welfare, and each player by name.
 */
export function objectiveChoices(game: BaseGame): string[] {
  return [
    ...(game.designer ? ['designer'] : []),
    'welfare',
    ...game.players.map((p) => p.name),
  ];
}

/** Answers one request. Never throws: errors become an HTML message. */
export async function answer(request: PageRequest): Promise<PageAnswer> {
  try {
    return { ok: true, html: await solve(request) };
  } catch (error) {
    return { ok: false, html: renderError(error) };
  }
}

async function solve(request: PageRequest): Promise<string> {
  const display = request.display ?? {};
  const engine = request.engine ?? 'auto';
  const game = readGameText(request.gameText, request.gameFile);
  const objective = request.objective.trim() || 'designer';
  switch (request.command) {
    case 'bce': {
      if (request.sense === 'range') {
        const range = await bceRange(game, { objective, engine });
        return renderRange(game, range, display);
      }
      const sense = request.sense === 'max' ? 'maximize' : 'minimize';
      const result = await solveBce(game, { objective, sense, engine });
      return renderBce(game, result, display);
    }
    case 'check': {
      const text = request.outcomeText ?? '';
      if (text.trim() === '') {
        throw new InputError(
          'outcome',
          'the outcome is empty',
          'paste an outcome such as {"outcome": [{"state": …, "actions": […], "p": …}]}',
        );
      }
      const outcome = parseOutcomeJson(
        parseJsonText(text, 'outcome'),
        game,
        'outcome',
      );
      return renderCheck(game, checkOutcome(game, outcome), display);
    }
    case 'persuade': {
      if (request.sense === 'range') {
        throw new InputError(
          'persuade',
          'persuasion maximises or minimises; it has no range',
          'choose max or min, or use bce for the range over all BCE',
        );
      }
      const result = await persuade(game, {
        objective,
        sense: request.sense === 'min' ? 'minimize' : 'maximize',
        tie: request.tie ?? 'sender-preferred',
        public: request.public ?? false,
        engine,
      });
      return renderPersuasion(game, result, display);
    }
  }
}
