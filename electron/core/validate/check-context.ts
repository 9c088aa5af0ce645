import type { AwsClients } from '../aws/clients';
import type { ValidationOptions } from './types';

/** What every per-service check needs. */
export interface CheckContext {
  /** Read-only guarded clients (validation never changes a target while checking it). */
  clients: AwsClients;
  /** The same, failing fast: for the source region, which may be down. */
  sourceClients: AwsClients;
  options: ValidationOptions;
  /** Why DNS/TCP checks are skipped (tabletop endpoint, or the commander's reason), or null to run them. */
  networkSkip: string | null;
}

/**
 * Why endpoint DNS/TCP checks are skipped (PURE): in tabletop the simulated endpoints do not
 * resolve, so they are recorded as skipped rather than faked; in live mode only when asked.
 */
export function networkSkipReason(mode: 'LIVE' | 'TABLETOP', requested: string | null): string | null {
  if (mode === 'TABLETOP')
    return 'tabletop endpoint (the simulated account has no reachable network endpoints)';
  return requested && requested.trim() !== '' ? requested.trim() : null;
}
