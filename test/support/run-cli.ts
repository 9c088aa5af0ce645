import { vi } from 'vitest';
import { buildProgram } from '../../electron/cli/program';

/** Where captured CLI output goes: each callback receives every chunk written to that stream. */
export interface StdioSinks {
  stdout?: (chunk: string) => void;
  stderr?: (chunk: string) => void;
}

/**
 * Replace `process.stdout.write` and `process.stderr.write` with spies that hand each chunk to
 * `sinks` (a stream without a sink is swallowed). Undo with `vi.restoreAllMocks()` after the test.
 */
export function captureStdio(sinks: StdioSinks): void {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    sinks.stdout?.(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    sinks.stderr?.(String(chunk));
    return true;
  });
}

/**
 * Run `dr-war-room …args --data-dir <dataDir>` in-process, the way the shell would: commander's
 * exits become thrown errors, so a failing command rejects.
 */
export async function runCli(dataDir: string, ...args: string[]): Promise<void> {
  await buildProgram()
    .exitOverride()
    .parseAsync(['node', 'dr-war-room', ...args, '--data-dir', dataDir]);
}
