import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../core/fs/write-file-atomic';
import type { Simulator } from './create-simulator';
import type { SimulatorState } from './simulator-state';
import { simulatorStateSchema } from './simulator-state';

/** Read a saved simulator state, or undefined when the file does not exist. */
export async function readStateFile(file: string): Promise<SimulatorState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file}: cannot read the simulator state (${(error as Error).message})`, {
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file}: the simulator state is not valid JSON; delete it to start the scenario afresh`,
      {
        cause: error,
      },
    );
  }
  const parsed = simulatorStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; delete the file to start the scenario afresh`,
    );
  }
  return parsed.data;
}

/** Write the simulator's state atomically (a crash leaves the old or the new file, never half). */
export async function writeStateFile(file: string, sim: Simulator): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(sim.save())}\n`);
}

/** Saves a simulator to a file after mutating requests (debounced) and on demand. */
export interface StateFileSaver {
  /** Save now (waits for a save in progress first). */
  flush(): Promise<void>;
  /** Stop listening (pending debounced save is dropped; call flush first to keep it). */
  stop(): void;
}

/**
 * Save `sim` to `file` `debounceMs` after the last mutating request. Errors go to `onError`
 * (the simulator keeps running).
 */
export function saveOnMutation(
  sim: Simulator,
  file: string,
  debounceMs = 500,
  onError: (error: Error) => void = () => undefined,
): StateFileSaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    chain = chain.then(() => writeStateFile(file, sim)).catch((error: unknown) => onError(error as Error));
    return chain;
  };
  const unsubscribe = sim.onRequest((record) => {
    if (!record.mutating) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void save();
    }, debounceMs);
  });
  return {
    flush: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      return save();
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}
