/** How a batch is scheduled: the next animation frame while visible, a short timer while hidden. */
export interface FrameScheduler {
  schedule(flush: () => void): void;
}

/** The browser's scheduler: `requestAnimationFrame` when the page is visible, else a 250 ms timer (rAF stops in the background). */
export const browserScheduler: FrameScheduler = {
  schedule(flush) {
    if (
      typeof document !== 'undefined' &&
      document.visibilityState === 'visible' &&
      typeof requestAnimationFrame === 'function'
    ) {
      requestAnimationFrame(() => flush());
    } else {
      setTimeout(flush, 250);
    }
  },
};

/**
 * Wrap an event listener so a burst of events is applied together, in order, once per frame:
 * React renders once for the burst instead of once per event, so typing stays responsive while a
 * recovery streams hundreds of journal entries. Returns the wrapped listener.
 */
export function batchPerFrame<E>(
  apply: (event: E) => void,
  scheduler: FrameScheduler = browserScheduler,
): (event: E) => void {
  let queue: E[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    for (const event of batch) apply(event);
  };
  return (event) => {
    queue.push(event);
    if (scheduled) return;
    scheduled = true;
    scheduler.schedule(flush);
  };
}
