import type { RecoveryRun, RecoveryRunView } from '../../../../electron/core/recover/types';

/** What `recover.status` answers for `run`: no call queued, the default quotas, not interrupted. */
export function runViewOf(incidentId: string, run: RecoveryRun, attached: boolean): RecoveryRunView {
  return {
    incidentId,
    run,
    queue: { 'cross-region-snapshot-copy': 0, 'rds-snapshot-copy': 0, 'table-restore': 0 },
    quotaLimits: { 'cross-region-snapshot-copy': 5, 'rds-snapshot-copy': 5, 'table-restore': 50 },
    attached,
    interrupted: false,
  };
}
