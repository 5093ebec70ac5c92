/**
 * The `revelation` command-line program: finds the command, runs it, and
 * turns input errors into one line on stderr with a non-zero exit. It
 * contains no maths: every command calls the library and renders.
 */

import { InputError } from '../io/input-error.js';
import { bceCommand } from './commands/bce.js';
import { checkCommand } from './commands/check.js';
import { induceCommand } from './commands/induce.js';
import { garblingCommand } from './commands/garbling.js';
import { mechanismCommand } from './commands/mechanism.js';
import { projectCommand, verticesCommand } from './commands/geometry.js';
import { sequentialCommand } from './commands/sequential.js';
import { durableCommand } from './commands/durable.js';
import { persuadeCommand } from './commands/persuade.js';
import { plausibleCommand } from './commands/plausible.js';
import type { Command, Output } from './commands/command.js';
import { suggest } from '../bce/objective.js';

const commands: readonly Command[] = [
  bceCommand,
  checkCommand,
  induceCommand,
  garblingCommand,
  mechanismCommand,
  verticesCommand,
  projectCommand,
  sequentialCommand,
  durableCommand,
  persuadeCommand,
  plausibleCommand,
];

const processOutput: Output = {
  stdout: (text) =>
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) =>
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'revelation: exact information design and mechanism design on finite games',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    'Numbers are exact rationals; add --json for one machine-readable JSON object.',
  ].join('\n');
}

/** Runs the program on `argv` (without `node` and the script); returns the exit code. */
export async function main(
  argv: readonly string[],
  out: Output = processOutput,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // Called with nothing to do: the help is the error message.
    out.stderr(help());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    out.stdout(help());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) {
      const names = commands.map((c) => c.name);
      throw new InputError(
        name,
        'unknown command',
        `commands: ${names.join(', ')}${suggest(name, names)}`,
      );
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      out.stdout(`${command.summary}\n\nusage: ${command.usage}`);
      return 0;
    }
    return await command.run(rest, out);
  } catch (error) {
    if (error instanceof InputError) {
      out.stderr(`revelation: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    out.stderr(`revelation: internal error: ${message}`);
    if (process.env.REVELATION_DEBUG && error instanceof Error) {
      out.stderr(error.stack ?? '');
    }
    return 70;
  }
}
