import {
  AttachVolumeCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
  type Image,
  type Instance,
  type Snapshot,
  type Subnet,
} from '@aws-sdk/client-ec2';
import { ec2TagSpecifications, TAG_SOURCE } from '../aws/tags';
import { check } from '../validate/compare';
import type { DrillContext } from './drill-context';
import { minutesSince, waitFor } from './drill-context';
import { drillResourceName } from './drill-id';
import type { ServiceTestOutcome } from './service-result';

type Tagged = { Tags?: { Key?: string | undefined; Value?: string | undefined }[] | undefined };

function tag(r: Tagged, key: string): string | undefined {
  return r.Tags?.find((t) => t.Key === key)?.Value;
}

/**
 * The newest AMI in the restore region for a source instance (PURE): copies of its own image
 * (`SourceImageId` or the app's source tag), or newer images of the same application.
 */
export function newestImageFor(
  images: readonly Image[],
  imageId: string,
  application: string | undefined,
): Image | undefined {
  return images
    .filter((i) => i.State === 'available')
    .filter(
      (i) =>
        i.SourceImageId === imageId ||
        tag(i, TAG_SOURCE) === imageId ||
        (application !== undefined && tag(i, 'application') === application),
    )
    .sort((a, b) => Date.parse(b.CreationDate ?? '') - Date.parse(a.CreationDate ?? ''))[0];
}

/**
 * The newest snapshot in the restore region of a source volume (PURE): same volume id, or a
 * copy of one of the volume's snapshots in the source region (by description or source tag).
 */
export function newestVolumeSnapshot(
  snapshots: readonly Snapshot[],
  volumeId: string,
  sourceSnapshotIds: readonly string[],
): Snapshot | undefined {
  return snapshots
    .filter((s) => s.State === 'completed')
    .filter(
      (s) =>
        s.VolumeId === volumeId ||
        sourceSnapshotIds.some((id) => (s.Description ?? '').includes(id) || tag(s, TAG_SOURCE) === id),
    )
    .sort((a, b) => (b.StartTime?.getTime() ?? 0) - (a.StartTime?.getTime() ?? 0))[0];
}

/** The subnet for a test instance (PURE): one whose Name says isolated/drill/test, else the first. */
export function chooseSubnet(subnets: readonly Subnet[]): { subnet: Subnet; isolated: boolean } | null {
  const isolated = subnets.find((s) => /drill|isolated|test|sandbox/i.test(tag(s, 'Name') ?? ''));
  if (isolated) return { subnet: isolated, isolated: true };
  return subnets[0] ? { subnet: subnets[0], isolated: false } : null;
}

interface StatusAnswer {
  state: string;
  system: string;
  inst: string;
  id: string | undefined;
}

/** The first data (non-root) EBS volume of an instance, if any. */
function dataVolume(instance: Instance): string | undefined {
  return instance.BlockDeviceMappings?.find(
    (m) => m.DeviceName !== instance.RootDeviceName && m.Ebs?.VolumeId,
  )?.Ebs?.VolumeId;
}

/**
 * The EC2 drill: launch a test instance from the newest AMI of the source in the secondary
 * region, wait for both status checks, restore a test volume from the newest snapshot of the
 * source's data volume in the instance's zone, attach it and check it is attached with the
 * snapshot's size. Instance, its root volume, its network interface and the test volume carry
 * the drill tag.
 */
export async function ec2Drill(
  ctx: DrillContext,
  sourceId: string,
  outcome: ServiceTestOutcome,
): Promise<void> {
  const say = (phase: string, message: string) => ctx.progress('ec2', phase, message);
  const region = ctx.regions.secondary;
  outcome.region = region;
  const ec2 = ctx.clients.ec2(region);
  const primary = ctx.clients.ec2(ctx.regions.primary);
  say('finding the recovery point', `Reading ${sourceId} and its backups.`);
  const described = await primary.send(new DescribeInstancesCommand({ InstanceIds: [sourceId] }));
  const source = described.Reservations?.[0]?.Instances?.[0];
  if (!source?.ImageId) throw new Error(`EC2 instance ${sourceId} was not found in ${ctx.regions.primary}.`);
  const images = await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
  const image = newestImageFor(images.Images ?? [], source.ImageId, tag(source, 'application'));
  if (!image?.ImageId) {
    outcome.checks.push(
      check(
        'recovery-point',
        'An AMI of the instance exists in the restore region',
        'fail',
        `No available AMI copied from ${source.ImageId} (or of the same application) in ${region}.`,
        {
          fix: `Copy the instance's AMI to ${region} (aws ec2 copy-image --source-region ${ctx.regions.primary} --source-image-id ${source.ImageId} --region ${region} --name …), then run the drill again.`,
          requestIds: [images.$metadata.requestId],
        },
      ),
    );
    return;
  }
  const imageTime = image.CreationDate ?? null;
  outcome.recoveryPoint = { kind: 'ami', id: image.ImageId, time: imageTime };
  outcome.checks.push(
    check(
      'recovery-point',
      'An AMI of the instance exists in the restore region',
      'pass',
      `newest AMI ${image.ImageId} (${image.Name ?? ''}) created ${imageTime ?? '?'}.`,
    ),
  );

  // The data volume's newest snapshot in the restore region.
  const volumeId = dataVolume(source);
  let snapshot: Snapshot | undefined;
  if (volumeId) {
    const own = await primary.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: 'volume-id', Values: [volumeId] }],
      }),
    );
    const copies = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    snapshot = newestVolumeSnapshot(
      copies.Snapshots ?? [],
      volumeId,
      (own.Snapshots ?? []).map((s) => s.SnapshotId ?? '').filter((s) => s !== ''),
    );
  }

  const subnets = await ec2.send(new DescribeSubnetsCommand({}));
  const place = chooseSubnet(subnets.Subnets ?? []);
  if (!place?.subnet.SubnetId) throw new Error(`No subnet in ${region} to launch the test instance into.`);
  outcome.checks.push(
    check(
      'isolated',
      'Launched into an isolated subnet',
      place.isolated ? 'pass' : 'warn',
      `subnet ${place.subnet.SubnetId} (${tag(place.subnet, 'Name') ?? 'no Name'}) in ${place.subnet.AvailabilityZone ?? '?'}, no public address.`,
      {
        fix: `Create a subnet for drills in ${region} whose Name says so (e.g. "dr-drill"), without a route to production.`,
      },
    ),
  );

  const name = drillResourceName(ctx.id, 'ec2');
  const tagInput = { incident: ctx.id, source: sourceId, createdBy: ctx.createdBy };
  // Every resource RunInstances creates carries the drill tag (the IAM policy requires it).
  const specs = ec2TagSpecifications(['instance', 'volume', 'network-interface'] as const, tagInput).map(
    (s) => ({
      ...s,
      Tags: [...s.Tags, { Key: 'Name', Value: name }],
    }),
  );
  say('launching', `Launching ${name} from ${image.ImageId}.`);
  const started = ctx.now();
  const ages = [imageTime, snapshot?.StartTime?.toISOString() ?? null]
    .filter((t): t is string => t !== null)
    .map((t) => minutesSince(t, started));
  outcome.rpoMinutes = ages.length > 0 ? Math.max(...ages) : null;
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: image.ImageId,
      InstanceType: source.InstanceType ?? 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: place.subnet.SubnetId,
      TagSpecifications: specs,
      ClientToken: `${ctx.id}-ec2`,
    }),
  );
  const instanceId = run.Instances?.[0]?.InstanceId;
  if (!instanceId) throw new Error('RunInstances answered without an instance id.');
  ctx.created({ kind: 'ec2-instance', region, id: instanceId, drillId: ctx.id });

  say('waiting for status checks', `${instanceId} is starting.`);
  const checks = await waitFor<StatusAnswer>(
    ctx,
    `${instanceId} status checks`,
    async () => {
      const s = await ec2.send(
        new DescribeInstanceStatusCommand({ InstanceIds: [instanceId], IncludeAllInstances: true }),
      );
      const st = s.InstanceStatuses?.[0];
      const state: string = st?.InstanceState?.Name ?? 'pending';
      const system = st?.SystemStatus?.Status ?? 'initializing';
      const inst = st?.InstanceStatus?.Status ?? 'initializing';
      if (state !== 'running' && state !== 'pending')
        return { done: true, value: { state, system, inst, id: s.$metadata.requestId } };
      if ((system === 'ok' || system === 'impaired') && (inst === 'ok' || inst === 'impaired'))
        return { done: true, value: { state, system, inst, id: s.$metadata.requestId } };
      return { done: false, state: `${state}, system ${system}, instance ${inst}` };
    },
    (state) => say('waiting for status checks', `${instanceId}: ${state}.`),
  );
  const bothOk = checks.state === 'running' && checks.system === 'ok' && checks.inst === 'ok';
  outcome.checks.push(
    check(
      'status-checks',
      'Both status checks pass',
      bothOk ? 'pass' : 'fail',
      `${instanceId} ${checks.state}: system status ${checks.system}, instance status ${checks.inst}.`,
      {
        fix: 'Read the instance console output (aws ec2 get-console-output) for boot errors in the AMI; fix the image and run the drill again.',
        requestIds: [checks.id],
      },
    ),
  );

  if (!snapshot?.SnapshotId) {
    outcome.rtoMinutes = minutesSince(started, ctx.now());
    outcome.checks.push(
      check(
        'volume',
        'A test volume was restored from the newest snapshot and attached',
        volumeId ? 'fail' : 'skipped',
        volumeId
          ? `No completed snapshot of ${volumeId} in ${region}.`
          : `skipped: ${sourceId} has no data volume (root only).`,
        {
          fix: volumeId
            ? `Copy snapshots of ${volumeId} to ${region} (aws ec2 copy-snapshot), then run the drill again.`
            : '',
        },
      ),
    );
    return;
  }
  if (!bothOk) return;
  const az = place.subnet.AvailabilityZone;
  say('restoring the volume', `Creating a volume from ${snapshot.SnapshotId} in ${az ?? '?'}.`);
  const vol = await ec2.send(
    new CreateVolumeCommand({
      SnapshotId: snapshot.SnapshotId,
      AvailabilityZone: az,
      VolumeType: 'gp3',
      TagSpecifications: ec2TagSpecifications(['volume'] as const, {
        ...tagInput,
        source: volumeId ?? snapshot.SnapshotId,
      }).map((s) => ({ ...s, Tags: [...s.Tags, { Key: 'Name', Value: `${name}-data` }] })),
    }),
  );
  const newVolume = vol.VolumeId;
  if (!newVolume) throw new Error('CreateVolume answered without a volume id.');
  ctx.created({ kind: 'ebs-volume', region, id: newVolume, drillId: ctx.id });
  await waitFor(
    ctx,
    `${newVolume} to become available`,
    async () => {
      const d = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [newVolume] }));
      const state = d.Volumes?.[0]?.State ?? 'creating';
      if (state === 'error')
        throw new Error(`Volume ${newVolume} from ${snapshot.SnapshotId} failed (state error).`);
      return state === 'available' ? { done: true, value: state } : { done: false, state };
    },
    (state) => say('restoring the volume', `${newVolume} is ${state}.`),
  );
  say('attaching', `Attaching ${newVolume} to ${instanceId} as /dev/sdf.`);
  await ec2.send(
    new AttachVolumeCommand({ VolumeId: newVolume, InstanceId: instanceId, Device: '/dev/sdf' }),
  );
  const attached = await waitFor(ctx, `${newVolume} to attach`, async () => {
    const d = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [newVolume] }));
    const v = d.Volumes?.[0];
    const state = v?.Attachments?.find((a) => a.InstanceId === instanceId)?.State ?? 'attaching';
    return state === 'attached' && v ? { done: true, value: v } : { done: false, state };
  });
  outcome.rtoMinutes = minutesSince(started, ctx.now());
  const sizeOk = attached.Size === snapshot.VolumeSize;
  outcome.recoveryPoint.also = [
    { kind: 'snapshot', id: snapshot.SnapshotId, time: snapshot.StartTime?.toISOString() ?? null },
  ];
  outcome.checks.push(
    check(
      'volume',
      'A test volume was restored from the newest snapshot and attached',
      sizeOk ? 'pass' : 'fail',
      `${newVolume} from ${snapshot.SnapshotId} (taken ${snapshot.StartTime?.toISOString() ?? '?'}) attached to ${instanceId} as /dev/sdf, ${attached.Size ?? '?'} GiB (snapshot ${snapshot.VolumeSize ?? '?'} GiB).`,
      {
        fix: 'The restored volume does not match its snapshot: check the snapshot and the CreateVolume size.',
      },
    ),
  );
}
