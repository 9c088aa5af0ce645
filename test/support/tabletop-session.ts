import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CallName } from '../../electron/core/api/contract';
import type { CallContext } from '../../electron/core/app/call-context';
import { Core } from '../../electron/core/app/core';
import type { CoreOptions } from '../../electron/core/app/core-options';
import type { RecoverableView, RecoveryMapping } from '../../electron/core/recover/types';
import type { Simulator } from '../../electron/simulator';
import { BUNDLED_RUNBOOKS_DIR } from './test-core';

/** A contract call through `core.dispatch` that returns the value or throws the error's message. */
export type CallFn = <T>(name: CallName, input: unknown) => Promise<T>;

/** How `openScenarioCore` opens a tabletop core. */
export interface ScenarioCoreOptions {
  /** The tabletop scenario (default `us-east-1-outage`). */
  scenario?: string;
  /** As the desktop app (`ipc`) or the bridge (`http`, the default) opens it. */
  transport?: CoreOptions['transport'];
  /** The tabletop clock's speed at start (the scenario's own by default). */
  speed?: number;
}

/**
 * A tabletop core of a scenario with the bundled runbooks on `dataDir`, its AWS settings
 * (HOME, config, credentials) inside `dataDir` so nothing of the machine's leaks in; the caller
 * closes it.
 */
export function openScenarioCore(dataDir: string, options: ScenarioCoreOptions = {}): Promise<Core> {
  return Core.create({
    dataDir,
    runbooksDir: BUNDLED_RUNBOOKS_DIR,
    scenario: options.scenario ?? 'us-east-1-outage',
    transport: options.transport ?? 'http',
    version: 'test',
    ...(options.speed === undefined ? {} : { speed: options.speed }),
    env: {
      HOME: dataDir,
      AWS_CONFIG_FILE: path.join(dataDir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dataDir, 'credentials'),
    },
  });
}

/** Calls into `core` as `via` (default `test`), unwrapping each result or throwing `name: message`. */
export function callerOf(core: Core, via: CallContext['via'] = 'test'): CallFn {
  return async <T>(name: CallName, input: unknown): Promise<T> => {
    const result = await core.dispatch(name, input, { via });
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
}

/** A tabletop core on its own data folder, its simulator and a caller. */
export interface TabletopSession {
  core: Core;
  sim: Simulator;
  dataDir: string;
  call: CallFn;
  /** Close the core and remove the data folder (unless the caller gave it). */
  close(): Promise<void>;
}

/**
 * Open a tabletop core on a new temporary folder named `drwr-<prefix>-…` (or on `dataDir` when
 * given, then left in place on close), with the simulated clock at full speed (600×).
 */
export async function openTabletopSession(
  options: {
    scenario?: string;
    prefix?: string;
    dataDir?: string;
    before?: (dataDir: string) => Promise<void>;
  } = {},
): Promise<TabletopSession> {
  const dataDir =
    options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), `drwr-${options.prefix ?? 'test'}-`)));
  if (options.before) await options.before(dataDir);
  const core = await openScenarioCore(
    dataDir,
    options.scenario === undefined ? {} : { scenario: options.scenario },
  );
  const sim = await core.tabletopSimulator();
  sim.clock.setSpeed(600);
  return {
    core,
    sim,
    dataDir,
    call: callerOf(core),
    close: async () => {
      await core.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Declare the us-east-1 outage incident (commander Ana) and return its id. */
export async function declareOutage(call: CallFn): Promise<string> {
  const incident = await call<{ state: { id: string } }>('incident.declare', {
    title: 'us-east-1 outage',
    commander: 'Ana',
  });
  return incident.state.id;
}

/**
 * The recovery mapping tests use: RDS into the first subnet group, EC2 into the first subnet,
 * each with the first security group of that subnet's VPC; `services` limits which defaults
 * are given (both by default).
 */
export function firstTargetsMapping(
  view: RecoverableView,
  services: ReadonlyArray<'rds' | 'ec2'> = ['rds', 'ec2'],
): RecoveryMapping {
  const subnet = view.targets.subnets[0]!;
  const securityGroupIds = view.targets.securityGroups
    .filter((g) => g.vpcId === subnet.vpcId)
    .slice(0, 1)
    .map((g) => g.id);
  return {
    defaults: {
      ...(services.includes('rds')
        ? { rds: { subnetGroup: view.targets.subnetGroups[0]!, securityGroupIds } }
        : {}),
      ...(services.includes('ec2') ? { ec2: { subnetId: subnet.id, securityGroupIds } } : {}),
    },
    resources: {},
  };
}
