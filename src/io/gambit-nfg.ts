/**
 * Gambit strategic-form files (`.nfg`, versions `NFG 1 R` and `NFG 1 D`)
 * → a validated one-state `BaseGame`.
 *
 * A file is a header, `NFG 1 R "title" { "player 1" … "player N" }`, the
 * strategies, either as labels `{ { "s11" "s12" … } … { "sN1" … } }` or as
 * counts `{ n_1 … n_N }`, an optional comment string, and then the payoffs
 * in one of two layouts:
 * - payoff layout: a flat list of Π n_i · N numbers, N per profile;
 * - outcome layout: `{ { "name" u_1, …, u_N } … }` naming outcomes
 *   1, 2, …, then Π n_i outcome numbers, one per profile, 0 meaning the
 *   outcome where everyone gets 0.
 *
 * Profiles are listed with player 1's strategy varying fastest:
 * g = s_1 + n_1 (s_2 + n_2 (s_3 + …)). `BaseGame` numbers profiles with
 * player 1 most significant, a = ((s_1 n_2 + s_2) n_3 + s_3) …, so every
 * profile is decoded from Gambit's order and re-encoded in ours.
 *
 * Numbers are read exactly: integers, decimals (with exponent) and
 * fractions such as `3/2`, whatever the R/D letter says. Strings are in
 * double quotes, and a backslash makes the next character literal (`\"`).
 *
 * Choices: the game has one state, `only`, with prior 1, no designer table
 * and no types. Gambit allows empty and repeated labels, the project's
 * model does not: an empty strategy label becomes its position ("1", "2",
 * …), an empty player name becomes "Player i", and repeated labels (for
 * players, ignoring case) each get their position appended: "defect#1",
 * "defect#2". `outcomeLabels` holds the outcome names of the outcome
 * layout (null for outcome 0 and for unnamed outcomes), or null when the
 * file names no outcome. Games with more than 2^24 profiles are refused.
 * Errors name `FILE:LINE:COLUMN` and say what was expected there.
 */

import { basename, extname } from 'node:path';
import type { BaseGame } from '../game/game.js';
import { ONE, Rational, ZERO } from '../numbers/rational.js';
import { InputError } from './input-error.js';

/** The largest number of action profiles an `.nfg` game may have. */
export const MAX_NFG_PROFILES = 2 ** 24;

interface Token {
  readonly kind: '{' | '}' | ',' | 'string' | 'word' | 'end';
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Reads the text of a Gambit `.nfg` file into a one-state `BaseGame`.
 * `file` names the source in error messages and gives the default name.
 */
export function parseGambitNfg(text: string, file = '<nfg>'): BaseGame {
  const reader = new NfgReader(tokenize(text, file), file);
  return reader.game(basename(file, extname(file)));
}

function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = ++i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const column = i - lineStart + 1;
    if (c === '{' || c === '}' || c === ',') {
      tokens.push({ kind: c, text: c, line, column });
      i++;
    } else if (c === '"') {
      const startLine = line;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new InputError(
            `${file}:${startLine}:${column}`,
            'this string is never closed',
            'end it with a double quote; write \\" for a quote inside it',
          );
        }
        const ch = text[i];
        if (ch === '"') break;
        if (ch === '\\' && i + 1 < text.length) {
          i++;
          value += text[i];
        } else value += ch;
        if (text[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
        i++;
      }
      i++;
      tokens.push({ kind: 'string', text: value, line: startLine, column });
    } else {
      let j = i;
      while (j < text.length && !/[\s{}",]/.test(text[j])) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j), line, column });
      i = j;
    }
  }
  tokens.push({ kind: 'end', text: '', line, column: i - lineStart + 1 });
  return tokens;
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the file';
    case 'string':
      return `the string ${JSON.stringify(token.text)}`;
    default:
      return JSON.stringify(token.text);
  }
}

class NfgReader {
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly file: string,
  ) {}

  game(defaultName: string): BaseGame {
    // Header: NFG 1 R|D "title" { players }.
    this.keyword('NFG', 'the file to start with "NFG 1 R" or "NFG 1 D"');
    this.keyword('1', 'the format version 1 after "NFG"');
    const letter = this.next();
    if (
      letter.kind !== 'word' ||
      (letter.text !== 'R' && letter.text !== 'D')
    ) {
      this.fail(letter, '"R" or "D" after "NFG 1"');
    }
    const title = this.string('the title of the game, in double quotes');
    const playerToken = this.peek();
    const players = this.stringList('the list of player names { "…" "…" }');
    if (players.length === 0)
      this.fail(playerToken, 'at least one player name');
    const n = players.length;

    // Strategies: labels per player, or a count per player.
    const strategiesToken = this.expect('{', 'the strategies { … }');
    const labels: string[][] = [];
    if (this.peek().kind === '{') {
      for (let i = 0; i < n; i++) {
        const at = this.peek();
        const list = this.stringList(
          `the strategy labels of player ${i + 1} { "…" "…" }`,
        );
        if (list.length === 0)
          this.fail(at, `at least one strategy for player ${i + 1}`);
        labels.push(list);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const count = this.integer(
          `the number of strategies of player ${i + 1}`,
        );
        labels.push(Array.from({ length: count }, () => ''));
      }
    }
    this.expect('}', `"}" closing the strategies of the ${n} players`);
    const actions = labels.map((list) =>
      uniqueLabels(list, (k) => String(k), false),
    );
    const playerNames = uniqueLabels(players, (k) => `Player ${k}`, true);
    playerNames.forEach((name) => {
      if (name.toLowerCase().startsWith('player:')) {
        this.fail(playerToken, 'player names that do not start with "player:"');
      }
    });

    let count = 1;
    for (const list of actions) count *= list.length;
    if (count > MAX_NFG_PROFILES) {
      throw this.error(
        strategiesToken,
        `the game has ${count} action profiles, more than the ${MAX_NFG_PROFILES} supported`,
      );
    }

    // An optional comment, then one of the two payoff layouts.
    if (this.peek().kind === 'string') this.next();
    const sizes = actions.map((list) => list.length);
    const payoffs = new Array<Rational[]>(count);
    let outcomeLabels: (string | null)[] | null = null;
    if (this.peek().kind === '{') {
      outcomeLabels = this.outcomeLayout(sizes, payoffs);
    } else {
      for (let g = 0; g < count; g++) {
        const leaf: Rational[] = [];
        for (let i = 0; i < n; i++) {
          if (i > 0 && this.peek().kind === ',') this.next();
          leaf.push(this.number(`payoff ${g * n + i + 1} of ${count * n}`));
        }
        if (this.peek().kind === ',') this.next();
        payoffs[toFlatIndex(g, sizes)] = leaf;
      }
    }
    const end = this.next();
    if (end.kind !== 'end') this.fail(end, 'the end of the file');

    return {
      name: title || defaultName,
      states: ['only'],
      prior: [ONE],
      players: playerNames.map((name, i) => ({
        name,
        actions: actions[i],
        types: [''],
      })),
      payoffs: [payoffs],
      designer: null,
      signal: [[{ types: playerNames.map(() => 0), p: ONE }]],
      hasTypes: false,
      outcomeLabels:
        outcomeLabels && outcomeLabels.some((l) => l !== null)
          ? [outcomeLabels]
          : null,
    };
  }

  /** `{ { "name" u_1, …, u_N } … }` then one outcome number per profile. */
  private outcomeLayout(
    sizes: readonly number[],
    payoffs: Rational[][],
  ): (string | null)[] {
    const n = sizes.length;
    const count = payoffs.length;
    const outcomes: { name: string; payoff: Rational[] }[] = [];
    this.expect('{', 'the list of outcomes');
    while (this.peek().kind === '{') {
      this.next();
      const name = this.string(
        `the name of outcome ${outcomes.length + 1}, in double quotes`,
      );
      const payoff: Rational[] = [];
      for (let i = 0; i < n; i++) {
        if (i > 0 && this.peek().kind === ',') this.next();
        payoff.push(
          this.number(
            `payoff ${i + 1} of ${n} of outcome ${outcomes.length + 1}`,
          ),
        );
      }
      this.expect(
        '}',
        `"}" closing outcome ${outcomes.length + 1} after its ${n} payoffs`,
      );
      outcomes.push({ name, payoff });
    }
    this.expect(
      '}',
      '"{" starting an outcome or "}" ending the list of outcomes',
    );

    const zero = sizes.map(() => ZERO);
    const labels = new Array<string | null>(count);
    for (let g = 0; g < count; g++) {
      const token = this.peek();
      const k = this.integer(
        `outcome number ${g + 1} of ${count} (0 to ${outcomes.length})`,
        0,
      );
      if (k > outcomes.length) {
        this.fail(token, `an outcome number from 0 to ${outcomes.length}`);
      }
      const a = toFlatIndex(g, sizes);
      payoffs[a] = k === 0 ? zero : outcomes[k - 1].payoff;
      labels[a] =
        k === 0 || outcomes[k - 1].name === '' ? null : outcomes[k - 1].name;
    }
    return labels;
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private error(token: Token, problem: string, fix?: string): InputError {
    return new InputError(
      `${this.file}:${token.line}:${token.column}`,
      problem,
      fix,
    );
  }

  private fail(token: Token, expected: string): never {
    throw this.error(
      token,
      `expected ${expected}, found ${describeToken(token)}`,
    );
  }

  private expect(kind: Token['kind'], expected: string): Token {
    const token = this.next();
    if (token.kind !== kind) this.fail(token, expected);
    return token;
  }

  private keyword(word: string, expected: string): void {
    const token = this.next();
    if (token.kind !== 'word' || token.text !== word)
      this.fail(token, expected);
  }

  private string(expected: string): string {
    return this.expect('string', expected).text;
  }

  /** `{ "…" "…" … }`, possibly empty. */
  private stringList(expected: string): string[] {
    this.expect('{', expected);
    const list: string[] = [];
    while (this.peek().kind === 'string') list.push(this.next().text);
    this.expect('}', `another string or "}" ending ${expected}`);
    return list;
  }

  private integer(expected: string, least = 1): number {
    const token = this.next();
    if (token.kind !== 'word' || !/^\d+$/.test(token.text)) {
      this.fail(token, `${expected}: a whole number`);
    }
    const value = Number(token.text);
    if (value < least || !Number.isSafeInteger(value)) {
      this.fail(token, `${expected}: a whole number of at least ${least}`);
    }
    return value;
  }

  private number(expected: string): Rational {
    const token = this.next();
    const value = token.kind === 'word' ? Rational.parse(token.text) : null;
    if (value) return value;
    if (token.kind === 'word' && /^[+-]?\d+\/[+-]?0+$/.test(token.text)) {
      throw this.error(
        token,
        `${expected}: the fraction ${token.text} has denominator 0`,
      );
    }
    return this.fail(
      token,
      `${expected}: a number (integer, decimal such as 1.5, or fraction such as 3/2)`,
    );
  }
}

/**
 * Our flat index (player 1 most significant) of the profile at position g
 * in Gambit's order (player 1 fastest).
 */
function toFlatIndex(g: number, sizes: readonly number[]): number {
  const strides = new Array<number>(sizes.length);
  let stride = 1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= sizes[i];
  }
  let a = 0;
  for (let i = 0; i < sizes.length; i++) {
    a += (g % sizes[i]) * strides[i];
    g = Math.floor(g / sizes[i]);
  }
  return a;
}

/**
 * Gambit labels made fit for the model: an empty label becomes
 * `fallback(position)`, and every label that occurs more than once (ignoring
 * case when `ignoreCase`) gets `#position` appended; surrounding spaces are
 * removed. Positions count from 1.
 */
function uniqueLabels(
  labels: readonly string[],
  fallback: (position: number) => string,
  ignoreCase: boolean,
): string[] {
  const key = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  const filled = labels.map((l, i) => l.trim() || fallback(i + 1));
  const counts = new Map<string, number>();
  for (const l of filled) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
  const out = filled.map((l, i) =>
    (counts.get(key(l)) ?? 0) > 1 ? `${l}#${i + 1}` : l,
  );
  // A renamed label could in principle meet an existing one ("a#2" next to
  // two "a"s); number such collisions further until all differ.
  const seen = new Set<string>();
  return out.map((l) => {
    let candidate = l;
    for (let extra = 2; seen.has(key(candidate)); extra++)
      candidate = `${l}#${extra}`;
    seen.add(key(candidate));
    return candidate;
  });
}
