import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Phase } from '../../protocol/lifecycle';

/**
 * The DynamoDB simulator's state: plain JSON. Tables keep an item history (every version with
 * its `writtenAt`), so a point-in-time restore returns the items as they were at that time.
 */

/** A DynamoDB item in wire form. */
export type Item = Record<string, AttributeValue>;

/** One version of an item: its attributes (or a deletion) and when it was written. */
export interface ItemVersion {
  /** The key, canonical JSON of the key attributes. */
  key: string;
  item: Item;
  writtenAt: string;
  deleted?: boolean;
}

/** A key attribute of a table or index. */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N' | 'B';
}

/** A global or local secondary index. */
export interface IndexRecord {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
}

/** A table in one region (a global table has one record per replica region). */
export interface TableRecord {
  name: string;
  region: string;
  arn: string;
  tableId: string;
  createdAt: string;
  /** `CREATING` then `ACTIVE`. */
  phases: Phase[];
  /** Set by DeleteTable: `DELETING` for a minute, then gone. */
  deletedAt?: string;
  /** A failed restore: the table disappears at this time. */
  failsAt?: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  gsis: IndexRecord[];
  lsis: IndexRecord[];
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readCapacity: number;
  writeCapacity: number;
  sse?: { kmsKeyArn?: string };
  stream?: { viewType: string; label: string };
  ttlAttribute?: string;
  tags: Array<{ Key: string; Value: string }>;
  pitr: { enabled: boolean; enabledAt?: string; recoveryPeriodDays: number };
  /** Other regions holding replicas (global tables version 2019.11.21). */
  replicaRegions: string[];
  restore?: { sourceTableArn?: string; sourceBackupArn?: string; restoreDateTime: string };
  /** Append-only: versions are added, never changed in place (DescribeTable's stats cache relies on it). */
  history: ItemVersion[];
}

/** An on-demand (or system) backup with the items it holds. */
export interface BackupRecord {
  arn: string;
  name: string;
  region: string;
  tableName: string;
  tableArn: string;
  tableId: string;
  createdAt: string;
  type: 'USER' | 'SYSTEM' | 'AWS_BACKUP';
  /** `CREATING` then `AVAILABLE`. */
  phases: Phase[];
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  gsis: IndexRecord[];
  lsis: IndexRecord[];
  billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  items: Item[];
}

/** The whole DynamoDB account state. */
export interface DynamoState {
  /** Key: `region/name`. */
  tables: Record<string, TableRecord>;
  /** Key: ARN. */
  backups: Record<string, BackupRecord>;
}

/** A fresh empty DynamoDB state. */
export function emptyDynamoState(): DynamoState {
  return { tables: {}, backups: {} };
}

/** The state key of a table. */
export function tableKey(region: string, name: string): string {
  return `${region}/${name}`;
}

/** A table's ARN. */
export function tableArn(region: string, accountId: string, name: string): string {
  return `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
}

/** Parse a table (or backup) ARN. */
export function parseTableArn(arn: string): { region: string; accountId: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\d{12}):table\/([A-Za-z0-9_.-]+)(\/.*)?$/.exec(arn);
  return match
    ? { region: match[1] as string, accountId: match[2] as string, name: match[3] as string }
    : undefined;
}

/** How far behind now the latest restorable time is. */
export const PITR_LAG_MINUTES = 5;
/** How long a deleted table shows `DELETING`. */
export const DELETE_SECONDS = 60;
