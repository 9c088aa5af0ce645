import type { AssessmentResult } from '../api/calls/assess';
import { AppError } from '../api/errors';
import type { ValidateProgressEvent } from '../api/events';
import type { AwsClients } from '../aws/clients';
import { allowKinds } from '../aws/guard';
import type { IncidentState, JournalAppend, JournalEntry } from '../incident/types';
import type { RecoveryRunView } from '../recover/types';
import { networkSkipReason, type CheckContext } from './check-context';
import { lossWindowEnd } from './measures';
import { reapplySettings, type ReapplyChoice } from './reapply-settings';
import { countRun } from './run-counts';
import { runProbe } from './run-probes';
import { subjectsOf } from './subjects';
import { latestValidation, reappliedEntry, validationCompletedEntry } from './validate-entries';
import { validateResource } from './validate-resource';
import {
  DEFAULT_VALIDATION_OPTIONS,
  type ProbeSpec,
  type ReapplyResult,
  type ResourceValidation,
  type ValidationOptions,
  type ValidationRun,
  type ValidationView,
} from './types';

/** What validation needs from the rest of the core. */
export interface ValidateServiceDeps {
  incidents: {
    append(id: string, item: JournalAppend): Promise<JournalEntry>;
    entries(id: string): Promise<readonly JournalEntry[]>;
    state(id: string): Promise<IncidentState>;
    completeAction(id: string, action: string, evidence?: string, by?: string): Promise<string[]>;
    active(): Promise<{ state: { id: string } } | null>;
  };
  clients: () => Promise<AwsClients>;
  recoverStatus: (incidentId: string) => Promise<RecoveryRunView>;
  latestAssessment: () => Promise<AssessmentResult | null>;
  probes: () => Promise<ProbeSpec[]>;
  mode: 'LIVE' | 'TABLETOP';
  /** Progress to the UI (one event per validated resource). */
  emit?: (event: ValidateProgressEvent) => void;
  /** The journal clock (RTO). */
  now?: () => Date;
}

/** Input of {@link ValidateService.run}. */
export interface ValidateRequest {
  incidentId?: string;
  /** When the source stopped taking writes (ISO, account clock): the end of the data-loss window. */
  impactStartedAt?: string;
  options?: Partial<ValidationOptions>;
  by?: string;
}

/**
 * The validation stage: per-service integrity checks of every restored resource, custom probes,
 * achieved RTO/RPO against the tier targets, journaled as `validate.completed`; and the one
 * write it offers, re-applying PITR, TTL and tags on a restored table.
 */
export class ValidateService {
  private readonly running = new Set<string>();
  private readonly now: () => Date;

  constructor(private readonly deps: ValidateServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private async incidentOf(incidentId?: string): Promise<string> {
    if (incidentId) return incidentId;
    const active = await this.deps.incidents.active();
    if (!active)
      throw new AppError(
        'NOT_FOUND',
        'No incident is active: declare one (`dr-war-room incident new`) or name it with --incident.',
      );
    return active.state.id;
  }

  /** The latest validation of the incident, from its journal. */
  async latest(incidentId?: string): Promise<ValidationView> {
    const id = await this.incidentOf(incidentId);
    const latest = latestValidation(await this.deps.incidents.entries(id));
    return { incidentId: id, latest, running: this.running.has(id) };
  }

  /** Validate every restored resource of the incident's recovery and journal the results. */
  async run(request: ValidateRequest): Promise<ValidationRun> {
    const incidentId = await this.incidentOf(request.incidentId);
    if (this.running.has(incidentId))
      throw new AppError(
        'CONFLICT',
        `A validation of ${incidentId} is already running: wait for it to finish.`,
      );
    this.running.add(incidentId);
    try {
      return await this.runUnlocked(incidentId, request);
    } finally {
      this.running.delete(incidentId);
    }
  }

  private async runUnlocked(incidentId: string, request: ValidateRequest): Promise<ValidationRun> {
    const options: ValidationOptions = { ...DEFAULT_VALIDATION_OPTIONS, ...request.options };
    const startedAt = this.now().toISOString();
    const [status, state, assessment, probes] = await Promise.all([
      this.deps.recoverStatus(incidentId),
      this.deps.incidents.state(incidentId),
      this.deps.latestAssessment(),
      this.deps.probes(),
    ]);
    const { plan } = status.run;
    if (!plan)
      throw new AppError(
        'NOT_FOUND',
        `Nothing was recovered for ${incidentId}: plan and run the recovery first (dr-war-room plan / recover).`,
      );
    const { subjects, notValidated } = subjectsOf(plan, status.run, assessment, options.only);
    if (subjects.length === 0)
      throw new AppError(
        'CONFLICT',
        `No restored resource of ${incidentId} can be validated yet: ${notValidated.map((n) => `${n.resourceId}: ${n.reason}`).join('; ') || 'the plan has no matching resource'}.`,
      );
    const base = (await this.deps.clients()).withPolicy(allowKinds(['read'], 'Validation'));
    const ctx: CheckContext = {
      clients: base,
      sourceClients: base.fastFail(),
      options,
      networkSkip: networkSkipReason(this.deps.mode, options.skipNetwork),
    };
    const given = request.impactStartedAt ? { at: request.impactStartedAt, what: 'impact started at' } : null;
    const resources: ResourceValidation[] = [];
    const queue = [...subjects];
    const worker = async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const reference = lossWindowEnd(given, s.assessedAt, this.deps.mode, state.declaredAt);
        const done = await validateResource(ctx, s, state, reference, probes, () => this.now().toISOString());
        resources.push(done);
        this.deps.emit?.({
          type: 'validate.progress',
          incidentId,
          done: resources.length,
          total: subjects.length,
          resourceId: done.resourceId,
          status: done.status,
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, subjects.length) }, worker));
    resources.sort((a, b) => a.resourceId.localeCompare(b.resourceId));
    const appProbes = await Promise.all(probes.filter((p) => !p.resourceId).map((p) => runProbe(p)));
    const counts = countRun(resources, appProbes);
    const run: ValidationRun = {
      id: `VAL-${Date.parse(startedAt).toString(36)}`,
      incidentId,
      startedAt,
      finishedAt: this.now().toISOString(),
      mode: this.deps.mode,
      options,
      resources,
      probes: appProbes,
      notValidated,
      counts,
      passed: counts.checks.fail === 0,
    };
    await this.deps.incidents.append(incidentId, validationCompletedEntry(run, request.by));
    await this.deps.incidents
      .completeAction(
        incidentId,
        'validate.run',
        `Validation ${run.id}: ${counts.pass} passed, ${counts.warn} with warnings, ${counts.fail} failed of ${resources.length} resources; ${counts.checks.fail} failed checks.`,
        request.by,
      )
      .catch(() => []);
    return run;
  }

  /**
   * Re-apply PITR, TTL and tags on a restored table (never on a source, never on a table this
   * incident did not create), and journal what was applied.
   */
  async reapply(
    input: ReapplyChoice & { incidentId?: string; resourceId: string; by?: string },
  ): Promise<ReapplyResult> {
    const incidentId = await this.incidentOf(input.incidentId);
    const [status, assessment] = await Promise.all([
      this.deps.recoverStatus(incidentId),
      this.deps.latestAssessment(),
    ]);
    if (!status.run.plan) throw new AppError('NOT_FOUND', `Nothing was recovered for ${incidentId}.`);
    const { subjects } = subjectsOf(status.run.plan, status.run, assessment, [input.resourceId]);
    const s = subjects[0];
    if (!s || s.service !== 'dynamodb')
      throw new AppError(
        'NOT_FOUND',
        `${input.resourceId} is not a restored DynamoDB table of ${incidentId} (re-apply works on restored tables only).`,
      );
    const result = await reapplySettings(() => this.deps.clients(), incidentId, s, input);
    if (!input.dryRun) await this.deps.incidents.append(incidentId, reappliedEntry(result, input.by));
    return result;
  }
}
