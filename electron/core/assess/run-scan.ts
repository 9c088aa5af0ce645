import type { AssessServiceName, AssessmentResult, LaneHealth } from '../api/calls/assess';
import { assessServices } from '../api/calls/assess';
import type { BackupPolicy } from '../runbooks/backup-policy';
import {
  buildResources,
  countResources,
  inventoryCounts,
  optionContext,
  regionHealth,
} from './build-assessment';
import { carryOver } from './carry-over';
import { discoverDynamodb } from './discover-dynamodb';
import { discoverEc2 } from './discover-ec2';
import { discoverRds } from './discover-rds';
import { discoverS3 } from './discover-s3';
import type { DiscoveryContext } from './discovery-context';
import { emptyInventory } from './inventory';
import { scheduledClients, type ScanClients } from './scan-clients';
import type { LaneSnapshot } from './scan-lane';
import { ScanScheduler, type SchedulerOptions } from './scheduler';

/** Everything one scan needs. */
export interface ScanInput {
  scanId: string;
  /** Clients for regions that answer normally. */
  clients: ScanClients;
  /** Clients with short timeouts and few retries, for degraded regions (default: `clients`). */
  fastClients?: ScanClients;
  policy: BackupPolicy;
  regions: { primary: string; secondary: string };
  services?: readonly AssessServiceName[];
  incidentId?: string | null;
  /** The account's time (the simulator's clock in tabletop mode). */
  now?: () => Date;
  signal?: AbortSignal;
  /** Newest objects sampled per bucket for replication health (default 2). */
  sampleSize?: number;
  /** Progress and health of a lane changed. */
  onLaneChange?: (lane: LaneSnapshot) => void;
  /** The previous assessment: resources it saw that this scan cannot reach are kept as last known. */
  previous?: AssessmentResult | null;
  /** Concurrency, timeouts and retries of the scheduler. */
  scheduler?: Omit<SchedulerOptions, 'signal' | 'onLaneChange'>;
}

/** Thrown when a scan is cancelled. */
export class ScanCancelledError extends Error {
  override readonly name = 'ScanCancelledError';
  constructor(readonly scanId: string) {
    super(`Scan ${scanId} was cancelled.`);
  }
}

/**
 * Run one assessment: discover both regions through the scheduler (every service and region
 * concurrently), then decide options, RPO/RTO, gaps and status with the pure decision code.
 * A region that does not answer only makes facts unknown; the scan still finishes.
 */
export async function runScan(input: ScanInput): Promise<AssessmentResult> {
  const started = new Date();
  const startedMs = performance.now();
  const now = input.now ?? (() => new Date());
  const services = input.services && input.services.length > 0 ? [...input.services] : [...assessServices];
  const { primary, secondary } = input.regions;
  if (primary === secondary) {
    throw new Error(
      `The primary and secondary regions are both ${primary}: fix regions in runbooks/dr-procedure.yaml.`,
    );
  }
  const scheduler = new ScanScheduler({
    ...input.scheduler,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onLaneChange ? { onLaneChange: input.onLaneChange } : {}),
  });
  for (const service of services) for (const region of [primary, secondary]) scheduler.lane(service, region);
  const inventory = emptyInventory();
  const ctx: DiscoveryContext = {
    clients: scheduledClients(scheduler, input.clients, input.fastClients ?? input.clients),
    regions: input.regions,
    inventory,
    sampleSize: input.sampleSize ?? 2,
    services,
  };
  const work: Promise<void>[] = [];
  if (services.includes('s3')) work.push(discoverS3(ctx));
  if (services.includes('dynamodb')) work.push(discoverDynamodb(ctx));
  for (const region of [primary, secondary]) {
    if (services.includes('rds')) work.push(discoverRds(ctx, region));
    if (services.includes('ec2')) work.push(discoverEc2(ctx, region));
  }
  await Promise.all(work);
  if (input.signal?.aborted) throw new ScanCancelledError(input.scanId);

  const lanes: LaneHealth[] = scheduler.snapshots().map((s) => s.health);
  const unreachable = new Set(
    lanes.filter((l) => l.status === 'down').map((l) => `${l.service}/${l.region}`),
  );
  const at = now();
  const build = { policy: input.policy, regions: input.regions, now: at, services, unreachable };
  const seen = buildResources(inventory, build);
  const incomplete = optionContext(inventory, build).incomplete;
  const downRegions = new Set(lanes.filter((l) => l.status === 'down').map((l) => l.region));
  const carried = carryOver(
    input.previous ?? null,
    seen,
    (r) => r.role === 'primary' && services.includes(r.service) && incomplete(r.service, r.region),
    downRegions,
  );
  const resources = carried.length > 0 ? [...seen, ...carried] : seen;
  const finished = new Date();
  return {
    scanId: input.scanId,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Math.round(performance.now() - startedMs),
    regions: { primary, secondary },
    incidentId: input.incidentId ?? null,
    services,
    resources,
    counts: countResources(resources),
    inventory: inventoryCounts(inventory, input.regions).filter((c) => services.includes(c.service)),
    regionHealth: regionHealth(lanes, input.regions),
    unknowns: inventory.unknowns,
    calls: scheduler.totals(),
    policy: { version: input.policy.version, lastReviewed: input.policy.lastReviewed },
  };
}
