import type {
  CheckStatus,
  ResourceStatus,
  ResourceValidation,
  ValidationCheck,
  ValidationRun,
} from './types';

/** Counts of resource and check statuses (PURE). */
export function countRun(
  resources: readonly ResourceValidation[],
  probes: readonly ValidationCheck[],
): ValidationRun['counts'] {
  const checks: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  const byStatus: Record<ResourceStatus, number> = { pass: 0, warn: 0, fail: 0 };
  for (const r of resources) {
    byStatus[r.status] += 1;
    for (const c of r.checks) checks[c.status] += 1;
  }
  for (const p of probes) checks[p.status] += 1;
  return { ...byStatus, checks };
}
