import { setMaxListeners } from 'node:events';
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
} from '../types';
import { failureOf } from './action-failure';
import { LIVE_POLL } from './backoff';
import type { ExecutorContext, ExecutorOptions } from './executor-context';
import { RequestLimits } from './request-limits';
import { runCalls } from './run-calls';
import { Semaphore } from './semaphore';
import { waitReady } from './wait-ready';

export { retryParams } from './action-failure';
export type { ExecutorOptions, RunJournal } from './executor-context';

const IN_FLIGHT: ReadonlySet<ActionState> = new Set(['queued', 'running', 'waiting']);

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
  private readonly abort = unboundedAbortController();
  private readonly ctx: ExecutorContext;
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
    this.ctx = {
      clients: options.clients,
      incidentId: options.incidentId,
      plan: this.plan,
      poll: { ...LIVE_POLL, ...options.poll },
      limits: new RequestLimits(options.requestConcurrency ?? 128),
      signal: this.abort.signal,
      maxBackoffRetries: options.maxBackoffRetries ?? 20,
      run: () => this.state,
      actionRef: (actionId) => this.actions.get(actionId)!,
      write: (type, data) => this.write(type, data),
      setState: (actionId, state, data) => this.setState(actionId, state, data),
    };
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
        // Not awaited before the calls: the journal commits in order, so this entry is on disk
        // before the first call's entry (which is awaited before anything is sent), and both go
        // in one group commit instead of two.
        const running = this.setState(actionId, 'running', {
          attempt,
          ...(resuming ? { status: 'resuming after a restart' } : {}),
        });
        running.catch(() => undefined);
        output = await runCalls(this.ctx, action, chain, resuming, attempt);
        await running;
      }
      if (action.wait) {
        await this.setState(actionId, 'waiting', { output, status: action.wait.describe });
        const waited = await waitReady(this.ctx, action, output);
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
}

/** An abort controller whose signal every request in flight may listen to (no listener limit). */
function unboundedAbortController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
