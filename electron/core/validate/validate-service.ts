import type { AssessmentResult } from '../api/calls/assess';
import { AppError } from '../api/errors';
import type { ValidateProgressEvent } from '../api/events';
import type { AwsClients } from '../aws/clients';
import { allowKinds } from '../aws/guard';
import { TAG_INCIDENT } from '../aws/tags';
import type { IncidentState, JournalAppend, JournalEntry } from '../incident/types';
import { cliEquivalent } from '../recover/cli-equivalent';
import type { ParamValue, RecoveryRunView } from '../recover/types';
import { networkSkipReason, type CheckContext } from './check-context';
import { checkDynamo } from './check-dynamodb';
import { checkEc2, instanceAddress } from './check-ec2';
import { checkRds } from './check-rds';
import { checkS3 } from './check-s3';
import { check, rollUp } from './compare';
import { achievedRpo, achievedRto, targetsMet, type RestoredPoint } from './measures';
import { runProbe } from './run-probes';
import { errorText, requestIdOf, send } from './send';
import { subjectsOf, type ValidationSubject } from './subjects';
import { runSummary } from './validation-text';
import {
  DEFAULT_VALIDATION_OPTIONS,
  type CheckStatus,
  type ProbeSpec,
  type ReapplyResult,
  type ResourceStatus,
  type ResourceValidation,
  type ValidationCheck,
  type ValidationOptions,
  type ValidationRun,
  type ValidationView,
} from './types';

/** The journal entry types validation writes. */
export const VALIDATE_ENTRY = {
  completed: 'validate.completed',
  reapplied: 'validate.reapply.completed',
} as const;

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

function userTags(tags: Record<string, string> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags ?? {}))
    if (!k.startsWith('aws:') && !k.startsWith('dr-war-room:')) out[k] = v;
  return out;
}

/** One write the re-apply would send. */
interface PlannedWrite {
  setting: 'pitr' | 'ttl' | 'tags';
  operation: string;
  params: Record<string, ParamValue>;
  cli: string;
  detail: string;
}

/** Counts of resource and check statuses (PURE). */
export function countRun(
  resources: readonly ResourceValidation[],
  probes: readonly ValidationCheck[],
): ValidationRun['counts'] {
  const checks: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  const byStatus: Record<ResourceStatus, number> = { pass: 0, warn: 0, fail: 0 };
  for (const r of resources) {
    byStatus[r.status] += 1;
    for (const c of r.checks) checks[c.status] += 1;
  }
  for (const p of probes) checks[p.status] += 1;
  return { ...byStatus, checks };
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
    const entries = await this.deps.incidents.entries(id);
    let latest: ValidationRun | null = null;
    for (const e of entries)
      if (e.type === VALIDATE_ENTRY.completed && typeof e.data.id === 'string')
        latest = e.data as unknown as ValidationRun;
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
        const done = await this.validateOne(ctx, s, state, this.referenceFor(s, given, state), probes);
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
    await this.deps.incidents.append(incidentId, {
      type: VALIDATE_ENTRY.completed,
      actor: request.by ?? 'DR War Room',
      data: {
        ...run,
        summary: runSummary(run),
        resources: resources.map((r) => ({ ...r, ok: r.status !== 'fail' })),
      } as unknown as Record<string, unknown>,
    });
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
   * The end of the data-loss window, on the account's clock: the impact start the commander
   * gave; else the assessment's time (the option's point plus its RPO: the same clock as the
   * restored point); else, live, the declaration (tabletop journal and account clocks differ).
   */
  private referenceFor(
    s: ValidationSubject,
    given: { at: string; what: string } | null,
    state: IncidentState,
  ): { at: string; what: string } | null {
    if (given) return given;
    if (s.assessedAt) return { at: s.assessedAt, what: 'outage assessed at' };
    return this.deps.mode === 'LIVE' ? { at: state.declaredAt, what: 'incident declared at' } : null;
  }

  private async validateOne(
    ctx: CheckContext,
    s: ValidationSubject,
    state: IncidentState,
    reference: { at: string; what: string } | null,
    probes: readonly ProbeSpec[],
  ): Promise<ResourceValidation> {
    let checks: ValidationCheck[];
    let point: RestoredPoint = s.restoredPoint;
    try {
      switch (s.service) {
        case 's3':
          checks = await checkS3(ctx, s);
          break;
        case 'rds':
          checks = await checkRds(ctx, s);
          break;
        case 'ec2':
          checks = await checkEc2(ctx, s);
          break;
        case 'dynamodb': {
          const r = await checkDynamo(ctx, s);
          checks = r.checks;
          // The restore time AWS reports beats the plan's.
          if (r.restoredAt) point = { kind: 'time', at: r.restoredAt, what: 'restored to (RestoreDateTime)' };
          break;
        }
      }
    } catch (error) {
      checks = [check('status', 'Checks ran', 'fail', `The checks stopped: ${errorText(error)}`)];
    }
    const address = s.service === 'ec2' ? instanceAddress(s.output) : s.output.Endpoint?.split(':')[0];
    for (const p of probes)
      if (p.resourceId === s.resourceId || p.resourceId === s.source) checks.push(await runProbe(p, address));
    const validatedAt = this.now().toISOString();
    const tier = state.targets.find((t) => t.id === s.tier) ?? null;
    const rto = achievedRto(state.declaredAt, validatedAt);
    const rpo = achievedRpo(point, reference);
    const status = rollUp(checks);
    return {
      resourceId: s.resourceId,
      service: s.service,
      kind: s.kind,
      source: s.source,
      targetId: s.targetId,
      strategy: s.strategy,
      tier: s.tier,
      checks,
      status,
      achievedRtoMinutes: rto,
      achievedRpoMinutes: rpo.minutes,
      rpoBasis: rpo.basis,
      rtoTargetMinutes: tier?.rtoMinutes ?? null,
      rpoTargetMinutes: tier?.rpoMinutes ?? null,
      targetsMet: targetsMet(rto, tier?.rtoMinutes ?? null, rpo.minutes, tier?.rpoMinutes ?? null),
    };
  }

  /**
   * Re-apply PITR, TTL and tags on a restored table (never on a source, never on a table this
   * incident did not create), and journal what was applied.
   */
  async reapply(input: {
    incidentId?: string;
    resourceId: string;
    pitr?: boolean;
    ttl?: boolean;
    tags?: boolean;
    /** Only say what would be sent (each call and its aws CLI equivalent); send nothing. */
    dryRun?: boolean;
    by?: string;
  }): Promise<ReapplyResult> {
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
    const region = s.targetRegion;
    const clients = (await this.deps.clients()).withPolicy(
      allowKinds(['read', 'create'], 'Re-applying table settings'),
    );
    const described = await send(clients, 'dynamodb', region, 'DescribeTable', { TableName: s.targetId });
    const arn = (described.Table as { TableArn?: string } | undefined)?.TableArn;
    if (!arn) throw new AppError('NOT_FOUND', `${s.targetId} does not exist in ${region}.`);
    const tagAnswer = await send(clients, 'dynamodb', region, 'ListTagsOfResource', { ResourceArn: arn });
    const incidentTag = ((tagAnswer.Tags as Array<{ Key?: string; Value?: string }> | undefined) ?? []).find(
      (t) => t.Key === TAG_INCIDENT,
    )?.Value;
    if (incidentTag !== incidentId)
      throw new AppError(
        'OPERATION_NOT_ALLOWED',
        `${s.targetId} is not a table this incident restored (tag ${TAG_INCIDENT}=${incidentTag ?? 'absent'}): settings are re-applied on restored targets only. Nothing was changed.`,
      );
    const skipped: ReapplyResult['skipped'] = [];
    const planned: PlannedWrite[] = [];
    const d = s.assessed?.details ?? {};
    const write = (
      setting: PlannedWrite['setting'],
      operation: string,
      params: Record<string, ParamValue>,
      detail: string,
    ) =>
      planned.push({
        setting,
        operation,
        params,
        detail,
        cli: cliEquivalent('dynamodb', operation, region, params),
      });
    if (input.pitr ?? true)
      write(
        'pitr',
        'UpdateContinuousBackups',
        { TableName: s.targetId, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
        'point-in-time recovery enabled',
      );
    if (input.ttl ?? true) {
      const ttl = await send(clients, 'dynamodb', region, 'DescribeTimeToLive', { TableName: s.targetId });
      const now = ttl.TimeToLiveDescription as
        { TimeToLiveStatus?: string; AttributeName?: string } | undefined;
      if (!d.ttlAttribute)
        skipped.push({ setting: 'ttl', reason: 'the source has no TTL attribute on record' });
      else if (now?.TimeToLiveStatus === 'ENABLED' && now.AttributeName === d.ttlAttribute)
        skipped.push({ setting: 'ttl', reason: `TTL already on ${d.ttlAttribute}` });
      else
        write(
          'ttl',
          'UpdateTimeToLive',
          {
            TableName: s.targetId,
            TimeToLiveSpecification: { Enabled: true, AttributeName: d.ttlAttribute },
          },
          `TTL on ${d.ttlAttribute}`,
        );
    }
    if (input.tags ?? true) {
      const tags = userTags(s.assessed?.tags);
      if (Object.keys(tags).length === 0)
        skipped.push({ setting: 'tags', reason: 'no source tags on record' });
      else
        write(
          'tags',
          'TagResource',
          { ResourceArn: arn, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
          Object.keys(tags).join(', '),
        );
    }
    const applied: ReapplyResult['applied'] = [];
    if (!input.dryRun)
      for (const w of planned) {
        const a = await send(clients, 'dynamodb', region, w.operation, w.params as Record<string, unknown>);
        applied.push({ setting: w.setting, detail: w.detail, requestId: requestIdOf(a) });
      }
    const preview = planned.map(({ setting, operation, cli, detail }) => ({
      setting,
      operation,
      cli,
      detail,
    }));
    if (input.dryRun)
      return {
        incidentId,
        resourceId: s.resourceId,
        table: s.targetId,
        dryRun: true,
        planned: preview,
        applied,
        skipped,
      };
    const result: ReapplyResult = {
      incidentId,
      resourceId: s.resourceId,
      table: s.targetId,
      dryRun: false,
      planned: preview,
      applied,
      skipped,
    };
    await this.deps.incidents.append(incidentId, {
      type: VALIDATE_ENTRY.reapplied,
      actor: input.by ?? 'DR War Room',
      data: {
        ...result,
        summary: `Re-applied on ${s.targetId}: ${applied.map((a) => a.setting).join(', ') || 'nothing'}${skipped.length > 0 ? `; skipped ${skipped.map((k) => `${k.setting} (${k.reason})`).join(', ')}` : ''}`,
        resourceId: s.resourceId,
        service: 'dynamodb',
        targetId: s.targetId,
      } as unknown as Record<string, unknown>,
    });
    return result;
  }
}
