import type { SavableClock } from './clock';
import { createClock, restoreClock } from './clock';
import { SimConnectionError } from './connection-error';
import { FaultController } from './faults';
import { makeRequestId, makeS3HostId } from './request-id';
import type { RawHttpRequest } from './router';
import {
  DEFAULT_REGION,
  isMutatingRequest,
  normaliseHeaders,
  parseQuery,
  resolveTarget,
  toSimRequest,
} from './router';
import type { SeededRng } from './rng';
import { createRng } from './rng';
import { isSimServiceError } from './sim-error';
import type { SimulatorState } from './simulator-state';
import type { ServiceSimulator, SimAccountView, SimContext, SimErrorShape, SimResponse } from './types';
import { unknownServiceResponse } from '../protocol/unknown-service';
import type { Scenario } from '../scenario/scenario-schema';

/** Options for one request through {@link Simulator.handle}. */
export interface SimHandleOptions {
  /** Aborting rejects the pending request with an `AbortError` (how `timeout` faults end). */
  abortSignal?: { aborted: boolean; addEventListener?: unknown; onabort?: unknown } | AbortSignal;
  /** Real ms after which a request that gets no answer fails with `ETIMEDOUT`. */
  requestTimeout?: number;
}

/**
 * What the simulator reports after each answered request (saving uses {@link SimCommit}, which
 * runs before the answer; these records come after it).
 */
export interface SimRequestRecord {
  service: string;
  region: string;
  method: string;
  path: string;
  status: number;
  requestId: string;
  /** True when the request may have changed the account. */
  mutating: boolean;
}

/**
 * Makes the account's changes so far durable (the state file saver's group commit): awaited
 * after a mutating request succeeds and before its answer is released. Rejects when it could
 * not; the request is then answered with a 500.
 */
export type SimCommit = () => Promise<void>;

/** What the simulator tells about its scenario. */
export interface SimScenarioInfo {
  name: string;
  title: string;
  description: string;
  /** Ground truth for the facilitator (what is out of policy, the right moves). */
  notes: string[];
}

/** The account a {@link SimulatorCore} is built from: a scenario, or a saved state. */
export type SimulatorSource =
  { kind: 'scenario'; scenario: Scenario } | { kind: 'state'; state: SimulatorState };

/** Settings of a {@link SimulatorCore}. */
export interface SimulatorCoreOptions {
  services: readonly ServiceSimulator[];
  source: SimulatorSource;
  /** Overrides the scenario's seed (ignored when resuming from a state). */
  seed?: number;
  /** Overrides the scenario's or state's speed. */
  speed?: number;
  /** Real ms added to every call (benchmarks). */
  latencyMs?: number;
  /** Real time source (tests). */
  realNow?: () => number;
}

function abortError(): SimConnectionError {
  return new SimConnectionError('ABORT_ERR', 'Request aborted', 'AbortError');
}

function subscribeAbort(signal: SimHandleOptions['abortSignal'], onAbort: () => void): () => void {
  if (!signal) return () => undefined;
  const target = signal as AbortSignal;
  if (typeof target.addEventListener === 'function') {
    target.addEventListener('abort', onAbort, { once: true });
    return () => target.removeEventListener('abort', onAbort);
  }
  const legacy = signal as { onabort?: unknown };
  legacy.onabort = onAbort;
  return () => {
    legacy.onabort = null;
  };
}

/**
 * The simulated account: the services' states, the clock, the faults and the seeded random
 * sources, and `handle`, which routes one HTTP request to its service.
 */
export class SimulatorCore {
  readonly clock: SavableClock;
  readonly faults: FaultController;
  readonly accountId: string;
  readonly accountAlias: string | undefined;
  readonly regions: readonly string[];
  readonly seed: number;
  /** The scenario's name, title, description and ground-truth notes (for the facilitator). */
  readonly scenario: SimScenarioInfo;
  private readonly services: Map<string, ServiceSimulator>;
  private readonly states = new Map<string, unknown>();
  private readonly rng: SeededRng;
  private readonly idRng: SeededRng;
  private readonly faultRng: SeededRng;
  private readonly latencyMs: number;
  private readonly listeners = new Set<(record: SimRequestRecord) => void>();
  private readonly pending = new Set<(error: Error) => void>();
  private closed = false;
  private commit: SimCommit | undefined;
  private readonly view: SimAccountView;
  private tools: Omit<SimContext, 'requestId'> | undefined;

  constructor(options: SimulatorCoreOptions) {
    this.services = new Map(options.services.map((s) => [s.signingName, s]));
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    this.view = { state: <T>(name: string): T => this.state<T>(name) };
    const realNow = options.realNow;
    if (options.source.kind === 'state') {
      const saved = options.source.state;
      this.accountId = saved.accountId;
      this.accountAlias = saved.accountAlias;
      this.regions = saved.regions;
      this.seed = saved.seed;
      this.scenario = saved.scenario;
      // The clock catches up the time the account was down at the speed it ran at; a new
      // speed applies from now on.
      this.clock = restoreClock(saved.clock, realNow);
      if (options.speed !== undefined) this.clock.setSpeed(options.speed);
      this.faults = new FaultController(saved.faults);
      this.rng = createRng(saved.seed, saved.rng.main);
      this.idRng = createRng(saved.seed, saved.rng.requestIds);
      this.faultRng = createRng(saved.seed, saved.rng.faults);
      for (const [name, service] of this.services) {
        const state = saved.services[name];
        this.states.set(name, state === undefined ? service.emptyState() : structuredClone(state));
      }
      return;
    }
    const scenario = options.source.scenario;
    this.accountId = scenario.accountId;
    this.accountAlias = scenario.accountAlias;
    this.regions = scenario.regions;
    this.seed = options.seed ?? scenario.seed;
    this.scenario = {
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      notes: [...scenario.notes],
    };
    this.clock = createClock({
      ...(scenario.startTime ? { start: new Date(scenario.startTime) } : {}),
      speed: options.speed ?? scenario.speed,
      ...(realNow ? { realNow } : {}),
    });
    this.faults = new FaultController(scenario.faults);
    this.rng = createRng(this.seed);
    this.idRng = createRng(this.seed ^ 0x5eed1d);
    this.faultRng = createRng(this.seed ^ 0xfa17);
    for (const [name, service] of this.services) this.states.set(name, service.emptyState());
    const ctx = this.context('scenario-load');
    for (const [name, service] of this.services) {
      const section = scenario.sections[name];
      if (section !== undefined) this.states.set(name, service.fromScenario(section, ctx));
    }
  }

  /** A service's live state (read it; mutate only through requests). */
  state<T>(signingName: string): T {
    if (!this.states.has(signingName)) {
      throw new Error(
        `No simulated service "${signingName}"; known: ${[...this.services.keys()].join(', ')}`,
      );
    }
    return this.states.get(signingName) as T;
  }

  /** Listen to every answered request; returns the unsubscribe function. */
  onRequest(listener: (record: SimRequestRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Set (or with `undefined` clear) the function that makes a mutating request's change durable
   * before its answer is released. Non-mutating requests never wait for it.
   */
  setCommit(commit: SimCommit | undefined): void {
    this.commit = commit;
  }

  /** The whole account as plain JSON: clock, faults, random sources and every service's state. */
  save(): SimulatorState {
    return {
      version: 1,
      scenario: { ...this.scenario, notes: [...this.scenario.notes] },
      accountId: this.accountId,
      ...(this.accountAlias ? { accountAlias: this.accountAlias } : {}),
      seed: this.seed,
      regions: [...this.regions],
      rng: { main: this.rng.state(), requestIds: this.idRng.state(), faults: this.faultRng.state() },
      clock: this.clock.save(),
      faults: this.faults.save(),
      services: Object.fromEntries([...this.states].map(([k, v]) => [k, structuredClone(v)])),
    };
  }

  /** Stop: requests left hanging by a `timeout` fault fail with `ECONNRESET`. */
  close(): void {
    this.closed = true;
    for (const reject of this.pending) reject(new SimConnectionError('ECONNRESET', 'Simulator closed'));
    this.pending.clear();
  }

  /** The per-request context handed to services (the account's tools built once, the request id per call). */
  context(requestId: string): SimContext {
    this.tools ??= {
      accountId: this.accountId,
      clock: this.clock,
      rng: this.rng,
      quota: (key, fallback) => this.faults.quota(key, fallback),
      restoreShouldFail: (name) => this.faults.restoreShouldFail(name),
      replicationLagMs: (src, dst) => this.faults.replicationLagMs(src, dst),
      regionAvailable: (region, service) => this.faults.regionAvailable(region, service),
    };
    return { ...this.tools, requestId };
  }

  /**
   * Answer one HTTP request. Rejects like a socket would for `refused` and `timeout` faults
   * ({@link SimConnectionError}); every other outcome, errors included, is an AWS-shaped response.
   */
  async handle(raw: RawHttpRequest, options: SimHandleOptions = {}): Promise<SimResponse> {
    if (this.closed) throw new SimConnectionError('ECONNREFUSED', 'connect ECONNREFUSED (simulator closed)');
    if (options.abortSignal?.aborted) throw abortError();
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const headers = normaliseHeaders(raw.headers);
    const query = parseQuery(raw.rawQuery);
    const target = resolveTarget(headers, raw.hostname, raw.path, query, DEFAULT_REGION);
    if (!target)
      return this.finish(raw, 'unknown', DEFAULT_REGION, unknownService(raw, this.newId('unknown')), false);
    const req = toSimRequest(raw, target, headers, query);
    const requestId = this.newId(req.service);
    const service = this.services.get(req.service);
    if (!service)
      return this.finish(raw, req.service, req.region, unknownService(raw, requestId, req.service), false);
    const ctx = this.context(requestId);
    const decision = this.faults.decide(req.region, req.service, this.faultRng);
    if (decision.kind === 'refused') {
      throw new SimConnectionError(
        'ECONNREFUSED',
        `connect ECONNREFUSED ${req.hostname} (simulated outage of ${req.region})`,
      );
    }
    if (decision.kind === 'timeout') return this.hang(options, req.region);
    let response: SimResponse;
    if (decision.kind === 'error') {
      response = service.encodeError(decision.error, ctx);
    } else {
      try {
        response = await service.handle(req, ctx, this.states.get(req.service), this.view);
      } catch (error) {
        response = service.encodeError(toErrorShape(error), ctx);
      }
    }
    const mutating = decision.kind === 'none' && isMutatingRequest(req);
    if (mutating && this.commit !== undefined && response.status < 400)
      response = await committed(this.commit, response, service, ctx);
    if (service.signingName === 's3') {
      response.headers['x-amz-request-id'] = requestId;
      response.headers['x-amz-id-2'] ??= makeS3HostId(this.idRng);
    } else {
      response.headers['x-amzn-requestid'] = requestId;
    }
    return this.finish(raw, req.service, req.region, response, mutating);
  }

  private newId(service: string): string {
    return makeRequestId(service, this.idRng);
  }

  private finish(
    raw: RawHttpRequest,
    service: string,
    region: string,
    response: SimResponse,
    mutating: boolean,
  ) {
    response.headers['date'] ??= new Date().toUTCString();
    if (this.listeners.size === 0) return response;
    const record: SimRequestRecord = {
      service,
      region,
      method: raw.method.toUpperCase(),
      path: raw.path,
      status: response.status,
      requestId: response.headers['x-amzn-requestid'] ?? response.headers['x-amz-request-id'] ?? '',
      mutating: mutating && response.status < 400,
    };
    for (const listener of this.listeners) listener(record);
    return response;
  }

  private hang(options: SimHandleOptions, region: string): Promise<SimResponse> {
    return new Promise<SimResponse>((_resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const fail = (error: Error): void => {
        if (timer) clearTimeout(timer);
        unsubscribe();
        this.pending.delete(fail);
        reject(error);
      };
      const unsubscribe = subscribeAbort(options.abortSignal, () => fail(abortError()));
      if (options.requestTimeout && options.requestTimeout > 0) {
        timer = setTimeout(
          () =>
            fail(
              new SimConnectionError(
                'ETIMEDOUT',
                `Request timed out after ${options.requestTimeout} ms (simulated outage of ${region})`,
                'TimeoutError',
              ),
            ),
          options.requestTimeout,
        );
      }
      this.pending.add(fail);
    });
  }
}

/**
 * Wait for `commit`; the answer is released only once the change it carries is saved. When the
 * save fails, the change is in memory but a crash would lose it, so the answer becomes a 500
 * (S3 `InternalError`, elsewhere `InternalFailure`), as AWS answers when it cannot vouch for
 * the outcome: the caller then treats the outcome as unknown (retries with its idempotency
 * token, or looks the target up) instead of journaling as done a change that a restart could
 * undo. The failure itself reaches the committer's error path (the saver's `onError`).
 */
async function committed(
  commit: SimCommit,
  response: SimResponse,
  service: ServiceSimulator,
  ctx: SimContext,
): Promise<SimResponse> {
  try {
    await commit();
    return response;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return service.encodeError(
      {
        code: 'InternalFailure',
        message: `We encountered an internal error. Please try again. (simulator: the change was made but could not be saved: ${detail})`,
        status: 500,
        type: 'Receiver',
      },
      ctx,
    );
  }
}

function toErrorShape(error: unknown): SimErrorShape {
  if (isSimServiceError(error)) {
    const e = error as unknown as SimErrorShape & Error;
    return {
      code: e.code,
      message: e.message,
      status: e.status,
      ...(e.type ? { type: e.type } : {}),
      ...(e.headers ? { headers: e.headers } : {}),
      ...(e.fields ? { fields: e.fields } : {}),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'InternalFailure',
    message: `The request processing has failed because of an unknown error (simulator: ${detail}).`,
    status: 500,
    type: 'Receiver',
  };
}

/** An unmodelled or unidentifiable service: AWS's error in the wire format its client reads (JSON or XML). */
function unknownService(raw: RawHttpRequest, requestId: string, service?: string): SimResponse {
  return unknownServiceResponse(raw, requestId, service);
}
