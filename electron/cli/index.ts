import { CliError } from './cli-core';
import { buildProgram } from './program';

/** Entry point of `dr-war-room`: parse, run, and exit non-zero with one clear line on failure. */
async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`dr-war-room: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}

void main(process.argv);
