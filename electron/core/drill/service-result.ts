import type {
  DrillCheck,
  DrillRecoveryPoint,
  DrillResource,
  DrillServiceName,
  ServiceDrillResult,
} from '../api/calls/drill';

/** What a service's test found, before clean-up (the runner adds clean-up and the verdict). */
export interface ServiceTestOutcome {
  target: string;
  region: string;
  recoveryPoint: DrillRecoveryPoint | null;
  rpoMinutes: number | null;
  rtoMinutes: number | null;
  checks: DrillCheck[];
  error: string | null;
}

/** A test's outcome as it grows (a failure part-way keeps what was found). */
export function emptyOutcome(target: string, region: string): ServiceTestOutcome {
  return { target, region, recoveryPoint: null, rpoMinutes: null, rtoMinutes: null, checks: [], error: null };
}

/**
 * The verdict of one service's test (PURE): it passes only when it ran to the end, at least one
 * check passed, no check failed, and clean-up left nothing behind.
 */
export function serviceVerdict(outcome: ServiceTestOutcome, leftovers: number): 'pass' | 'fail' {
  if (outcome.error !== null) return 'fail';
  if (outcome.checks.some((c) => c.status === 'fail')) return 'fail';
  if (!outcome.checks.some((c) => c.status === 'pass')) return 'fail';
  return leftovers > 0 ? 'fail' : 'pass';
}

/** Put a service's outcome, clean-up and times together (PURE). */
export function serviceResult(
  service: DrillServiceName,
  outcome: ServiceTestOutcome,
  cleanup: {
    created: DrillResource[];
    cleanedUp: DrillResource[];
    leftovers: ServiceDrillResult['leftovers'];
  },
  times: { startedAt: string; finishedAt: string },
): ServiceDrillResult {
  const checks = [...outcome.checks];
  checks.push(
    cleanup.leftovers.length === 0
      ? {
          id: 'cleanup',
          title: 'Everything the test created was removed',
          status: 'pass',
          evidence:
            cleanup.created.length === 0
              ? 'the test created nothing.'
              : `${cleanup.cleanedUp.length} resource(s) removed after checking the drill tag: ${cleanup.cleanedUp.map((r) => r.id).join(', ')}.`,
        }
      : {
          id: 'cleanup',
          title: 'Everything the test created was removed',
          status: 'fail',
          evidence: `${cleanup.leftovers.length} resource(s) left behind: ${cleanup.leftovers.map((l) => `${l.id} (${l.reason})`).join('; ')}.`,
          fix: 'Remove them with the commands listed under "Left behind", or run the drill clean-up again.',
        },
  );
  return {
    service,
    status: serviceVerdict(outcome, cleanup.leftovers.length),
    target: outcome.target,
    region: outcome.region,
    recoveryPoint: outcome.recoveryPoint,
    rpoMinutes: outcome.rpoMinutes,
    rtoMinutes: outcome.rtoMinutes,
    startedAt: times.startedAt,
    finishedAt: times.finishedAt,
    checks,
    created: cleanup.created,
    cleanedUp: cleanup.cleanedUp,
    leftovers: cleanup.leftovers,
    error: outcome.error,
  };
}
