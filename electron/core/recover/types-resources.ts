/**
 * The recovery planner's input: the services and strategies, what the assessment found about each
 * resource and its recovery options, the target settings (mapping), the commander's selection,
 * and what the plan builder shows. Pure declarations (no I/O).
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
      /** Where the snapshot is (absent: the source's region). In the secondary region: no copy. */
      snapshotRegion?: string;
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
