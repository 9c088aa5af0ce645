import path from 'node:path';
import { createSimulator, type Simulator } from '../../simulator';
import {
  readStateFile,
  saveOnMutation,
  writeStateFile,
  type StateFileSaver,
} from '../../simulator/core/state-file';
import { rename } from 'node:fs/promises';
import { ensurePrivateDir } from '../fs/ensure-private-dir';

/** The simulated AWS account of a tabletop exercise, kept in the data folder across restarts. */
export interface TabletopAccount {
  simulator: Simulator;
  /** Where the account's state is saved (`<dataDir>/tabletop/<scenario>.json`, 0600). */
  stateFile: string;
  /** Whether the account was resumed from an earlier run rather than started from the scenario. */
  resumed: boolean;
  /**
   * Save now (e.g. after a facilitator's fault change, which is no AWS request), in turn with the
   * saves of answered requests; rejects when the write fails.
   */
  save(): Promise<void>;
  /** Save now and stop saving. */
  close(): Promise<void>;
}

/** The state file of a scenario's exercise inside a data folder. */
export function tabletopStateFile(dataDir: string, scenario: string): string {
  return path.join(dataDir, 'tabletop', `${scenario.replace(/[^\w.-]/g, '_')}.json`);
}

/**
 * Open the tabletop account for a scenario: resume its saved state when the data folder has one
 * (so an app restart mid-exercise finds the same simulated AWS, restores in flight included),
 * else start it from the scenario file; then save every change before it is answered. A resumed
 * account's clock has caught up the real time it was closed × its speed, as a real account keeps
 * running while the app is down: restores started before have progressed, never gone back.
 * A corrupt state file is reported through `onError` and the scenario starts afresh; the bad
 * file is kept beside it for inspection.
 */
export async function openTabletopAccount(options: {
  dataDir: string;
  scenario: string;
  /** Exercise speed (1 to 600); also applied to a resumed account. */
  speed?: number;
  onError: (message: string) => void;
}): Promise<TabletopAccount> {
  const stateFile = tabletopStateFile(options.dataDir, options.scenario);
  await ensurePrivateDir(path.dirname(stateFile));
  let saved: Awaited<ReturnType<typeof readStateFile>>;
  try {
    saved = await readStateFile(stateFile);
  } catch (error) {
    const kept = `${stateFile}.unreadable-${new Date().toISOString().replace(/[:.]/g, '')}`;
    await rename(stateFile, kept).catch(() => undefined);
    options.onError(
      `The saved tabletop account could not be read (${(error as Error).message}). The "${options.scenario}" scenario starts afresh; the unreadable file is kept as ${kept}.`,
    );
    saved = undefined;
  }
  const speed = options.speed === undefined ? {} : { speed: options.speed };
  const simulator = await createSimulator(
    saved ? { state: saved, ...speed } : { scenario: options.scenario, ...speed },
  );
  await writeStateFile(stateFile, simulator);
  const saver: StateFileSaver = saveOnMutation(simulator, stateFile, {
    onError: (error) => options.onError(`The tabletop account could not be saved: ${error.message}`),
  });
  return {
    simulator,
    stateFile,
    resumed: saved !== undefined,
    save: () => saver.save(),
    async close() {
      await saver.flush();
      saver.stop();
      // A clean close pauses the exercise: it resumes at the simulated time it was left at.
      await writeStateFile(stateFile, simulator, { pauseClock: true });
    },
  };
}
