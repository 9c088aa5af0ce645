import { spawn } from 'node:child_process';

/**
 * Run a probe script in a fresh Node process (tsx, `--expose-gc`) and parse the JSON it prints
 * as its last stdout line. Memory is measured this way so that nothing else in the benchmark
 * process (earlier cases, their garbage) counts towards it. A failing probe rejects with its
 * stderr's last lines.
 */
export async function runProbe<T>(script: string, args: readonly string[] = []): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    const tail = stderr.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${script} failed (exit ${code}):\n${tail}`);
  }
  const last = stdout.trim().split('\n').at(-1);
  if (!last) throw new Error(`${script} printed no result.`);
  return JSON.parse(last) as T;
}

/** Memory figures a probe reports, in MiB. */
export interface MemoryProbeResult {
  /** RSS before the work, after loading the code. */
  rssBeforeMiB: number;
  /** RSS while holding the work's result (after a GC). */
  rssAfterMiB: number;
  /** Peak RSS of the process over its life. */
  rssPeakMiB: number;
  heapBeforeMiB: number;
  heapAfterMiB: number;
  /** How many resources (or calls) the work involved. */
  count: number;
  /** How long the work took, in ms. */
  ms: number;
}
