/** The shape of a CLI command: a name, help text and a run function. */

/** Where a command writes: results to stdout, everything else to stderr. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One subcommand of `revelation`. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Runs with the arguments after the command name; returns the exit code. */
  run(argv: readonly string[], out: Output): Promise<number>;
}
