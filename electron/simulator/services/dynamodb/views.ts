import type {
  BackupDescription,
  BackupSummary,
  KeySchemaElement,
  TableDescription,
} from '@aws-sdk/client-dynamodb';
import { itemStatsAt } from './item-stats';
import { itemSize } from './items';
import type { BackupRecord, IndexRecord, KeyAttribute, TableRecord } from './model';
import { backupStatus, tableStatus } from './status';

/** The KeySchema of a partition key and optional sort key. */
export function keySchema(partition: KeyAttribute, sort: KeyAttribute | undefined): KeySchemaElement[] {
  return [
    { AttributeName: partition.name, KeyType: 'HASH' },
    ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
  ];
}

/** The AttributeDefinitions of every key attribute of a table and its indexes. */
export function attributeDefinitions(table: Pick<TableRecord, 'partitionKey' | 'sortKey' | 'gsis' | 'lsis'>) {
  const all = new Map<string, KeyAttribute>();
  for (const k of [
    table.partitionKey,
    table.sortKey,
    ...table.gsis.flatMap((g) => [g.partitionKey, g.sortKey]),
    ...table.lsis.map((l) => l.sortKey),
  ]) {
    if (k) all.set(k.name, k);
  }
  return [...all.values()].map((k) => ({ AttributeName: k.name, AttributeType: k.type }));
}

function indexView(index: IndexRecord, arn: string, itemCount: number) {
  return {
    IndexName: index.name,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: { ProjectionType: index.projection },
    IndexSizeBytes: 0,
    ItemCount: itemCount,
    IndexArn: `${arn}/index/${index.name}`,
  };
}

/** The TableDescription of a table at `now`. */
export function tableView(table: TableRecord, now: Date): TableDescription {
  const status = tableStatus(table, now) ?? 'DELETING';
  const stats = itemStatsAt(table.history, now);
  return {
    AttributeDefinitions: attributeDefinitions(table),
    TableName: table.name,
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    TableStatus: status as 'ACTIVE',
    CreationDateTime: new Date(table.createdAt),
    ProvisionedThroughput: {
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: table.billingMode === 'PROVISIONED' ? table.readCapacity : 0,
      WriteCapacityUnits: table.billingMode === 'PROVISIONED' ? table.writeCapacity : 0,
    },
    TableSizeBytes: stats.sizeBytes,
    ItemCount: stats.count,
    TableArn: table.arn,
    TableId: table.tableId,
    BillingModeSummary: {
      BillingMode: table.billingMode,
      LastUpdateToPayPerRequestDateTime: new Date(table.createdAt),
    },
    ...(table.lsis.length
      ? { LocalSecondaryIndexes: table.lsis.map((i) => indexView(i, table.arn, stats.count)) }
      : {}),
    ...(table.gsis.length
      ? {
          GlobalSecondaryIndexes: table.gsis.map((i) => ({
            ...indexView(i, table.arn, stats.count),
            IndexStatus: status === 'CREATING' ? ('CREATING' as const) : ('ACTIVE' as const),
            ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
          })),
        }
      : {}),
    ...(table.stream
      ? {
          StreamSpecification: {
            StreamEnabled: true,
            StreamViewType: table.stream.viewType as 'NEW_AND_OLD_IMAGES',
          },
          LatestStreamLabel: table.stream.label,
          LatestStreamArn: `${table.arn}/stream/${table.stream.label}`,
        }
      : {}),
    ...(table.replicaRegions.length
      ? {
          GlobalTableVersion: '2019.11.21',
          Replicas: table.replicaRegions.map((r) => ({ RegionName: r, ReplicaStatus: 'ACTIVE' as const })),
        }
      : {}),
    ...(table.restore
      ? {
          RestoreSummary: {
            ...(table.restore.sourceTableArn ? { SourceTableArn: table.restore.sourceTableArn } : {}),
            ...(table.restore.sourceBackupArn ? { SourceBackupArn: table.restore.sourceBackupArn } : {}),
            RestoreDateTime: new Date(table.restore.restoreDateTime),
            RestoreInProgress: status === 'CREATING',
          },
        }
      : {}),
    ...(table.sse
      ? {
          SSEDescription: {
            Status: 'ENABLED' as const,
            SSEType: 'KMS' as const,
            ...(table.sse.kmsKeyArn ? { KMSMasterKeyArn: table.sse.kmsKeyArn } : {}),
          },
        }
      : {}),
    DeletionProtectionEnabled: false,
    TableClassSummary: { TableClass: 'STANDARD' },
  };
}

/** The BackupSummary of a backup at `now`. */
export function backupSummaryView(backup: BackupRecord, now: Date): BackupSummary {
  return {
    TableName: backup.tableName,
    TableId: backup.tableId,
    TableArn: backup.tableArn,
    BackupArn: backup.arn,
    BackupName: backup.name,
    BackupCreationDateTime: new Date(backup.createdAt),
    BackupStatus: backupStatus(backup, now) as 'AVAILABLE',
    BackupType: backup.type,
    BackupSizeBytes: backup.items.reduce((sum, item) => sum + itemSize(item), 0),
  };
}

/** The BackupDescription of a backup at `now`. */
export function backupDescriptionView(backup: BackupRecord, now: Date): BackupDescription {
  const summary = backupSummaryView(backup, now);
  return {
    BackupDetails: {
      BackupArn: backup.arn,
      BackupName: backup.name,
      BackupSizeBytes: summary.BackupSizeBytes,
      BackupStatus: summary.BackupStatus,
      BackupType: backup.type,
      BackupCreationDateTime: new Date(backup.createdAt),
    },
    SourceTableDetails: {
      TableName: backup.tableName,
      TableId: backup.tableId,
      TableArn: backup.tableArn,
      TableSizeBytes: summary.BackupSizeBytes,
      KeySchema: keySchema(backup.partitionKey, backup.sortKey),
      TableCreationDateTime: new Date(backup.createdAt),
      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      ItemCount: backup.items.length,
      BillingMode: backup.billingMode,
    },
    SourceTableFeatureDetails: {
      ...(backup.gsis.length
        ? {
            GlobalSecondaryIndexes: backup.gsis.map((g) => ({
              IndexName: g.name,
              KeySchema: keySchema(g.partitionKey, g.sortKey),
              Projection: { ProjectionType: g.projection },
            })),
          }
        : {}),
    },
  };
}
