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
import { paginate } from '../../../protocol/paging';
import { defineOperation, type SchemaOperation } from '../../../protocol/query-dispatch';
import { filterEc2, type Ec2FilterTable } from '../filters';
import { assertIdShape, ec2PageLimit, notFound } from '../lookup';
import type {
  Ec2ImageRecord,
  Ec2InstanceRecord,
  Ec2SnapshotRecord,
  Ec2State,
  Ec2VolumeRecord,
} from '../model';
import { imageState, instanceCheckStatus, instanceState, snapshotState, volumeState } from '../status';
import { imageView, instanceStatusView, instanceView, snapshotView, volumeView } from '../views';

/** DescribeInstances filters. */
const instanceFilters = (now: Date): Ec2FilterTable<Ec2InstanceRecord> => ({
  'instance-id': (i) => [i.id],
  'instance-state-name': (i) => [instanceState(i, now) ?? ''],
  'instance-type': (i) => [i.instanceType],
  'availability-zone': (i) => [i.availabilityZone],
  'subnet-id': (i) => [i.subnetId],
  'vpc-id': (i) => [i.vpcId],
  'image-id': (i) => [i.imageId],
  'private-ip-address': (i) => [i.privateIpAddress],
  'client-token': (i) => [i.clientToken ?? ''],
  'reservation-id': (i) => [i.reservationId],
  'instance.group-id': (i) => i.securityGroupIds,
});

/** DescribeInstanceStatus filters (no tag filters: AWS has none for this call). */
const instanceStatusFilters = (now: Date): Ec2FilterTable<Ec2InstanceRecord> => ({
  'instance-state-name': (i) => [instanceState(i, now) ?? ''],
  'instance-status.status': (i) => [instanceCheckStatus(i, now)],
  'system-status.status': (i) => [instanceCheckStatus(i, now)],
  'availability-zone': (i) => [i.availabilityZone],
});

/** DescribeImages filters. */
const imageFilters = (now: Date, accountId: string): Ec2FilterTable<Ec2ImageRecord> => ({
  name: (i) => [i.name],
  'image-id': (i) => [i.id],
  state: (i) => [imageState(i, now) ?? ''],
  'owner-id': () => [accountId],
  description: (i) => [i.description],
  'block-device-mapping.snapshot-id': (i) => i.devices.map((d) => d.snapshotId),
});

/** DescribeSnapshots filters. */
const snapshotFilters = (now: Date, accountId: string): Ec2FilterTable<Ec2SnapshotRecord> => ({
  'snapshot-id': (s) => [s.id],
  'volume-id': (s) => [s.volumeId],
  status: (s) => [snapshotState(s, now)],
  'owner-id': () => [accountId],
  encrypted: (s) => [String(s.encrypted)],
  description: (s) => [s.description],
});

/** DescribeVolumes filters. */
const volumeFilters = (now: Date): Ec2FilterTable<Ec2VolumeRecord> => ({
  'volume-id': (v) => [v.id],
  'availability-zone': (v) => [v.availabilityZone],
  status: (v) => [volumeState(v, now) ?? ''],
  'snapshot-id': (v) => [v.snapshotId ?? ''],
  'attachment.instance-id': (v) => v.attachments.map((a) => a.instanceId),
  'attachment.device': (v) => v.attachments.map((a) => a.device),
  'volume-type': (v) => [v.volumeType],
  encrypted: (v) => [String(v.encrypted)],
});

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
      const filtered = filterEc2(base, input.Filters, instanceFilters(now), (i) => i.tags);
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
    items = filterEc2(items, input.Filters, instanceStatusFilters(now));
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
    images = filterEc2(images, input.Filters, imageFilters(now, ctx.accountId), (i) => i.tags);
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
      snapshots = filterEc2(snapshots, input.Filters, snapshotFilters(now, ctx.accountId), (s) => s.tags);
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
    volumes = filterEc2(volumes, input.Filters, volumeFilters(now), (v) => v.tags);
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
