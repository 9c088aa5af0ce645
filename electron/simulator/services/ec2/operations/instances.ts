import {
  Reservation$,
  RunInstancesRequest$,
  TerminateInstancesRequest$,
  TerminateInstancesResult$,
  type Reservation,
  type RunInstancesRequest,
  type TerminateInstancesRequest,
  type TerminateInstancesResult,
} from '@aws-sdk/client-ec2';
import { simError } from '../../../protocol/errors';
import { buildPhases } from '../../../protocol/lifecycle';
import { defineOperation, requireQueryParams, type SchemaOperation } from '../../../protocol/query-dispatch';
import { getImage, getInstance, notFound, restoreTargetFails, tagsFor } from '../lookup';
import {
  INSTANCE_STATE_CODES,
  ec2Id,
  type Ec2InstanceRecord,
  type Ec2State,
  type Ec2SubnetRecord,
} from '../model';
import { imageState, instanceState } from '../status';
import { instanceView } from '../views';

/** A private IP inside a subnet's CIDR (deterministic from the RNG). */
function privateIp(subnet: Ec2SubnetRecord, pick: (min: number, max: number) => number): string {
  const [base = '10.0.0.0', bits = '24'] = subnet.cidrBlock.split('/');
  const octets = base.split('.').map(Number);
  const hostBits = 32 - Number(bits);
  const offset = pick(4, Math.max(4, 2 ** hostBits - 2));
  const value =
    (((octets[0] ?? 10) << 24) | ((octets[1] ?? 0) << 16) | ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)) +
    offset;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/**
 * RunInstances: the AMI must be `available` in this region, the subnet and security groups
 * valid and in one VPC. Instances are `pending` for 1–2 simulated minutes, then `running`;
 * status checks pass 2–5 minutes later. `ClientToken` makes the call idempotent; the
 * `ec2.capacity.<type>` quota (running instances of a type per region) simulates
 * `InsufficientInstanceCapacity`.
 */
export const runInstances = defineOperation<RunInstancesRequest, Reservation, Ec2State>({
  input: RunInstancesRequest$,
  output: Reservation$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['ImageId', 'MinCount', 'MaxCount'], 'ec2');
    const now = ctx.clock.now();
    if (input.ClientToken) {
      const earlier = Object.values(state.instances).filter(
        (i) => i.region === region && i.clientToken === input.ClientToken,
      );
      if (earlier.length > 0) {
        return {
          ReservationId: earlier[0]?.reservationId,
          OwnerId: ctx.accountId,
          Groups: [],
          Instances: earlier.map((i) => instanceView(state, i, now)),
        };
      }
    }
    const min = input.MinCount as number;
    const max = input.MaxCount as number;
    if (min < 1 || max < min) {
      throw simError(
        'InvalidParameterValue',
        `MinCount (${min}) must be at least 1 and no more than MaxCount (${max}).`,
      );
    }
    const image = getImage(state, region, input.ImageId as string, now);
    const status = imageState(image, now);
    if (status !== 'available') {
      throw simError(
        'InvalidAMIID.Unavailable',
        `The image id '[${image.id}]' is not available (state: ${status}).`,
      );
    }
    const instanceType = input.InstanceType ?? 'm1.small';
    const subnets = Object.values(state.subnets).filter((s) => s.region === region);
    const subnet = input.SubnetId ? state.subnets[input.SubnetId] : subnets[0];
    if (!subnet || subnet.region !== region) {
      if (input.SubnetId) throw notFound('subnet', [input.SubnetId]);
      throw simError(
        'VPCIdNotSpecified',
        'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
      );
    }
    if (input.Placement?.AvailabilityZone && input.Placement.AvailabilityZone !== subnet.availabilityZone) {
      throw simError(
        'InvalidParameterValue',
        `Value (${input.Placement.AvailabilityZone}) for parameter availabilityZone is invalid. Subnet '${subnet.id}' is in the availability zone ${subnet.availabilityZone}`,
      );
    }
    const groupIds = input.SecurityGroupIds?.length
      ? input.SecurityGroupIds
      : Object.values(state.securityGroups)
          .filter((g) => g.region === region && g.vpcId === subnet.vpcId && g.name === 'default')
          .map((g) => g.id);
    const missingGroups = groupIds.filter((id) => state.securityGroups[id]?.region !== region);
    if (missingGroups.length) throw notFound('group', missingGroups);
    const foreign = groupIds.find((id) => state.securityGroups[id]?.vpcId !== subnet.vpcId);
    if (foreign) {
      throw simError(
        'InvalidParameter',
        `Security group ${foreign} and subnet ${subnet.id} belong to different networks.`,
      );
    }
    const capacity = ctx.quota(`ec2.capacity.${instanceType}`, Number.MAX_SAFE_INTEGER);
    const runningOfType = Object.values(state.instances).filter(
      (i) => i.region === region && i.instanceType === instanceType && !i.terminatedAt,
    ).length;
    const room = capacity - runningOfType;
    if (room < min) {
      throw simError(
        'InsufficientInstanceCapacity',
        `We currently do not have sufficient ${instanceType} capacity in the Availability Zone you requested (${subnet.availabilityZone}). Our system will be working on provisioning additional capacity. You can currently get ${instanceType} capacity by not specifying an Availability Zone in your request or choosing a different Availability Zone.`,
      );
    }
    const count = Math.min(max, room);
    const reservationId = ec2Id('r', ctx.rng.hex);
    const instanceTags = tagsFor(input.TagSpecifications, 'instance');
    const volumeTags = tagsFor(input.TagSpecifications, 'volume');
    const created: Ec2InstanceRecord[] = [];
    for (let n = 0; n < count; n += 1) {
      const id = ec2Id('i', ctx.rng.hex);
      const pendingMinutes = ctx.rng.int(1, 2);
      const devices = image.devices.map((d) => {
        const override = input.BlockDeviceMappings?.find((b) => b.DeviceName === d.deviceName)?.Ebs;
        const volumeId = ec2Id('vol', ctx.rng.hex);
        state.volumes[volumeId] = {
          id: volumeId,
          region,
          availabilityZone: subnet.availabilityZone,
          size: override?.VolumeSize ?? d.volumeSize,
          volumeType: override?.VolumeType ?? d.volumeType,
          snapshotId: d.snapshotId,
          encrypted: override?.Encrypted ?? d.encrypted,
          createdAt: now.toISOString(),
          phases: [{ status: 'available' }],
          attachments: [
            {
              instanceId: id,
              device: d.deviceName,
              attachedAt: now.toISOString(),
              deleteOnTermination: override?.DeleteOnTermination ?? true,
            },
          ],
          tags: volumeTags.map((t) => ({ ...t })),
        };
        return { deviceName: d.deviceName, volumeId };
      });
      const instance: Ec2InstanceRecord = {
        id,
        region,
        reservationId,
        imageId: image.id,
        instanceType,
        availabilityZone: subnet.availabilityZone,
        subnetId: subnet.id,
        vpcId: subnet.vpcId,
        securityGroupIds: [...groupIds],
        privateIpAddress: input.PrivateIpAddress ?? privateIp(subnet, ctx.rng.int),
        launchTime: now.toISOString(),
        phases: buildPhases(now, [['pending', pendingMinutes]], 'running'),
        checksOkAt: new Date(now.getTime() + (pendingMinutes + ctx.rng.int(2, 5)) * 60_000).toISOString(),
        rootDeviceName: image.rootDeviceName,
        devices,
        ...(input.ClientToken ? { clientToken: input.ClientToken } : {}),
        ...(input.KeyName ? { keyName: input.KeyName } : {}),
        tags: instanceTags.map((t) => ({ ...t })),
      };
      if (restoreTargetFails(ctx, id, instance.tags)) instance.impaired = true;
      state.instances[id] = instance;
      created.push(instance);
    }
    return {
      ReservationId: reservationId,
      OwnerId: ctx.accountId,
      Groups: [],
      Instances: created.map((i) => instanceView(state, i, now)),
    };
  },
});

/** TerminateInstances: `shutting-down`, then `terminated`; volumes marked DeleteOnTermination go too. */
export const terminateInstances = defineOperation<
  TerminateInstancesRequest,
  TerminateInstancesResult,
  Ec2State
>({
  input: TerminateInstancesRequest$,
  output: TerminateInstancesResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['InstanceIds'], 'ec2');
    const now = ctx.clock.now();
    const instances = (input.InstanceIds ?? []).map((id) => getInstance(state, region, id, now));
    return {
      TerminatingInstances: instances.map((instance) => {
        const previous = instanceState(instance, now) ?? 'terminated';
        if (!instance.terminatedAt) {
          instance.terminatedAt = now.toISOString();
          for (const device of instance.devices) {
            const volume = state.volumes[device.volumeId];
            if (!volume) continue;
            const attachment = volume.attachments.find((a) => a.instanceId === instance.id);
            volume.attachments = volume.attachments.filter((a) => a.instanceId !== instance.id);
            if (attachment?.deleteOnTermination) volume.deleted = true;
          }
        }
        const current = instanceState(instance, now) ?? 'terminated';
        return {
          InstanceId: instance.id,
          CurrentState: { Code: INSTANCE_STATE_CODES[current] ?? 32, Name: current as 'shutting-down' },
          PreviousState: { Code: INSTANCE_STATE_CODES[previous] ?? 16, Name: previous as 'running' },
        };
      }),
    };
  },
});

/** The EC2 instance operations, by action name. */
export const ec2InstanceOperations: Record<string, SchemaOperation<Ec2State>> = {
  RunInstances: runInstances,
  TerminateInstances: terminateInstances,
};
