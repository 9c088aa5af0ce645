/**
 * Helpers for case modules: time runs, count throughput, and read memory with a forced GC
 * (`npm run bench` starts every case module with `--expose-gc`).
 */

/** Run the garbage collector (a no-op outside `npm run bench`, which passes `--expose-gc`). */
export function forceGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** True when the process can force a GC (memory measurements need it to be meaningful). */
export function canForceGc(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

/** Bytes to MiB. */
export function toMiB(bytes: number): number {
  return bytes / (1024 * 1024);
}

/** Resident set size and V8 heap in use, after a forced GC, in MiB. */
export function memoryNow(): { rssMiB: number; heapMiB: number } {
  forceGc();
  const usage = process.memoryUsage();
  return { rssMiB: toMiB(usage.rss), heapMiB: toMiB(usage.heapUsed) };
}

/** Options of {@link timeRuns}. */
export interface TimeRunsOptions {
  /** Measured runs (default 7). */
  runs?: number;
  /** Unmeasured runs first, to warm up the JIT and caches (default 1). */
  warmup?: number;
}

/** Time `runs` calls of `fn` (after `warmup` unmeasured calls); one sample in ms per run. */
export async function timeRuns(
  fn: () => Promise<unknown> | unknown,
  options: TimeRunsOptions = {},
): Promise<number[]> {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 1;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Send `total` calls with at most `concurrency` in flight and return the rate in calls per second.
 * `call(i)` makes the i-th call.
 */
export async function callsPerSecond(
  total: number,
  concurrency: number,
  call: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      await call(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = (performance.now() - start) / 1000;
  return total / seconds;
}
