import type { StateFileSaver } from '../simulator/core/state-file';

/**
 * Saves the state file when the facilitator changes the faults (the control route waits for it),
 * through the command's own saver, and reports a failed save to the control route.
 */
export interface FaultSaveHook {
  /** Give this to the saver as its error handler (it also reports the error on). */
  onError: (error: Error) => void;
  /** The server's `onFaultsChanged`: resolves once the change is on disk, rejects when that save failed. */
  persist: () => Promise<void>;
  /** The saver is running (fault changes made before this wait for it). */
  attach: (saver: StateFileSaver) => void;
}

/** A {@link FaultSaveHook} that also tells `onSaveError` of every failed save. */
export function createFaultSaveHook(onSaveError: (error: Error) => void): FaultSaveHook {
  let lastError: Error | undefined;
  let attach: (saver: StateFileSaver) => void = () => undefined;
  const ready = new Promise<StateFileSaver>((resolve) => (attach = resolve));
  return {
    onError: (error) => {
      lastError = error;
      onSaveError(error);
    },
    persist: async () => {
      const saver = await ready;
      lastError = undefined;
      await saver.flush();
      if (lastError) throw lastError;
    },
    attach: (saver) => attach(saver),
  };
}
