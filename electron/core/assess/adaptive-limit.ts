/** Settings of an {@link AdaptiveLimit}. */
export interface AdaptiveLimitOptions {
  /** Concurrent calls allowed at the start (default 8). */
  initial?: number;
  /** Never fewer than this (default 1). */
  min?: number;
  /** Never more than this (default 64). */
  max?: number;
}

/**
 * A concurrency bound that adapts to throttling (AIMD, as TCP does): it grows by one per
 * success up to a threshold (fast ramp), then by one per full window of successes; a throttled
 * call halves it and lowers the threshold. Several throttles from one window of calls halve it
 * only once. Pure state, no timers.
 */
export class AdaptiveLimit {
  private value: number;
  private threshold: number;
  private readonly min: number;
  private readonly max: number;
  private credit = 0;
  /** Completions still to see before another throttle may cut the limit again. */
  private cutGuard = 0;

  constructor(options: AdaptiveLimitOptions = {}) {
    this.min = Math.max(1, Math.floor(options.min ?? 1));
    this.max = Math.max(this.min, Math.floor(options.max ?? 64));
    this.value = Math.min(this.max, Math.max(this.min, Math.floor(options.initial ?? 8)));
    this.threshold = this.max;
  }

  /** The current bound. */
  get limit(): number {
    return this.value;
  }

  /** A call succeeded without being throttled. */
  onSuccess(): void {
    if (this.cutGuard > 0) this.cutGuard -= 1;
    if (this.value >= this.max) return;
    if (this.value < this.threshold) {
      this.value += 1;
      return;
    }
    this.credit += 1;
    if (this.credit >= this.value) {
      this.credit = 0;
      this.value += 1;
    }
  }

  /** A call was throttled: halve the bound (once per window of calls). Returns true when it was cut. */
  onThrottle(): boolean {
    if (this.cutGuard > 0) {
      this.cutGuard -= 1;
      return false;
    }
    this.value = Math.max(this.min, Math.floor(this.value / 2));
    this.threshold = this.value;
    this.credit = 0;
    this.cutGuard = this.value;
    return true;
  }
}
