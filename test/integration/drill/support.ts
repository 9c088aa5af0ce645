import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CallName } from '../../../electron/core/api/contract';
import { Core } from '../../../electron/core/app/core';
import { packageRootSync } from '../../../electron/core/paths/package-root';
import type { Simulator } from '../../../electron/simulator';

/** A tabletop core on a temporary data folder, for drills. */
export interface DrillBench {
  core: Core;
  sim: Simulator;
  dataDir: string;
  call<T>(name: CallName, input: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Open a tabletop core on a scenario (default `healthy`) with the simulated clock at full speed. */
export async function drillBench(options: { scenario?: string; dataDir?: string } = {}): Promise<DrillBench> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'drwr-drill-')));
  const core = await Core.create({
    dataDir,
    runbooksDir: path.join(packageRootSync(), 'runbooks'),
    scenario: options.scenario ?? 'healthy',
    transport: 'http',
    version: 'test',
    env: {
      HOME: dataDir,
      AWS_CONFIG_FILE: path.join(dataDir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dataDir, 'credentials'),
    },
  });
  const sim = await core.tabletopSimulator();
  sim.clock.setSpeed(600);
  const call = async <T>(name: CallName, input: unknown): Promise<T> => {
    const result = await core.dispatch(name, input, { via: 'test' });
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  return {
    core,
    sim,
    dataDir,
    call,
    close: async () => {
      await core.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
