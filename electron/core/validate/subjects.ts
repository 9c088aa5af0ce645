/**
 * What to validate (PURE): one subject per plan chain whose actions are all done, with the
 * restored target, what the plan asked for, what the assessment knew of the source, and where
 * the restored data ends (the restored point in time, for the RPO).
 */
import type { AssessedResource, AssessmentResult } from '../api/calls/assess';
import { recoverableFromAssessment } from '../recover/from-assessment';
import type {
  OptionData,
  ParamValue,
  PlanChain,
  RecoverableResource,
  RecoveryPlan,
  RecoveryRun,
  RecoverService,
} from '../recover/types';
import type { RestoredPoint } from './measures';

/** One restored resource to validate. */
export interface ValidationSubject {
  resourceId: string;
  service: RecoverService;
  kind: string;
  /** The source name and region. */
  source: string;
  sourceRegion: string;
  targetRegion: string;
  /** The restored target's id (bucket, DB instance id, instance id, volume id, table name). */
  targetId: string;
  strategy: PlanChain['strategy'];
  tier: string | null;
  chain: PlanChain;
  /** The merged outputs of the chain's actions. */
  output: Record<string, string>;
  /** The literal parameters of the chain's create calls (references to other outputs left out). */
  planned: Record<string, unknown>;
  /** What the assessment recorded about the source (null when it was not assessed). */
  assessed: AssessedResource | null;
  /** The strategy's option data from the assessment (null when not found). */
  option: OptionData | null;
  /** The option's assessed RPO in minutes. */
  optionRpoMinutes: number | null;
  /** Where the restored data ends, as far as the plan and the assessment know. */
  restoredPoint: RestoredPoint;
  /**
   * The account-clock time the assessment measured the option's RPO at (its point plus its RPO):
   * the reference for the data-loss window, on the same clock as the restored point.
   */
  assessedAt: string | null;
}

function literal(value: ParamValue): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && '$ref' in value) return undefined;
  return value;
}

/** The literal parameters of a chain's create calls, later calls over earlier ones. */
export function plannedParams(chain: PlanChain): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of chain.actions)
    for (const c of a.calls) {
      if (c.kind !== 'create') continue;
      for (const [k, v] of Object.entries(c.params)) {
        const l = literal(v);
        if (l !== undefined && l !== null) out[k] = l;
      }
    }
  return out;
}

/** Where the restored data ends for a strategy (the option's data and the plan's chosen time). */
export function restoredPointOf(
  chain: PlanChain,
  option: OptionData | null,
  optionRpo: number | null,
): RestoredPoint {
  const lagFromAssessment = (what: string): RestoredPoint =>
    optionRpo === null
      ? { kind: 'unknown', why: `${what}; the assessment could not bound it` }
      : { kind: 'lag', minutes: optionRpo, what: `${what} (assessed bound ${optionRpo} min)` };
  if (!option) return lagFromAssessment('the assessment option of this strategy is not known');
  switch (option.strategy) {
    case 'rds-pitr-cross-region':
    case 'dynamodb-pitr-cross-region':
      return {
        kind: 'time',
        at: chain.restoreTime ?? option.window.latest,
        what: chain.restoreTime ? 'restored to the chosen point' : 'restored to the latest restorable time',
      };
    case 'rds-snapshot-restore':
    case 'rds-snapshot-copy-restore':
      return { kind: 'time', at: option.snapshotTime, what: 'snapshot taken' };
    case 'ec2-ami-launch':
    case 'ec2-ami-copy-launch':
    case 'ebs-snapshot-copy':
      return option.createdAt
        ? {
            kind: 'time',
            at: option.createdAt,
            what: option.strategy === 'ebs-snapshot-copy' ? 'snapshot taken' : 'AMI created',
          }
        : lagFromAssessment('image or snapshot time not recorded');
    case 'dynamodb-backup-restore':
      return { kind: 'time', at: option.backupTime, what: 'backup taken' };
    case 'rds-promote-replica':
      return option.lagSeconds !== null
        ? {
            kind: 'lag',
            minutes: Math.ceil(option.lagSeconds / 60),
            what: `read replica lag ${option.lagSeconds} s at promotion`,
          }
        : lagFromAssessment('read replica lag at promotion');
    case 'dynamodb-global-replica':
      return lagFromAssessment('global table replication lag');
    case 's3-replica-failover':
      return lagFromAssessment('replication lag (objects still PENDING at the source are lost)');
    case 's3-version-rollback':
    case 's3-archive-restore':
      return lagFromAssessment('the age of the version or archive brought back');
  }
}

/** The point in time an option restores to (null for replicas, whose loss is a lag). */
export function optionPoint(option: OptionData | null): string | null {
  switch (option?.strategy) {
    case 'rds-pitr-cross-region':
    case 'dynamodb-pitr-cross-region':
      return option.window.latest;
    case 'rds-snapshot-restore':
    case 'rds-snapshot-copy-restore':
      return option.snapshotTime;
    case 'ec2-ami-launch':
    case 'ec2-ami-copy-launch':
    case 'ebs-snapshot-copy':
      return option.createdAt || null;
    case 'dynamodb-backup-restore':
      return option.backupTime;
    default:
      return null;
  }
}

/** The account-clock time of the assessment, from an option's point and its RPO (PURE). */
export function assessedAtOf(option: OptionData | null, rpoMinutes: number | null): string | null {
  const point = optionPoint(option);
  if (!point || rpoMinutes === null) return null;
  const t = Date.parse(point);
  return Number.isNaN(t) ? null : new Date(t + rpoMinutes * 60_000).toISOString();
}

/** The restored target of a chain from its outputs (as the endpoint map names it). */
export function targetIdOf(chain: PlanChain, output: Record<string, string>): string {
  switch (chain.resource.service) {
    case 's3':
      return output.Bucket ?? chain.targetName;
    case 'rds':
      return output.DBInstanceIdentifier ?? chain.targetName;
    case 'ec2':
      return (
        (chain.resource.kind === 'volume' ? output.VolumeId : output.InstanceId) ??
        output.VolumeId ??
        chain.targetName
      );
    case 'dynamodb':
      return output.TableName ?? chain.targetName;
  }
}

function matches(chain: PlanChain, only: readonly string[]): boolean {
  return only.length === 0 || only.includes(chain.resource.id) || only.includes(chain.resource.name);
}

/**
 * The subjects of a run: chains whose actions are all done become subjects; the others are
 * listed with the reason they cannot be validated yet.
 */
export function subjectsOf(
  plan: RecoveryPlan,
  run: RecoveryRun,
  assessment: AssessmentResult | null,
  only: readonly string[] = [],
): { subjects: ValidationSubject[]; notValidated: Array<{ resourceId: string; reason: string }> } {
  const recoverable: RecoverableResource[] = assessment ? recoverableFromAssessment(assessment) : [];
  const subjects: ValidationSubject[] = [];
  const notValidated: Array<{ resourceId: string; reason: string }> = [];
  for (const chain of plan.chains) {
    if (!matches(chain, only)) continue;
    const actions = chain.actions.map((a) => run.actions[a.id]);
    const pending = actions.filter((a) => a?.state !== 'done');
    if (chain.blocked || pending.length > 0) {
      notValidated.push({
        resourceId: chain.resource.id,
        reason: chain.blocked
          ? 'its recovery chain was blocked by a planning problem'
          : `its recovery is not complete (${pending.map((a) => `${a?.id ?? '?'}: ${a?.state ?? 'unknown'}`).join(', ')})`,
      });
      continue;
    }
    const output: Record<string, string> = Object.assign({}, ...actions.map((a) => a?.output ?? {}));
    const resource = recoverable.find((r) => r.id === chain.resource.id);
    const option = resource?.options.find((o) => o.data.strategy === chain.strategy) ?? null;
    const assessed = assessment?.resources.find((r) => r.id === chain.resource.id) ?? null;
    subjects.push({
      resourceId: chain.resource.id,
      service: chain.resource.service,
      kind: chain.resource.kind,
      source: chain.resource.name,
      sourceRegion: chain.resource.region,
      targetRegion: plan.regions.secondary,
      targetId: targetIdOf(chain, output),
      strategy: chain.strategy,
      tier: chain.resource.tier,
      chain,
      output,
      planned: plannedParams(chain),
      assessed,
      option: option?.data ?? null,
      optionRpoMinutes: option?.rpoMinutes ?? chain.rpoMinutes,
      restoredPoint: restoredPointOf(chain, option?.data ?? null, option?.rpoMinutes ?? chain.rpoMinutes),
      assessedAt: assessedAtOf(option?.data ?? null, option?.rpoMinutes ?? chain.rpoMinutes),
    });
  }
  return { subjects, notValidated };
}
