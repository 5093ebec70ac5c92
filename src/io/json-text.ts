/**
 * Turning the text of a JSON file into a value, with syntax errors that say
 * where they are.
 *
 * `JSON.parse` does the parsing. Its error messages differ between Node
 * versions and sometimes carry no position at all, so when it fails we run
 * our own small scanner over the text (RFC 8259 grammar) to find the first
 * offending character, and report it as one line:
 * `FILE:LINE:COLUMN: invalid JSON: expected ..., found ...`.
 * Lines and columns count from 1; a column counts UTF-16 code units. A
 * leading byte-order mark is ignored. `readInputFile` reads a file's text
 * with an error that names the file when it cannot; `readJsonFile` does
 * both, reading and parsing.
 */

import { readFileSync } from 'node:fs';
import { Rational } from '../numbers/rational.js';
import { InputError } from './input-error.js';

/**
 * The text of an input file (UTF-8), or an `InputError` naming the file
 * and saying why it cannot be read.
 */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'this is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new InputError(path, `cannot read the file: ${reason}`);
  }
}

/**
 * Parses JSON text. On a syntax error throws an `InputError` located at
 * `file:line:column`.
 */
export function parseJsonText(text: string, file = '<input>'): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source) as unknown;
  } catch {
    const { offset, expected } = findSyntaxError(source);
    const { line, column } = lineAndColumn(source, offset);
    // Show a whole word (`tru`, `NaN`) rather than its first letter.
    const word = /^[\w.+-]+/.exec(source.slice(offset, offset + 40));
    const found =
      offset >= source.length
        ? 'the end of the file'
        : JSON.stringify(word ? word[0] : source[offset]);
    throw new InputError(
      `${file}:${line}:${column}`,
      `invalid JSON: expected ${expected}, found ${found}`,
    );
  }
  // JSON.parse silently keeps the last of two equal field names and rounds
  // numbers a double cannot hold; neither may change what the user wrote
  // without a word.
  const fault = findLossyJson(source);
  if (fault) {
    const { line, column } = lineAndColumn(source, fault.offset);
    throw new InputError(`${file}:${line}:${column}`, fault.problem, fault.fix);
  }
  return value;
}

/**
 * The first place where `JSON.parse` would lose what valid JSON text says:
 * a field name repeated within one object, or a number that no double
 * holds exactly as written (too large, or with more digits than a double
 * keeps). Null when there is none.
 */
function findLossyJson(
  text: string,
): { offset: number; problem: string; fix: string } | null {
  // One entry per open object (its field names so far) or array (null).
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const keys = open[open.length - 1];
      if (expectKey && keys) {
        const name = JSON.parse(text.slice(start, i + 1)) as string;
        if (keys.has(name)) {
          return {
            offset: start,
            problem: `the field ${JSON.stringify(name)} appears twice in the same object`,
            fix: 'JSON keeps only the last one; remove or rename the other',
          };
        }
        keys.add(name);
      }
      expectKey = false;
    } else if (c === '{') {
      open.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      open.push(null);
    } else if (c === '}' || c === ']') {
      open.pop();
    } else if (c === ',') {
      expectKey = open[open.length - 1] !== null;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const literal =
        /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))?.[0] ?? c;
      const exact = Rational.parse(literal);
      const read = Rational.fromJsonNumber(Number(literal));
      if (!exact || !read || !exact.equals(read)) {
        return {
          offset: i,
          problem: `the number ${literal} cannot be read exactly from JSON (a JSON number is a double)`,
          fix: `write it as a string, "${literal}"`,
        };
      }
      i += literal.length - 1;
    }
  }
  return null;
}

/**
 * Reads a JSON file and parses it: the value, or an `InputError` naming
 * the file (and, for a syntax error, `file:line:column`).
 */
export function readJsonFile(path: string): unknown {
  return parseJsonText(readInputFile(path), path);
}

/** 1-based line and column of a character offset. */
function lineAndColumn(
  text: string,
  offset: number,
): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

class SyntaxFault {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

/**
 * The offset of the first syntax error in `text` and what was expected
 * there. Only called on text that `JSON.parse` rejected; should the
 * scanner accept it anyway, the error is placed at the end of the text.
 */
function findSyntaxError(text: string): { offset: number; expected: string } {
  let i = 0;
  const fail = (expected: string): never => {
    throw new SyntaxFault(i, expected);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value (object, array, string, number, true, false or null)');
  };
  const digits = (): void => {
    if (!/[0-9]/.test(text[i] ?? '')) fail('a digit');
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const number = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const string = (): void => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail('a closing "');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('a closing " (or \\n for a line break)');
      if (c === 0x5c) {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('a hex digit');
            i++;
          }
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
        else fail('an escape such as \\" or \\n');
      } else i++;
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('a field name in double quotes');
        string();
        space();
        if (text[i] !== ':') fail('":"');
        i++;
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || /[0-9]/.test(c ?? '')) number();
    else fail('a value (object, array, string, number, true, false or null)');
  };
  try {
    value();
    space();
    if (i < text.length) fail('the end of the file');
  } catch (e) {
    if (e instanceof SyntaxFault) return e;
    throw e;
  }
  return { offset: text.length, expected: 'valid JSON' };
}
