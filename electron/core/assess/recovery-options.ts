import type {
  OptionPrerequisite,
  RecoveryOption,
  RecoveryOptionData,
  RecoveryOptionKind,
} from '../api/calls/assess';
import { estimateRto } from './rto-estimate';

/** The human title of each option kind. */
export const OPTION_TITLES: Record<RecoveryOptionKind, string> = {
  'replica-bucket': 'Fail over to the replica bucket',
  'version-rollback': 'Roll back object versions in the replica',
  'read-replica-promotion': 'Promote the cross-region read replica',
  'cross-region-pitr': 'Cross-region point-in-time restore',
  'snapshot-restore': 'Restore from a snapshot in the secondary region',
  'snapshot-copy-restore': 'Copy a snapshot across regions and restore it',
  'ami-launch': 'Launch from an AMI in the secondary region',
  'ami-copy-launch': 'Copy an AMI across regions and launch it',
  'volume-from-snapshot': 'Recreate volumes from snapshots',
  'global-table-replica': 'Fail over to the global-table replica',
  'table-pitr': 'Cross-region point-in-time restore of the table',
  'backup-restore': 'Restore the table from an on-demand backup',
  'in-place': 'Already in the secondary region',
};

/** What an option builder states; the RTO estimate, title and `prerequisitesMet` are derived. */
export interface OptionSpec {
  kind: RecoveryOptionKind;
  description: string;
  rpo: { minutes: number | null; reason: string };
  prerequisites: OptionPrerequisite[];
  data: RecoveryOptionData;
  sizeGiB: number | null;
}

/** Build a recovery option (pure). It is usable only when every prerequisite is known to hold and its RPO is known. */
export function makeOption(spec: OptionSpec): RecoveryOption {
  const rto = estimateRto(spec.kind, spec.sizeGiB);
  return {
    kind: spec.kind,
    title: OPTION_TITLES[spec.kind],
    description: spec.description,
    rpoMinutes: spec.rpo.minutes,
    rpoReason: spec.rpo.reason,
    rtoMinutes: rto.minutes,
    rtoReason: rto.reason,
    prerequisitesMet: spec.prerequisites.every((p) => p.met === true),
    prerequisites: spec.prerequisites,
    best: false,
    data: spec.data,
  };
}

/**
 * Pick the best option (pure): among usable options (prerequisites met, RPO known), those
 * meeting both tier targets first, then those meeting the RPO, then the smallest RPO, then the
 * smallest RTO. Returns the options with `best` set on the chosen one (none when nothing is usable).
 */
export function chooseBest(
  options: readonly RecoveryOption[],
  target: { rpoMinutes: number; rtoMinutes: number },
): RecoveryOption[] {
  const score = (o: RecoveryOption): [number, number, number] => {
    const rpo = o.rpoMinutes ?? Number.POSITIVE_INFINITY;
    const meetsRpo = rpo <= target.rpoMinutes;
    const meetsRto = o.rtoMinutes <= target.rtoMinutes;
    const rank = meetsRpo && meetsRto ? 0 : meetsRpo ? 1 : 2;
    return [rank, rpo, o.rtoMinutes];
  };
  let best: RecoveryOption | null = null;
  for (const option of options) {
    if (!option.prerequisitesMet || option.rpoMinutes === null) continue;
    if (best === null) {
      best = option;
      continue;
    }
    const a = score(option);
    const b = score(best);
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = option;
  }
  return options.map((o) => ({ ...o, best: o === best }));
}

/** The newest of some items by an ISO time field (null times lose). */
export function newest<T>(items: readonly T[], at: (item: T) => string | null): T | null {
  let found: T | null = null;
  let foundAt = '';
  for (const item of items) {
    const t = at(item);
    if (t === null) {
      if (found === null) found = item;
      continue;
    }
    if (found === null || t > foundAt) {
      found = item;
      foundAt = t;
    }
  }
  return found;
}
