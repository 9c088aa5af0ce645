import {
  drillServices,
  type DrillRecord,
  type DrillResource,
  type DrillServiceName,
  type DrillServiceProgress,
  type DrillSweep,
  type ServiceDrillResult,
} from '../api/calls/drill';
import type { AwsClients } from '../aws/clients';
import { allowKinds } from '../aws/guard';
import type { PollTiming } from '../recover/executor/backoff';
import { errorText } from '../validate/send';
import { cleanupResources } from './cleanup';
import { complianceMapping } from './compliance';
import type { DrillContext } from './drill-context';
import { quarterOf } from './drill-id';
import { dynamodbDrill } from './dynamodb-drill';
import { ec2Drill } from './ec2-drill';
import { rdsDrill } from './rds-drill';
import { s3Drill } from './s3-drill';
import { emptyOutcome, serviceResult, type ServiceTestOutcome } from './service-result';
import { findDrillLeftovers } from './sweep';
import { targetsOf } from './targets';

/** The policy of a drill's test phase: it may read and create, never delete. */
export const DRILL_TEST_POLICY = allowKinds(['read', 'create'], 'A drill test');
/** The policy of a drill's clean-up: it may read and delete what a drill created (`cleanup-own`), never create. */
export const DRILL_CLEANUP_POLICY = allowKinds(['read', 'cleanup-own'], 'Drill clean-up');

/** Everything one drill run needs. */
export interface RunDrillOptions {
  id: string;
  /** When the drill started (default: now). */
  startedAt?: string;
  services: readonly DrillServiceName[];
  targets: Partial<Record<DrillServiceName, string>>;
  /** The session's guarded clients (the drill narrows them per phase). */
  clients: AwsClients;
  regions: { primary: string; secondary: string };
  now(): Date;
  poll: PollTiming;
  signal?: AbortSignal;
  mode: 'LIVE' | 'TABLETOP';
  scenario: string | null;
  by: string | null;
  identity: string | null;
  rdsSubnetGroup?: string;
  networkSkip: string | null;
  /** Why a sweep must leave an earlier drill's resources alone (it may still be running), or null. */
  inFlight?: (drillId: string) => string | null;
  /** Called with every service's progress whenever one changes. */
  onProgress?: (services: DrillServiceProgress[]) => void;
}

const TESTS: Record<
  DrillServiceName,
  (ctx: DrillContext, target: string, outcome: ServiceTestOutcome) => Promise<void>
> = {
  s3: s3Drill,
  rds: rdsDrill,
  ec2: ec2Drill,
  dynamodb: dynamodbDrill,
};

/** Services in the drill's fixed order, each once (PURE). */
export function orderServices(services: readonly DrillServiceName[]): DrillServiceName[] {
  return drillServices.filter((s) => services.includes(s));
}

/** The drill's overall result (PURE): it passes only when every service's test passed. */
export function drillVerdict(services: readonly ServiceDrillResult[]): 'pass' | 'fail' {
  return services.length > 0 && services.every((s) => s.status === 'pass') ? 'pass' : 'fail';
}

/**
 * Run one drill: first remove what earlier drills left behind (tag-checked), then test each
 * service in parallel, each followed by the clean-up of exactly what it created. Never throws
 * for a service's failure: it is in the record.
 */
export async function runDrill(o: RunDrillOptions): Promise<Omit<DrillRecord, 'files'>> {
  const startedAt = o.startedAt ?? o.now().toISOString();
  const services = orderServices(o.services);
  const progress = new Map<DrillServiceName, DrillServiceProgress>(
    services.map((s) => [
      s,
      { service: s, status: 'pending', phase: 'waiting', message: 'Waiting to start.' },
    ]),
  );
  const emit = () => o.onProgress?.([...progress.values()].map((p) => ({ ...p })));
  const set = (service: DrillServiceName, patch: Partial<DrillServiceProgress>) => {
    const current = progress.get(service);
    if (current) progress.set(service, { ...current, ...patch });
    emit();
  };
  const testClients = o.clients.withPolicy(DRILL_TEST_POLICY);
  const cleanupClients = o.clients.withPolicy(DRILL_CLEANUP_POLICY);
  const createdBy = o.identity ?? 'dr-war-room';
  const cleanupCtx = { cleanupClients, poll: o.poll, ...(o.signal ? { signal: o.signal } : {}) };

  // 1. What earlier drills (killed midway, or whose clean-up failed) left behind.
  let sweep: DrillSweep = { cleanedUp: [], leftovers: [] };
  for (const s of services)
    set(s, {
      phase: 'clean-up of earlier drills',
      message: 'Looking for resources earlier drills left behind.',
    });
  try {
    const candidates = await findDrillLeftovers(cleanupClients, [o.regions.primary, o.regions.secondary]);
    sweep = await cleanupResources(cleanupCtx, candidates, {
      anyDrill: true,
      ...(o.inFlight ? { inFlight: o.inFlight } : {}),
    });
  } catch (error) {
    sweep.problems = [`the search for resources of earlier drills failed: ${errorText(error)}`];
  }

  // 2. Each service's test, then its own clean-up.
  const results = await Promise.all(
    services.map(async (service): Promise<ServiceDrillResult> => {
      const serviceStarted = o.now().toISOString();
      const created: DrillResource[] = [];
      const ctx: DrillContext = {
        id: o.id,
        clients: testClients,
        cleanupClients,
        regions: o.regions,
        now: o.now,
        poll: o.poll,
        ...(o.signal ? { signal: o.signal } : {}),
        createdBy,
        ...(o.rdsSubnetGroup ? { rdsSubnetGroup: o.rdsSubnetGroup } : {}),
        networkSkip: o.networkSkip,
        progress: (s, phase, message) => set(s, { status: 'running', phase, message }),
        created: (r) => created.push(r),
      };
      const outcome = emptyOutcome(o.targets[service] ?? '(none)', o.regions.secondary);
      set(service, { status: 'running', phase: 'choosing the target', message: 'Choosing what to test.' });
      try {
        const target =
          o.targets[service] ??
          (await targetsOf(service, testClients, o.regions.primary)).find((t) => t.suggested)?.id;
        if (!target)
          throw new Error(`No ${service} resource to drill in ${o.regions.primary}: name one as the target.`);
        outcome.target = target;
        await TESTS[service](ctx, target, outcome);
      } catch (error) {
        outcome.error = errorText(error);
      }
      set(service, { phase: 'cleaning up', message: `Removing ${created.length} test resource(s).` });
      const cleanup = await cleanupResources(cleanupCtx, created, { drillId: o.id }, (m) =>
        set(service, { message: m }),
      );
      const result = serviceResult(
        service,
        outcome,
        { created, ...cleanup },
        { startedAt: serviceStarted, finishedAt: o.now().toISOString() },
      );
      set(service, {
        status: result.status,
        phase: 'done',
        message:
          result.status === 'pass'
            ? 'Passed; test resources removed.'
            : (result.error ?? result.checks.find((c) => c.status === 'fail')?.evidence ?? 'Failed.'),
      });
      return result;
    }),
  );

  const finishedAt = o.now().toISOString();
  return {
    id: o.id,
    startedAt,
    finishedAt,
    quarter: quarterOf(startedAt),
    mode: o.mode,
    scenario: o.scenario,
    by: o.by,
    identity: o.identity,
    regions: o.regions,
    status: drillVerdict(results),
    services: results,
    sweep,
    compliance: complianceMapping(results),
  };
}
