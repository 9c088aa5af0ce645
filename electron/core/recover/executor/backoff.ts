/** How a wait polls: first interval, growth factor, cap, and the overall limit. */
export interface PollTiming {
  /** First poll after this many ms. */
  initialMs: number;
  /** Each quiet poll multiplies the interval by this. */
  factor: number;
  /** The interval never grows beyond this (a change is noticed within one of these). */
  maxMs: number;
  /** Give up waiting after this many ms (restores can take hours: generous). */
  timeoutMs: number;
}

/** Live defaults: 5 s, growing by 1.5 up to 30 s, for up to 24 hours. */
export const LIVE_POLL: PollTiming = {
  initialMs: 5_000,
  factor: 1.5,
  maxMs: 30_000,
  timeoutMs: 24 * 60 * 60 * 1000,
};

/** The next interval after a poll: reset to the first when the status changed, else grow up to the cap (pure). */
export function nextInterval(timing: PollTiming, current: number, changed: boolean): number {
  if (changed) return timing.initialMs;
  return Math.min(timing.maxMs, Math.max(timing.initialMs, Math.round(current * timing.factor)));
}

/** Sleep that an abort signal cuts short (resolves false when aborted). */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
