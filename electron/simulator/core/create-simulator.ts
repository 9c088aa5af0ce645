import type { HttpHandler } from '@smithy/protocol-http';
import type { FaultController } from './faults';
import type { SavableClock } from './clock';
import { createSimHttpHandler } from './http-handler';
import type { RawHttpRequest } from './router';
import { simulatorServices } from './services';
import type { SimCommit, SimHandleOptions, SimRequestRecord, SimScenarioInfo } from './simulator';
import { SimulatorCore } from './simulator';
import type { SimulatorState } from './simulator-state';
import { simulatorStateSchema } from './simulator-state';
import type { ServiceSimulator, SimResponse } from './types';
import { loadScenarioFile, parseScenario, resolveScenarioFile } from '../scenario/load-scenario';
import { defaultScenariosDir } from '../scenario/package-root';

/** The scenario used when none is named. */
export const DEFAULT_SCENARIO = 'us-east-1-outage';

/** Options of {@link createSimulator}. */
export interface SimulatorOptions {
  /** Scenario name in the scenarios folder, or a file path (default `us-east-1-outage`). */
  scenario?: string;
  /** Parsed scenario data (as a YAML file would give) instead of a file: for tests. */
  scenarioData?: unknown;
  /** Folder of scenario files (default: `<package root>/runbooks/scenarios`). */
  scenariosDir?: string;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Exercise speed, 1 to 600 (overrides the scenario's). */
  speed?: number;
  /** Real ms added to every call (benchmarks). */
  latencyMs?: number;
  /** A saved state to resume from (scenario options are then ignored). */
  state?: SimulatorState;
  /** The services to simulate (default: all). */
  services?: readonly ServiceSimulator[];
  /** Real time source in ms (tests). */
  realNow?: () => number;
}

/** A running tabletop AWS account. */
export interface Simulator {
  /** A Smithy HttpHandler: give it to an SDK v3 client as `requestHandler`. */
  readonly requestHandler: HttpHandler;
  /** Answer one raw HTTP request (the HTTP server uses this). */
  handle(request: RawHttpRequest, options?: SimHandleOptions): Promise<SimResponse>;
  /** The simulated clock. */
  readonly clock: SavableClock;
  /** The facilitator's fault switches. */
  readonly faults: FaultController;
  readonly accountId: string;
  readonly accountAlias: string | undefined;
  /** Regions of the scenario. */
  readonly regions: readonly string[];
  /** Name, title, description and the facilitator's ground-truth notes. */
  readonly scenario: SimScenarioInfo;
  /** Read a service's live state by signing name (facilitator views, tests). */
  state<T>(signingName: string): T;
  /** Listen to every answered request; returns the unsubscribe function. */
  onRequest(listener: (record: SimRequestRecord) => void): () => void;
  /**
   * Set (or with `undefined` clear) what makes a mutating request's change durable before its
   * answer is released (the state file saver installs its group commit here).
   */
  setCommit(commit: SimCommit | undefined): void;
  /** The whole account as plain JSON, resumable with `createSimulator({ state })`. */
  save(): SimulatorState;
  /** Stop; hanging requests fail. */
  close(): void;
}

/**
 * Create a simulated AWS account from a scenario (by name, file path or inline data) or from a
 * saved state. Throws a clear error for an unknown scenario, a broken file or a bad state.
 */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const services = options.services ?? simulatorServices;
  let core: SimulatorCore;
  const common = {
    services,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    ...(options.realNow ? { realNow: options.realNow } : {}),
  };
  if (options.state) {
    const parsed = simulatorStateSchema.safeParse(options.state);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Saved simulator state is not valid (${issue?.path.join('.') || 'top level'}: ${issue?.message}); ` +
          'start from a scenario instead or restore the file from a backup.',
      );
    }
    core = new SimulatorCore({ ...common, source: { kind: 'state', state: parsed.data } });
  } else if (options.scenarioData !== undefined) {
    const scenario = parseScenario(options.scenarioData, '(inline scenario)', services);
    core = new SimulatorCore({ ...common, source: { kind: 'scenario', scenario } });
  } else {
    const dir = options.scenariosDir ?? (await defaultScenariosDir());
    const file = await resolveScenarioFile(options.scenario ?? DEFAULT_SCENARIO, dir);
    const scenario = await loadScenarioFile(file, services);
    core = new SimulatorCore({ ...common, source: { kind: 'scenario', scenario } });
  }
  const handler = createSimHttpHandler(core);
  return {
    requestHandler: handler,
    handle: (request, handleOptions) => core.handle(request, handleOptions),
    clock: core.clock,
    faults: core.faults,
    accountId: core.accountId,
    accountAlias: core.accountAlias,
    regions: core.regions,
    scenario: core.scenario,
    state: <T>(name: string) => core.state<T>(name),
    onRequest: (listener) => core.onRequest(listener),
    setCommit: (commit) => core.setCommit(commit),
    save: () => core.save(),
    close: () => core.close(),
  };
}
