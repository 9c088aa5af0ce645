import { sanitizeTagValue, TAG_INCIDENT, TAG_SOURCE, createdByIncident } from '../../../aws/tags';
import { TargetConflictError, type ActionRunner } from '../runner-context';

interface Instance {
  InstanceId?: string;
  Placement?: { AvailabilityZone?: string };
  PrivateIpAddress?: string;
}

/** CopyImage with the plan's ClientToken: resending after a crash returns the same image. */
export const ec2CopyImage: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const answer = await ctx.send(call, String(call.params.Name));
  const imageId = answer.ImageId;
  if (typeof imageId !== 'string') throw new Error('CopyImage answered without an ImageId.');
  return { ImageId: imageId };
};

/** RunInstances with the plan's ClientToken (idempotent), one instance. */
export const ec2RunInstance: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const answer = await ctx.send(call, ctx.chain.targetName);
  const instance = ((answer.Instances as Instance[] | undefined) ?? [])[0];
  if (!instance?.InstanceId) throw new Error('RunInstances answered without an instance.');
  return {
    InstanceId: instance.InstanceId,
    ...(instance.Placement?.AvailabilityZone
      ? { AvailabilityZone: instance.Placement.AvailabilityZone }
      : {}),
    ...(instance.PrivateIpAddress ? { PrivateIpAddress: instance.PrivateIpAddress } : {}),
  };
};

interface Snapshot {
  SnapshotId?: string;
  State?: string;
  Tags?: Array<{ Key?: string; Value?: string }>;
}

/**
 * CopySnapshot has no ClientToken: after a restart, look for a snapshot this incident already
 * copied from the same source (by its tags) and adopt it instead of copying again.
 */
export const ec2CopySnapshot: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const source = sanitizeTagValue(ctx.chain.resource.arn);
  if (ctx.resuming || ctx.attempt > 0) {
    const answer = await ctx.lookup(
      'ec2',
      'DescribeSnapshots',
      {
        OwnerIds: ['self'],
        Filters: [
          { Name: `tag:${TAG_INCIDENT}`, Values: [sanitizeTagValue(ctx.incidentId)] },
          { Name: `tag:${TAG_SOURCE}`, Values: [source] },
        ],
      },
      ctx.chain.targetName,
    );
    const found = ((answer.Snapshots as Snapshot[] | undefined) ?? []).find(
      (s) =>
        s.State !== 'error' &&
        createdByIncident(s.Tags, ctx.incidentId) &&
        s.Tags?.some((t) => t.Key === TAG_SOURCE && t.Value === source),
    );
    if (found?.SnapshotId) return { SnapshotId: found.SnapshotId };
  }
  const answer = await ctx.send(call, ctx.chain.targetName);
  if (typeof answer.SnapshotId !== 'string') throw new Error('CopySnapshot answered without a SnapshotId.');
  return { SnapshotId: answer.SnapshotId };
};

/** CreateVolume with the plan's ClientToken, in the recovered instance's Availability Zone. */
export const ec2CreateVolume: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const answer = await ctx.send(call, ctx.chain.targetName);
  if (typeof answer.VolumeId !== 'string') throw new Error('CreateVolume answered without a VolumeId.');
  return {
    VolumeId: answer.VolumeId,
    ...(typeof answer.AvailabilityZone === 'string' ? { AvailabilityZone: answer.AvailabilityZone } : {}),
  };
};

interface Volume {
  VolumeId?: string;
  Attachments?: Array<{ InstanceId?: string; State?: string }>;
  Tags?: Array<{ Key?: string; Value?: string }>;
}

/** AttachVolume, unless the volume is already attached to that instance. */
export const ec2AttachVolume: ActionRunner = async (ctx) => {
  const call = ctx.calls[0]!;
  const volumeId = String(call.params.VolumeId);
  const instanceId = String(call.params.InstanceId);
  const answer = await ctx.lookup('ec2', 'DescribeVolumes', { VolumeIds: [volumeId] }, volumeId);
  const volume = ((answer.Volumes as Volume[] | undefined) ?? [])[0];
  if (!volume) throw new TargetConflictError(`The volume ${volumeId} is gone.`, volumeId);
  const attached = volume.Attachments?.find((a) => a.State !== 'detached' && a.State !== 'detaching');
  if (attached && attached.InstanceId !== instanceId) {
    throw new TargetConflictError(
      `The volume ${volumeId} is attached to ${attached.InstanceId}, not to ${instanceId}.`,
      volumeId,
    );
  }
  if (!attached) await ctx.send(call, volumeId);
  return { VolumeId: volumeId, InstanceId: instanceId };
};
