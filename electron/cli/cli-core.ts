import { createRequire } from 'node:module';
import path from 'node:path';
import { Core } from '../core/app/core';
import type { Result } from '../core/api/result';
import type { CallName, CallOutput, CallInput } from '../core/api/contract';
import { defaultDataDir } from '../core/paths/default-data-dir';
import { packageRootSync } from '../core/paths/package-root';

/** Options every command takes. */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/** The app version from package.json. */
export function appVersionSync(): string {
  const require = createRequire(import.meta.url);
  return (require(path.join(packageRootSync(), 'package.json')) as { version: string }).version;
}

/** Open a core for a command (data folder from `--data-dir` or the platform default). */
export async function openCore(opts: GlobalOptions & { scenario?: string; speed?: number }): Promise<Core> {
  return Core.create({
    dataDir: path.resolve(opts.dataDir ?? defaultDataDir()),
    runbooksDir: path.join(packageRootSync(), 'runbooks'),
    env: process.env,
    transport: 'http',
    version: appVersionSync(),
    ...(opts.scenario ? { scenario: opts.scenario } : {}),
    ...(opts.speed === undefined ? {} : { speed: opts.speed }),
  });
}

/** Open a core for a command, run `fn`, and always close the core (journals flushed). */
export async function withCore<T>(
  opts: GlobalOptions & { scenario?: string },
  fn: (core: Core) => Promise<T>,
): Promise<T> {
  const core = await openCore(opts);
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/** An error the CLI prints as one line and exits non-zero with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * Run one contract call through the same dispatcher the UI uses; a failed result becomes a
 * {@link CliError} carrying the error's message.
 */
export async function callCore<K extends CallName>(
  core: Core,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = (await core.dispatch(name, input, { via: 'cli' })) as Result<CallOutput<K>>;
  if (!result.ok) throw new CliError(`${result.error.message}`, 1);
  return result.value;
}

/** Print a value: JSON on stdout with `--json`, else the human text. */
export function output(opts: GlobalOptions, value: unknown, human: () => string): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else process.stdout.write(`${human()}\n`);
}

/** Progress and messages go to stderr so `--json` output stays clean. */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}
