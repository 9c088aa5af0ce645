/** Storage classes S3 accepts on upload. */
export const STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
] as const;

/** An S3 storage class. */
export type StorageClass = (typeof STORAGE_CLASSES)[number];

/** Storage classes whose objects must be restored (RestoreObject) before they can be read. */
export const ARCHIVED_CLASSES: ReadonlySet<string> = new Set(['GLACIER', 'DEEP_ARCHIVE']);

/** Per-object replication status as HeadObject reports it. */
export type ReplicationStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'REPLICA';

/** A temporary restored copy of an archived object. */
export interface S3Restore {
  /** ISO time the restored copy becomes readable. */
  readyAt: string;
  days: number;
  tier: string;
}

/** One version of an object (or a delete marker). Plain JSON. */
export interface S3ObjectVersion {
  /** `null` (the string) when written without versioning. */
  versionId: string;
  deleteMarker: boolean;
  /** ISO 8601. */
  lastModified: string;
  size: number;
  /** Quoted MD5 hex, as S3 sends it. */
  etag: string;
  /** Base64 SHA-256 of the content (always known to the simulator). */
  sha256: string;
  /** Checksums S3 reports (`sha256`, `crc32` …, base64), those uploaded with the object. */
  checksums: Record<string, string>;
  storageClass: string;
  contentType: string;
  metadata: Record<string, string>;
  /** Object tags (`x-amz-tagging`). */
  tags?: Record<string, string>;
  /** Content as base64; absent for synthetic content (regenerated from {@link syntheticSeed}). */
  body?: string;
  /** Seed text of synthetic content. */
  syntheticSeed?: string;
  replicationStatus?: ReplicationStatus;
  restore?: S3Restore;
}

/** A replication rule (V2 configuration, prefix filter). */
export interface S3ReplicationRule {
  id: string;
  priority: number;
  status: 'Enabled' | 'Disabled';
  prefix: string;
  /** Destination bucket ARN. */
  destinationBucket: string;
  storageClass?: string;
}

/** A lifecycle rule (as reported; the simulator does not move objects by it). */
export interface S3LifecycleRule {
  id: string;
  status: 'Enabled' | 'Disabled';
  prefix: string;
  transitions: { days: number; storageClass: string }[];
  expirationDays?: number;
  noncurrentVersionExpirationDays?: number;
}

/** A bucket and its objects. */
export interface S3Bucket {
  name: string;
  region: string;
  /** ISO 8601. */
  creationDate: string;
  /** Absent when versioning was never enabled. */
  versioning?: 'Enabled' | 'Suspended';
  tags?: Record<string, string>;
  replication?: { role: string; rules: S3ReplicationRule[] };
  lifecycle?: S3LifecycleRule[];
  /** Versions by key, newest first. */
  objects: Record<string, S3ObjectVersion[]>;
}

/** A replication waiting for its lag (and for both regions to be up). */
export interface PendingReplication {
  sourceBucket: string;
  key: string;
  versionId: string;
  destinationBucket: string;
  storageClass?: string;
  /** ISO time the copy may complete. */
  dueAt: string;
}

/** A multipart upload in progress. */
export interface S3MultipartUpload {
  uploadId: string;
  bucket: string;
  key: string;
  /** ISO 8601. */
  initiated: string;
  storageClass: string;
  contentType: string;
  metadata: Record<string, string>;
  tags?: Record<string, string>;
  /** Parts by number: quoted MD5 ETag, size, content as base64. */
  parts: Record<string, { etag: string; size: number; body: string }>;
}

/** The S3 simulator's state. */
export interface S3State {
  buckets: Record<string, S3Bucket>;
  pending: PendingReplication[];
  /** Multipart uploads in progress, by upload id (absent in states saved before multipart). */
  uploads?: Record<string, S3MultipartUpload>;
}

/** The bucket name from an S3 bucket ARN, or the value itself when it is a name. */
export function bucketNameFromArn(value: string): string {
  return value.startsWith('arn:') ? (value.split(':').pop() ?? value) : value;
}

/** The current (newest) version of a key, or undefined. */
export function currentVersion(bucket: S3Bucket, key: string): S3ObjectVersion | undefined {
  return bucket.objects[key]?.[0];
}

/** A delete marker: an empty version that hides the key (versioned buckets only). */
export function deleteMarkerVersion(versionId: string, lastModified: Date): S3ObjectVersion {
  return {
    versionId,
    deleteMarker: true,
    lastModified: lastModified.toISOString(),
    size: 0,
    etag: '',
    sha256: '',
    checksums: {},
    storageClass: 'STANDARD',
    contentType: '',
    metadata: {},
  };
}
