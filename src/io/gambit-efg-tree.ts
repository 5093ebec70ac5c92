/**
 * The text of a Gambit extensive-form file (`.efg`, `EFG 2 R` or `EFG 2 D`)
 * → its game tree, checked for syntax and internal consistency only.
 *
 * A file is a prologue, `EFG 2 R "title" { "player 1" … "player N" }` and
 * an optional comment string, then the nodes in prefix order (a node, then
 * the subtrees of its children from first to last):
 *
 *   c "node" EVENT ["event" { "action" p … }] OUTCOME ["outcome" { u … }]
 *   p "node" PLAYER INFOSET ["infoset" { "action" … }] OUTCOME [ … ]
 *   t "node" OUTCOME ["outcome" { u_1 … u_N }]
 *
 * A chance node has one child per action of its event, a player node one
 * per action of its information set, a terminal node none. Events,
 * information sets and outcomes are numbered; the description in brackets
 * is given the first time a number appears and may be repeated later, in
 * which case it must match exactly (Gambit's rule). Outcome 0 is "no
 * outcome". Payoffs of outcomes met on a path add up.
 *
 * Numbers are read exactly whatever the R/D letter says: integers,
 * decimals (`0.5`, `.80`, `1e-3`) and fractions (`3/4`). Chance
 * probabilities must be at least 0 and sum to exactly 1 at each event, so
 * a file that writes 1/3 as 0.333333 is refused with a hint to use a
 * fraction. Commas between payoffs are allowed and ignored. Strings are in
 * double quotes, a backslash makes the next character literal (`\"`).
 *
 * What the tree means as a game (states, types, the one-stage condition)
 * is decided in gambit-efg.ts. Errors name `FILE:LINE:COLUMN`.
 */

import { ONE, Rational, sum } from '../numbers/rational.js';
import { InputError } from './input-error.js';

/** A chance event: the labelled moves of chance with their probabilities. */
export interface EfgEvent {
  readonly number: number;
  readonly label: string;
  readonly actions: readonly string[];
  readonly probabilities: readonly Rational[];
}

/** A player's information set. `player` counts from 0. */
export interface EfgInfoset {
  readonly player: number;
  readonly number: number;
  readonly label: string;
  readonly actions: readonly string[];
}

/** An outcome: a label and one payoff per player. */
export interface EfgOutcome {
  readonly number: number;
  readonly label: string;
  readonly payoffs: readonly Rational[];
}

/** Where a node was written, for error messages. */
export interface EfgPlace {
  readonly line: number;
  readonly column: number;
}

/** A node of the tree. */
export type EfgNode =
  | {
      readonly kind: 'chance';
      readonly label: string;
      readonly event: EfgEvent;
      readonly outcome: EfgOutcome | null;
      readonly children: readonly EfgNode[];
      readonly at: EfgPlace;
    }
  | {
      readonly kind: 'player';
      readonly label: string;
      readonly infoset: EfgInfoset;
      readonly outcome: EfgOutcome | null;
      readonly children: readonly EfgNode[];
      readonly at: EfgPlace;
    }
  | {
      readonly kind: 'terminal';
      readonly label: string;
      readonly outcome: EfgOutcome | null;
      readonly children: readonly EfgNode[];
      readonly at: EfgPlace;
    };

/** A parsed `.efg` file. */
export interface EfgTree {
  readonly title: string;
  /** Player names as written (possibly empty or repeated). */
  readonly players: readonly string[];
  readonly root: EfgNode;
}

interface Token {
  readonly kind: '{' | '}' | 'string' | 'word' | 'end';
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Parses the text of an `.efg` file into its tree. `file` names the source
 * in error messages.
 */
export function parseEfgTree(text: string, file = '<efg>'): EfgTree {
  return new EfgReader(tokenize(text, file), file).tree();
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
    // Commas separate payoffs in some files; they carry no meaning.
    if (/\s/.test(c) || c === ',') {
      i++;
      continue;
    }
    const column = i - lineStart + 1;
    if (c === '{' || c === '}') {
      tokens.push({ kind: c, text: c, line, column });
      i++;
    } else if (c === '"') {
      const startLine = line;
      let value = '';
      for (i++; ; i++) {
        if (i >= text.length) {
          throw new InputError(
            `${file}:${startLine}:${column}`,
            'this string is never closed',
            'end it with a double quote; write \\" for a quote inside it',
          );
        }
        if (text[i] === '"') break;
        if (text[i] === '\\' && i + 1 < text.length) i++;
        if (text[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += text[i];
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
  if (token.kind === 'end') return 'the end of the file';
  if (token.kind === 'string')
    return `the string ${JSON.stringify(token.text)}`;
  return JSON.stringify(token.text);
}

/** A node being read whose children are still to come. */
interface OpenNode {
  readonly children: EfgNode[];
  readonly expected: number;
}

class EfgReader {
  private position = 0;
  private readonly events = new Map<number, EfgEvent>();
  private readonly infosets = new Map<string, EfgInfoset>();
  private readonly outcomes = new Map<number, EfgOutcome>();
  private players = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly file: string,
  ) {}

  tree(): EfgTree {
    // Prologue: EFG 2 R|D "title" { players } ["comment"].
    this.keyword('EFG', 'the file to start with "EFG 2 R"');
    this.keyword('2', 'the format version 2 after "EFG"');
    const letter = this.next();
    if (
      letter.kind !== 'word' ||
      (letter.text !== 'R' && letter.text !== 'D')
    ) {
      this.fail(letter, '"R" or "D" after "EFG 2"');
    }
    const title = this.string('the title of the game, in double quotes');
    const playersAt = this.peek();
    const players = this.stringList('the list of player names { "…" "…" }');
    if (players.length === 0) this.fail(playersAt, 'at least one player');
    this.players = players.length;
    if (this.peek().kind === 'string') this.next();

    // Nodes in prefix order, kept on a stack of nodes awaiting children, so
    // a deep tree cannot overflow the call stack.
    const top: OpenNode = { children: [], expected: 1 };
    const open: OpenNode[] = [top];
    while (open.length > 0) {
      const parent = open[open.length - 1];
      if (parent.children.length === parent.expected) {
        open.pop();
        continue;
      }
      const node = this.node();
      parent.children.push(node);
      if (node.kind !== 'terminal') {
        open.push({
          children: node.children as EfgNode[],
          expected:
            node.kind === 'chance'
              ? node.event.actions.length
              : node.infoset.actions.length,
        });
      }
    }
    const end = this.next();
    if (end.kind !== 'end') {
      this.fail(end, 'the end of the file after the last node of the tree');
    }
    return { title, players, root: top.children[0] };
  }

  /** One node line; its `children` array is filled in by the caller. */
  private node(): EfgNode {
    const start = this.next();
    const at = { line: start.line, column: start.column };
    if (start.kind !== 'word' || !['c', 'p', 't'].includes(start.text)) {
      this.fail(start, 'a node: "c" (chance), "p" (player) or "t" (terminal)');
    }
    const label = this.string('the name of the node, in double quotes');
    if (start.text === 't') {
      return {
        kind: 'terminal',
        label,
        outcome: this.outcome(),
        children: [],
        at,
      };
    }
    if (start.text === 'c') {
      const event = this.event();
      return {
        kind: 'chance',
        label,
        event,
        outcome: this.outcome(),
        children: [],
        at,
      };
    }
    const playerAt = this.peek();
    const player = this.integer('the number of the player who moves');
    if (player > this.players) {
      this.fail(playerAt, `a player number from 1 to ${this.players}`);
    }
    const infoset = this.infoset(player - 1);
    return {
      kind: 'player',
      label,
      infoset,
      outcome: this.outcome(),
      children: [],
      at,
    };
  }

  private event(): EfgEvent {
    const numberAt = this.peek();
    const number = this.integer('the number of the chance event');
    const known = this.events.get(number);
    if (this.peek().kind !== 'string') {
      if (!known) {
        this.fail(
          this.peek(),
          `the name and moves of chance event ${number}, which appears here for the first time`,
        );
      }
      return known;
    }
    const label = this.next().text;
    const listAt = this.expect('{', `the moves of chance event ${number}`);
    const actions: string[] = [];
    const probabilities: Rational[] = [];
    while (this.peek().kind === 'string') {
      actions.push(this.next().text);
      const pAt = this.peek();
      const p = this.number(`the probability of the move "${actions.at(-1)}"`);
      if (p.sign() < 0) {
        throw this.error(
          pAt,
          `probability ${p} is negative`,
          'probabilities must be 0 or more',
        );
      }
      probabilities.push(p);
    }
    this.expect('}', `another move "name" probability, or "}"`);
    if (actions.length === 0) this.fail(listAt, 'at least one chance move');
    const total = sum(probabilities);
    if (!total.equals(ONE)) {
      throw this.error(
        listAt,
        `the probabilities of chance event ${number} sum to ${total}, not 1`,
        'probabilities are read exactly; write 1/3 rather than 0.333333',
      );
    }
    const event = { number, label, actions, probabilities };
    if (known) {
      const same =
        known.label === label &&
        sameList(known.actions, actions) &&
        known.probabilities.every((q, k) => q.equals(probabilities[k]));
      if (!same) {
        throw this.error(
          numberAt,
          `chance event ${number} is described differently from its first appearance`,
          'repeat the description exactly, or leave it out after the first time',
        );
      }
      return known;
    }
    this.events.set(number, event);
    return event;
  }

  private infoset(player: number): EfgInfoset {
    const numberAt = this.peek();
    const number = this.integer(`the information set of player ${player + 1}`);
    const key = `${player}:${number}`;
    const known = this.infosets.get(key);
    if (this.peek().kind !== 'string') {
      if (!known) {
        this.fail(
          this.peek(),
          `the name and actions of information set ${number} of player ${player + 1}, which appears here for the first time`,
        );
      }
      return known;
    }
    const label = this.next().text;
    const listAt = this.peek();
    const actions = this.stringList(
      `the actions of information set ${number} of player ${player + 1} { "…" "…" }`,
    );
    if (actions.length === 0) this.fail(listAt, 'at least one action');
    if (known) {
      if (known.label !== label || !sameList(known.actions, actions)) {
        throw this.error(
          numberAt,
          `information set ${number} of player ${player + 1} is described differently from its first appearance`,
          'repeat the description exactly, or leave it out after the first time',
        );
      }
      return known;
    }
    const infoset = { player, number, label, actions };
    this.infosets.set(key, infoset);
    return infoset;
  }

  private outcome(): EfgOutcome | null {
    const numberAt = this.peek();
    const number = this.integer('the outcome number (0 for none)', 0);
    const known = this.outcomes.get(number);
    if (this.peek().kind !== 'string') {
      if (number !== 0 && !known) {
        this.fail(
          this.peek(),
          `the name and payoffs of outcome ${number}, which appears here for the first time`,
        );
      }
      return known ?? null;
    }
    if (number === 0) {
      this.fail(this.peek(), 'no name or payoffs after outcome 0 (no outcome)');
    }
    const label = this.next().text;
    this.expect('{', `the payoffs of outcome ${number}`);
    const payoffs: Rational[] = [];
    for (let i = 0; i < this.players; i++) {
      payoffs.push(
        this.number(`payoff ${i + 1} of ${this.players} of outcome ${number}`),
      );
    }
    this.expect(
      '}',
      `"}" after the ${this.players} payoffs of outcome ${number}`,
    );
    if (known) {
      const same =
        known.label === label &&
        known.payoffs.every((u, i) => u.equals(payoffs[i]));
      if (!same) {
        throw this.error(
          numberAt,
          `outcome ${number} is described differently from its first appearance`,
          'repeat the description exactly, or leave it out after the first time',
        );
      }
      return known;
    }
    const outcome = { number, label, payoffs };
    this.outcomes.set(number, outcome);
    return outcome;
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
    const value =
      token.kind === 'word' || token.kind === 'string'
        ? Rational.parse(token.text)
        : null;
    if (value) return value;
    return this.fail(
      token,
      `${expected}: a number (integer, decimal such as 1.5, or fraction such as 3/2)`,
    );
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}
