/**
 * The lexical layer shared by the Gambit readers (`.efg` and `.nfg`): the
 * text of a file → tokens, and a reader base class that consumes them.
 *
 * A token is a brace `{` or `}`, a comma (in `.nfg` files only; `.efg`
 * files may put commas between payoffs, where they carry no meaning and
 * are skipped like spaces), a string in double quotes, where a backslash
 * makes the next character literal (`\"`), or a word: any other run of
 * characters up to a space, brace, quote or comma (keywords, numbers).
 * Every token records the line and column where it starts, so that errors
 * can name `FILE:LINE:COLUMN` and say what was expected there.
 */

import { InputError } from './input-error.js';

/** One token of a Gambit file, with where it starts (counting from 1). */
export interface GambitToken {
  readonly kind: '{' | '}' | ',' | 'string' | 'word' | 'end';
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Splits the text of a Gambit file into tokens, ending with one `end`
 * token. `commas` says whether a comma is a token of its own (`.nfg`) or
 * is skipped like a space (`.efg`). `file` names the source in errors.
 */
export function tokenizeGambit(
  text: string,
  file: string,
  commas: 'token' | 'skip',
): GambitToken[] {
  const tokens: GambitToken[] = [];
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
    if (/\s/.test(c) || (c === ',' && commas === 'skip')) {
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

/** How a token is named in an error message. */
export function describeToken(token: GambitToken): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the file';
    case 'string':
      return `the string ${JSON.stringify(token.text)}`;
    default:
      return JSON.stringify(token.text);
  }
}

/**
 * A recursive-descent reader over Gambit tokens: the steps every Gambit
 * grammar needs (keywords, strings, string lists, whole numbers), each
 * failing with an `InputError` at the offending token. Subclasses add the
 * grammar of their format and their own reading of numbers.
 */
export abstract class GambitTokenReader {
  protected position = 0;

  /** `file` names the source in error messages. */
  constructor(
    protected readonly tokens: readonly GambitToken[],
    protected readonly file: string,
  ) {}

  protected peek(): GambitToken {
    return this.tokens[this.position];
  }

  protected next(): GambitToken {
    const token = this.tokens[this.position];
    if (token.kind !== 'end') this.position++;
    return token;
  }

  protected error(
    token: GambitToken,
    problem: string,
    fix?: string,
  ): InputError {
    return new InputError(
      `${this.file}:${token.line}:${token.column}`,
      problem,
      fix,
    );
  }

  protected fail(token: GambitToken, expected: string): never {
    throw this.error(
      token,
      `expected ${expected}, found ${describeToken(token)}`,
    );
  }

  protected expect(kind: GambitToken['kind'], expected: string): GambitToken {
    const token = this.next();
    if (token.kind !== kind) this.fail(token, expected);
    return token;
  }

  protected keyword(word: string, expected: string): void {
    const token = this.next();
    if (token.kind !== 'word' || token.text !== word)
      this.fail(token, expected);
  }

  protected string(expected: string): string {
    return this.expect('string', expected).text;
  }

  /** `{ "…" "…" … }`, possibly empty. */
  protected stringList(expected: string): string[] {
    this.expect('{', expected);
    const list: string[] = [];
    while (this.peek().kind === 'string') list.push(this.next().text);
    this.expect('}', `another string or "}" ending ${expected}`);
    return list;
  }

  protected integer(expected: string, least = 1): number {
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
}
