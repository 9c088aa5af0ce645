import { setMaxListeners } from 'node:events';
import { isAppError } from '../../api/errors';
import type { AwsClients } from '../../aws/clients';
import { describeAwsError } from '../../aws/describe-aws-error';
import { redactSecrets } from '../../aws/redact';
import { buildEndpointMap } from '../endpoint-map';
import { RECOVER_ENTRY, type RunEntry } from '../entry-types';
import { reduceRun } from '../run-reducer';
import {
  QUOTA_LIMITS,
  type ActionState,
  type PlanAction,
  type PlanChain,
  type QuotaName,
  type RecoveryPlan,
  type RecoveryRun,
  type RecoverService,
} from '../types';
import { LIVE_POLL, nextInterval, sleep, type PollTiming } from './backoff';
import { sendCall, type SdkAnswer } from './commands';
import { probe, type ProbeCall } from './probes';
import { failureOf, retryParams, TargetFailedError } from './action-failure';

export { retryParams } from './action-failure';
import { RUNNERS } from './runners/index';
import { resolveParams, type ResolvedCall, type RunnerContext } from './runner-context';
import { Semaphore } from './semaphore';

/** Where the executor writes: the incident journal (resolves once the entry is on disk). */
export interface RunJournal {
  append(type: string, data: Record<string, unknown>): Promise<RunEntry>;
}

/** Options of {@link RecoveryExecutor}. */
export interface ExecutorOptions {
  clients: AwsClients;
  journal: RunJournal;
  incidentId: string;
  /** Who runs it (the journal's actor is set by the journal port). */
  actor: string;
  /** The run folded from the journal: a confirmed plan (and, after a restart, its progress). */
  run: RecoveryRun;
  poll?: Partial<PollTiming>;
  /** Most AWS requests in flight at once (default 128). */
  requestConcurrency?: number;
  quotaLimits?: Partial<Record<QuotaName, number>>;
  /** Automatic retries of throttled or quota-limited creates before the action fails (default 20). */
  maxBackoffRetries?: number;
  /** Called after every change of the run. */
  onChange?: (run: RecoveryRun, entry: RunEntry) => void;
}

const IN_FLIGHT: ReadonlySet<ActionState> = new Set(['queued', 'running', 'waiting']);

function summarize(answer: SdkAnswer): unknown {
  const { $metadata: _meta, ...rest } = answer;
  const text = JSON.stringify(rest);
  return text.length <= 2_000 ? JSON.parse(text) : `${text.slice(0, 2_000)}…`;
}

/**
 * Runs a confirmed plan: the dependency graph with quota queues (queue, never fail) and a bound
 * on requests in flight; journals each call before and after; polls targets with back-off;
 * pause (start nothing new), resume, cancel (start nothing new, delete nothing), retry of a
 * failed action while independent chains go on. Built from the journal's fold, so a restarted
 * process re-attaches to what was in flight without creating anything twice.
 */
export class RecoveryExecutor {
  private state: RecoveryRun;
  private readonly plan: RecoveryPlan;
  private readonly actions = new Map<string, { action: PlanAction; chain: PlanChain }>();
  private readonly tasks = new Map<string, Promise<void>>();
  private readonly quotas = new Map<QuotaName, Semaphore>();
  private readonly requests: Semaphore;
  private readonly poll: PollTiming;
  private readonly abort = unboundedAbortController();
  private settled: { promise: Promise<RecoveryRun>; resolve: (run: RecoveryRun) => void } | null = null;
  private resumeIds = new Set<string>();
  private finishing = false;
  private cancelledHere = false;

  constructor(private readonly options: ExecutorOptions) {
    if (!options.run.plan) throw new Error('The executor needs a plan: create and confirm one first.');
    if (!options.run.confirmedAt)
      throw new Error('The plan is not confirmed: type the incident id to confirm it.');
    this.state = options.run;
    this.plan = options.run.plan;
    for (const chain of this.plan.chains)
      for (const action of chain.actions) this.actions.set(action.id, { action, chain });
    this.requests = new Semaphore(options.requestConcurrency ?? 128);
    this.poll = { ...LIVE_POLL, ...options.poll };
    for (const [name, limit] of Object.entries(QUOTA_LIMITS) as Array<[QuotaName, number]>) {
      this.quotas.set(name, new Semaphore(options.quotaLimits?.[name] ?? limit));
    }
    for (const a of Object.values(this.state.actions)) if (IN_FLIGHT.has(a.state)) this.resumeIds.add(a.id);
  }

  /** The run as it stands. */
  get run(): RecoveryRun {
    return this.state;
  }

  /** How many actions wait for each quota (the board shows the queue). */
  queueDepth(): Record<QuotaName, number> {
    const out = {} as Record<QuotaName, number>;
    for (const [name, s] of this.quotas) out[name] = s.waiting;
    return out;
  }

  /** Start (or continue after a restart); resolves when nothing more can run. */
  start(): Promise<RecoveryRun> {
    const promise = this.settlePromise();
    void this.kick();
    return promise;
  }

  /** Resolves when the run settles (completed, failed with nothing runnable, or cancelled). */
  whenSettled(): Promise<RecoveryRun> {
    // Already settled, with nothing started since: answer at once.
    if (this.finishing && !this.settled) return Promise.resolve(this.state);
    return this.settlePromise();
  }

  /** Start nothing new; running actions go on. */
  async pause(by: string): Promise<void> {
    if (this.state.status !== 'running') return;
    await this.write(RECOVER_ENTRY.runState, { status: 'paused', by });
  }

  /** Continue after a pause. */
  async resume(by: string): Promise<void> {
    if (this.state.status !== 'paused') return;
    await this.write(RECOVER_ENTRY.runState, { status: 'running', by });
    void this.kick();
  }

  /** Start nothing new and mark what has not started as cancelled; nothing is deleted. */
  async cancel(by: string): Promise<void> {
    if (this.state.status === 'cancelled' || this.state.status === 'completed') return;
    this.cancelledHere = true;
    await this.write(RECOVER_ENTRY.runState, {
      status: 'cancelled',
      by,
      note: 'Stopped starting new actions; nothing was deleted.',
    });
    for (const a of Object.values(this.state.actions)) {
      if (a.state === 'pending' && !this.tasks.has(a.id)) await this.setState(a.id, 'cancelled', {});
    }
    void this.checkSettled();
  }

  /** Retry a failed (or cancelled) action; its dependants follow when it succeeds. */
  async retry(actionId: string, by: string): Promise<void> {
    const a = this.state.actions[actionId];
    if (!a) throw new Error(`There is no action ${actionId} in the plan.`);
    if (a.state !== 'failed' && a.state !== 'cancelled')
      throw new Error(`Only a failed or cancelled action can be retried (${actionId} is ${a.state}).`);
    if (this.state.status !== 'running')
      await this.write(RECOVER_ENTRY.runState, { status: 'running', by, retry: actionId });
    // Cancelled dependants become pending again.
    for (const other of Object.values(this.state.actions))
      if (other.state === 'cancelled' && other.id !== actionId) await this.setState(other.id, 'pending', {});
    await this.setState(actionId, 'pending', { attempt: a.attempts + 1, by });
    this.finishing = false;
    void this.kick();
  }

  /** Stop watching (the process is closing); nothing is cancelled in the journal. */
  detach(): void {
    this.abort.abort();
  }

  private settlePromise(): Promise<RecoveryRun> {
    if (!this.settled) {
      let resolve!: (run: RecoveryRun) => void;
      const promise = new Promise<RecoveryRun>((r) => (resolve = r));
      this.settled = { promise, resolve };
    }
    return this.settled.promise;
  }

  private async write(type: string, data: Record<string, unknown>): Promise<RunEntry> {
    const entry = await this.options.journal.append(type, { planId: this.plan.id, ...data });
    this.state = reduceRun(this.state, entry);
    this.options.onChange?.(this.state, entry);
    return entry;
  }

  private setState(actionId: string, state: ActionState, data: Record<string, unknown>): Promise<RunEntry> {
    const ref = this.actions.get(actionId);
    return this.write(RECOVER_ENTRY.actionState, {
      actionId,
      chainId: ref?.chain.id ?? null,
      resourceId: ref?.chain.resource.id ?? null,
      state,
      ...data,
    });
  }

  private ready(actionId: string): boolean {
    const ref = this.actions.get(actionId);
    const a = this.state.actions[actionId];
    if (!ref || !a || this.tasks.has(actionId)) return false;
    if (this.resumeIds.has(actionId)) return true;
    if (a.state !== 'pending') return false;
    return ref.action.after.every((dep) => this.state.actions[dep]?.state === 'done');
  }

  private async kick(): Promise<void> {
    if (this.abort.signal.aborted) return;
    const status = this.state.status;
    for (const { action } of this.actions.values()) {
      if (!this.ready(action.id)) continue;
      const resuming = this.resumeIds.has(action.id);
      if (!resuming && status !== 'running') continue;
      this.resumeIds.delete(action.id);
      const task = this.runAction(action.id, resuming).finally(() => {
        this.tasks.delete(action.id);
        void this.kick();
      });
      this.tasks.set(action.id, task);
    }
    await this.checkSettled();
  }

  private async checkSettled(): Promise<void> {
    if (this.tasks.size > 0 || this.finishing || this.abort.signal.aborted) return;
    const status = this.state.status;
    if (status === 'paused') return;
    const runnable = [...this.actions.keys()].some((id) => this.ready(id));
    if (runnable && status === 'running') return;
    this.finishing = true;
    const all = Object.values(this.state.actions);
    if (status === 'running' || (status === 'cancelled' && this.cancelledHere)) {
      this.cancelledHere = false;
      await this.write(RECOVER_ENTRY.endpointMap, { endpoints: buildEndpointMap(this.plan, this.state) });
    }
    if (status === 'running') {
      const failed = all.some((a) => a.state === 'failed' || a.state === 'pending');
      await this.write(RECOVER_ENTRY.runState, { status: failed ? 'failed' : 'completed' });
    }
    const settled = this.settled;
    this.settled = null;
    settled?.resolve(this.state);
  }

  private outputOf = (actionId: string): Record<string, string> | undefined =>
    this.state.actions[actionId]?.output;

  private async runAction(actionId: string, resuming: boolean): Promise<void> {
    const { action, chain } = this.actions.get(actionId)!;
    const before = this.state.actions[actionId]!;
    const attempt = before.attempts;
    let release: (() => void) | null = null;
    try {
      const semaphore = action.quota ? this.quotas.get(action.quota)! : null;
      if (semaphore) {
        if (!semaphore.available)
          await this.setState(actionId, 'queued', { status: `waiting for a ${action.quota} slot`, attempt });
        release = await semaphore.acquire();
      }
      if (this.abort.signal.aborted) return;
      // Cancelled while it waited in a quota queue: it never started, so it does not start now.
      if (this.state.status === 'cancelled' && !(resuming && Object.keys(before.output).length > 0)) {
        await this.setState(actionId, 'cancelled', { status: 'cancelled before it started' });
        return;
      }
      let output = before.output;
      const created = resuming && before.state === 'waiting' && Object.keys(output).length > 0;
      if (!created) {
        await this.setState(actionId, 'running', {
          attempt,
          ...(resuming ? { status: 'resuming after a restart' } : {}),
        });
        output = await this.runWithBackoff(action, chain, resuming, attempt);
      }
      if (action.wait) {
        await this.setState(actionId, 'waiting', { output, status: action.wait.describe });
        const waited = await this.waitFor(action, output);
        if (waited === null) return;
        output = waited;
      }
      await this.setState(actionId, 'done', { output, progress: 100 });
    } catch (error) {
      await this.setState(actionId, 'failed', {
        error: failureOf(error, action, chain, this.plan.regions.secondary),
      });
    } finally {
      release?.();
    }
  }

  private async runWithBackoff(
    action: PlanAction,
    chain: PlanChain,
    resuming: boolean,
    attempt: number,
  ): Promise<Record<string, string>> {
    const region = this.plan.regions.secondary;
    const calls: ResolvedCall[] = action.calls.map((c) => ({
      ...c,
      params: retryParams(
        resolveParams(c.params, this.outputOf) as Record<string, unknown>,
        c.operation,
        attempt,
      ),
    }));
    let counter = 0;
    let delay = this.poll.initialMs;
    for (let tries = 0; ; tries += 1) {
      const ctx: RunnerContext = {
        clients: this.options.clients,
        incidentId: this.options.incidentId,
        planId: this.plan.id,
        chain,
        action,
        calls,
        output: this.state.actions[action.id]?.output ?? {},
        resuming: resuming || tries > 0,
        attempt,
        send: (call, targetId) =>
          this.journaledCall(
            action,
            chain,
            attempt,
            (counter += 1),
            call.service,
            call.region || region,
            call.operation,
            call.params,
            targetId,
          ),
        lookup: (service, operation, params, targetId, lookupRegion) =>
          this.journaledCall(
            action,
            chain,
            attempt,
            (counter += 1),
            service,
            lookupRegion || region,
            operation,
            params,
            targetId,
          ),
      };
      try {
        return await RUNNERS[action.kind](ctx);
      } catch (error) {
        const described = isAppError(error)
          ? error
          : describeAwsError(error, {
              service: action.calls[0]?.service ?? '',
              operation: action.calls[0]?.operation ?? '',
            });
        const hint = described.detail?.hint;
        // Quotas and throttling: queue and retry (never fail on the first); a 5xx: a few tries.
        const limit = this.options.maxBackoffRetries ?? 20;
        const again =
          ((hint === 'quota' || hint === 'throttled') && tries < limit) ||
          (hint === 'unavailable' && tries < Math.min(5, limit));
        if (again && this.abort.signal.aborted) throw error;
        if (!again) throw error;
        await this.setState(action.id, 'queued', {
          status:
            hint === 'quota'
              ? 'AWS quota reached: queued, retrying'
              : hint === 'throttled'
                ? 'throttled: retrying with back-off'
                : 'AWS did not answer: retrying with back-off',
          attempt,
        });
        await sleep(delay, this.abort.signal);
        delay = nextInterval(this.poll, delay, false);
        await this.setState(action.id, 'running', { attempt });
      }
    }
  }

  private async journaledCall(
    action: PlanAction,
    chain: PlanChain,
    attempt: number,
    n: number,
    service: RecoverService,
    region: string,
    operation: string,
    params: Record<string, unknown>,
    targetId: string,
  ): Promise<SdkAnswer> {
    const callId = `${action.id}@${attempt}.${n}`;
    const common = {
      callId,
      actionId: action.id,
      chainId: chain.id,
      resourceId: chain.resource.id,
      targetId,
      service,
      operation,
      region,
      tier: chain.resource.tier,
    };
    await this.write(RECOVER_ENTRY.callStarted, {
      ...common,
      params: JSON.parse(redactSecrets(JSON.stringify(params))) as unknown,
      ...(typeof params.ClientToken === 'string' ? { clientToken: params.ClientToken } : {}),
    });
    try {
      const answer = await this.requests.run(() =>
        sendCall(this.options.clients, service, region, operation, params),
      );
      await this.write(RECOVER_ENTRY.callCompleted, {
        ...common,
        requestId: answer.$metadata?.requestId ?? null,
        answer: summarize(answer),
      });
      return answer;
    } catch (error) {
      const described = describeAwsError(error, { service, operation, resource: targetId, region });
      await this.write(RECOVER_ENTRY.callFailed, {
        ...common,
        error: {
          code: described.code,
          message: described.message,
          awsCode: described.detail?.awsCode ?? null,
          requestId: described.detail?.requestId ?? null,
        },
      });
      throw error;
    }
  }

  /**
   * Journal the poll that saw the target ready as a call (started and completed): the journal
   * then says when each resource became available, with AWS's request id.
   */
  private async journalReady(
    action: PlanAction,
    output: Record<string, string>,
    call: ProbeCall,
  ): Promise<void> {
    const { chain } = this.actions.get(action.id)!;
    const attempt = this.state.actions[action.id]?.attempts ?? 0;
    const targetId =
      output.DBInstanceIdentifier ??
      output.DBSnapshotIdentifier ??
      output.ImageId ??
      output.InstanceId ??
      output.VolumeId ??
      output.SnapshotId ??
      output.TableName ??
      chain.targetName;
    const common = {
      callId: `${action.id}@${attempt}.ready`,
      actionId: action.id,
      chainId: chain.id,
      resourceId: chain.resource.id,
      targetId,
      service: call.service,
      operation: call.operation,
      region: this.plan.regions.secondary,
      tier: chain.resource.tier,
      phase: 'ready',
    };
    await this.write(RECOVER_ENTRY.callStarted, common);
    await this.write(RECOVER_ENTRY.callCompleted, {
      ...common,
      requestId: call.requestId,
      answer: { status: 'ready' },
    });
  }

  /** Poll with back-off until ready; null when the executor was detached. */
  private async waitFor(
    action: PlanAction,
    initial: Record<string, string>,
  ): Promise<Record<string, string> | null> {
    const region = this.plan.regions.secondary;
    let output = { ...initial };
    let interval = this.poll.initialMs;
    let lastStatus = '';
    let lastProgress: number | null = null;
    const started = Date.now();
    for (;;) {
      if (!(await sleep(interval, this.abort.signal))) return null;
      let result;
      try {
        result = await this.requests.run(() =>
          probe(action.wait!.kind, this.options.clients, region, output, action),
        );
      } catch (error) {
        const d = describeAwsError(error, {
          service: action.calls[0]?.service ?? '',
          operation: 'poll',
          region,
        });
        if (d.detail?.retryable === true) {
          interval = nextInterval(this.poll, interval, false);
          continue;
        }
        throw error;
      }
      output = { ...output, ...(result.output ?? {}) };
      if (result.failed) throw new TargetFailedError(result.failed);
      if (result.done) {
        if (result.call) await this.journalReady(action, output, result.call);
        return output;
      }
      const changed =
        result.status !== lastStatus ||
        (result.progress !== null && Math.abs(result.progress - (lastProgress ?? 0)) >= 10);
      if (changed) {
        lastStatus = result.status;
        lastProgress = result.progress;
        await this.setState(action.id, 'waiting', {
          status: result.status,
          ...(result.progress !== null ? { progress: result.progress } : {}),
        });
      }
      interval = nextInterval(this.poll, interval, changed);
      if (Date.now() - started > this.poll.timeoutMs) {
        throw new TargetFailedError(
          `Still ${result.status} after ${Math.round(this.poll.timeoutMs / 60_000)} minutes; the target keeps being created in AWS. Retry to keep watching.`,
        );
      }
    }
  }
}

/** An abort controller whose signal every request in flight may listen to (no listener limit). */
function unboundedAbortController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
