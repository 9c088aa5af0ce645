import {
  RestoreTableFromBackupInput$,
  RestoreTableFromBackupOutput$,
  RestoreTableToPointInTimeInput$,
  RestoreTableToPointInTimeOutput$,
  type RestoreTableFromBackupInput,
  type RestoreTableFromBackupOutput,
  type RestoreTableToPointInTimeInput,
  type RestoreTableToPointInTimeOutput,
} from '@aws-sdk/client-dynamodb';
import { simError } from '../../../protocol/errors';
import { requireJsonParams } from '../../../protocol/json';
import { buildPhases } from '../../../protocol/lifecycle';
import type { OperationCall, SchemaOperation } from '../../../protocol/query-dispatch';
import { defineOperation } from '../../../protocol/query-dispatch';
import { itemKey, itemsAt } from '../items';
import {
  parseTableArn,
  tableArn,
  tableKey,
  type DynamoState,
  type IndexRecord,
  type Item,
  type TableRecord,
} from '../model';
import { backupStatus, findTable, pitrWindow, tableStatus } from '../status';
import { tableView } from '../views';
import { DEFAULT_CONCURRENT_RESTORES } from '../../../core/quota-defaults';

interface RestoreShape {
  partitionKey: TableRecord['partitionKey'];
  sortKey?: TableRecord['sortKey'];
  gsis: IndexRecord[];
  lsis: IndexRecord[];
  billingMode: TableRecord['billingMode'];
  readCapacity: number;
  writeCapacity: number;
  sse?: TableRecord['sse'];
}

interface RestoreOverrides {
  BillingModeOverride?: string | undefined;
  ProvisionedThroughputOverride?:
    { ReadCapacityUnits?: number | undefined; WriteCapacityUnits?: number | undefined } | undefined;
  GlobalSecondaryIndexOverride?: Array<{ IndexName?: string | undefined }> | undefined;
  SSESpecificationOverride?:
    { Enabled?: boolean | undefined; KMSMasterKeyId?: string | undefined } | undefined;
}

/**
 * Create the table a restore produces: `CREATING` for 3–10 simulated minutes, then `ACTIVE`,
 * with the given items. It carries no tags, TTL, stream, PITR or replicas, as AWS documents.
 * A failing-restore fault on the target name makes it vanish when the restore would finish.
 */
function createRestoredTable(
  call: OperationCall<DynamoState>,
  target: string,
  shape: RestoreShape,
  items: Item[],
  overrides: RestoreOverrides,
  restore: NonNullable<TableRecord['restore']>,
): TableRecord {
  const { state, region, ctx } = call;
  const now = ctx.clock.now();
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(target)) {
    throw simError(
      'ValidationException',
      `1 validation error detected: Value '${target}' at 'targetTableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255`,
    );
  }
  if (findTable(state, region, target, now))
    throw simError('TableAlreadyExistsException', `Table already exists: ${target}`);
  const limit = ctx.quota('dynamodb.concurrentRestores', DEFAULT_CONCURRENT_RESTORES);
  const running = Object.values(state.tables).filter(
    (t) => t.restore && tableStatus(t, now) === 'CREATING',
  ).length;
  if (running >= limit) {
    throw simError(
      'LimitExceededException',
      `Subscriber limit exceeded: Only ${limit} table restores can be in progress at a time; wait for one to finish and retry.`,
    );
  }
  const minutes = ctx.rng.int(3, 10);
  const keep = overrides.GlobalSecondaryIndexOverride;
  const billingMode =
    (overrides.BillingModeOverride as TableRecord['billingMode'] | undefined) ?? shape.billingMode;
  const sseOverride = overrides.SSESpecificationOverride;
  const sse =
    sseOverride === undefined
      ? shape.sse
      : sseOverride.Enabled
        ? { ...(sseOverride.KMSMasterKeyId ? { kmsKeyArn: sseOverride.KMSMasterKeyId } : {}) }
        : undefined;
  const h = ctx.rng.hex(32);
  const table: TableRecord = {
    name: target,
    region,
    arn: tableArn(region, ctx.accountId, target),
    tableId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`,
    createdAt: now.toISOString(),
    phases: buildPhases(now, [['CREATING', minutes]], 'ACTIVE'),
    ...(ctx.restoreShouldFail(target)
      ? { failsAt: new Date(now.getTime() + minutes * 60_000).toISOString() }
      : {}),
    partitionKey: shape.partitionKey,
    ...(shape.sortKey ? { sortKey: shape.sortKey } : {}),
    gsis: keep ? shape.gsis.filter((g) => keep.some((k) => k.IndexName === g.name)) : shape.gsis,
    lsis: shape.lsis,
    billingMode,
    readCapacity: overrides.ProvisionedThroughputOverride?.ReadCapacityUnits ?? shape.readCapacity,
    writeCapacity: overrides.ProvisionedThroughputOverride?.WriteCapacityUnits ?? shape.writeCapacity,
    ...(sse ? { sse } : {}),
    tags: [],
    pitr: { enabled: false, recoveryPeriodDays: 35 },
    replicaRegions: [],
    restore,
    history: items.map((item) => ({ key: itemKey(shape, item), item, writtenAt: now.toISOString() })),
  };
  state.tables[tableKey(region, target)] = table;
  return table;
}

/**
 * RestoreTableToPointInTime: from `SourceTableName` in this region, or `SourceTableArn` in any
 * region (cross-region restore), to `RestoreDateTime` or `UseLatestRestorableTime`.
 */
export const restoreTableToPointInTime = defineOperation<
  RestoreTableToPointInTimeInput,
  RestoreTableToPointInTimeOutput,
  DynamoState
>({
  input: RestoreTableToPointInTimeInput$,
  output: RestoreTableToPointInTimeOutput$,
  run(input, call) {
    requireJsonParams(input, ['TargetTableName']);
    const { state, region, ctx } = call;
    const now = ctx.clock.now();
    if (!input.SourceTableName && !input.SourceTableArn) {
      throw simError('ValidationException', 'Either SourceTableArn or SourceTableName must be specified.');
    }
    if (input.SourceTableName && input.SourceTableArn) {
      throw simError(
        'ValidationException',
        'Only one of SourceTableArn or SourceTableName can be specified.',
      );
    }
    let source: TableRecord | undefined;
    if (input.SourceTableArn) {
      const arn = parseTableArn(input.SourceTableArn);
      if (!arn) throw simError('ValidationException', `Invalid SourceTableArn: ${input.SourceTableArn}`);
      source = findTable(state, arn.region, arn.name, now);
      if (!source) throw simError('TableNotFoundException', `Table not found: ${input.SourceTableArn}`);
    } else {
      source = findTable(state, region, input.SourceTableName as string, now);
      if (!source) throw simError('TableNotFoundException', `Table not found: ${input.SourceTableName}`);
    }
    const window = pitrWindow(source, now);
    if (!window) {
      throw simError(
        'PointInTimeRecoveryUnavailableException',
        `Point in time recovery is not enabled for table '${source.name}'`,
      );
    }
    if (input.RestoreDateTime && input.UseLatestRestorableTime) {
      throw simError(
        'ValidationException',
        'Only one of RestoreDateTime or UseLatestRestorableTime can be specified.',
      );
    }
    if (!input.RestoreDateTime && !input.UseLatestRestorableTime) {
      throw simError(
        'ValidationException',
        'Either RestoreDateTime or UseLatestRestorableTime must be specified.',
      );
    }
    const when = input.RestoreDateTime ?? window.latest;
    if (when.getTime() < window.earliest.getTime() || when.getTime() > window.latest.getTime()) {
      throw simError(
        'InvalidRestoreTimeException',
        `Invalid restore time: ${when.toISOString()}. The restore time must be between ${window.earliest.toISOString()} (EarliestRestorableDateTime) and ${window.latest.toISOString()} (LatestRestorableDateTime).`,
      );
    }
    const table = createRestoredTable(
      call,
      input.TargetTableName as string,
      source,
      itemsAt(source.history, when),
      input,
      {
        sourceTableArn: source.arn,
        restoreDateTime: when.toISOString(),
      },
    );
    return { TableDescription: tableView(table, now) };
  },
});

/** RestoreTableFromBackup: a new table from an available backup in this region. */
export const restoreTableFromBackup = defineOperation<
  RestoreTableFromBackupInput,
  RestoreTableFromBackupOutput,
  DynamoState
>({
  input: RestoreTableFromBackupInput$,
  output: RestoreTableFromBackupOutput$,
  run(input, call) {
    requireJsonParams(input, ['TargetTableName', 'BackupArn']);
    const { state, region, ctx } = call;
    const now = ctx.clock.now();
    const backup = state.backups[input.BackupArn as string];
    if (!backup || backup.region !== region)
      throw simError('BackupNotFoundException', `Backup not found: ${input.BackupArn}`);
    if (backupStatus(backup, now) !== 'AVAILABLE') {
      throw simError('BackupInUseException', `Backup is being created: ${backup.arn}`);
    }
    const table = createRestoredTable(
      call,
      input.TargetTableName as string,
      { ...backup, readCapacity: 0, writeCapacity: 0 },
      backup.items,
      input,
      { sourceBackupArn: backup.arn, sourceTableArn: backup.tableArn, restoreDateTime: backup.createdAt },
    );
    return { TableDescription: tableView(table, now) };
  },
});

/** The DynamoDB restore operations, by operation name. */
export const dynamoRestoreOperations: Record<string, SchemaOperation<DynamoState>> = {
  RestoreTableToPointInTime: restoreTableToPointInTime,
  RestoreTableFromBackup: restoreTableFromBackup,
};
