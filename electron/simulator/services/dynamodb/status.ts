import { phaseAt } from '../../protocol/lifecycle';
import {
  DELETE_SECONDS,
  PITR_LAG_MINUTES,
  tableKey,
  type BackupRecord,
  type DynamoState,
  type TableRecord,
} from './model';

/** The table status now (`CREATING`, `ACTIVE`, `DELETING`), or undefined when it is gone. */
export function tableStatus(table: TableRecord, now: Date): string | undefined {
  if (table.failsAt && now.getTime() >= Date.parse(table.failsAt)) return undefined;
  if (table.deletedAt) {
    return now.getTime() < Date.parse(table.deletedAt) + DELETE_SECONDS * 1000 ? 'DELETING' : undefined;
  }
  return phaseAt(table.phases, now);
}

/** The backup status now. */
export function backupStatus(backup: BackupRecord, now: Date): string {
  return phaseAt(backup.phases, now);
}

/** The table named in a region, if it exists now. */
export function findTable(
  state: DynamoState,
  region: string,
  name: string,
  now: Date,
): TableRecord | undefined {
  const table = state.tables[tableKey(region, name)];
  return table && tableStatus(table, now) !== undefined ? table : undefined;
}

/** The point-in-time recovery window, or undefined when PITR is off. */
export function pitrWindow(table: TableRecord, now: Date): { earliest: Date; latest: Date } | undefined {
  if (!table.pitr.enabled) return undefined;
  const enabledAt = Date.parse(table.pitr.enabledAt ?? table.createdAt);
  const latest = Math.max(enabledAt, now.getTime() - PITR_LAG_MINUTES * 60_000);
  const earliest = Math.min(
    latest,
    Math.max(enabledAt, now.getTime() - table.pitr.recoveryPeriodDays * 86_400_000),
  );
  return { earliest: new Date(earliest), latest: new Date(latest) };
}
