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

/** The rate of a batch of calls: per second of wall time, and per second of this process's CPU time. */
export interface CallRate {
  /** Calls per second of elapsed (wall-clock) time. */
  perSecond: number;
  /**
   * Calls per second of CPU time used by this process (user + system, all threads). Other
   * processes competing for the CPU barely change it, so it stays meaningful on a busy machine.
   */
  perCpuSecond: number;
}

/**
 * Send `total` calls with at most `concurrency` in flight and measure the rate.
 * `call(i)` makes the i-th call.
 */
export async function measureCalls(
  total: number,
  concurrency: number,
  call: (i: number) => Promise<unknown>,
): Promise<CallRate> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      await call(i);
    }
  };
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { perSecond: total / seconds, perCpuSecond: total / Math.max(cpuSeconds, 1e-6) };
}

/** Send `total` calls with at most `concurrency` in flight; the rate in calls per second. */
export async function callsPerSecond(
  total: number,
  concurrency: number,
  call: (i: number) => Promise<unknown>,
): Promise<number> {
  return (await measureCalls(total, concurrency, call)).perSecond;
}
