/**
 * What a runbook opened from a procedure step is filled with (PURE, no I/O: the renderer imports
 * it): the incident's id and regions, and for a service runbook the values of one resource of that
 * service, from the incident's recovery plan when it has chains for the service, else from the
 * latest assessment.
 */
import type { AssessedResource, AssessmentResult, RecoveryOption } from '../api/calls/assess';
import type { IncidentState } from '../incident/types';
import { defaultNameSuffix, deriveTargetName } from '../recover/names';
import type { ParamValue, PlanChain, RecoveryPlan, StrategyId } from '../recover/types';
import {
  OPTION_RUNBOOKS,
  STRATEGY_OPTION_KINDS,
  runbookForOption,
  runbookForStrategy,
  type OptionRunbookLink,
} from './option-runbook';
import type { RunbookServiceId } from './runbook-view';

/** One resource a step's runbook can be filled for. */
export interface RunbookFillCandidate {
  /** The resource's id (its ARN; an EBS volume of an instance: `<instance ARN>/<volume id>`). */
  id: string;
  name: string;
  service: string;
  region: string;
  /** Backup-policy tier id, or null. */
  tier: string | null;
  /** Where the values come from: the incident's recovery plan or the latest assessment. */
  source: 'plan' | 'assessment';
  /** The plan's strategy for it (plan candidates). */
  strategy: StrategyId | null;
  /** The assessment option the values come from (assessment candidates), or null. */
  optionTitle: string | null;
  /** True when the plan's strategy or the chosen option is done by this very runbook. */
  matchesRunbook: boolean;
  /** Every placeholder value known for this resource, the incident's own values included. */
  values: Record<string, string>;
}

/** What a step's runbook opens with. */
export interface StepRunbookFill {
  runbookId: string;
  /** Values that hold whichever resource is chosen: the incident id and the regions. */
  base: Record<string, string>;
  /** Where the candidates come from (null: no resource of the runbook's service is known). */
  source: 'plan' | 'assessment' | null;
  /** Resources of the runbook's service, the one to fill for first (the runbook's own flow, most critical). */
  candidates: RunbookFillCandidate[];
}

/** The runbook being opened: its id and the service it is about. */
export interface StepRunbookRef {
  id: string;
  service: RunbookServiceId;
}

/** The placeholder that names a resource of each service in the runbooks (EC2 runbooks name new instances only). */
const NAME_PLACEHOLDER: Partial<Record<string, string>> = {
  s3: 'bucket-name',
  rds: 'db-instance-id',
  dynamodb: 'table-name',
};

/** The placeholder a strategy's target name fills (the new resource the restore creates). */
const TARGET_PLACEHOLDER: Partial<Record<StrategyId, string>> = {
  's3-replica-failover': 'replica-bucket-name',
  'rds-pitr-cross-region': 'target-db-instance-id',
  'rds-snapshot-restore': 'target-db-instance-id',
  'rds-snapshot-copy-restore': 'target-db-instance-id',
  'rds-promote-replica': 'replica-db-instance-id',
  'dynamodb-pitr-cross-region': 'target-table-name',
  'dynamodb-backup-restore': 'target-table-name',
};

/** The strategy of each assessment option that creates a new resource with a derived name. */
const NAMED_OPTION_STRATEGY: Partial<Record<RecoveryOption['kind'], StrategyId>> = {
  'cross-region-pitr': 'rds-pitr-cross-region',
  'snapshot-restore': 'rds-snapshot-restore',
  'snapshot-copy-restore': 'rds-snapshot-copy-restore',
  'table-pitr': 'dynamodb-pitr-cross-region',
  'backup-restore': 'dynamodb-backup-restore',
};

/** Planned-call parameters whose plain string values fill a placeholder (target settings the commander chose). */
const PARAM_PLACEHOLDER: Readonly<Record<string, string>> = {
  DBSubnetGroupName: 'db-subnet-group',
  VpcSecurityGroupIds: 'security-group-id',
  SecurityGroupIds: 'security-group-id',
  DBInstanceClass: 'db-instance-class',
  InstanceType: 'instance-type',
  SubnetId: 'subnet-id',
  KmsKeyId: 'secondary-kms-key-id',
  AvailabilityZone: 'availability-zone',
  SourceSnapshotId: 'snapshot-id',
  SourceImageId: 'ami-id',
  SourceDBInstanceAutomatedBackupsArn: 'automated-backups-arn',
  BackupArn: 'backup-arn',
  Device: 'device-name',
};

/** ISO time without milliseconds, as the runbooks and the `aws` CLI show it. */
function isoSeconds(time: string): string {
  return time.replace(/\.\d{3}Z$/, 'Z');
}

/** The values every runbook of the incident gets: its id and its procedure's regions. */
function baseValues(
  incident: IncidentState | null,
  assessment: AssessmentResult | null,
  plan: RecoveryPlan | null,
): Record<string, string> {
  const regions = incident?.procedure.regions ?? plan?.regions ?? assessment?.regions ?? null;
  return {
    ...(incident ? { 'incident-id': incident.id } : {}),
    ...(regions ? { 'primary-region': regions.primary, 'secondary-region': regions.secondary } : {}),
  };
}

/** The account id in an ARN (`arn:aws:rds:us-east-1:123456789012:db:x`), or null. */
function accountOf(arn: string): string | null {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : null;
}

/** What the resource itself names: its name placeholder, account, TTL attribute. */
function identityValues(
  resource: { service: string; kind: string; name: string; arn: string },
  assessed: AssessedResource | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  const namePlaceholder = resource.kind === 'volume' ? undefined : NAME_PLACEHOLDER[resource.service];
  if (namePlaceholder) values[namePlaceholder] = resource.name;
  const account = accountOf(resource.arn);
  if (account) values['account-id'] = account;
  const ttl = assessed?.details.ttlAttribute;
  if (typeof ttl === 'string' && ttl !== '') values['ttl-attribute'] = ttl;
  return values;
}

/** Plain string parameter values of a chain's planned calls, as placeholders (first value wins). */
function paramValues(chain: PlanChain): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (key: string, value: ParamValue, operation: string): void => {
    if (typeof value === 'string') {
      const name =
        key === 'Name' && operation === 'CopyImage'
          ? 'image-name'
          : key === 'AttributeName'
            ? 'ttl-attribute'
            : PARAM_PLACEHOLDER[key];
      if (name && value !== '' && !(name in values)) values[name] = value;
    } else if (Array.isArray(value)) {
      const first = value[0];
      if (typeof first === 'string') visit(key, first, operation);
      else for (const item of value) visit('', item, operation);
    } else if (value && typeof value === 'object' && !('$ref' in value)) {
      for (const [k, v] of Object.entries(value)) visit(k, v, operation);
    }
  };
  for (const action of chain.actions) {
    for (const call of action.calls) {
      for (const [key, value] of Object.entries(call.params)) visit(key, value, call.operation);
    }
  }
  return values;
}

/**
 * Combine a resource's values: when the option (or strategy) is this runbook's own flow its values
 * win (a version rollback runs on the replica bucket); otherwise the resource's identity and the
 * incident's regions win over values meant for another runbook.
 */
function combine(
  base: Record<string, string>,
  identity: Record<string, string>,
  optionValues: Record<string, string>,
  ownFlow: boolean,
): Record<string, string> {
  return ownFlow ? { ...base, ...identity, ...optionValues } : { ...optionValues, ...base, ...identity };
}

/** The option of an assessed resource to fill from: this runbook's flow first (best, then usable), else the best. */
function optionFor(resource: AssessedResource, runbookId: string): RecoveryOption | null {
  const rank = (o: RecoveryOption): number => (o.best ? 0 : o.prerequisitesMet ? 1 : 2);
  const own = resource.options
    .filter((o) => OPTION_RUNBOOKS[o.kind] === runbookId)
    .sort((a, b) => rank(a) - rank(b));
  return own[0] ?? resource.options.find((o) => o.best) ?? null;
}

/** A candidate from a chain of the recovery plan. */
function fromChain(
  runbookId: string,
  chain: PlanChain,
  base: Record<string, string>,
  assessment: AssessmentResult | null,
): RunbookFillCandidate {
  const assessed = assessment?.resources.find((r) => r.id === chain.resource.id);
  const kind = STRATEGY_OPTION_KINDS[chain.strategy];
  const option = kind ? assessed?.options.find((o) => o.kind === kind) : undefined;
  const ownFlow = runbookForStrategy(chain.strategy) === runbookId;
  const optionValues = option ? (runbookForOption(option)?.values ?? {}) : {};
  const planned: Record<string, string> = paramValues(chain);
  const target = TARGET_PLACEHOLDER[chain.strategy];
  if (target && chain.targetName) planned[target] = chain.targetName;
  // The moment the commander chose wins over the latest restorable time of the assessment.
  if (chain.restoreTime) planned['restore-time'] = isoSeconds(chain.restoreTime);
  return {
    id: chain.resource.id,
    name: chain.resource.name,
    service: chain.resource.service,
    region: chain.resource.region,
    tier: chain.resource.tier,
    source: 'plan',
    strategy: chain.strategy,
    optionTitle: option?.title ?? null,
    matchesRunbook: ownFlow,
    values: {
      ...combine(base, identityValues(chain.resource, assessed), optionValues, ownFlow),
      ...planned,
    },
  };
}

/**
 * A candidate from a resource of the latest assessment (its option for this runbook, or its best).
 * A restore that creates a new resource gets the target name the planner would give it by default
 * in this incident (`orders-events-dr-20261126-01`).
 */
function fromAssessed(
  runbookId: string,
  resource: AssessedResource,
  base: Record<string, string>,
  incidentId: string | null,
): RunbookFillCandidate {
  const option = optionFor(resource, runbookId);
  const ownFlow = option !== null && OPTION_RUNBOOKS[option.kind] === runbookId;
  const optionValues = option ? { ...(runbookForOption(option)?.values ?? {}) } : {};
  const strategy = option ? NAMED_OPTION_STRATEGY[option.kind] : undefined;
  const target = strategy ? TARGET_PLACEHOLDER[strategy] : undefined;
  if (ownFlow && target && incidentId) {
    optionValues[target] = deriveTargetName(resource.service, resource.name, defaultNameSuffix(incidentId));
  }
  return {
    id: resource.id,
    name: resource.name,
    service: resource.service,
    region: resource.region,
    tier: resource.tier.id,
    source: 'assessment',
    strategy: null,
    optionTitle: option?.title ?? null,
    matchesRunbook: ownFlow,
    values: combine(base, identityValues({ ...resource, arn: resource.id }, resource), optionValues, ownFlow),
  };
}

/**
 * Order candidates: those this runbook recovers first, then the most critical tier (shortest RTO
 * target of the incident, else of the assessment), then by name.
 */
function byRelevance(
  incident: IncidentState | null,
  assessment: AssessmentResult | null,
): (a: RunbookFillCandidate, b: RunbookFillCandidate) => number {
  const rto = new Map<string, number>();
  for (const r of assessment?.resources ?? []) rto.set(r.tier.id, r.tier.rtoMinutes);
  for (const t of incident?.targets ?? []) rto.set(t.id, t.rtoMinutes);
  const rank = (c: RunbookFillCandidate): number =>
    c.tier !== null ? (rto.get(c.tier) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
  return (a, b) =>
    Number(b.matchesRunbook) - Number(a.matchesRunbook) || rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/**
 * The values a runbook opened from a procedure step is filled with (PURE). Every runbook gets the
 * incident id and the regions. A service runbook (S3, RDS, EC2, DynamoDB) also gets one resource
 * of that service per candidate: from the recovery plan's chains of the service when the incident
 * has a plan (the chosen strategy's option, the target names and settings, and the restore time
 * the commander chose, which wins over the latest restorable time), otherwise from the latest
 * assessment's resources of the service in the primary region (their option for this runbook, or
 * their best). With nothing known, only what the incident gives (or nothing).
 */
export function stepRunbookValues(
  runbook: StepRunbookRef,
  incident: IncidentState | null,
  assessment: AssessmentResult | null,
  plan: RecoveryPlan | null,
): StepRunbookFill {
  const base = baseValues(incident, assessment, plan);
  const empty: StepRunbookFill = { runbookId: runbook.id, base, source: null, candidates: [] };
  if (runbook.service === 'general') return empty;
  const order = byRelevance(incident, assessment);
  const chains = (plan?.chains ?? []).filter((c) => c.resource.service === runbook.service);
  if (chains.length > 0) {
    const candidates = chains.map((c) => fromChain(runbook.id, c, base, assessment)).sort(order);
    return { ...empty, source: 'plan', candidates };
  }
  const resources = (assessment?.resources ?? []).filter(
    (r) => r.service === runbook.service && r.role === 'primary',
  );
  if (resources.length === 0) return empty;
  const candidates = resources
    .map((r) => fromAssessed(runbook.id, r, base, incident?.id ?? null))
    .sort(order);
  return { ...empty, source: 'assessment', candidates };
}

/** The values to open with for one candidate (or the base values when it is not among the candidates). */
export function valuesForCandidate(
  fill: StepRunbookFill,
  candidateId: string | null,
): Record<string, string> {
  const candidate = fill.candidates.find((c) => c.id === candidateId);
  return candidate ? candidate.values : fill.base;
}

/**
 * The runbook that does one chain of a recovery plan by hand, filled like a step's runbook for
 * that chain: the plan's incident and regions, the strategy's option (from the assessment when at
 * hand), the target name and settings, and the restore time chosen.
 */
export function runbookForChain(
  plan: RecoveryPlan,
  chain: PlanChain,
  assessment: AssessmentResult | null,
): OptionRunbookLink {
  const runbookId = runbookForStrategy(chain.strategy);
  const base = {
    'incident-id': plan.incidentId,
    'primary-region': plan.regions.primary,
    'secondary-region': plan.regions.secondary,
  };
  return { runbookId, values: fromChain(runbookId, chain, base, assessment).values };
}
