import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  DescribeDBSubnetGroupsCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
  type DBSnapshot,
} from '@aws-sdk/client-rds';
import { appTags } from '../aws/tags';
import { check } from '../validate/compare';
import { endpointChecks } from '../validate/check-rds';
import { DEFAULT_VALIDATION_OPTIONS } from '../validate/types';
import { isNotFound } from '../validate/send';
import type { DrillContext } from './drill-context';
import { minutesSince, waitFor } from './drill-context';
import { drillResourceName } from './drill-id';
import type { ServiceTestOutcome } from './service-result';

/** Subnet group names that say "isolated, for tests" (the drill's default choice). */
export const ISOLATED_GROUP = /drill|isolated|test|sandbox/i;

/** The newest available snapshot of an instance (PURE), or undefined. */
export function newestSnapshot(snapshots: readonly DBSnapshot[], instanceId: string): DBSnapshot | undefined {
  return snapshots
    .filter((s) => s.DBInstanceIdentifier === instanceId && s.Status === 'available' && s.SnapshotCreateTime)
    .sort((a, b) => (b.SnapshotCreateTime?.getTime() ?? 0) - (a.SnapshotCreateTime?.getTime() ?? 0))[0];
}

/** The subnet group to restore into (PURE): the chosen one, else an isolated-looking one, else none. */
export function chooseSubnetGroup(
  names: readonly string[],
  chosen: string | undefined,
): { name: string; isolated: boolean } | null {
  if (chosen) return names.includes(chosen) ? { name: chosen, isolated: true } : null;
  const isolated = names.find((n) => ISOLATED_GROUP.test(n));
  if (isolated) return { name: isolated, isolated: true };
  return names[0] ? { name: names[0], isolated: false } : null;
}

const DONE = new Set([
  'available',
  'failed',
  'incompatible-restore',
  'incompatible-parameters',
  'storage-full',
  'inaccessible-encryption-credentials',
]);

/**
 * The RDS drill: restore a test instance from the newest snapshot of the source in the
 * secondary region (or, without one, to the latest restorable time of its replicated automated
 * backups) into an isolated subnet group, not publicly accessible, tagged with the drill id;
 * check it becomes available with an endpoint (and reachable where configured).
 */
export async function rdsDrill(
  ctx: DrillContext,
  source: string,
  outcome: ServiceTestOutcome,
): Promise<void> {
  const say = (phase: string, message: string) => ctx.progress('rds', phase, message);
  const region = ctx.regions.secondary;
  outcome.region = region;
  const rds = ctx.clients.rds(region);
  say('finding the recovery point', `Looking for backups of ${source} in ${region}.`);
  const snaps = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: source }));
  const snapshot = newestSnapshot(snaps.DBSnapshots ?? [], source);
  const backups = snapshot
    ? []
    : (
        (await rds.send(new DescribeDBInstanceAutomatedBackupsCommand({ DBInstanceIdentifier: source })))
          .DBInstanceAutomatedBackups ?? []
      ).filter((b) => b.RestoreWindow?.LatestTime && b.DBInstanceAutomatedBackupsArn);
  const backup = backups[0];
  if (!snapshot && !backup) {
    outcome.checks.push(
      check(
        'recovery-point',
        'A backup exists in the restore region',
        'fail',
        `No available snapshot of ${source} and no replicated automated backups in ${region}.`,
        {
          fix: `Copy snapshots of ${source} to ${region} (or turn on automated backup replication), then run the drill again.`,
          requestIds: [snaps.$metadata.requestId],
        },
      ),
    );
    return;
  }
  const pointTime = snapshot ? snapshot.SnapshotCreateTime! : backup!.RestoreWindow!.LatestTime!;
  outcome.recoveryPoint = snapshot
    ? { kind: 'snapshot', id: snapshot.DBSnapshotIdentifier ?? '?', time: pointTime.toISOString() }
    : { kind: 'point-in-time', id: backup!.DBInstanceAutomatedBackupsArn!, time: pointTime.toISOString() };
  outcome.checks.push(
    check(
      'recovery-point',
      'A backup exists in the restore region',
      'pass',
      snapshot
        ? `newest snapshot ${snapshot.DBSnapshotIdentifier} taken ${pointTime.toISOString()}.`
        : `replicated automated backups, latest restorable time ${pointTime.toISOString()}.`,
    ),
  );

  const groups = await rds.send(new DescribeDBSubnetGroupsCommand({}));
  const group = chooseSubnetGroup(
    (groups.DBSubnetGroups ?? []).map((g) => g.DBSubnetGroupName ?? '').filter((n) => n !== ''),
    ctx.rdsSubnetGroup,
  );
  if (!group) {
    outcome.checks.push(
      check(
        'isolated',
        'Restored into an isolated subnet group',
        'fail',
        ctx.rdsSubnetGroup
          ? `Subnet group "${ctx.rdsSubnetGroup}" does not exist in ${region}.`
          : `No DB subnet group in ${region}.`,
        {
          fix: `Create an isolated DB subnet group in ${region} (e.g. "dr-drill") and choose it for drills.`,
        },
      ),
    );
    return;
  }
  outcome.checks.push(
    check(
      'isolated',
      'Restored into an isolated subnet group',
      group.isolated ? 'pass' : 'warn',
      `subnet group ${group.name}, not publicly accessible.`,
      {
        fix: `Create an isolated DB subnet group in ${region} whose name says so (e.g. "dr-drill"), or choose one for drills.`,
      },
    ),
  );

  const name = drillResourceName(ctx.id, 'rds');
  const tags = [
    ...appTags({ incident: ctx.id, source, createdBy: ctx.createdBy }),
    { Key: 'Name', Value: name },
  ];
  say('restoring', `Restoring ${name} from ${outcome.recoveryPoint.id} into ${group.name}.`);
  const started = ctx.now();
  outcome.rpoMinutes = minutesSince(pointTime, started);
  const common = {
    DBSubnetGroupName: group.name,
    PubliclyAccessible: false,
    MultiAZ: false,
    DeletionProtection: false,
    Tags: tags,
  };
  const restore = snapshot
    ? await rds.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: name,
          DBSnapshotIdentifier: snapshot.DBSnapshotIdentifier,
          ...common,
        }),
      )
    : await rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          TargetDBInstanceIdentifier: name,
          SourceDBInstanceAutomatedBackupsArn: backup!.DBInstanceAutomatedBackupsArn,
          UseLatestRestorableTime: true,
          ...common,
        }),
      );
  ctx.created({ kind: 'rds-instance', region, id: name, drillId: ctx.id });

  const instance = await waitFor(
    ctx,
    `${name} to become available`,
    async () => {
      try {
        const d = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: name }));
        const i = d.DBInstances?.[0];
        const status = i?.DBInstanceStatus ?? 'unknown';
        return DONE.has(status) && i ? { done: true, value: i } : { done: false, state: status };
      } catch (error) {
        if (isNotFound(error)) return { done: true, value: null };
        throw error;
      }
    },
    (state) => say('waiting for available', `${name} is ${state}.`),
  );
  outcome.rtoMinutes = minutesSince(started, ctx.now());
  const status = instance?.DBInstanceStatus ?? 'gone';
  outcome.checks.push(
    check(
      'available',
      'The test instance became available',
      status === 'available' ? 'pass' : 'fail',
      `${name} is ${status} after ${outcome.rtoMinutes} min (restore request ${restore.$metadata.requestId ?? '?'}).`,
      {
        fix: 'Read the RDS events of the instance for the cause (KMS key, capacity, snapshot state), fix it, and run the drill again.',
        requestIds: [restore.$metadata.requestId],
      },
    ),
  );
  if (!instance || status !== 'available') return;
  outcome.checks.push(
    check(
      'not-public',
      'The test instance is not publicly accessible',
      instance.PubliclyAccessible ? 'fail' : 'pass',
      `PubliclyAccessible=${String(instance.PubliclyAccessible ?? false)}.`,
      { fix: 'Delete the test instance now: it is reachable from the internet.' },
    ),
  );
  say('verifying', `Checking the endpoint of ${name}.`);
  const checkCtx = {
    clients: ctx.clients,
    sourceClients: ctx.clients,
    options: DEFAULT_VALIDATION_OPTIONS,
    networkSkip: ctx.networkSkip,
  };
  outcome.checks.push(
    ...(await endpointChecks(
      checkCtx,
      instance.Endpoint?.Address,
      instance.Endpoint?.Port,
      'Test DB instance',
    )),
  );
}
