/**
 * Input errors: the one kind of failure that reaches a user because of what
 * they typed or wrote in a file. Each names where the bad value is (a dotted
 * path such as `payoffs.guilty[1][0]`, or a command-line option), what was
 * found, what was expected, and how to fix it. The CLI prints the message
 * on one line and exits non-zero; library callers can read the fields.
 */

/** A problem with user input, located by a path into that input. */
export class InputError extends Error {
  /** Where the bad value is: a file name and/or a dotted path, or an option. */
  readonly where: string;
  /** What is wrong and what was expected. */
  readonly problem: string;
  /** How to fix it, when there is something useful to say. */
  readonly fix: string | undefined;

  constructor(where: string, problem: string, fix?: string) {
    super(`${where ? `${where}: ` : ''}${problem}${fix ? ` (${fix})` : ''}`);
    this.name = 'InputError';
    this.where = where;
    this.problem = problem;
    this.fix = fix;
  }

  /** The same error, located inside a named file. */
  inFile(file: string): InputError {
    const where = this.where ? `${file}: ${this.where}` : file;
    return new InputError(where, this.problem, this.fix);
  }
}

/**
 * Runs `read` and returns its result; an `InputError` it throws is located
 * inside `file` (see `InputError.inFile`) when a file is named. Other
 * errors pass through unchanged.
 */
export function locatedInFile<T>(file: string | undefined, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (file !== undefined && e instanceof InputError) throw e.inFile(file);
    throw e;
  }
}
