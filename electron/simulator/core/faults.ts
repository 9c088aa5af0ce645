import type { FaultState, OutageMode, RegionOutage, ThrottleRule } from './fault-state';
import { emptyFaultState, faultStateSchema } from './fault-state';
import type { Rng, SimErrorShape } from './plain-types';

/** What the router must do with one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'refused'; region: string }
  | { kind: 'timeout'; region: string }
  | { kind: 'error'; error: SimErrorShape };

/** Each protocol's throttling error (what AWS answers when a caller exceeds a rate). */
export const THROTTLING_ERRORS: Readonly<Record<string, Omit<SimErrorShape, 'message'>>> = {
  s3: { code: 'SlowDown', status: 503 },
  ec2: { code: 'RequestLimitExceeded', status: 503 },
  rds: { code: 'Throttling', status: 400 },
  sts: { code: 'Throttling', status: 400 },
  dynamodb: { code: 'ThrottlingException', status: 400 },
};

function outageMatches(outage: RegionOutage, region: string, service?: string): boolean {
  if (outage.region !== region) return false;
  if (!outage.services || outage.services.length === 0) return true;
  return service !== undefined && outage.services.includes(service);
}

function throttleMatches(rule: ThrottleRule, region: string, service: string): boolean {
  return (
    (rule.region === undefined || rule.region === region) &&
    (rule.service === undefined || rule.service === service)
  );
}

/**
 * Decide, from the faults in force, what happens to a request for a service in a region.
 * Pure apart from drawing from `rng` when a throttling rule applies.
 */
export function decideFault(state: FaultState, region: string, service: string, rng: Rng): FaultDecision {
  const outage = state.regionOutages.find((o) => outageMatches(o, region, service));
  if (outage) {
    if (outage.mode === 'refused') return { kind: 'refused', region };
    if (outage.mode === 'timeout') return { kind: 'timeout', region };
    return {
      kind: 'error',
      error: {
        code: 'ServiceUnavailable',
        message: `Service unavailable: ${service} in ${region} is failing (simulated regional outage).`,
        status: 503,
        type: 'Receiver',
      },
    };
  }
  const rate = state.throttling
    .filter((r) => throttleMatches(r, region, service))
    .reduce((m, r) => Math.max(m, r.rate), 0);
  if (rate > 0 && rng.next() < rate) {
    const shape = THROTTLING_ERRORS[service] ?? { code: 'ThrottlingException', status: 400 };
    return { kind: 'error', error: { ...shape, message: 'Rate exceeded', type: 'Sender' } };
  }
  return { kind: 'none' };
}

/**
 * The facilitator's fault switches (`sim.faults`): every change takes effect on the next
 * request, and the whole set is saved with the simulator.
 */
export class FaultController {
  private state: FaultState;

  constructor(initial?: FaultState) {
    this.state = initial ? faultStateSchema.parse(structuredClone(initial)) : emptyFaultState();
  }

  /** Make a region's APIs fail (all services, or only the listed ones); replaces an earlier outage of that region. */
  regionDown(region: string, mode: OutageMode = 'refused', services?: string[]): void {
    this.state.regionOutages = this.state.regionOutages.filter((o) => o.region !== region);
    this.state.regionOutages.push({ region, mode, ...(services && services.length > 0 ? { services } : {}) });
  }

  /** End a region's outage. */
  regionUp(region: string): void {
    this.state.regionOutages = this.state.regionOutages.filter((o) => o.region !== region);
  }

  /** Throttle a fraction (0..1) of requests, optionally of one region and/or service; rate 0 removes the rule. */
  throttle(rate: number, scope: { region?: string; service?: string } = {}): void {
    if (!Number.isFinite(rate) || rate < 0 || rate > 1)
      throw new Error(`Throttle rate must be between 0 and 1, got ${rate}`);
    this.state.throttling = this.state.throttling.filter(
      (r) => r.region !== scope.region || r.service !== scope.service,
    );
    if (rate > 0) this.state.throttling.push({ ...scope, rate });
  }

  /** Make the restore whose target has this name (or id) fail. */
  failRestore(targetName: string): void {
    if (!this.state.failingRestores.includes(targetName)) this.state.failingRestores.push(targetName);
  }

  /** Let that restore succeed again. */
  clearRestoreFailure(targetName: string): void {
    this.state.failingRestores = this.state.failingRestores.filter((n) => n !== targetName);
  }

  /** Set a quota (e.g. `ec2.concurrentSnapshotCopies`). */
  setQuota(key: string, value: number): void {
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`Quota ${key} must be a non-negative integer, got ${value}`);
    this.state.quotas[key] = value;
  }

  /** Set extra S3 replication lag (ms) from one region to another; 0 removes it. */
  setReplicationLag(sourceRegion: string, destinationRegion: string, lagMs: number): void {
    if (!Number.isInteger(lagMs) || lagMs < 0)
      throw new Error(`Replication lag must be a non-negative integer of ms, got ${lagMs}`);
    this.state.replicationLag = this.state.replicationLag.filter(
      (l) => l.sourceRegion !== sourceRegion || l.destinationRegion !== destinationRegion,
    );
    if (lagMs > 0) this.state.replicationLag.push({ sourceRegion, destinationRegion, lagMs });
  }

  /** Remove every fault (quotas included). */
  clear(): void {
    this.state = emptyFaultState();
  }

  /** Replace every fault with a saved or scenario set. */
  load(state: FaultState): void {
    this.state = faultStateSchema.parse(structuredClone(state));
  }

  /** A copy of the faults in force (plain JSON). */
  save(): FaultState {
    return structuredClone(this.state);
  }

  /** What happens to a request for `service` in `region`. */
  decide(region: string, service: string, rng: Rng): FaultDecision {
    return decideFault(this.state, region, service, rng);
  }

  /** The configured quota, or the fallback. */
  quota(key: string, fallback: number): number {
    return this.state.quotas[key] ?? fallback;
  }

  /** True when the facilitator made this target's restore fail. */
  restoreShouldFail(targetName: string): boolean {
    return this.state.failingRestores.includes(targetName);
  }

  /** Extra replication lag (ms) between two regions. */
  replicationLagMs(sourceRegion: string, destinationRegion: string): number {
    return (
      this.state.replicationLag.find(
        (l) => l.sourceRegion === sourceRegion && l.destinationRegion === destinationRegion,
      )?.lagMs ?? 0
    );
  }

  /** True unless an outage covers this region (and service, when given). */
  regionAvailable(region: string, service?: string): boolean {
    return !this.state.regionOutages.some((o) => outageMatches(o, region, service));
  }
}
