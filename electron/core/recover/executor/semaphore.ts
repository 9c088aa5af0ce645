/**
 * A counting semaphore with a FIFO queue: `acquire()` resolves with a release function once a
 * slot is free. Used for AWS quotas (queue, never fail) and the in-flight request bound.
 */
export class Semaphore {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`A semaphore needs a limit of at least 1 (got ${limit}).`);
  }

  /** Slots in use. */
  get inUse(): number {
    return this.active;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** True when acquire() would resolve at once. */
  get available(): boolean {
    return this.active < this.limit;
  }

  /** Wait for a slot; the returned function frees it (idempotent). */
  async acquire(): Promise<() => void> {
    if (this.active < this.limit) {
      this.active += 1;
    } else {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    };
  }

  /** Run a function inside a slot. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
