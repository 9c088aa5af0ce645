import {
  DeleteTableCommand,
  DescribeTableCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteVolumeCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DeleteDBInstanceCommand, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { DeleteObjectCommand, GetObjectTaggingCommand } from '@aws-sdk/client-s3';
import type { DrillLeftover, DrillResource, DrillSweep } from '../api/calls/drill';
import type { AwsClients } from '../aws/clients';
import type { PollTiming } from '../recover/executor/backoff';
import { errorText, isNotFound } from '../validate/send';
import { waitFor } from './drill-context';
import { leftover } from './leftovers';
import { decideCleanup, type Described, type Owner } from './ownership';

/** What clean-up needs: clients limited to reads and `cleanup-own` deletes, and poll timing. */
export interface CleanupContext {
  cleanupClients: AwsClients;
  poll: PollTiming;
  signal?: AbortSignal;
}

/** Clean-up waits (a volume to detach, a restore to finish) at most this long. */
export const CLEANUP_WAIT_MS = 45 * 60_000;

/** The order clean-up removes kinds in: instances before their volumes. */
const ORDER: readonly DrillResource['kind'][] = [
  'ec2-instance',
  'ebs-volume',
  'rds-instance',
  'dynamodb-table',
  's3-object-version',
];

/** States in which a resource is already going away. */
const GOING = new Set(['deleting', 'deleted', 'terminated', 'shutting-down', 'DELETING']);

function notFoundToo(error: unknown): boolean {
  return (
    isNotFound(error) ||
    /NoSuchVersion|InvalidVersionId|InvalidInstanceID\.NotFound|InvalidVolume\.NotFound|DBInstanceNotFound/.test(
      errorText(error),
    )
  );
}

/** Describe a resource and read its tags: the look before any delete. */
export async function describeResource(clients: AwsClients, r: DrillResource): Promise<Described> {
  try {
    switch (r.kind) {
      case 'rds-instance': {
        const i = (
          await clients.rds(r.region).send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: r.id }))
        ).DBInstances?.[0];
        return i
          ? { exists: true, tags: i.TagList ?? [], state: i.DBInstanceStatus ?? 'unknown' }
          : { exists: false };
      }
      case 'ec2-instance': {
        const i = (await clients.ec2(r.region).send(new DescribeInstancesCommand({ InstanceIds: [r.id] })))
          .Reservations?.[0]?.Instances?.[0];
        return i
          ? { exists: true, tags: i.Tags ?? [], state: i.State?.Name ?? 'unknown' }
          : { exists: false };
      }
      case 'ebs-volume': {
        const v = (await clients.ec2(r.region).send(new DescribeVolumesCommand({ VolumeIds: [r.id] })))
          .Volumes?.[0];
        return v ? { exists: true, tags: v.Tags ?? [], state: v.State ?? 'unknown' } : { exists: false };
      }
      case 'dynamodb-table': {
        const ddb = clients.dynamodb(r.region);
        const t = (await ddb.send(new DescribeTableCommand({ TableName: r.id }))).Table;
        if (!t?.TableArn) return { exists: false };
        const tags = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: t.TableArn }));
        return { exists: true, tags: tags.Tags ?? [], state: t.TableStatus ?? 'unknown' };
      }
      case 's3-object-version': {
        const t = await clients
          .s3(r.region)
          .send(new GetObjectTaggingCommand({ Bucket: r.bucket, Key: r.key, VersionId: r.id }));
        return { exists: true, tags: t.TagSet ?? [], state: 'stored' };
      }
    }
  } catch (error) {
    if (notFoundToo(error)) return { exists: false };
    throw error;
  }
}

async function waitUntil(
  ctx: CleanupContext,
  clients: AwsClients,
  r: DrillResource,
  what: string,
  ready: (state: string) => boolean,
): Promise<void> {
  await waitFor(
    {
      poll: { ...ctx.poll, timeoutMs: Math.min(ctx.poll.timeoutMs, CLEANUP_WAIT_MS) },
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    },
    what,
    async () => {
      const d = await describeResource(clients, r);
      if (!d.exists) return { done: true, value: undefined };
      return ready(d.state) ? { done: true, value: undefined } : { done: false, state: d.state };
    },
  );
}

/** Delete one resource already proved to be the drill's (waiting first where AWS refuses a delete mid-change). */
async function deleteResource(ctx: CleanupContext, r: DrillResource, state: string): Promise<void> {
  const clients = ctx.cleanupClients;
  switch (r.kind) {
    case 'ec2-instance':
      await clients.ec2(r.region).send(new TerminateInstancesCommand({ InstanceIds: [r.id] }));
      return;
    case 'ebs-volume':
      if (state !== 'available') {
        await waitUntil(ctx, clients, r, `${r.id} to detach`, (s) => s === 'available' || GOING.has(s));
        const again = await describeResource(clients, r);
        // A root volume goes with its terminated instance (DeleteOnTermination).
        if (!again.exists || GOING.has(again.state)) return;
      }
      await clients.ec2(r.region).send(new DeleteVolumeCommand({ VolumeId: r.id }));
      return;
    case 'rds-instance':
      if (state === 'creating' || state === 'modifying' || state === 'backing-up' || state === 'rebooting')
        await waitUntil(
          ctx,
          clients,
          r,
          `${r.id} to finish ${state}`,
          (s) => !['creating', 'modifying', 'backing-up', 'rebooting'].includes(s),
        );
      await clients.rds(r.region).send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: r.id,
          SkipFinalSnapshot: true,
          DeleteAutomatedBackups: true,
        }),
      );
      return;
    case 'dynamodb-table':
      if (state === 'CREATING' || state === 'UPDATING')
        await waitUntil(
          ctx,
          clients,
          r,
          `${r.id} to finish ${state}`,
          (s) => s !== 'CREATING' && s !== 'UPDATING',
        );
      await clients.dynamodb(r.region).send(new DeleteTableCommand({ TableName: r.id }));
      return;
    case 's3-object-version':
      await clients
        .s3(r.region)
        .send(new DeleteObjectCommand({ Bucket: r.bucket, Key: r.key, VersionId: r.id }));
      return;
  }
}

/**
 * Remove resources a drill created: each one is described first and deleted only when its
 * `dr-war-room:incident` tag names the owner drill (or, in a sweep, any drill). Whatever cannot
 * be removed, or proved to be a drill's, is returned as a leftover with its cost risk and the
 * command that removes it. Never throws for one resource: the others are still cleaned.
 */
export async function cleanupResources(
  ctx: CleanupContext,
  resources: readonly DrillResource[],
  owner: Owner,
  onStep: (message: string) => void = () => undefined,
): Promise<DrillSweep> {
  const cleanedUp: DrillResource[] = [];
  const leftovers: DrillLeftover[] = [];
  const sorted = [...resources].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  for (const r of sorted) {
    try {
      const described = await describeResource(ctx.cleanupClients, r);
      const decision = decideCleanup(described, owner);
      if (decision.action === 'gone') {
        cleanedUp.push(r);
        continue;
      }
      if (decision.action === 'refuse') {
        leftovers.push(leftover(r, decision.reason));
        continue;
      }
      if (described.exists && GOING.has(described.state)) {
        // Already going away: the drill's own clean-up counts it; a sweep does not report it again.
        if ('drillId' in owner) cleanedUp.push({ ...r, drillId: decision.drillId });
        continue;
      }
      onStep(`Removing ${r.kind} ${r.id} (tag ${decision.drillId} checked).`);
      await deleteResource(ctx, r, described.exists ? described.state : 'gone');
      cleanedUp.push({ ...r, drillId: decision.drillId });
    } catch (error) {
      leftovers.push(leftover(r, `removing it failed: ${errorText(error)}`));
    }
  }
  return { cleanedUp, leftovers };
}
