import {
  readinessStatuses,
  type AssessedResource,
  type ReadinessStatus,
} from '../../../../electron/core/api/calls/assess';
import type { ResourceOutcome } from '../../../../electron/core/record/types';

/** Resources by service and readiness status, for a stacked bar chart. */
export interface ReadinessByService {
  services: string[];
  /** One series per status (in the UI's order), one count per service. */
  series: Array<{ status: ReadinessStatus; counts: number[] }>;
  total: number;
}

/**
 * Count the resources that need recovery (those in the primary region) by service and readiness
 * status (pure). Services keep their first-seen order; statuses follow `readinessStatuses`.
 */
export function readinessByService(
  resources: Array<Pick<AssessedResource, 'service' | 'status' | 'role'>>,
): ReadinessByService {
  const primary = resources.filter((r) => r.role === 'primary');
  const services = [...new Set(primary.map((r) => r.service))];
  const series = readinessStatuses
    .map((status) => ({
      status,
      counts: services.map((s) => primary.filter((r) => r.service === s && r.status === status).length),
    }))
    .filter((s) => s.counts.some((c) => c > 0));
  return { services, series, total: primary.length };
}

/** One resource's targets and what was achieved, for a grouped bar chart. */
export interface TargetRow {
  label: string;
  rtoTarget: number | null;
  rtoAchieved: number | null;
  rpoTarget: number | null;
  rpoAchieved: number | null;
  met: boolean | null;
}

/** The resources with at least one target or measurement, labelled `service name` (pure). */
export function targetRows(resources: ResourceOutcome[]): TargetRow[] {
  return resources
    .filter(
      (r) =>
        r.rtoTargetMinutes !== null ||
        r.rpoTargetMinutes !== null ||
        r.achievedRtoMinutes !== null ||
        r.achievedRpoMinutes !== null,
    )
    .map((r) => ({
      label: r.service ? `${r.service} ${r.resourceId}` : r.resourceId,
      rtoTarget: r.rtoTargetMinutes,
      rtoAchieved: r.achievedRtoMinutes,
      rpoTarget: r.rpoTargetMinutes,
      rpoAchieved: r.achievedRpoMinutes,
      met: r.met,
    }));
}
