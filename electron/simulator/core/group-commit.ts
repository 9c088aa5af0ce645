/**
 * Ask for a write that covers everything done before the call: resolves once such a write has
 * finished, rejects with its error when it failed.
 */
export type GroupCommit = () => Promise<void>;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit over `write` (which snapshots what it writes when it starts): one write at a time;
 * calls that arrive while a write is in flight share the next one, so a burst of N calls costs
 * one or two writes, not N. A call never settles on a write that started before it, so its
 * caller's change is always in the write it waits for. A failed write rejects exactly the calls
 * that were waiting for it; the next call starts a new write.
 */
export function createGroupCommit(write: () => Promise<void>): GroupCommit {
  let queue: Waiter[] = [];
  let writing = false;
  const drain = async (): Promise<void> => {
    writing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await write();
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    writing = false;
  };
  return () =>
    new Promise<void>((resolve, reject) => {
      queue.push({ resolve, reject });
      if (!writing) void drain();
    });
}
