import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../core/fs/write-file-atomic';
import type { Simulator } from './create-simulator';
import { createGroupCommit } from './group-commit';
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

/** Options of {@link writeStateFile}. */
export interface WriteStateOptions {
  /**
   * Save the clock paused: without the real time of the save, so a resumed account continues from
   * the saved simulated time instead of catching up the time it was closed. For a clean stop (the
   * app quits, Ctrl+C on the command): the exercise waits for its people. A crash leaves the last
   * save's real time in the file, and the account then catches up, so time seen before the crash
   * never goes backwards.
   */
  pauseClock?: boolean;
}

/** Write the simulator's state atomically (a crash leaves the old or the new file, never half). */
export async function writeStateFile(
  file: string,
  sim: Simulator,
  options: WriteStateOptions = {},
): Promise<void> {
  const state = sim.save();
  if (options.pauseClock) delete state.clock.wallTime;
  await writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}

/** Options of {@link saveOnMutation}. */
export interface StateFileSaverOptions {
  /** Told of every failed save (the simulator keeps running; the requests waiting get a 500). */
  onError?: (error: Error) => void;
  /**
   * Writes one snapshot (default: {@link writeFileAtomic} of its JSON to the file, fsynced).
   * The snapshot is taken when the write starts.
   */
  write?: (state: SimulatorState) => Promise<void>;
}

/** Keeps a simulator's state file up to date with every change it has answered. */
export interface StateFileSaver {
  /**
   * Save now: resolves once a save holding everything so far is on disk. Failures reach
   * `onError` and do not reject (what `close` and `stop` paths want).
   */
  flush(): Promise<void>;
  /**
   * Save now, in turn with the saves of answered changes (so an older snapshot can never land
   * after it): resolves once on disk, rejects when the write fails (also told to `onError`).
   */
  save(): Promise<void>;
  /** Stop saving: mutating requests are answered without waiting for a save again. */
  stop(): void;
}

/**
 * Keep `sim`'s state in `file`: a mutating request's answer is released only after a save that
 * includes its change has reached the disk (group commit: requests that arrive during a write
 * share the next one, so a burst costs a few writes, not one each). A clock moved by hand
 * (speed, jump) is saved at once too, so simulated time never rewinds across a restart. A failed
 * save goes to `onError` and the requests that waited for it are answered with a 500.
 */
export function saveOnMutation(
  sim: Simulator,
  file: string,
  options: StateFileSaverOptions = {},
): StateFileSaver {
  const write =
    options.write ?? ((state: SimulatorState) => writeFileAtomic(file, `${JSON.stringify(state)}\n`));
  const onError = options.onError ?? (() => undefined);
  const commit = createGroupCommit(async () => {
    try {
      await write(sim.save());
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      onError(failure);
      throw failure;
    }
  });
  // Failures were reported by the write itself.
  const save = (): Promise<void> => commit().catch(() => undefined);
  sim.setCommit(commit);
  const unsubscribe = sim.clock.onChange(() => void save());
  return {
    flush: save,
    save: () => commit(),
    stop: () => {
      sim.setCommit(undefined);
      unsubscribe();
    },
  };
}
