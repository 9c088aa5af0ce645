import type { AssessServiceName, ScopeUnknown } from '../api/calls/assess';

/**
 * The facts discovery gathers, normalised from the SDK's answers (plain data, ISO times), before
 * any decision is made. Discovery fills an {@link Inventory}; the pure decision code reads it.
 */

/** A tag set, or null when it could not be read. */
export type TagMap = Record<string, string>;

/** A sample of objects and their replication status (HeadObject). */
export interface ReplicationSample {
  /** Objects looked at. */
  sampled: number;
  /** Their keys. */
  keys: string[];
  /** Count per `ReplicationStatus` (`NONE` when the object has none). */
  statuses: Record<string, number>;
  /** ISO time of the oldest object still PENDING (or FAILED), if any. */
  oldestPendingAt: string | null;
  /** ISO time of the newest object in the sample. */
  newestAt: string | null;
  /** True when the bucket had no objects at all. */
  empty: boolean;
  /** Objects in the first page of the listing (up to 1,000). */
  listed: number;
  /** Listed objects per storage class that must be restored before reading (GLACIER, DEEP_ARCHIVE). */
  archived: Record<string, number>;
  /** Why the sample is missing or partial. */
  error: string | null;
}

/** An S3 bucket's facts. */
export interface BucketFacts {
  name: string;
  region: string;
  arn: string;
  createdAt: string | null;
  /** `Enabled`, `Suspended`, `Off`; null when unknown. */
  versioning: 'Enabled' | 'Suspended' | 'Off' | null;
  /** Replication rules; [] when none; null when unknown. */
  replication: Array<{ id: string; status: string; prefix: string; destinationBucket: string }> | null;
  /** Lifecycle rules; [] when none; null when unknown. */
  lifecycle: Array<{
    id: string;
    status: string;
    expirationDays: number | null;
    noncurrentExpirationDays: number | null;
    transitions: Array<{ days: number | null; storageClass: string }>;
  }> | null;
  tags: TagMap | null;
  /** Replication status of a sample of objects (source side: COMPLETED/PENDING/FAILED; replica: REPLICA). */
  sample: ReplicationSample | null;
  /** Facts that could not be read, and why. */
  unknown: Array<{ fact: string; reason: string }>;
}

/** An RDS DB instance's facts. */
export interface DbInstanceFacts {
  id: string;
  arn: string;
  region: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  status: string;
  multiAz: boolean;
  encrypted: boolean;
  kmsKeyId: string | null;
  allocatedStorageGiB: number;
  port: number | null;
  backupRetentionDays: number;
  latestRestorableTime: string | null;
  availabilityZone: string | null;
  subnetGroup: string | null;
  /** The source (id or ARN) when this instance is a read replica. */
  replicaSource: string | null;
  replicaIds: string[];
  /** ARNs of this instance's automated backups replicated into other regions. */
  replicatedBackupArns: string[];
  tags: TagMap;
}

/** An RDS snapshot's facts. */
export interface DbSnapshotFacts {
  id: string;
  arn: string;
  region: string;
  instanceId: string;
  type: string;
  status: string;
  createdAt: string | null;
  encrypted: boolean;
  allocatedStorageGiB: number;
  /** For copies: the source snapshot ARN and region. */
  sourceSnapshotArn: string | null;
  sourceRegion: string | null;
  tags: TagMap;
}

/** A set of RDS automated backups (the instance's own, or replicated into this region). */
export interface AutomatedBackupFacts {
  arn: string;
  /** The region the backups are stored in (the region that was asked). */
  region: string;
  /** The instance's region. */
  sourceRegion: string;
  instanceArn: string;
  instanceId: string;
  status: string;
  earliest: string | null;
  latest: string | null;
  retentionDays: number | null;
  allocatedStorageGiB: number;
  encrypted: boolean;
}

/** An EC2 instance's facts. */
export interface Ec2InstanceFacts {
  id: string;
  arn: string;
  region: string;
  name: string | null;
  state: string;
  instanceType: string;
  availabilityZone: string | null;
  imageId: string | null;
  privateIp: string | null;
  /** The root device name (its volume comes back with the AMI). */
  rootDevice: string | null;
  volumes: Array<{ volumeId: string; device: string | null }>;
  tags: TagMap;
}

/** An AMI's facts. */
export interface ImageFacts {
  id: string;
  region: string;
  name: string | null;
  state: string;
  createdAt: string | null;
  /** The instance it was made from (API field or tags). */
  sourceInstanceId: string | null;
  /** For copies: the source AMI (API field or tags) and its region. */
  sourceImageId: string | null;
  sourceImageRegion: string | null;
  snapshotIds: string[];
  tags: TagMap;
}

/** An EBS snapshot's facts. */
export interface EbsSnapshotFacts {
  id: string;
  region: string;
  volumeId: string | null;
  /** For copies: the source snapshot id (from tags or the description). */
  sourceSnapshotId: string | null;
  state: string;
  startedAt: string | null;
  sizeGiB: number | null;
  encrypted: boolean;
  tags: TagMap;
}

/** An EBS volume's facts. */
export interface VolumeFacts {
  id: string;
  region: string;
  sizeGiB: number | null;
  availabilityZone: string | null;
  encrypted: boolean;
  attachedTo: string | null;
  tags: TagMap;
}

/** A DynamoDB table's facts. */
export interface TableFacts {
  name: string;
  arn: string;
  region: string;
  status: string | null;
  sizeBytes: number | null;
  itemCount: number | null;
  /** Regions of the global table's replicas and their status (this region excluded). */
  replicas: Array<{ region: string; status: string }>;
  pitr: 'ENABLED' | 'DISABLED' | null;
  earliestRestorable: string | null;
  latestRestorable: string | null;
  recoveryPeriodDays: number | null;
  ttl: string | null;
  ttlAttribute: string | null;
  billingMode: string | null;
  streams: string | null;
  tags: TagMap | null;
  unknown: Array<{ fact: string; reason: string }>;
}

/** A DynamoDB on-demand backup's facts. */
export interface TableBackupFacts {
  arn: string;
  region: string;
  tableName: string;
  tableArn: string | null;
  createdAt: string | null;
  status: string;
  type: string;
  sizeBytes: number | null;
}

/** The facts of both regions, as far as they could be read. */
export interface Inventory {
  buckets: BucketFacts[];
  dbInstances: DbInstanceFacts[];
  dbSnapshots: DbSnapshotFacts[];
  automatedBackups: AutomatedBackupFacts[];
  ec2Instances: Ec2InstanceFacts[];
  images: ImageFacts[];
  ebsSnapshots: EbsSnapshotFacts[];
  volumes: VolumeFacts[];
  tables: TableFacts[];
  tableBackups: TableBackupFacts[];
  /** What could not be listed, per service and region. */
  unknowns: ScopeUnknown[];
  /** The lists that could not be read completely: `service/region/list`. */
  incomplete: Set<string>;
  /** The account id, when any ARN revealed it. */
  accountId: string | null;
}

/** An empty inventory. */
export function emptyInventory(): Inventory {
  return {
    buckets: [],
    dbInstances: [],
    dbSnapshots: [],
    automatedBackups: [],
    ec2Instances: [],
    images: [],
    ebsSnapshots: [],
    volumes: [],
    tables: [],
    tableBackups: [],
    unknowns: [],
    incomplete: new Set(),
    accountId: null,
  };
}

/** The key under which an incomplete list is recorded. */
export function listKey(service: AssessServiceName, region: string, list: string): string {
  return `${service}/${region}/${list}`;
}

/** Convert the SDK's `[{ Key, Value }]` tags into a record. */
export function tagRecord(
  tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined,
): TagMap {
  const out: TagMap = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

/** An ISO string from an SDK date (or null). */
export function isoOrNull(value: Date | string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
