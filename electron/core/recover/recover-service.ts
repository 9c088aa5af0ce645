import { AppError } from '../api/errors';
import type { JournalAppend, JournalEntry } from '../incident/types';
import { buildEndpointMap, endpointMapText } from './endpoint-map';
import { RECOVER_ENTRY } from './entry-types';
import type { PollTiming } from './executor/backoff';
import { RecoveryExecutor } from './executor/executor';
import { recoveryClients } from './plan-inputs';
import { draftPlan, recoverableView, type PlanningDeps, type PlanRequest } from './planning';
import { emptyRun, foldRun } from './run-reducer';
import {
  QUOTA_LIMITS,
  type EndpointMapping,
  type QuotaName,
  type RecoverableView,
  type RecoveryPlan,
  type RecoveryRun,
  type RecoveryRunView,
} from './types';

export { expandSelection, recoveryClients, rollbackVersions } from './plan-inputs';
export type { PlanRequest } from './planning';

/** What the recovery needs from the rest of the core. */
export interface RecoverServiceDeps extends PlanningDeps {
  incidents: {
    append(id: string, item: JournalAppend): Promise<JournalEntry>;
    entries(id: string): Promise<readonly JournalEntry[]>;
    completeAction(id: string, action: string, evidence?: string, by?: string): Promise<string[]>;
    active(): Promise<{ state: { id: string; roles: { commander: string } } } | null>;
  };
  /** Poll timing (tabletop exercises poll faster). */
  poll?: Partial<PollTiming>;
  quotaLimits?: Partial<Record<QuotaName, number>>;
  now?: () => Date;
  /** Tell the commander something went wrong in the background (an automatic re-attachment). */
  notify?: (message: string) => void;
}

/** What an automatic re-attachment picked up. */
export interface Reattachment {
  incidentId: string;
  planId: string;
  /** Actions that were queued, running or waiting when the app stopped. */
  actions: number;
}

/** Action states a restart leaves in flight. */
const IN_FLIGHT_STATES = new Set(['queued', 'running', 'waiting']);

/**
 * The recovery stage: plan (a pure function over the assessment, the selection, the mapping
 * and the target facts), typed confirmation, the executor, and the run folded from the journal.
 */
export class RecoverService {
  private readonly executors = new Map<string, RecoveryExecutor>();
  private readonly attaching = new Map<string, Promise<RecoveryExecutor>>();
  private readonly reattaching = new Map<string, Promise<Reattachment | null>>();
  private readonly completing = new Map<string, Promise<unknown>>();
  private closed = false;
  private opening: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly deps: RecoverServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The incident to act on: the one named, else the active one. */
  async incidentOf(incidentId?: string): Promise<string> {
    if (incidentId) return incidentId;
    const active = await this.deps.incidents.active();
    if (!active)
      throw new AppError(
        'NOT_FOUND',
        'No incident is active: declare one (`dr-war-room incident new`) or name it with --incident.',
      );
    return active.state.id;
  }

  /** The resources the plan builder offers (from the latest assessment, or a fresh one), and the mapping. */
  async recoverable(input: { incidentId?: string; fresh?: boolean }): Promise<RecoverableView> {
    return recoverableView(this.deps, await this.incidentOf(input.incidentId), input.fresh ?? false);
  }

  /** Build the plan (the dry run), check the targets in the secondary region, and journal it. */
  async plan(request: PlanRequest): Promise<RecoveryPlan> {
    const incidentId = await this.incidentOf(request.incidentId);
    const current = await this.status(incidentId);
    if (current.run.confirmedAt && (current.run.status === 'running' || current.run.status === 'paused')) {
      throw new AppError(
        'CONFLICT',
        `A recovery of ${incidentId} is ${current.run.status}: pause is not enough, cancel it (or let it finish) before planning again.`,
      );
    }
    if (request.selection.length === 0)
      throw new AppError('INVALID_INPUT', 'Select at least one resource to recover.');
    const plan = await draftPlan(this.deps, incidentId, request, this.now());
    await this.deps.incidents.append(incidentId, {
      type: RECOVER_ENTRY.planCreated,
      actor: request.by ?? 'system',
      data: { planId: plan.id, plan },
    });
    return plan;
  }

  /** The run of an incident, folded from its journal. */
  async status(incidentId?: string): Promise<RecoveryRunView> {
    const id = await this.incidentOf(incidentId);
    const executor = this.executors.get(id);
    const run = executor ? executor.run : foldRun(await this.deps.incidents.entries(id));
    const inFlight = Object.values(run.actions).some(
      (a) => a.state === 'running' || a.state === 'waiting' || a.state === 'queued',
    );
    return {
      incidentId: id,
      run,
      queue: executor?.queueDepth() ?? {
        'cross-region-snapshot-copy': 0,
        'rds-snapshot-copy': 0,
        'table-restore': 0,
      },
      quotaLimits: { ...QUOTA_LIMITS, ...this.deps.quotaLimits },
      attached: !!executor,
      interrupted: !executor && !!run.confirmedAt && (inFlight || run.status === 'running'),
    };
  }

  /** Confirm by typing the incident id; starts the executor. */
  async confirm(input: {
    incidentId: string;
    planId: string;
    typed: string;
    by?: string;
  }): Promise<RecoveryRunView> {
    const { incidentId } = input;
    if (input.typed.trim() !== incidentId) {
      throw new AppError(
        'CONFLICT',
        `The confirmation must be the incident id exactly (${incidentId}); "${input.typed.trim().slice(0, 40)}" was typed. Nothing was started.`,
      );
    }
    const { run } = await this.status(incidentId);
    if (!run.plan) throw new AppError('NOT_FOUND', `There is no plan for ${incidentId}: build one first.`);
    if (run.plan.id !== input.planId) {
      throw new AppError(
        'CONFLICT',
        `The plan changed (${run.plan.id} is the latest, ${input.planId} was confirmed): review the latest dry run and confirm again.`,
      );
    }
    if (run.confirmedAt)
      throw new AppError(
        'CONFLICT',
        `Plan ${run.plan.id} was already confirmed at ${run.confirmedAt}; use resume or retry.`,
      );
    if (!run.plan.runnable)
      throw new AppError(
        'CONFLICT',
        'The plan has problems that block every chain: fix them (see the dry run) and rebuild it. Nothing was sent.',
      );
    const by = input.by ?? (await this.deps.incidents.active())?.state.roles.commander ?? 'commander';
    await this.deps.incidents.append(incidentId, {
      type: RECOVER_ENTRY.confirmed,
      actor: by,
      data: { planId: run.plan.id, by, typed: input.typed.trim() },
    });
    await this.deps.incidents
      .completeAction(
        incidentId,
        'recover.plan',
        `Plan ${run.plan.id}: ${run.plan.chains.length} resources, ${run.plan.callCount} calls, estimated RTO ${run.plan.estimatedRtoMinutes} min.`,
        by,
      )
      .catch(() => []);
    await this.attach(incidentId, by);
    return this.status(incidentId);
  }

  /** Re-attach to an interrupted run (after a restart) or un-pause a paused one. */
  async resume(input: { incidentId?: string; by?: string }): Promise<RecoveryRunView> {
    const id = await this.incidentOf(input.incidentId);
    const by = input.by ?? 'commander';
    const executor = this.executors.get(id);
    if (executor) await executor.resume(by);
    else {
      const { run } = await this.status(id);
      if (!run.confirmedAt) throw new AppError('CONFLICT', 'Nothing to resume: the plan is not confirmed.');
      const executor2 = await this.attach(id, by);
      if (run.status === 'paused') await executor2.resume(by);
    }
    return this.status(id);
  }

  /** Pause: start nothing new. */
  async pause(input: { incidentId?: string; by?: string }): Promise<RecoveryRunView> {
    const id = await this.incidentOf(input.incidentId);
    await this.requireExecutor(id).pause(input.by ?? 'commander');
    return this.status(id);
  }

  /** Cancel: start nothing new, delete nothing. */
  async cancel(input: { incidentId?: string; by?: string }): Promise<RecoveryRunView> {
    const id = await this.incidentOf(input.incidentId);
    const executor = this.executors.get(id) ?? (await this.attach(id, input.by ?? 'commander'));
    await executor.cancel(input.by ?? 'commander');
    return this.status(id);
  }

  /** Retry one failed action. */
  async retry(input: { incidentId?: string; actionId: string; by?: string }): Promise<RecoveryRunView> {
    const id = await this.incidentOf(input.incidentId);
    const executor = this.executors.get(id) ?? (await this.attach(id, input.by ?? 'commander'));
    try {
      await executor.retry(input.actionId, input.by ?? 'commander');
    } catch (error) {
      throw new AppError('CONFLICT', error instanceof Error ? error.message : String(error));
    }
    return this.status(id);
  }

  /** The endpoint map of the run (also as tab-separated text for copying). */
  async endpointMap(incidentId?: string): Promise<{ rows: EndpointMapping[]; text: string }> {
    const { run } = await this.status(incidentId);
    const rows = run.endpointMap.length > 0 || !run.plan ? run.endpointMap : buildEndpointMap(run.plan, run);
    return { rows, text: endpointMapText(rows) };
  }

  /**
   * Re-attach to a run a restart interrupted: confirmed, still running (not paused by the
   * commander, not cancelled, not finished) and driven by no executor of this process. The
   * re-attachment is journaled (the operations board shows it: "Resumed after restart") and the
   * executor finishes the run without creating anything twice and without a second confirmation.
   * Answers what was re-attached, or null when there was nothing to pick up.
   */
  reattachInterrupted(incidentId?: string): Promise<Reattachment | null> {
    return this.incidentOf(incidentId).then((id) => {
      let pending = this.reattaching.get(id);
      if (!pending) {
        pending = this.reattach(id).finally(() => this.reattaching.delete(id));
        this.reattaching.set(id, pending);
      }
      return pending;
    });
  }

  /**
   * At start-up (the desktop app): re-attach the active incident's interrupted run in the
   * background. A failure is told through `notify` (the board then offers Resume). Resolves with
   * the re-attachment, or null.
   */
  reattachOnOpen(): Promise<Reattachment | null> {
    const opening = (async () => {
      const active = await this.deps.incidents.active();
      return active ? this.reattachInterrupted(active.state.id) : null;
    })().catch((error: unknown) => {
      this.deps.notify?.(
        `An interrupted recovery could not be re-attached (${error instanceof Error ? error.message : String(error)}); open the operations board and press Resume.`,
      );
      return null;
    });
    this.opening = opening;
    return opening;
  }

  private async reattach(id: string): Promise<Reattachment | null> {
    if (this.closed || this.executors.has(id) || this.attaching.has(id)) return null;
    const run = foldRun(await this.deps.incidents.entries(id));
    if (!run.plan || !run.confirmedAt || run.status !== 'running') return null;
    if (this.closed || this.executors.has(id) || this.attaching.has(id)) return null;
    const actions = Object.values(run.actions).filter((a) => IN_FLIGHT_STATES.has(a.state)).length;
    await this.deps.incidents.append(id, {
      type: RECOVER_ENTRY.reattached,
      actor: 'system',
      data: { planId: run.plan.id, actions, by: 'system' },
    });
    try {
      await this.attach(id, run.confirmedBy ?? 'system');
    } catch (error) {
      if (this.closed) return null; // the app closed meanwhile: the next start picks it up
      throw error;
    }
    return { incidentId: id, planId: run.plan.id, actions };
  }

  /** Resolves when the incident's run settles (CLI `recover`); waits for a re-attachment under way first. */
  async settled(incidentId: string): Promise<RecoveryRun> {
    await this.opening;
    await this.reattaching.get(incidentId);
    await this.attaching.get(incidentId);
    const executor = this.executors.get(incidentId);
    if (!executor) return (await this.status(incidentId)).run;
    const run = await executor.whenSettled();
    await this.completing.get(incidentId);
    return run;
  }

  /** Stop watching (process exit); the journal keeps what is in flight for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    for (const e of this.executors.values()) e.detach();
    this.executors.clear();
    // A re-attachment under way stops at its next step; let it finish before the journals close.
    await this.opening;
    await Promise.allSettled([...this.reattaching.values(), ...this.attaching.values()]);
  }

  private requireExecutor(id: string): RecoveryExecutor {
    const e = this.executors.get(id);
    if (!e) throw new AppError('CONFLICT', `No recovery of ${id} is running in this app (resume it first).`);
    return e;
  }

  /** The incident's executor: the one running, one being built, or a new one (never two). */
  private attach(incidentId: string, by: string): Promise<RecoveryExecutor> {
    const existing = this.executors.get(incidentId);
    if (existing) return Promise.resolve(existing);
    let pending = this.attaching.get(incidentId);
    if (!pending) {
      pending = this.startExecutor(incidentId, by).finally(() => this.attaching.delete(incidentId));
      this.attaching.set(incidentId, pending);
    }
    return pending;
  }

  private async startExecutor(incidentId: string, by: string): Promise<RecoveryExecutor> {
    if (this.closed)
      throw new AppError('UNAVAILABLE', 'The app is closing: the recovery resumes at the next start.');
    const run = foldRun(await this.deps.incidents.entries(incidentId));
    if (!run.plan || !run.confirmedAt)
      throw new AppError('CONFLICT', 'Nothing to run: the plan is not confirmed.');
    const clients = recoveryClients(await this.deps.clients());
    if (this.closed)
      throw new AppError('UNAVAILABLE', 'The app is closing: the recovery resumes at the next start.');
    const executor = new RecoveryExecutor({
      clients,
      incidentId,
      actor: by,
      run: run.status === 'failed' || run.status === 'completed' ? { ...run } : run,
      journal: { append: (type, data) => this.deps.incidents.append(incidentId, { type, actor: by, data }) },
      ...(this.deps.poll ? { poll: this.deps.poll } : {}),
      ...(this.deps.quotaLimits ? { quotaLimits: this.deps.quotaLimits } : {}),
      onChange: (current, entry) => {
        if (entry.type !== RECOVER_ENTRY.runState || entry.data.status !== 'completed') return;
        // The procedure step is done when the run completes (awaited by `settled`).
        this.completing.set(
          incidentId,
          this.deps.incidents
            .completeAction(
              incidentId,
              'recover.execute',
              `Recovery completed: ${current.endpointMap.length} endpoints in the endpoint map.`,
              by,
            )
            .catch(() => []),
        );
      },
    });
    this.executors.set(incidentId, executor);
    void executor.start();
    return executor;
  }
}

export { emptyRun };
