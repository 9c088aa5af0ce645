import type { Phase } from '../../protocol/lifecycle';

/**
 * The RDS simulator's state: plain JSON, keyed so lookups are O(1). Statuses are not stored;
 * they follow from each resource's lifecycle phases and the simulated clock.
 */

/** An RDS tag. */
export interface RdsTag {
  Key: string;
  Value: string;
}

/** A DB instance in one region. */
export interface RdsInstanceRecord {
  id: string;
  region: string;
  arn: string;
  dbiResourceId: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  allocatedStorage: number;
  storageType: string;
  multiAZ: boolean;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  backupRetentionPeriod: number;
  availabilityZone: string;
  subnetGroupName: string;
  vpcSecurityGroupIds: string[];
  port: number;
  masterUsername: string;
  dbName?: string;
  createdAt: string;
  tags: RdsTag[];
  phases: Phase[];
  /** Source of a read replica: identifier (same region) or ARN (cross-region). */
  readReplicaSource?: string;
  /** Set by DeleteDBInstance: the instance shows `deleting` for a while, then is gone. */
  deletedAt?: string;
}

/** A manual or automated DB snapshot. */
export interface RdsSnapshotRecord {
  id: string;
  region: string;
  arn: string;
  instanceId: string;
  dbiResourceId: string;
  engine: string;
  engineVersion: string;
  allocatedStorage: number;
  snapshotType: 'manual' | 'automated';
  /** The source instance's class: restores default to it. */
  instanceClass?: string;
  createdAt: string;
  instanceCreateTime: string;
  phases: Phase[];
  encrypted: boolean;
  kmsKeyId?: string;
  port: number;
  availabilityZone: string;
  vpcId: string;
  masterUsername: string;
  /** For copies: the source snapshot's ARN and region. */
  sourceSnapshotArn?: string;
  sourceRegion?: string;
  tags: RdsTag[];
}

/** Automated backups of an instance in a region: its own region's, or replicated into another. */
export interface RdsAutomatedBackupRecord {
  arn: string;
  region: string;
  sourceRegion: string;
  instanceId: string;
  instanceArn: string;
  dbiResourceId: string;
  engine: string;
  engineVersion: string;
  allocatedStorage: number;
  /** The source instance's class: restores default to it. */
  instanceClass?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  backupRetentionPeriod: number;
  instanceCreateTime: string;
  availabilityZone: string;
  vpcId: string;
  masterUsername: string;
  port: number;
  /** Earliest restorable time (ISO). */
  earliestTime: string;
  /** Replication lag behind now, in minutes (latest restorable time = now − lag). */
  lagMinutes: number;
  /** When replication stopped (e.g. the source region failed): the latest time freezes there. */
  stoppedAt?: string;
}

/** A DB subnet group. */
export interface RdsSubnetGroupRecord {
  name: string;
  region: string;
  description: string;
  vpcId: string;
  subnets: Array<{ id: string; availabilityZone: string }>;
}

/** The whole RDS account state. */
export interface RdsState {
  /** Key: `region/identifier`. */
  instances: Record<string, RdsInstanceRecord>;
  /** Key: `region/identifier`. */
  snapshots: Record<string, RdsSnapshotRecord>;
  /** Key: ARN. */
  automatedBackups: Record<string, RdsAutomatedBackupRecord>;
  /** Key: `region/name`. */
  subnetGroups: Record<string, RdsSubnetGroupRecord>;
}

/** A fresh empty RDS state. */
export function emptyRdsState(): RdsState {
  return { instances: {}, snapshots: {}, automatedBackups: {}, subnetGroups: {} };
}

/** The state key of a regional resource. */
export function regionalKey(region: string, id: string): string {
  return `${region}/${id}`;
}

/** The ARN of an RDS resource (`db`, `snapshot`, `auto-backup`, `subgrp`). */
export function rdsArn(region: string, accountId: string, kind: string, id: string): string {
  return `arn:aws:rds:${region}:${accountId}:${kind}:${id}`;
}

/** Parse an RDS ARN; undefined when the text is not one. */
export function parseRdsArn(
  text: string,
): { region: string; accountId: string; kind: string; id: string } | undefined {
  const match = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):([a-z-]+):(.+)$/.exec(text);
  if (!match) return undefined;
  return {
    region: match[1] as string,
    accountId: match[2] as string,
    kind: match[3] as string,
    id: match[4] as string,
  };
}

/** How long a deleted instance shows `deleting` before it disappears. */
export const DELETE_MINUTES = 3;

/** How far behind now the latest restorable time of a healthy instance is. */
export const RESTORE_LAG_MINUTES = 5;
