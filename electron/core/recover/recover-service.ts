import type { AssessmentResult } from '../api/calls/assess';
import { AppError } from '../api/errors';
import type { AwsClients } from '../aws/clients';
import type { JournalAppend, JournalEntry } from '../incident/types';
import { buildEndpointMap, endpointMapText } from './endpoint-map';
import { RECOVER_ENTRY } from './entry-types';
import type { PollTiming } from './executor/backoff';
import { RecoveryExecutor } from './executor/executor';
import { recoverableFromAssessment } from './from-assessment';
import { loadRecoveryMapping } from './load-mapping';
import { buildPlan } from './planner';
import { emptyRun, foldRun } from './run-reducer';
import { gatherTargetFacts, listNetworkTargets } from './target-facts';
import { expandSelection, mergeMapping, recoveryClients, rollbackVersions } from './plan-inputs';
import {
  QUOTA_LIMITS,
  type EndpointMapping,
  type QuotaName,
  type RecoverableView,
  type RecoveryMapping,
  type RecoveryPlan,
  type RecoveryRun,
  type RecoveryRunView,
  type ResourceSelection,
  type TargetFacts,
} from './types';

export { expandSelection, recoveryClients, rollbackVersions } from './plan-inputs';

/** What the recovery needs from the rest of the core. */
export interface RecoverServiceDeps {
  dataDir: string;
  incidents: {
    append(id: string, item: JournalAppend): Promise<JournalEntry>;
    entries(id: string): Promise<readonly JournalEntry[]>;
    completeAction(id: string, action: string, evidence?: string, by?: string): Promise<string[]>;
    active(): Promise<{ state: { id: string; roles: { commander: string } } } | null>;
  };
  clients: () => Promise<AwsClients>;
  regions: () => Promise<{ primary: string; secondary: string }>;
  /** The latest assessment (null before the first). */
  latestAssessment: () => Promise<AssessmentResult | null>;
  /** Run a fresh assessment for the incident. */
  runAssessment: (incidentId: string) => Promise<AssessmentResult>;
  /** Poll timing (tabletop exercises poll faster). */
  poll?: Partial<PollTiming>;
  quotaLimits?: Partial<Record<QuotaName, number>>;
  now?: () => Date;
}

/** Input of {@link RecoverService.plan}. */
export interface PlanRequest {
  incidentId?: string;
  selection: ResourceSelection[];
  /** Mapping entries from the UI, over the file's. */
  mapping?: Partial<RecoveryMapping>;
  reapply?: { pitr?: boolean; ttl?: boolean; tags?: boolean };
  /** Run a fresh assessment first. */
  fresh?: boolean;
  by?: string;
}

/**
 * The recovery stage: plan (a pure function over the assessment, the selection, the mapping
 * and the target facts), typed confirmation, the executor, and the run folded from the journal.
 */
export class RecoverService {
  private readonly executors = new Map<string, RecoveryExecutor>();
  private readonly completing = new Map<string, Promise<unknown>>();
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

  private async assessment(incidentId: string, fresh: boolean): Promise<AssessmentResult> {
    const latest = fresh ? null : await this.deps.latestAssessment();
    return latest ?? (await this.deps.runAssessment(incidentId));
  }

  /** The resources the plan builder offers (from the latest assessment, or a fresh one), and the mapping. */
  async recoverable(input: { incidentId?: string; fresh?: boolean }): Promise<RecoverableView> {
    const incidentId = await this.incidentOf(input.incidentId);
    const [assessment, { mapping, file }, regions] = await Promise.all([
      this.assessment(incidentId, input.fresh ?? false),
      loadRecoveryMapping(this.deps.dataDir),
      this.deps.regions(),
    ]);
    const clients = (await this.deps.clients())
      .fastFail()
      .withPolicy((op) => (op.kind === 'read' ? undefined : 'The plan builder only reads.'));
    return {
      incidentId,
      assessedAt: assessment.finishedAt,
      regions,
      resources: recoverableFromAssessment(assessment),
      mapping,
      mappingFile: file,
      targets: await listNetworkTargets(clients, regions.secondary),
    };
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
    const [assessment, fileMapping, regions] = await Promise.all([
      this.assessment(incidentId, request.fresh ?? false),
      loadRecoveryMapping(this.deps.dataDir),
      this.deps.regions(),
    ]);
    const resources = recoverableFromAssessment(assessment);
    const mapping = mergeMapping(fileMapping.mapping, request.mapping);
    const options = {
      incidentId,
      regions,
      reapply: {
        pitr: request.reapply?.pitr ?? true,
        ttl: request.reapply?.ttl ?? true,
        tags: request.reapply?.tags ?? true,
      },
      createdBy: 'dr-war-room',
    };
    const clients = await this.deps.clients();
    const reader = clients
      .fastFail()
      .withPolicy((op) => (op.kind === 'read' ? undefined : 'Planning only reads.'));
    const selection = await rollbackVersions(
      reader,
      expandSelection(request.selection, resources),
      resources,
    );
    const now = this.now();
    const noFacts: TargetFacts = {
      existing: {},
      subnetGroups: [],
      subnets: [],
      securityGroups: [],
      checked: false,
    };
    const draft = buildPlan({ resources, selection, mapping, options, facts: noFacts, now });
    const facts = await gatherTargetFacts(
      clients.fastFail().withPolicy((op) => (op.kind === 'read' ? undefined : 'Planning only reads.')),
      draft,
    );
    const plan = buildPlan({ resources, selection, mapping, options, facts, now });
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

  /** Resolves when the incident's run settles (CLI `recover`). */
  async settled(incidentId: string): Promise<RecoveryRun> {
    const executor = this.executors.get(incidentId);
    if (!executor) return (await this.status(incidentId)).run;
    const run = await executor.whenSettled();
    await this.completing.get(incidentId);
    return run;
  }

  /** Stop watching (process exit); the journal keeps what is in flight for the next start. */
  close(): void {
    for (const e of this.executors.values()) e.detach();
    this.executors.clear();
  }

  private requireExecutor(id: string): RecoveryExecutor {
    const e = this.executors.get(id);
    if (!e) throw new AppError('CONFLICT', `No recovery of ${id} is running in this app (resume it first).`);
    return e;
  }

  private async attach(incidentId: string, by: string): Promise<RecoveryExecutor> {
    const existing = this.executors.get(incidentId);
    if (existing) return existing;
    const run = foldRun(await this.deps.incidents.entries(incidentId));
    if (!run.plan || !run.confirmedAt)
      throw new AppError('CONFLICT', 'Nothing to run: the plan is not confirmed.');
    const clients = recoveryClients(await this.deps.clients());
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
