import {
  AttachVolumeRequest$,
  CreateTagsRequest$,
  CreateVolumeRequest$,
  DeleteVolumeRequest$,
  Volume$,
  VolumeAttachment$,
  type AttachVolumeRequest,
  type CreateTagsRequest,
  type CreateVolumeRequest,
  type DeleteVolumeRequest,
  type Volume,
  type VolumeAttachment,
} from '@aws-sdk/client-ec2';
import { simError } from '../../../protocol/errors';
import { buildPhases } from '../../../protocol/lifecycle';
import { defineOperation, requireQueryParams, type SchemaOperation } from '../../../protocol/query-dispatch';
import {
  getImage,
  getInstance,
  getSnapshot,
  getVolume,
  mergeEc2Tags,
  restoreTargetFails,
  tagsFor,
} from '../lookup';
import { ec2Id, type Ec2State, type Ec2Tag } from '../model';
import { instanceState, snapshotState, volumeState } from '../status';
import { volumeView } from '../views';

/**
 * CreateVolume: in an AZ of the region, optionally from a completed snapshot; `creating` for 1–3
 * simulated minutes, then `available`, or `error` when a failing-restore fault names the volume
 * (its id or `Name` tag).
 */
export const createVolume = defineOperation<CreateVolumeRequest, Volume, Ec2State>({
  input: CreateVolumeRequest$,
  output: Volume$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['AvailabilityZone'], 'ec2');
    const now = ctx.clock.now();
    const zone = state.zones[input.AvailabilityZone as string];
    if (!zone || zone.region !== region) {
      throw simError('InvalidParameterValue', `Invalid availability zone: [${input.AvailabilityZone}]`);
    }
    const snapshot = input.SnapshotId ? getSnapshot(state, region, input.SnapshotId) : undefined;
    if (snapshot && snapshotState(snapshot, now) !== 'completed') {
      throw simError(
        'IncorrectState',
        `Snapshot '${snapshot.id}' is not 'completed'; it is '${snapshotState(snapshot, now)}'.`,
      );
    }
    const size = input.Size ?? snapshot?.volumeSize;
    if (size === undefined)
      throw simError('MissingParameter', 'The request must contain the parameter size/snapshot');
    if (snapshot && size < snapshot.volumeSize) {
      throw simError(
        'InvalidParameterValue',
        `Volume of ${size}GiB is too small; minimum is ${snapshot.volumeSize}GiB.`,
      );
    }
    const encrypted = (input.Encrypted ?? false) || (snapshot?.encrypted ?? false);
    const id = ec2Id('vol', ctx.rng.hex);
    const tags = tagsFor(input.TagSpecifications, 'volume');
    state.volumes[id] = {
      id,
      region,
      availabilityZone: zone.name,
      size,
      volumeType: input.VolumeType ?? 'gp2',
      ...(input.Iops ? { iops: input.Iops } : {}),
      ...(snapshot ? { snapshotId: snapshot.id } : {}),
      encrypted,
      ...(encrypted
        ? {
            kmsKeyId:
              input.KmsKeyId ?? snapshot?.kmsKeyId ?? `arn:aws:kms:${region}:${ctx.accountId}:alias/aws/ebs`,
          }
        : {}),
      createdAt: now.toISOString(),
      phases: buildPhases(
        now,
        [['creating', ctx.rng.int(1, 3)]],
        restoreTargetFails(ctx, id, tags) ? 'error' : 'available',
      ),
      attachments: [],
      tags,
    };
    return volumeView(state.volumes[id], now);
  },
});

/** AttachVolume: the volume must be `available` and in the instance's Availability Zone (`InvalidVolume.ZoneMismatch`). */
export const attachVolume = defineOperation<AttachVolumeRequest, VolumeAttachment, Ec2State>({
  input: AttachVolumeRequest$,
  output: VolumeAttachment$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['Device', 'InstanceId', 'VolumeId'], 'ec2');
    const now = ctx.clock.now();
    const volume = getVolume(state, region, input.VolumeId as string, now);
    const instance = getInstance(state, region, input.InstanceId as string, now);
    const instanceNow = instanceState(instance, now);
    if (instanceNow !== 'running' && instanceNow !== 'stopped') {
      throw simError(
        'IncorrectInstanceState',
        `The instance '${instance.id}' is not in the 'running' or 'stopped' states.`,
      );
    }
    if (volume.availabilityZone !== instance.availabilityZone) {
      throw simError(
        'InvalidVolume.ZoneMismatch',
        `The volume '${volume.id}' is not in the same availability zone as instance '${instance.id}'`,
      );
    }
    const volumeNow = volumeState(volume, now);
    if (volumeNow !== 'available') {
      throw simError('IncorrectState', `vol '${volume.id}' is not 'available'; it is '${volumeNow}'.`);
    }
    const device = input.Device as string;
    if (instance.devices.some((d) => d.deviceName === device)) {
      throw simError(
        'InvalidParameterValue',
        `Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`,
      );
    }
    volume.attachments.push({
      instanceId: instance.id,
      device,
      attachedAt: now.toISOString(),
      deleteOnTermination: false,
    });
    instance.devices.push({ deviceName: device, volumeId: volume.id });
    return {
      AttachTime: now,
      Device: device,
      InstanceId: instance.id,
      State: 'attaching',
      VolumeId: volume.id,
      DeleteOnTermination: false,
    };
  },
});

/** DeleteVolume: only an `available` (detached) volume (`VolumeInUse` otherwise). */
export const deleteVolume = defineOperation<DeleteVolumeRequest, undefined, Ec2State>({
  input: DeleteVolumeRequest$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['VolumeId'], 'ec2');
    const now = ctx.clock.now();
    const volume = getVolume(state, region, input.VolumeId as string, now);
    const attached = volume.attachments[0];
    if (attached)
      throw simError('VolumeInUse', `Volume ${volume.id} is currently attached to ${attached.instanceId}`);
    volume.deleted = true;
    return undefined;
  },
});

/** CreateTags: add or overwrite tags on instances, images, volumes, snapshots, subnets and security groups. */
export const createTags = defineOperation<CreateTagsRequest, undefined, Ec2State>({
  input: CreateTagsRequest$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['Resources', 'Tags'], 'ec2');
    const now = ctx.clock.now();
    const targets: Ec2Tag[][] = (input.Resources ?? []).map((id) => {
      if (id.startsWith('i-')) return getInstance(state, region, id, now).tags;
      if (id.startsWith('ami-')) return getImage(state, region, id, now).tags;
      if (id.startsWith('vol-')) return getVolume(state, region, id, now).tags;
      if (id.startsWith('snap-')) return getSnapshot(state, region, id).tags;
      const subnet = state.subnets[id];
      if (subnet?.region === region) return subnet.tags;
      const group = state.securityGroups[id];
      if (group?.region === region) return group.tags;
      throw simError('InvalidID', `The ID '${id}' is not valid`);
    });
    for (const tags of targets) mergeEc2Tags(tags, input.Tags ?? []);
    return undefined;
  },
});

/** The EC2 volume and tagging operations, by action name. */
export const ec2VolumeOperations: Record<string, SchemaOperation<Ec2State>> = {
  CreateVolume: createVolume,
  AttachVolume: attachVolume,
  DeleteVolume: deleteVolume,
  CreateTags: createTags,
};
