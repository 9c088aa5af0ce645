import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CallName } from '../../../electron/core/api/contract';
import type { Core } from '../../../electron/core/app/core';
import type { RecoverableView, RecoveryPlan, ResourceSelection } from '../../../electron/core/recover/types';
import type { ValidationRun } from '../../../electron/core/validate/types';
import type { Simulator } from '../../../electron/simulator';
import type { DynamoState } from '../../../electron/simulator/services/dynamodb/model';
import { declareOutage, firstTargetsMapping, openTabletopSession } from '../../support/tabletop-session';

/** A tabletop core on a temporary data folder, with a finished recovery of the outage scenario. */
export interface Recovered {
  core: Core;
  sim: Simulator;
  dataDir: string;
  incidentId: string;
  plan: RecoveryPlan;
  call<T>(name: CallName, input: unknown): Promise<T>;
  validate(input?: Record<string, unknown>): Promise<ValidationRun>;
  close(): Promise<void>;
}

/** The resources every validation test recovers (one or more per service and strategy). */
export const SELECTED = ['acme-prod-customer-docs', 'customers-db', 'carts', 'sessions'];

/**
 * Declare an incident in the us-east-1 outage tabletop, plan the recovery of the selected
 * resources (and EC2 `orders-api` with its volume), confirm, and wait until it settles.
 */
export async function recovered(
  options: {
    probes?: string;
    names?: string[];
    sourceUp?: boolean;
    /** Choose the selection yourself (strategy, objects …) from the recoverable resources and the simulator. */
    select?: (view: RecoverableView, sim: Simulator) => ResourceSelection[];
  } = {},
): Promise<Recovered> {
  const session = await openTabletopSession({
    prefix: 'validate',
    before: async (dir) => {
      if (options.probes) await writeFile(path.join(dir, 'recovery-mapping.yaml'), options.probes);
    },
  });
  const { core, sim, dataDir, call } = session;
  // Ten minutes into the exercise: a table restored to the latest restorable time (now minus
  // PITR's 5-minute lag) then holds every item the scenario wrote before it started. Without
  // this, a restore in the first minutes legitimately misses the last writes (the data-loss
  // window), and validation rightly fails the item count.
  sim.clock.advance(10 * 60_000);
  // With the source region answering, the assessment sees every source and validation compares with it.
  if (options.sourceUp) sim.faults.regionUp('us-east-1');
  const incidentId = await declareOutage(call);
  const view = await call<RecoverableView>('recover.resources', { incidentId });
  const mapping = firstTargetsMapping(view);
  const wanted = options.names ?? SELECTED;
  const selection = options.select
    ? options.select(view, sim)
    : view.resources
        .filter(
          (r) =>
            wanted.some((w) => r.name === w || r.name.startsWith(`${w} (`)) &&
            r.options.some((o) => o.available),
        )
        .map((r) => ({ resourceId: r.id }));
  const plan = await call<RecoveryPlan>('recover.plan', { incidentId, selection, mapping });
  await call('recover.confirm', { incidentId, planId: plan.id, typed: incidentId });
  const run = await core.recover.settled(incidentId);
  if (run.status !== 'completed')
    throw new Error(
      `recovery ${run.status}: ${Object.values(run.actions)
        .filter((a) => a.state === 'failed')
        .map((a) => `${a.id} ${a.error?.message}`)
        .join('; ')}`,
    );
  return {
    core,
    sim,
    dataDir,
    incidentId,
    plan,
    call,
    validate: (input = {}) => call<ValidationRun>('validate.run', { incidentId, ...input }),
    close: session.close,
  };
}

/** One resource's validation by id (throws when absent). */
export function resourceOf(run: ValidationRun, resourceId: string): ValidationRun['resources'][number] {
  const r = run.resources.find((x) => x.resourceId === resourceId);
  if (!r)
    throw new Error(`${resourceId} not validated; got ${run.resources.map((x) => x.resourceId).join(', ')}`);
  return r;
}

/** A check of a resource by id (throws when absent). */
export function checkOf(
  run: ValidationRun,
  resourceId: string,
  checkId: string,
): ValidationRun['resources'][number]['checks'][number] {
  const c = resourceOf(run, resourceId).checks.find((x) => x.id === checkId);
  if (!c) throw new Error(`${resourceId} has no check ${checkId}`);
  return c;
}

/**
 * Leave the restored table `targetId` in us-west-2 as a DynamoDB restore leaves it (PITR off,
 * only the app's own tags) and return its simulator record.
 */
export function asRestoreLeftIt(sim: Simulator, targetId: string): DynamoState['tables'][string] {
  const record = sim.state<DynamoState>('dynamodb').tables[`us-west-2/${targetId}`];
  if (!record) throw new Error(`no table ${targetId} in us-west-2`);
  record.pitr = { enabled: false, recoveryPeriodDays: 35 };
  record.tags = record.tags.filter((t) => t.Key.startsWith('dr-war-room:'));
  return record;
}
