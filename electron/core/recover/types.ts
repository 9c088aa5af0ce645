/**
 * The recovery domain's data types: the planner's input, the plan, and the run state folded
 * from the journal. Pure declarations (no I/O): the contract, the core and the renderer import them.
 */

/** The services a plan recovers. */
export type RecoverService = 's3' | 'rds' | 'ec2' | 'dynamodb';

/** Every strategy the planner knows, one per recovery flow. */
export type StrategyId =
  | 's3-replica-failover'
  | 's3-version-rollback'
  | 's3-archive-restore'
  | 'rds-pitr-cross-region'
  | 'rds-snapshot-restore'
  | 'rds-snapshot-copy-restore'
  | 'rds-promote-replica'
  | 'ec2-ami-launch'
  | 'ec2-ami-copy-launch'
  | 'ebs-snapshot-copy'
  | 'dynamodb-pitr-cross-region'
  | 'dynamodb-backup-restore'
  | 'dynamodb-global-replica';

/** Every strategy id, at run time (zod enums, UI lists). */
export const STRATEGY_IDS: readonly StrategyId[] = [
  's3-replica-failover',
  's3-version-rollback',
  's3-archive-restore',
  'rds-pitr-cross-region',
  'rds-snapshot-restore',
  'rds-snapshot-copy-restore',
  'rds-promote-replica',
  'ec2-ami-launch',
  'ec2-ami-copy-launch',
  'ebs-snapshot-copy',
  'dynamodb-pitr-cross-region',
  'dynamodb-backup-restore',
  'dynamodb-global-replica',
];

/** A restorable time window (ISO 8601 UTC). */
export interface RestoreWindow {
  earliest: string;
  latest: string;
}

/** An S3 object version the plan acts on. */
export interface ObjectVersionRef {
  key: string;
  versionId: string;
  /** The version's ETag (an idempotency check: the current version already equals it). */
  etag?: string;
}

/** The data one strategy needs, as the assessment found it. */
export type OptionData =
  | { strategy: 's3-replica-failover'; replicaBucket: string; replicaRegion: string; sampleKeys: string[] }
  | { strategy: 's3-version-rollback'; bucket: string; region: string; objects: ObjectVersionRef[] }
  | {
      strategy: 's3-archive-restore';
      bucket: string;
      region: string;
      objects: Array<{ key: string; versionId?: string }>;
      days: number;
      tier: 'Expedited' | 'Standard' | 'Bulk';
    }
  | {
      strategy: 'rds-pitr-cross-region';
      automatedBackupsArn: string;
      window: RestoreWindow;
      encrypted: boolean;
    }
  | { strategy: 'rds-snapshot-restore'; snapshotId: string; snapshotTime: string }
  | {
      strategy: 'rds-snapshot-copy-restore';
      sourceSnapshotArn: string;
      snapshotTime: string;
      encrypted: boolean;
    }
  | { strategy: 'rds-promote-replica'; replicaId: string; replicaArn: string; lagSeconds: number | null }
  | { strategy: 'ec2-ami-launch'; imageId: string; createdAt: string }
  | { strategy: 'ec2-ami-copy-launch'; sourceImageId: string; createdAt: string; encrypted: boolean }
  | {
      strategy: 'ebs-snapshot-copy';
      sourceSnapshotId: string;
      createdAt: string;
      encrypted: boolean;
      sizeGiB: number;
      /** The recovered instance to attach to: its resource id and the device name. */
      attach: { instanceResourceId: string; device: string } | null;
    }
  | { strategy: 'dynamodb-pitr-cross-region'; sourceTableArn: string; window: RestoreWindow }
  | { strategy: 'dynamodb-backup-restore'; backupArn: string; backupTime: string }
  | { strategy: 'dynamodb-global-replica'; replicaTableArn: string; replicaStatus: string };

/** One way to recover a resource, with what it costs. */
export interface RecoveryOption {
  data: OptionData;
  /** False when the option cannot be used now (e.g. the primary region does not answer). */
  available: boolean;
  /** Why it is unavailable, or a caveat. */
  note: string | null;
  /** Data loss in minutes if chosen (null when unknown). */
  rpoMinutes: number | null;
  /** The assessment's pick (best RPO among the available). */
  best: boolean;
}

/** What the planner needs about one resource (adapted from the assessment). */
export interface RecoverableResource {
  /** Stable id (`rds:us-east-1:orders-db`). */
  id: string;
  service: RecoverService;
  kind: 'bucket' | 'db-instance' | 'instance' | 'volume' | 'table';
  /** The source name or id. */
  name: string;
  arn: string;
  region: string;
  /** Backup-policy tier id, or null. */
  tier: string | null;
  tags: Record<string, string>;
  /** Facts the strategies copy into the target (class, engine, AZ, size, keys, TTL …). */
  details: ResourceDetails;
  options: RecoveryOption[];
}

/** Source facts a strategy copies into the target. */
export interface ResourceDetails {
  engine?: string;
  instanceClass?: string;
  multiAZ?: boolean;
  port?: number;
  instanceType?: string;
  availabilityZone?: string;
  privateIp?: string;
  ttlAttribute?: string | null;
  pitrEnabled?: boolean;
  billingMode?: string;
  /** Resource ids this one needs first (besides the mapping's and tags'). */
  dependsOn?: string[];
}

/** Target settings in the secondary region for one resource or one service. */
export interface TargetSettings {
  subnetGroup?: string;
  subnetId?: string;
  availabilityZone?: string;
  securityGroupIds?: string[];
  instanceClass?: string;
  instanceType?: string;
  multiAZ?: boolean;
  kmsKeyId?: string;
  targetName?: string;
  strategy?: StrategyId;
  restoreTime?: string;
  dependsOn?: string[];
  reapply?: { pitr?: boolean; ttl?: boolean; tags?: boolean };
}

/** The recovery mapping (from `<dataDir>/recovery-mapping.yaml` or the UI). */
export interface RecoveryMapping {
  nameSuffix?: string;
  defaults: Partial<Record<RecoverService, TargetSettings>>;
  resources: Record<string, TargetSettings>;
}

/** What exists in the secondary region, looked up before planning (read calls only). */
export interface TargetFacts {
  /** Names taken in the secondary region: key `service:name` → the incident that created it (or null). */
  existing: Record<string, { incident: string | null; id: string }>;
  /** Subnet groups, subnets and security groups found in the secondary region. */
  subnetGroups: string[];
  subnets: Array<{ id: string; availabilityZone: string }>;
  securityGroups: string[];
  /** Whether the lookups ran (false: nothing could be checked, e.g. offline). */
  checked: boolean;
}

/** The commander's choice for one resource. */
export interface ResourceSelection {
  resourceId: string;
  strategy?: StrategyId;
  /** RDS/DynamoDB point in time (ISO); latest restorable when absent. */
  restoreTime?: string;
  settings?: TargetSettings;
  /** S3 version rollback: the versions to copy back. */
  objects?: ObjectVersionRef[];
}

/** Options of one plan. */
export interface PlanOptions {
  incidentId: string;
  regions: { primary: string; secondary: string };
  /** Re-apply PITR, TTL and tags on restored tables (default true). */
  reapply: { pitr: boolean; ttl: boolean; tags: boolean };
  /** Who or what creates (tag `dr-war-room:created-by`). */
  createdBy: string;
}

/** A value filled in at run time from an earlier action's output. */
export interface OutputRef {
  $ref: string;
  /** The action whose output it reads. */
  action: string;
  /** The output field. */
  field: string;
}

/** An action's parameter value: plain JSON or a reference to an earlier action's output. */
export type ParamValue =
  string | number | boolean | null | OutputRef | ParamValue[] | { [key: string]: ParamValue };

/** One AWS call of the plan, as the dry run lists it. */
export interface PlannedCall {
  service: RecoverService;
  operation: string;
  region: string;
  params: Record<string, ParamValue>;
  /** The exact `aws` CLI equivalent. */
  cli: string;
  kind: 'read' | 'create';
}

/** How an action's target is watched until it is ready. */
export type WaitKind =
  | 'db-instance-available'
  | 'db-snapshot-available'
  | 'image-available'
  | 'snapshot-completed'
  | 'volume-available'
  | 'volume-in-use'
  | 'instance-status-ok'
  | 'table-active';

/**
 * AWS quotas the executor queues for: concurrent cross-region snapshot copies into one region
 * (EC2 snapshots and AMI copies; RDS snapshots) and concurrent DynamoDB table restores.
 */
export type QuotaName = 'cross-region-snapshot-copy' | 'rds-snapshot-copy' | 'table-restore';

/** Per-quota concurrency limits (AWS defaults). */
export const QUOTA_LIMITS: Readonly<Record<QuotaName, number>> = {
  'cross-region-snapshot-copy': 5,
  'rds-snapshot-copy': 5,
  'table-restore': 50,
};

/** One action of a chain: calls sent in order, then an optional wait. */
export interface PlanAction {
  /** `<chainId>#<n>` (unique in the plan). */
  id: string;
  chainId: string;
  title: string;
  /** The executor routine that runs it. */
  kind: ActionKind;
  calls: PlannedCall[];
  wait: { kind: WaitKind; describe: string } | null;
  /** The target this action creates or acts on (name or reference). */
  target: { type: string; name: string } | null;
  quota: QuotaName | null;
  /** Idempotency: a ClientToken where AWS has one, else adopt by name or tag. */
  idempotency: { clientToken: string } | { adoptBy: 'name' | 'tag' | 'state' };
  /** Earlier actions this one needs (same chain or others). */
  after: string[];
  estimatedMinutes: number;
}

/** The executor routines. */
export type ActionKind =
  | 's3.check-replica'
  | 's3.copy-versions'
  | 's3.restore-archived'
  | 'rds.restore-pitr'
  | 'rds.restore-snapshot'
  | 'rds.copy-snapshot'
  | 'rds.promote-replica'
  | 'ec2.copy-image'
  | 'ec2.run-instance'
  | 'ec2.copy-snapshot'
  | 'ec2.create-volume'
  | 'ec2.attach-volume'
  | 'dynamodb.restore-pitr'
  | 'dynamodb.restore-backup'
  | 'dynamodb.verify-replica'
  | 'dynamodb.reapply';

/** A problem found while planning. Errors block the chain; warnings inform. */
export interface PlanProblem {
  severity: 'error' | 'warning' | 'info';
  code:
    | 'restore-window'
    | 'name-taken'
    | 'adopt-existing'
    | 'missing-mapping'
    | 'target-missing'
    | 'quota-queue'
    | 'no-option'
    | 'unknown-resource'
    | 'unknown-dependency'
    | 'dependency-cycle'
    | 'option-unavailable';
  chainId: string | null;
  message: string;
  /** What to do about it. */
  fix: string;
}

/** One resource's chain of actions. */
export interface PlanChain {
  id: string;
  resource: Pick<RecoverableResource, 'id' | 'service' | 'kind' | 'name' | 'arn' | 'region' | 'tier'>;
  strategy: StrategyId;
  /** The other strategies and why they were not chosen. */
  alternatives: Array<{
    strategy: StrategyId;
    rpoMinutes: number | null;
    available: boolean;
    note: string | null;
  }>;
  rpoMinutes: number | null;
  restoreTime: string | null;
  targetName: string;
  dependsOn: string[];
  /** 0 for chains without dependencies, 1 + the deepest dependency otherwise. */
  depth: number;
  actions: PlanAction[];
  estimatedMinutes: number;
  /** Estimated completion counting dependencies (critical path). */
  estimatedFinishMinutes: number;
  blocked: boolean;
}

/** A recovery plan: pure function of assessment, selection, mapping, options and now. */
export interface RecoveryPlan {
  id: string;
  incidentId: string;
  createdAt: string;
  regions: { primary: string; secondary: string };
  chains: PlanChain[];
  problems: PlanProblem[];
  estimatedRtoMinutes: number;
  depth: number;
  callCount: number;
  /** True when no error blocks any chain. */
  runnable: boolean;
}

/** The state of one action as the run goes. */
export type ActionState =
  'pending' | 'queued' | 'running' | 'waiting' | 'done' | 'failed' | 'blocked' | 'cancelled';

/** An action's failure, with what AWS said and the likely fix. */
export interface ActionFailure {
  message: string;
  awsCode: string | null;
  requestId: string | null;
  hint: string | null;
  fix: string;
  retryable: boolean;
}

/** One action's progress. */
export interface ActionRun {
  id: string;
  chainId: string;
  state: ActionState;
  startedAt: string | null;
  finishedAt: string | null;
  /** 0–100 when known. */
  progress: number | null;
  /** The target's status as AWS reports it. */
  status: string | null;
  output: Record<string, string>;
  error: ActionFailure | null;
  attempts: number;
}

/** The run's overall state. */
export type RunStatus = 'planned' | 'running' | 'paused' | 'cancelled' | 'completed' | 'failed';

/** One line of the endpoint map: old → new. */
export interface EndpointMapping {
  resourceId: string;
  service: RecoverService;
  kind: string;
  source: string;
  target: string;
  /** DB endpoint, instance address, table ARN … */
  detail: string | null;
}

/** The run as folded from the journal. */
export interface RecoveryRun {
  plan: RecoveryPlan | null;
  status: RunStatus;
  confirmedAt: string | null;
  confirmedBy: string | null;
  finishedAt: string | null;
  actions: Record<string, ActionRun>;
  /** Calls started and not completed, by call id (what a restart re-attaches to). */
  openCalls: Record<string, { actionId: string; operation: string; at: string }>;
  endpointMap: EndpointMapping[];
  lastSeq: number;
}

/** The run as the board shows it. */
export interface RecoveryRunView {
  incidentId: string;
  run: RecoveryRun;
  /** Actions waiting per quota. */
  queue: Record<QuotaName, number>;
  quotaLimits: Record<QuotaName, number>;
  /** True while an executor of this process drives the run. */
  attached: boolean;
  /** True when the journal shows work in flight and no executor drives it (a restart): resume re-attaches. */
  interrupted: boolean;
}

/** Subnet groups, security groups and subnets of the secondary region (plan builder choices). */
export interface NetworkTargets {
  subnetGroups: string[];
  securityGroups: Array<{ id: string; name: string; vpcId: string }>;
  subnets: Array<{ id: string; availabilityZone: string; vpcId: string }>;
  checked: boolean;
}

/** What the plan builder shows: the recoverable resources and the mapping. */
export interface RecoverableView {
  incidentId: string;
  assessedAt: string | null;
  regions: { primary: string; secondary: string };
  resources: RecoverableResource[];
  mapping: RecoveryMapping;
  mappingFile: string | null;
  /** What exists in the secondary region to choose targets from. */
  targets: NetworkTargets;
}
