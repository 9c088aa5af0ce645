import type { RecoveryOptionKind } from '../api/calls/assess';

/**
 * Estimated recovery times (pure). The figures are planning assumptions from AWS guidance and
 * typical restore speeds, not promises: fixed minutes for the work around a restore, plus
 * minutes per GiB of data where the restore moves data. They are stated with every estimate.
 */
export const RTO_ASSUMPTIONS: Record<RecoveryOptionKind, { fixed: number; perGiB: number; what: string }> = {
  'replica-bucket': { fixed: 15, perGiB: 0, what: 'point applications at the replica bucket' },
  'version-rollback': { fixed: 30, perGiB: 0, what: 'copy earlier versions over the current ones' },
  'read-replica-promotion': { fixed: 15, perGiB: 0, what: 'promote the replica and repoint connections' },
  'cross-region-pitr': {
    fixed: 30,
    perGiB: 0.25,
    what: 'restore the replicated automated backups to a point in time',
  },
  'snapshot-restore': { fixed: 30, perGiB: 0.05, what: 'restore a new instance from the snapshot' },
  'snapshot-copy-restore': {
    fixed: 35,
    perGiB: 0.75,
    what: 'copy the snapshot across regions, then restore it',
  },
  'ami-launch': { fixed: 15, perGiB: 0, what: 'launch from the AMI and wait for the status checks' },
  'ami-copy-launch': { fixed: 30, perGiB: 0.5, what: 'copy the AMI across regions, then launch it' },
  'volume-from-snapshot': {
    fixed: 30,
    perGiB: 0.1,
    what: 'launch a base instance and attach volumes made from the snapshots',
  },
  'global-table-replica': { fixed: 5, perGiB: 0, what: 'point applications at the replica table' },
  'table-pitr': { fixed: 20, perGiB: 1, what: 'restore the table to a point in time' },
  'backup-restore': { fixed: 20, perGiB: 1, what: 'restore the table from the backup' },
  'in-place': { fixed: 0, perGiB: 0, what: 'nothing: it already runs in the secondary region' },
};

/** The estimated RTO of an option for a resource holding `sizeGiB` of data (unknown size counts as 0). */
export function estimateRto(
  kind: RecoveryOptionKind,
  sizeGiB: number | null,
): { minutes: number; reason: string } {
  const a = RTO_ASSUMPTIONS[kind];
  const size = sizeGiB !== null && Number.isFinite(sizeGiB) && sizeGiB > 0 ? sizeGiB : 0;
  const minutes = Math.ceil(a.fixed + a.perGiB * size);
  const sizePart =
    a.perGiB > 0
      ? size > 0
        ? ` + ${a.perGiB} min/GiB × ${Math.round(size * 10) / 10} GiB`
        : ' (data size unknown: the per-GiB part is not counted)'
      : '';
  return { minutes, reason: `estimate: ${a.what}: ${a.fixed} min${sizePart}` };
}

/** Bytes to GiB. */
export function gib(bytes: number | null): number | null {
  return bytes === null ? null : bytes / 1024 ** 3;
}
