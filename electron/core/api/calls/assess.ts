import { z } from 'zod';
import { defineCall } from '../define-call';

/** The services the assessment inventories. */
export const assessServices = ['s3', 'rds', 'ec2', 'dynamodb'] as const;

/** One service the assessment inventories. */
export type AssessServiceName = (typeof assessServices)[number];

/**
 * How ready a resource is to be recovered into the secondary region: `ready` (a usable option
 * meets the policy), `at-risk` (usable, with gaps), `not-recoverable` (no usable option),
 * `unknown` (the facts to decide could not be read), `out-of-scope` (no option, and the policy
 * requires none for its environment, e.g. development).
 */
export type ReadinessStatus = 'ready' | 'at-risk' | 'not-recoverable' | 'unknown' | 'out-of-scope';

/** Every readiness status, in the order the UI shows them. */
export const readinessStatuses: readonly ReadinessStatus[] = [
  'not-recoverable',
  'at-risk',
  'unknown',
  'ready',
  'out-of-scope',
];

/** How serious a readiness gap is. */
export type GapSeverity = 'critical' | 'warning' | 'info';

/** The ways a resource can be brought back in (or is already in) the secondary region. */
export type RecoveryOptionKind =
  | 'replica-bucket'
  | 'version-rollback'
  | 'read-replica-promotion'
  | 'cross-region-pitr'
  | 'snapshot-restore'
  | 'snapshot-copy-restore'
  | 'ami-launch'
  | 'ami-copy-launch'
  | 'volume-from-snapshot'
  | 'global-table-replica'
  | 'table-pitr'
  | 'backup-restore'
  | 'in-place';

/** One prerequisite of a recovery option, and whether it holds (`null`: not known). */
export interface OptionPrerequisite {
  text: string;
  met: boolean | null;
}

/** One EBS volume the planner must recreate, and the snapshot to create it from. */
export interface VolumeSnapshotRef {
  volumeId: string;
  device: string | null;
  sizeGiB: number | null;
  snapshotId: string;
  snapshotRegion: string;
  /** ISO time the snapshot was started. */
  snapshotTime: string;
}

/**
 * What the recovery planner needs to act on an option: every field that applies to the option's
 * kind is set, the others are absent.
 */
export interface RecoveryOptionData {
  /** The source resource (ARN). */
  sourceArn: string;
  sourceRegion: string;
  targetRegion: string;
  /** RDS: the replicated automated backups (in the target region). */
  automatedBackupArn?: string;
  /** RDS/DynamoDB: the restorable window (ISO). */
  restoreWindow?: { earliest: string | null; latest: string | null };
  /** RDS: the snapshot to restore or copy. */
  snapshotId?: string;
  snapshotArn?: string;
  snapshotRegion?: string;
  /** ISO time the snapshot (or AMI, or backup) was taken. */
  pointInTime?: string;
  /** S3 replica bucket name, RDS read replica id, DynamoDB replica table name. */
  replicaName?: string;
  replicaArn?: string;
  /** The replica's status as AWS reports it (RDS instance status, DynamoDB replica status). */
  replicaStatus?: string;
  /** S3: object keys sampled for replication health (the validator can re-check them). */
  sampleKeys?: string[];
  /** EC2: the AMI to launch or copy, and its region. */
  imageId?: string;
  imageRegion?: string;
  /** EC2: the instance's volumes and the snapshots to recreate them from. */
  volumes?: VolumeSnapshotRef[];
  /** EC2: launch settings of the source. */
  instanceType?: string;
  availabilityZone?: string;
  /** DynamoDB: the on-demand backup. */
  backupArn?: string;
  /** RDS: settings the restore must set explicitly (defaults are rarely right). */
  dbInstanceClass?: string;
  multiAz?: boolean;
  encrypted?: boolean;
  kmsKeyId?: string;
  allocatedStorageGiB?: number;
}

/** One way to recover a resource into the secondary region. */
export interface RecoveryOption {
  kind: RecoveryOptionKind;
  title: string;
  /** What would be done, in one or two sentences. */
  description: string;
  /** Achievable data loss in minutes, or null when it cannot be given. */
  rpoMinutes: number | null;
  /** How the RPO was derived, or why it is null. */
  rpoReason: string;
  /** Estimated minutes until the resource serves again. */
  rtoMinutes: number;
  /** How the RTO estimate was made. */
  rtoReason: string;
  /** True when every prerequisite is met (an option with an unknown prerequisite is not met). */
  prerequisitesMet: boolean;
  prerequisites: OptionPrerequisite[];
  /** True for the one option the assessment recommends. */
  best: boolean;
  data: RecoveryOptionData;
}

/** A breach of the backup policy, or a recovery risk, stated plainly. */
export interface ReadinessGap {
  /** The rule broken, e.g. `rds.backupRetentionDays` or `tier.rpo`. */
  rule: string;
  message: string;
  /** What to do about it. */
  fix: string;
  severity: GapSeverity;
}

/** A fact the assessment could not establish, and why. */
export interface UnknownFact {
  fact: string;
  reason: string;
}

/** One key fact of a resource, for the detail panel. */
export interface ResourceFact {
  label: string;
  value: string;
}

/** Source settings a restore copies into the target (those known for the resource's service). */
export interface ResourceDetails {
  engine?: string;
  engineVersion?: string;
  instanceClass?: string;
  multiAZ?: boolean;
  port?: number;
  encrypted?: boolean;
  kmsKeyId?: string;
  allocatedStorageGiB?: number;
  subnetGroup?: string;
  instanceType?: string;
  availabilityZone?: string;
  privateIp?: string;
  imageId?: string;
  ttlAttribute?: string | null;
  pitrEnabled?: boolean;
  billingMode?: string;
  streams?: string;
  versioning?: string;
}

/** A resource of the estate as assessed. */
export interface AssessedResource {
  /** A stable id: the resource's ARN. */
  id: string;
  service: AssessServiceName;
  /** `bucket`, `db-instance`, `instance`, `volume` or `table`. */
  kind: 'bucket' | 'db-instance' | 'instance' | 'volume' | 'table';
  region: string;
  name: string;
  /** `primary`: lives in the failing region and needs recovery; `secondary`: already in the secondary region. */
  role: 'primary' | 'secondary';
  /** False when the resource was not read itself but reconstructed from its copies in the secondary region. */
  observed: boolean;
  tier: {
    id: string;
    title: string;
    rtoMinutes: number;
    rpoMinutes: number;
    /** Where the tier came from: a tag, the default, an unmapped tag, or a copy's tags. */
    source: 'tagged' | 'default' | 'unknown' | 'inferred';
  };
  environment: 'production' | 'development';
  environmentSource: 'tagged' | 'default' | 'unknown' | 'inferred';
  /** The resource's tags, or null when they could not be read. */
  tags: Record<string, string> | null;
  facts: ResourceFact[];
  details: ResourceDetails;
  options: RecoveryOption[];
  /** The recommended option's kind, or null when none is usable. */
  bestOption: RecoveryOptionKind | null;
  /** The best option's RPO and RTO (null without one). */
  achievableRpoMinutes: number | null;
  estimatedRtoMinutes: number | null;
  status: ReadinessStatus;
  gaps: ReadinessGap[];
  unknowns: UnknownFact[];
}

/** How one service answered in one region during the scan. */
export interface LaneHealth {
  service: AssessServiceName;
  region: string;
  status: 'healthy' | 'degraded' | 'down';
  calls: number;
  failures: number;
  /** Calls not sent because the lane was down. */
  skipped: number;
  throttled: number;
  /** Why it is degraded or down. */
  reason: string | null;
}

/** How a region answered during the scan. */
export interface RegionHealth {
  region: string;
  role: 'primary' | 'secondary';
  status: 'healthy' | 'degraded' | 'down';
  reason: string | null;
  services: LaneHealth[];
}

/** A fact the scan could not establish for a whole service and region. */
export interface ScopeUnknown extends UnknownFact {
  service: AssessServiceName;
  region: string;
}

/** How many supporting copies (snapshots, AMIs, backups, replicas) each region holds. */
export interface InventoryCount {
  region: string;
  service: AssessServiceName;
  /** e.g. `db-snapshot`, `automated-backup`, `ami`, `ebs-snapshot`, `table-backup`. */
  kind: string;
  count: number;
  /** False when the region could not be listed (the count is then a lower bound). */
  complete: boolean;
}

/** Counts over the resources. */
export interface AssessmentCounts {
  total: number;
  byStatus: Record<ReadinessStatus, number>;
  byService: Record<AssessServiceName, number>;
  byRegion: Record<string, number>;
  byTier: Record<string, number>;
  gaps: Record<GapSeverity, number>;
}

/** The whole assessment: what is there, what can be recovered, how well, and what is not known. */
export interface AssessmentResult {
  scanId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  regions: { primary: string; secondary: string };
  incidentId: string | null;
  services: AssessServiceName[];
  resources: AssessedResource[];
  counts: AssessmentCounts;
  inventory: InventoryCount[];
  regionHealth: RegionHealth[];
  unknowns: ScopeUnknown[];
  calls: { total: number; failed: number; throttled: number; skipped: number };
  policy: { version: string; lastReviewed: string };
  /** Set when the result could not be journaled to the incident (the assessment itself stands). */
  journalError?: string;
}

/** Progress of one service in one region. */
export interface LaneProgress {
  service: AssessServiceName;
  region: string;
  done: number;
  total: number;
  failed: number;
}

/** The scan in progress. */
export interface AssessStatus {
  scanId: string;
  startedAt: string;
  incidentId: string | null;
  lanes: LaneProgress[];
}

/** A compact view of a completed assessment (what `assess.completed` carries). */
export interface AssessmentSummary {
  scanId: string;
  finishedAt: string;
  durationMs: number;
  incidentId: string | null;
  counts: AssessmentCounts;
  regionHealth: RegionHealth[];
  unknowns: number;
  calls: AssessmentResult['calls'];
}

const incidentId = z
  .string()
  .trim()
  .regex(/^[A-Z]{2,5}-\d{8}-\d{2,4}$/, 'must be an incident id such as DR-20261126-01 (see `incident list`)');

/** Calls of the assessment: run a scan, watch it, cancel it, read the latest result. */
export const assessCalls = {
  'assess.run': defineCall<AssessmentResult>()({
    summary:
      'Inventory both regions and measure recovery readiness; answers when the scan ends (progress streams as events). Joins a scan already running.',
    input: z
      .object({
        /** Journal the result to this incident (default: the active incident, if any). */
        incidentId: incidentId.optional(),
        /** Limit the scan to some services (default: all four). */
        services: z.array(z.enum(assessServices)).min(1, 'name at least one service').optional(),
      })
      .strict(),
  }),
  'assess.cancel': defineCall<{ cancelled: boolean; scanId: string | null }>()({
    summary: 'Cancel the running scan (the previous result stays the latest).',
    input: z.object({ scanId: z.string().trim().min(1).optional() }).strict(),
  }),
  'assess.status': defineCall<AssessStatus | null>()({
    summary: 'The scan in progress (per service and region, n of m calls), or null.',
    input: z.object({}).strict(),
  }),
  'assess.latest': defineCall<AssessmentResult | null>()({
    summary: 'The latest completed assessment, or null before the first scan.',
    input: z.object({}).strict(),
  }),
};

/** A scan started. */
export interface AssessStartedEvent {
  type: 'assess.started';
  scanId: string;
  startedAt: string;
  incidentId: string | null;
  services: AssessServiceName[];
  regions: { primary: string; secondary: string };
}

/** Progress of one service in one region (n of m calls), streamed as results arrive. */
export interface AssessProgressEvent {
  type: 'assess.progress';
  scanId: string;
  service: AssessServiceName;
  region: string;
  done: number;
  total: number;
  failed: number;
  /** The lane's health so far. */
  status: LaneHealth['status'];
  reason: string | null;
  elapsedMs: number;
}

/** A scan finished; `assess.latest` now returns its result. */
export interface AssessCompletedEvent {
  type: 'assess.completed';
  scanId: string;
  summary: AssessmentSummary;
}

/** A scan was cancelled (the previous result stays the latest). */
export interface AssessCancelledEvent {
  type: 'assess.cancelled';
  scanId: string;
}

/** A scan failed as a whole (e.g. the backup policy file is broken). */
export interface AssessFailedEvent {
  type: 'assess.failed';
  scanId: string;
  message: string;
}

/** Every event of the assessment. */
export type AssessEvent =
  AssessStartedEvent | AssessProgressEvent | AssessCompletedEvent | AssessCancelledEvent | AssessFailedEvent;
