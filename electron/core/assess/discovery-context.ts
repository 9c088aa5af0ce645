import type { AssessServiceName } from '../api/calls/assess';
import { listKey, type Inventory } from './inventory';
import { reasonOf } from './scan-call-error';
import type { ScanClients } from './scan-clients';

/** What every discovery function works with. */
export interface DiscoveryContext {
  /** Scheduled clients (bounded, memoised, fast-fail). */
  clients: ScanClients;
  regions: { primary: string; secondary: string };
  inventory: Inventory;
  /** How many of the newest objects per bucket to look at for replication health. */
  sampleSize: number;
  /** The services to discover. */
  services: readonly AssessServiceName[];
}

/** Record that a whole list could not be read (its facts are then unknown, and why). */
export function listFailed(
  ctx: DiscoveryContext,
  service: AssessServiceName,
  region: string,
  list: string,
  fact: string,
  error: unknown,
): void {
  const key = listKey(service, region, list);
  if (ctx.inventory.incomplete.has(key)) return;
  ctx.inventory.incomplete.add(key);
  ctx.inventory.unknowns.push({ service, region, fact, reason: reasonOf(error) });
}

/** Remember the account id from the first ARN seen. */
export function noteAccount(ctx: DiscoveryContext, arn: string | undefined): void {
  if (ctx.inventory.accountId || !arn) return;
  const match = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(arn);
  if (match?.[1]) ctx.inventory.accountId = match[1];
}
