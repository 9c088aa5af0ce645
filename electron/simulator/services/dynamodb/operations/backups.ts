import {
  DescribeBackupInput$,
  DescribeBackupOutput$,
  DescribeContinuousBackupsInput$,
  DescribeContinuousBackupsOutput$,
  ListBackupsInput$,
  ListBackupsOutput$,
  UpdateContinuousBackupsInput$,
  UpdateContinuousBackupsOutput$,
  type ContinuousBackupsDescription,
  type DescribeBackupInput,
  type DescribeBackupOutput,
  type DescribeContinuousBackupsInput,
  type DescribeContinuousBackupsOutput,
  type ListBackupsInput,
  type ListBackupsOutput,
  type UpdateContinuousBackupsInput,
  type UpdateContinuousBackupsOutput,
} from '@aws-sdk/client-dynamodb';
import { simError } from '../../../protocol/errors';
import { requireJsonParams } from '../../../protocol/json';
import { defineOperation, type SchemaOperation } from '../../../protocol/query-dispatch';
import type { DynamoState, TableRecord } from '../model';
import { findTable, pitrWindow } from '../status';
import { backupDescriptionView, backupSummaryView } from '../views';

function continuousView(table: TableRecord, now: Date): ContinuousBackupsDescription {
  const window = pitrWindow(table, now);
  return {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: window
      ? {
          PointInTimeRecoveryStatus: 'ENABLED',
          RecoveryPeriodInDays: table.pitr.recoveryPeriodDays,
          EarliestRestorableDateTime: window.earliest,
          LatestRestorableDateTime: window.latest,
        }
      : { PointInTimeRecoveryStatus: 'DISABLED' },
  };
}

function tableForBackups(state: DynamoState, region: string, name: string, now: Date): TableRecord {
  const table = findTable(state, region, name, now);
  if (!table) throw simError('TableNotFoundException', `Table not found: ${name}`);
  return table;
}

/** DescribeContinuousBackups: PITR status and the restorable window (latest ≈ now − 5 minutes). */
export const describeContinuousBackups = defineOperation<
  DescribeContinuousBackupsInput,
  DescribeContinuousBackupsOutput,
  DynamoState
>({
  input: DescribeContinuousBackupsInput$,
  output: DescribeContinuousBackupsOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['TableName']);
    const now = ctx.clock.now();
    return {
      ContinuousBackupsDescription: continuousView(
        tableForBackups(state, region, input.TableName as string, now),
        now,
      ),
    };
  },
});

/** UpdateContinuousBackups: turn PITR on (window starts now) or off, with a 1–35 day recovery period. */
export const updateContinuousBackups = defineOperation<
  UpdateContinuousBackupsInput,
  UpdateContinuousBackupsOutput,
  DynamoState
>({
  input: UpdateContinuousBackupsInput$,
  output: UpdateContinuousBackupsOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['TableName', 'PointInTimeRecoverySpecification']);
    const now = ctx.clock.now();
    const table = tableForBackups(state, region, input.TableName as string, now);
    const spec = input.PointInTimeRecoverySpecification;
    if (spec?.PointInTimeRecoveryEnabled === undefined) {
      requireJsonParams({}, ['PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled']);
    }
    const days = spec?.RecoveryPeriodInDays ?? table.pitr.recoveryPeriodDays;
    if (!Number.isInteger(days) || days < 1 || days > 35) {
      throw simError('ValidationException', `RecoveryPeriodInDays must be between 1 and 35; got ${days}.`);
    }
    if (spec?.PointInTimeRecoveryEnabled) {
      if (!table.pitr.enabled) table.pitr.enabledAt = now.toISOString();
      table.pitr.enabled = true;
    } else {
      table.pitr.enabled = false;
      delete table.pitr.enabledAt;
    }
    table.pitr.recoveryPeriodDays = days;
    return { ContinuousBackupsDescription: continuousView(table, now) };
  },
});

const BACKUP_ARN = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[^/]+\/backup\/(\d{14})-[0-9a-z]+$/;

/**
 * Where the page after `arn` starts in the listing (sorted by creation time, then ARN): just
 * after that backup, or, when it is gone (deleted between pages), after where it sorted. A value
 * that is not a backup ARN is a `ValidationException`, as AWS answers, instead of a silent
 * restart from the first page (which would page forever).
 */
function startAfter(backups: ReadonlyArray<{ arn: string; createdAt: string }>, arn: string): number {
  if (arn.length < 37) {
    throw simError(
      'ValidationException',
      `1 validation error detected: Value '${arn}' at 'exclusiveStartBackupArn' failed to satisfy constraint: Member must have length greater than or equal to 37`,
    );
  }
  const exact = backups.findIndex((b) => b.arn === arn);
  if (exact >= 0) return exact + 1;
  const match = BACKUP_ARN.exec(arn);
  if (!match) {
    throw simError(
      'ValidationException',
      `Invalid ExclusiveStartBackupArn: ${arn} is not a backup ARN; pass the LastEvaluatedBackupArn of the previous page.`,
    );
  }
  const at = Number(match[1]);
  const next = backups.findIndex((b) => {
    const t = Date.parse(b.createdAt);
    return t > at || (t === at && b.arn > arn);
  });
  return next < 0 ? backups.length : next;
}

/** ListBackups: the region's backups, filtered by table, time range and type, paged by `ExclusiveStartBackupArn`. */
export const listBackups = defineOperation<ListBackupsInput, ListBackupsOutput, DynamoState>({
  input: ListBackupsInput$,
  output: ListBackupsOutput$,
  run(input, { state, region, ctx }) {
    const now = ctx.clock.now();
    const limit = input.Limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw simError('ValidationException', `Limit must be between 1 and 100; got ${limit}.`);
    }
    const type = input.BackupType ?? 'USER';
    const lower = input.TimeRangeLowerBound?.getTime() ?? Number.NEGATIVE_INFINITY;
    const upper = input.TimeRangeUpperBound?.getTime() ?? Number.POSITIVE_INFINITY;
    const backups = Object.values(state.backups)
      .filter((b) => b.region === region)
      .filter((b) => !input.TableName || b.tableName === input.TableName)
      .filter((b) => type === 'ALL' || b.type === type)
      .filter((b) => Date.parse(b.createdAt) >= lower && Date.parse(b.createdAt) < upper)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.arn.localeCompare(b.arn));
    const start = input.ExclusiveStartBackupArn ? startAfter(backups, input.ExclusiveStartBackupArn) : 0;
    const page = backups.slice(start, start + limit);
    const more = start + limit < backups.length;
    return {
      BackupSummaries: page.map((b) => backupSummaryView(b, now)),
      ...(more && page.length ? { LastEvaluatedBackupArn: page[page.length - 1]?.arn } : {}),
    };
  },
});

/** DescribeBackup: one backup by ARN. */
export const describeBackup = defineOperation<DescribeBackupInput, DescribeBackupOutput, DynamoState>({
  input: DescribeBackupInput$,
  output: DescribeBackupOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['BackupArn']);
    const backup = state.backups[input.BackupArn as string];
    if (!backup || backup.region !== region)
      throw simError('BackupNotFoundException', `Backup not found: ${input.BackupArn}`);
    return { BackupDescription: backupDescriptionView(backup, ctx.clock.now()) };
  },
});

/** The DynamoDB backup operations, by operation name. */
export const dynamoBackupOperations: Record<string, SchemaOperation<DynamoState>> = {
  DescribeContinuousBackups: describeContinuousBackups,
  UpdateContinuousBackups: updateContinuousBackups,
  ListBackups: listBackups,
  DescribeBackup: describeBackup,
};
