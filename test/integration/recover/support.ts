import { DescribeDBInstanceAutomatedBackupsCommand } from '@aws-sdk/client-rds';
import { createAwsClients, type AwsClients } from '../../../electron/core/aws';
import { RECOVER_ENTRY, type RunEntry } from '../../../electron/core/recover/entry-types';
import { RecoveryExecutor, type RunJournal } from '../../../electron/core/recover/executor/executor';
import { buildPlan } from '../../../electron/core/recover/planner';
import { emptyRun, reduceRun } from '../../../electron/core/recover/run-reducer';
import type {
  RecoverableResource,
  RecoveryMapping,
  RecoveryPlan,
  RecoveryRun,
  ResourceSelection,
  TargetFacts,
} from '../../../electron/core/recover/types';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { recoverScenario, ACCOUNT, WEST_KEY } from '../../fixtures/recover/scenario';

export { ACCOUNT, WEST_KEY };

/** The incident every test recovers for. */
export const INCIDENT = 'DR-20261126-01';
/** The regions of the test procedure. */
export const REGIONS = { primary: 'us-east-1', secondary: 'us-west-2' } as const;

/** The mapping the tests use (targets that exist in the scenario's us-west-2). */
export const MAPPING: RecoveryMapping = {
  defaults: {
    rds: { subnetGroup: 'dr-db', securityGroupIds: ['sg-0f200000'], kmsKeyId: WEST_KEY },
    ec2: {
      subnetId: 'subnet-0f2a0000',
      securityGroupIds: ['sg-0f200000'],
      instanceType: 'm6i.large',
      kmsKeyId: WEST_KEY,
    },
  },
  resources: {},
};

/** `MAPPING` with the EC2 default placed in us-west-2a, where the copied volumes are created. */
export const VOLUME_MAPPING: RecoveryMapping = {
  ...MAPPING,
  defaults: { ...MAPPING.defaults, ec2: { ...MAPPING.defaults.ec2, availabilityZone: 'us-west-2a' } },
};

/** An in-memory journal: the entries, in order. */
export class MemoryJournal implements RunJournal {
  readonly entries: RunEntry[] = [];
  constructor(private readonly now: () => Date = () => new Date()) {}
  async append(type: string, data: Record<string, unknown>): Promise<RunEntry> {
    const entry: RunEntry = {
      seq: this.entries.length + 1,
      time: this.now().toISOString(),
      type,
      data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
    };
    this.entries.push(entry);
    return entry;
  }
  /** Entries of one type. */
  ofType(type: string): RunEntry[] {
    return this.entries.filter((e) => e.type === type);
  }
}

/** A simulator of the recovery scenario whose clock moves `minutesPerRequest` on every answered request. */
export async function startSim(
  options: {
    minutesPerRequest?: number;
    latencyMs?: number;
    mutate?: (s: Record<string, unknown>) => void;
  } = {},
): Promise<{ sim: Simulator; clients: AwsClients; requests: () => number; operations: string[] }> {
  const scenario = recoverScenario();
  options.mutate?.(scenario);
  const sim = await createSimulator({
    scenarioData: scenario,
    realNow: () => 0,
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
  });
  let count = 0;
  const operations: string[] = [];
  const minutes = options.minutesPerRequest ?? 1;
  sim.onRequest((record) => {
    count += 1;
    operations.push(`${record.service}:${record.region}:${record.mutating ? 'write' : 'read'}`);
    if (minutes > 0) sim.clock.advance(minutes * 60_000);
  });
  const clients = createAwsClients({
    mode: 'TABLETOP',
    simulator: sim.requestHandler,
    tuning: { maxAttempts: 3 },
  });
  return { sim, clients, requests: () => count, operations };
}

/** The replicated-backup window of an instance, read from the simulator (what the assessment would report). */
export async function rdsWindow(
  clients: AwsClients,
  id: string,
): Promise<{ arn: string; earliest: string; latest: string }> {
  const answer = await clients.rds(REGIONS.secondary).send(new DescribeDBInstanceAutomatedBackupsCommand({}));
  const backup = answer.DBInstanceAutomatedBackups?.find((b) => b.DBInstanceIdentifier === id);
  if (
    !backup?.DBInstanceAutomatedBackupsArn ||
    !backup.RestoreWindow?.EarliestTime ||
    !backup.RestoreWindow.LatestTime
  ) {
    throw new Error(`no replicated backups of ${id} in the scenario`);
  }
  return {
    arn: backup.DBInstanceAutomatedBackupsArn,
    earliest: backup.RestoreWindow.EarliestTime.toISOString(),
    latest: backup.RestoreWindow.LatestTime.toISOString(),
  };
}

/** Facts that say every mapped target exists and no name is taken. */
export const OPEN_FACTS: TargetFacts = {
  existing: {},
  subnetGroups: ['dr-db'],
  subnets: [{ id: 'subnet-0f2a0000', availabilityZone: 'us-west-2a' }],
  securityGroups: ['sg-0f200000'],
  checked: true,
};

/** Build a plan for the resources and selection. */
export function plan(
  resources: RecoverableResource[],
  selection: ResourceSelection[],
  extra: { facts?: TargetFacts; mapping?: RecoveryMapping; now?: Date } = {},
): RecoveryPlan {
  return buildPlan({
    resources,
    selection,
    mapping: extra.mapping ?? MAPPING,
    options: {
      incidentId: INCIDENT,
      regions: REGIONS,
      reapply: { pitr: true, ttl: true, tags: true },
      createdBy: 'dr-war-room',
    },
    facts: extra.facts ?? OPEN_FACTS,
    now: extra.now ?? new Date('2026-11-26T04:00:00Z'),
  });
}

/** Journal a plan and its confirmation; return the folded run. */
export async function confirmed(journal: MemoryJournal, p: RecoveryPlan): Promise<RecoveryRun> {
  let run = emptyRun();
  run = reduceRun(run, await journal.append(RECOVER_ENTRY.planCreated, { planId: p.id, plan: p }));
  run = reduceRun(run, await journal.append(RECOVER_ENTRY.confirmed, { planId: p.id, by: 'test' }));
  return run;
}

/** Fast polling for tests (the simulated clock moves on every request). */
export const FAST_POLL = { initialMs: 1, factor: 1.5, maxMs: 5, timeoutMs: 60_000 };

/** Run a plan to the end with an executor; returns the final run. */
export async function execute(
  clients: AwsClients,
  p: RecoveryPlan,
  journal = new MemoryJournal(),
): Promise<{ run: RecoveryRun; journal: MemoryJournal; executor: RecoveryExecutor }> {
  const executor = new RecoveryExecutor({
    clients,
    journal,
    incidentId: INCIDENT,
    actor: 'test',
    run: await confirmed(journal, p),
    poll: FAST_POLL,
  });
  const run = await executor.start();
  return { run, journal, executor };
}
