/**
 * The command-line program run in-process for tests: `main` with stdout
 * and stderr captured, each line written followed by a newline.
 */

import { main } from '../../src/cli/main.js';

/** What one run of the program printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `revelation ...argv` and returns its exit code and output. */
export async function run(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}
