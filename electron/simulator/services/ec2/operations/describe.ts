import {
  DescribeImagesRequest$,
  DescribeImagesResult$,
  DescribeInstanceStatusRequest$,
  DescribeInstanceStatusResult$,
  DescribeInstancesRequest$,
  DescribeInstancesResult$,
  DescribeSnapshotsRequest$,
  DescribeSnapshotsResult$,
  DescribeVolumesRequest$,
  DescribeVolumesResult$,
  type DescribeImagesRequest,
  type DescribeImagesResult,
  type DescribeInstanceStatusRequest,
  type DescribeInstanceStatusResult,
  type DescribeInstancesRequest,
  type DescribeInstancesResult,
  type DescribeSnapshotsRequest,
  type DescribeSnapshotsResult,
  type DescribeVolumesRequest,
  type DescribeVolumesResult,
  type Reservation,
} from '@aws-sdk/client-ec2';
import { simError } from '../../../protocol/errors';
import { applyFilters, paginate } from '../../../protocol/paging';
import { defineOperation, type SchemaOperation } from '../../../protocol/query-dispatch';
import { assertIdShape, ec2PageLimit, notFound, tagFilterValues } from '../lookup';
import type { Ec2ImageRecord, Ec2InstanceRecord, Ec2State } from '../model';
import { imageState, instanceCheckStatus, instanceState, snapshotState, volumeState } from '../status';
import { imageView, instanceStatusView, instanceView, snapshotView, volumeView } from '../views';

function selectByIds<T extends { id: string; region: string }>(
  all: Readonly<Record<string, T>>,
  ids: readonly string[] | undefined,
  region: string,
  exists: (item: T) => boolean,
  kind: Parameters<typeof notFound>[0],
): T[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  const found: T[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const item = all[id];
    if (item && item.region === region && exists(item)) found.push(item);
    else missing.push(id);
  }
  if (missing.length > 0) throw notFound(kind, missing);
  return found;
}

function noIdsWithPaging(
  ids: readonly string[] | undefined,
  maxResults: number | undefined,
  idName: string,
): void {
  if (ids && ids.length > 0 && maxResults !== undefined) {
    throw simError(
      'InvalidParameterCombination',
      `The parameter ${idName} cannot be used with the parameter maxResults`,
    );
  }
}

/** DescribeInstances: by ids and Filters (`tag:Name`, `instance-state-name`, …) with NextToken paging, grouped by reservation. */
export const describeInstances = defineOperation<DescribeInstancesRequest, DescribeInstancesResult, Ec2State>(
  {
    input: DescribeInstancesRequest$,
    output: DescribeInstancesResult$,
    run(input, { state, region, ctx }) {
      const now = ctx.clock.now();
      noIdsWithPaging(input.InstanceIds, input.MaxResults, 'instanceIds');
      input.InstanceIds?.forEach((id) => assertIdShape('i-', id));
      const live = (i: Ec2InstanceRecord) => instanceState(i, now) !== undefined;
      const base =
        selectByIds(state.instances, input.InstanceIds, region, live, 'instance') ??
        Object.values(state.instances).filter((i) => i.region === region && live(i));
      const filtered = applyFilters(base, input.Filters, (i, name) => {
        const tag = tagFilterValues(i.tags, name);
        if (tag) return tag;
        switch (name) {
          case 'instance-id':
            return [i.id];
          case 'instance-state-name':
            return [instanceState(i, now) ?? ''];
          case 'instance-type':
            return [i.instanceType];
          case 'availability-zone':
            return [i.availabilityZone];
          case 'subnet-id':
            return [i.subnetId];
          case 'vpc-id':
            return [i.vpcId];
          case 'image-id':
            return [i.imageId];
          case 'private-ip-address':
            return [i.privateIpAddress];
          case 'client-token':
            return [i.clientToken ?? ''];
          case 'reservation-id':
            return [i.reservationId];
          case 'instance.group-id':
            return i.securityGroupIds;
          default:
            return undefined;
        }
      });
      const page = paginate(filtered, input.NextToken, ec2PageLimit(input.MaxResults, 5, 1000));
      const reservations = new Map<string, Reservation>();
      for (const i of page.items) {
        const reservation = reservations.get(i.reservationId) ?? {
          ReservationId: i.reservationId,
          OwnerId: ctx.accountId,
          Groups: [],
          Instances: [],
        };
        reservation.Instances?.push(instanceView(state, i, now));
        reservations.set(i.reservationId, reservation);
      }
      return { Reservations: [...reservations.values()], ...(page.next ? { NextToken: page.next } : {}) };
    },
  },
);

/** DescribeInstanceStatus: status checks; only running instances unless IncludeAllInstances. */
export const describeInstanceStatus = defineOperation<
  DescribeInstanceStatusRequest,
  DescribeInstanceStatusResult,
  Ec2State
>({
  input: DescribeInstanceStatusRequest$,
  output: DescribeInstanceStatusResult$,
  run(input, { state, region, ctx }) {
    const now = ctx.clock.now();
    noIdsWithPaging(input.InstanceIds, input.MaxResults, 'instanceIds');
    const live = (i: Ec2InstanceRecord) => instanceState(i, now) !== undefined;
    let items =
      selectByIds(state.instances, input.InstanceIds, region, live, 'instance') ??
      Object.values(state.instances).filter((i) => i.region === region && live(i));
    if (!input.IncludeAllInstances) items = items.filter((i) => instanceState(i, now) === 'running');
    items = applyFilters(items, input.Filters, (i, name) => {
      switch (name) {
        case 'instance-state-name':
          return [instanceState(i, now) ?? ''];
        case 'instance-status.status':
        case 'system-status.status':
          return [instanceCheckStatus(i, now)];
        case 'availability-zone':
          return [i.availabilityZone];
        default:
          return undefined;
      }
    });
    const page = paginate(items, input.NextToken, ec2PageLimit(input.MaxResults, 5, 1000));
    return {
      InstanceStatuses: page.items.map((i) => instanceStatusView(state, i, now)),
      ...(page.next ? { NextToken: page.next } : {}),
    };
  },
});

/** DescribeImages: the account's AMIs (Owners `self` or the account id), by ids and Filters. */
export const describeImages = defineOperation<DescribeImagesRequest, DescribeImagesResult, Ec2State>({
  input: DescribeImagesRequest$,
  output: DescribeImagesResult$,
  run(input, { state, region, ctx }) {
    const now = ctx.clock.now();
    noIdsWithPaging(input.ImageIds, input.MaxResults, 'imageIds');
    input.ImageIds?.forEach((id) => assertIdShape('ami-', id));
    const owners = input.Owners ?? [];
    const ownsAccount = owners.length === 0 || owners.some((o) => o === 'self' || o === ctx.accountId);
    const live = (i: Ec2ImageRecord) => !i.deregistered;
    let images =
      selectByIds(state.images, input.ImageIds, region, live, 'image') ??
      Object.values(state.images).filter((i) => i.region === region && live(i));
    if (!ownsAccount) images = [];
    images = applyFilters(images, input.Filters, (i, name) => {
      const tag = tagFilterValues(i.tags, name);
      if (tag) return tag;
      switch (name) {
        case 'name':
          return [i.name];
        case 'image-id':
          return [i.id];
        case 'state':
          return [imageState(i, now) ?? ''];
        case 'owner-id':
          return [ctx.accountId];
        case 'description':
          return [i.description];
        case 'block-device-mapping.snapshot-id':
          return i.devices.map((d) => d.snapshotId);
        default:
          return undefined;
      }
    });
    const page = paginate(images, input.NextToken, ec2PageLimit(input.MaxResults, 1, 1000));
    return {
      Images: page.items.map((i) => imageView(i, now, ctx.accountId)),
      ...(page.next ? { NextToken: page.next } : {}),
    };
  },
});

/** DescribeSnapshots: the account's EBS snapshots (OwnerIds `self` or the account id), by ids and Filters. */
export const describeSnapshots = defineOperation<DescribeSnapshotsRequest, DescribeSnapshotsResult, Ec2State>(
  {
    input: DescribeSnapshotsRequest$,
    output: DescribeSnapshotsResult$,
    run(input, { state, region, ctx }) {
      const now = ctx.clock.now();
      noIdsWithPaging(input.SnapshotIds, input.MaxResults, 'snapshotIds');
      input.SnapshotIds?.forEach((id) => assertIdShape('snap-', id));
      const owners = input.OwnerIds ?? [];
      const ownsAccount = owners.length === 0 || owners.some((o) => o === 'self' || o === ctx.accountId);
      let snapshots =
        selectByIds(state.snapshots, input.SnapshotIds, region, () => true, 'snapshot') ??
        Object.values(state.snapshots).filter((s) => s.region === region);
      if (!ownsAccount) snapshots = [];
      snapshots = applyFilters(snapshots, input.Filters, (s, name) => {
        const tag = tagFilterValues(s.tags, name);
        if (tag) return tag;
        switch (name) {
          case 'snapshot-id':
            return [s.id];
          case 'volume-id':
            return [s.volumeId];
          case 'status':
            return [snapshotState(s, now)];
          case 'owner-id':
            return [ctx.accountId];
          case 'encrypted':
            return [String(s.encrypted)];
          case 'description':
            return [s.description];
          default:
            return undefined;
        }
      });
      const page = paginate(snapshots, input.NextToken, ec2PageLimit(input.MaxResults, 5, 1000));
      return {
        Snapshots: page.items.map((s) => snapshotView(s, now, ctx.accountId)),
        ...(page.next ? { NextToken: page.next } : {}),
      };
    },
  },
);

/** DescribeVolumes: by ids and Filters (`attachment.instance-id`, `availability-zone`, `status`, tags). */
export const describeVolumes = defineOperation<DescribeVolumesRequest, DescribeVolumesResult, Ec2State>({
  input: DescribeVolumesRequest$,
  output: DescribeVolumesResult$,
  run(input, { state, region, ctx }) {
    const now = ctx.clock.now();
    noIdsWithPaging(input.VolumeIds, input.MaxResults, 'volumeIds');
    input.VolumeIds?.forEach((id) => assertIdShape('vol-', id));
    const live = (v: Parameters<typeof volumeState>[0]) => volumeState(v, now) !== undefined;
    let volumes =
      selectByIds(state.volumes, input.VolumeIds, region, live, 'volume') ??
      Object.values(state.volumes).filter((v) => v.region === region && live(v));
    volumes = applyFilters(volumes, input.Filters, (v, name) => {
      const tag = tagFilterValues(v.tags, name);
      if (tag) return tag;
      switch (name) {
        case 'volume-id':
          return [v.id];
        case 'availability-zone':
          return [v.availabilityZone];
        case 'status':
          return [volumeState(v, now) ?? ''];
        case 'snapshot-id':
          return [v.snapshotId ?? ''];
        case 'attachment.instance-id':
          return v.attachments.map((a) => a.instanceId);
        case 'attachment.device':
          return v.attachments.map((a) => a.device);
        case 'volume-type':
          return [v.volumeType];
        case 'encrypted':
          return [String(v.encrypted)];
        default:
          return undefined;
      }
    });
    const page = paginate(volumes, input.NextToken, ec2PageLimit(input.MaxResults, 5, 500));
    return {
      Volumes: page.items.map((v) => volumeView(v, now)),
      ...(page.next ? { NextToken: page.next } : {}),
    };
  },
});

/** The EC2 describe operations, by action name. */
export const ec2DescribeOperations: Record<string, SchemaOperation<Ec2State>> = {
  DescribeInstances: describeInstances,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeImages: describeImages,
  DescribeSnapshots: describeSnapshots,
  DescribeVolumes: describeVolumes,
};
