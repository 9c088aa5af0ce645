import {
  AttachVolumeCommand,
  CopyImageCommand,
  CopySnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DeregisterImageCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
  paginateDescribeInstances,
  waitUntilImageAvailable,
  waitUntilInstanceRunning,
  waitUntilInstanceStatusOk,
  waitUntilSnapshotCompleted,
} from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { ec2Service, type Ec2SectionInput } from '../../../electron/simulator/services/ec2';
import { sdkFailure } from '../../support/sdk-failure';
import { simClient } from '../../support/sim-clients';

const ACCOUNT = '111122223333';
const START = '2026-11-26T03:00:00.000Z';
const WEB_AMI = 'ami-0aaaaaaaaaaaaaaa1';
const DATA_SNAP = 'snap-0bbbbbbbbbbbbbbb1';

function scenario(): Record<string, unknown> {
  const web = Array.from({ length: 12 }, (_, n) => ({
    id: `i-0${String(n).padStart(16, 'c')}`,
    region: 'us-east-1',
    image: WEB_AMI,
    type: 'm6i.large',
    subnet: n % 2 === 0 ? 'subnet-0e1a0000' : 'subnet-0e1b0000',
    securityGroups: ['sg-0e100000'],
    tags: { Name: `web-${n}`, tier: n < 8 ? 'production' : 'development' },
  }));
  const ec2: Ec2SectionInput = {
    networks: [
      {
        region: 'us-east-1',
        zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
        subnets: [
          { id: 'subnet-0e1a0000', vpcId: 'vpc-0e100000', az: 'us-east-1a', cidr: '10.1.1.0/24' },
          { id: 'subnet-0e1b0000', vpcId: 'vpc-0e100000', az: 'us-east-1b', cidr: '10.1.2.0/24' },
        ],
        securityGroups: [{ id: 'sg-0e100000', vpcId: 'vpc-0e100000', name: 'web' }],
      },
      {
        region: 'us-west-2',
        zones: ['us-west-2a', 'us-west-2b', 'us-west-2c'],
        subnets: [
          {
            id: 'subnet-0f2a0000',
            vpcId: 'vpc-0f200000',
            az: 'us-west-2a',
            cidr: '10.2.1.0/24',
            tags: { Name: 'dr-a' },
          },
          { id: 'subnet-0f2b0000', vpcId: 'vpc-0f200000', az: 'us-west-2b', cidr: '10.2.2.0/24' },
        ],
        securityGroups: [
          { id: 'sg-0f200000', vpcId: 'vpc-0f200000', name: 'web-dr' },
          { id: 'sg-0f300000', vpcId: 'vpc-0f300000', name: 'other-vpc' },
        ],
      },
    ],
    snapshots: [
      {
        id: DATA_SNAP,
        region: 'us-east-1',
        volume: 'vol-0ddddddddddddddd1',
        size: 100,
        age: '1d',
        tags: { tier: 'production' },
      },
    ],
    images: [
      {
        id: WEB_AMI,
        region: 'us-east-1',
        name: 'web-2026-11-23',
        age: '3d',
        rootSize: 30,
        tags: { app: 'web' },
      },
    ],
    instances: web,
    volumes: [
      {
        id: 'vol-0ddddddddddddddd1',
        region: 'us-east-1',
        az: 'us-east-1a',
        size: 100,
        attachedTo: { instance: web[0]?.id ?? '', device: '/dev/sdf' },
      },
    ],
  };
  return {
    name: 'ec2-test',
    title: 'EC2 test',
    accountId: ACCOUNT,
    regions: ['us-east-1', 'us-west-2'],
    startTime: START,
    seed: 3,
    ec2,
  };
}

let sim: Simulator;
let east: EC2Client;
let west: EC2Client;
const fast = { maxWaitTime: 60, minDelay: 0.01, maxDelay: 0.02 };

function client(region: string): EC2Client {
  return simClient(EC2Client, sim, region);
}

/** Advance the simulated clock on every answered request, so SDK waiters see time pass. */
function tick(minutes: number): () => void {
  return sim.onRequest(() => sim.clock.advance(minutes * 60_000));
}

beforeEach(async () => {
  sim = await createSimulator({ scenarioData: scenario(), services: [ec2Service], realNow: () => 0 });
  east = client('us-east-1');
  west = client('us-west-2');
});

afterEach(() => sim.close());

describe('EC2 through the real SDK v3 client', () => {
  it('describes instances with tag and state filters and paginates with the SDK paginator', async () => {
    const named = await east.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:Name', Values: ['web-3'] },
          { Name: 'instance-state-name', Values: ['running'] },
        ],
      }),
    );
    const instance = named.Reservations?.[0]?.Instances?.[0];
    expect(instance).toMatchObject({
      State: { Code: 16, Name: 'running' },
      InstanceType: 'm6i.large',
      SubnetId: 'subnet-0e1b0000',
      Placement: { AvailabilityZone: 'us-east-1b' },
      SecurityGroups: [{ GroupId: 'sg-0e100000', GroupName: 'web' }],
      ImageId: WEB_AMI,
    });
    expect(instance?.PrivateIpAddress).toMatch(/^10\.1\.2\.\d+$/);
    expect(instance?.BlockDeviceMappings?.[0]?.DeviceName).toBe('/dev/xvda');

    const prod = await east.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:tier', Values: ['production'] }] }),
    );
    expect(prod.Reservations?.flatMap((r) => r.Instances ?? [])).toHaveLength(8);

    const pages: number[] = [];
    for await (const page of paginateDescribeInstances({ client: east, pageSize: 5 }, {})) {
      pages.push(page.Reservations?.flatMap((r) => r.Instances ?? []).length ?? 0);
    }
    expect(pages).toEqual([5, 5, 2]);

    expect(
      await sdkFailure(east.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] }))),
    ).toEqual({
      name: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-0123456789abcdef0' does not exist",
      status: 400,
    });
    expect((await sdkFailure(east.send(new DescribeInstancesCommand({ InstanceIds: ['web-1'] })))).name).toBe(
      'InvalidInstanceID.Malformed',
    );
  });

  it('describes images, snapshots, volumes, zones, subnets and security groups', async () => {
    const images = await east.send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(images.Images?.map((i) => [i.ImageId, i.State, i.CreationDate])).toEqual([
      [WEB_AMI, 'available', '2026-11-23T03:00:00.000Z'],
    ]);
    expect(images.Images?.[0]?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId).toMatch(/^snap-/);
    expect(
      (await sdkFailure(east.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] }))))
        .message,
    ).toBe("The image id '[ami-0123456789abcdef0]' does not exist");
    const snaps = await east.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: 'volume-id', Values: ['vol-0ddddddddddddddd1'] }],
      }),
    );
    expect(
      snaps.Snapshots?.map((s) => [s.SnapshotId, s.State, s.Progress, s.StartTime?.toISOString()]),
    ).toEqual([[DATA_SNAP, 'completed', '100%', '2026-11-25T03:00:00.000Z']]);
    const vols = await east.send(new DescribeVolumesCommand({ VolumeIds: ['vol-0ddddddddddddddd1'] }));
    expect(vols.Volumes?.[0]).toMatchObject({
      State: 'in-use',
      AvailabilityZone: 'us-east-1a',
      Attachments: [{ Device: '/dev/sdf', State: 'attached' }],
    });
    const zones = await west.send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones?.map((z) => [z.ZoneName, z.ZoneId, z.State])).toEqual([
      ['us-west-2a', 'usw2-az1', 'available'],
      ['us-west-2b', 'usw2-az2', 'available'],
      ['us-west-2c', 'usw2-az3', 'available'],
    ]);
    const subnets = await west.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:Name', Values: ['dr-*'] }] }),
    );
    expect(subnets.Subnets?.map((s) => s.SubnetId)).toEqual(['subnet-0f2a0000']);
    const groups = await west.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: ['vpc-0f200000'] }] }),
    );
    expect(groups.SecurityGroups?.map((g) => g.GroupName)).toEqual(['web-dr']);
    expect(
      (await sdkFailure(west.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0e100000'] })))).name,
    ).toBe('InvalidGroup.NotFound');
  });

  it('copies an AMI into us-west-2 idempotently, waits for it, launches from it and waits for running and status ok', async () => {
    const copy = await west.send(
      new CopyImageCommand({
        SourceRegion: 'us-east-1',
        SourceImageId: WEB_AMI,
        Name: 'web-dr',
        ClientToken: 'inc-1-web',
        TagSpecifications: [
          { ResourceType: 'image', Tags: [{ Key: 'dr-war-room:incident', Value: 'INC-1' }] },
          { ResourceType: 'snapshot', Tags: [{ Key: 'dr-war-room:source', Value: WEB_AMI }] },
        ],
      }),
    );
    const again = await west.send(
      new CopyImageCommand({
        SourceRegion: 'us-east-1',
        SourceImageId: WEB_AMI,
        Name: 'web-dr',
        ClientToken: 'inc-1-web',
      }),
    );
    expect(again.ImageId).toBe(copy.ImageId);
    const imageId = copy.ImageId as string;
    const pending = await west.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
    expect(pending.Images?.[0]).toMatchObject({
      State: 'pending',
      SourceImageId: WEB_AMI,
      SourceImageRegion: 'us-east-1',
    });
    const early = await sdkFailure(
      west.send(
        new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, SubnetId: 'subnet-0f2a0000' }),
      ),
    );
    expect(early.name).toBe('InvalidAMIID.Unavailable');

    let stop = tick(2);
    expect((await waitUntilImageAvailable({ client: west, ...fast }, { ImageIds: [imageId] })).state).toBe(
      'SUCCESS',
    );
    stop();
    const copiedSnapshot = (await west.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0]
      ?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId;
    const westSnap = await west.send(
      new DescribeSnapshotsCommand({ SnapshotIds: [copiedSnapshot as string] }),
    );
    expect(westSnap.Snapshots?.[0]?.State).toBe('completed');
    // Tag specifications reach the resource type they name: the image, and the copied snapshots.
    expect(westSnap.Snapshots?.[0]?.Tags).toEqual([{ Key: 'dr-war-room:source', Value: WEB_AMI }]);
    const copied = (await west.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    expect(copied?.Tags).toEqual([{ Key: 'dr-war-room:incident', Value: 'INC-1' }]);

    const otherVpc = await sdkFailure(
      west.send(
        new RunInstancesCommand({
          ImageId: imageId,
          MinCount: 1,
          MaxCount: 1,
          SubnetId: 'subnet-0f2a0000',
          SecurityGroupIds: ['sg-0f300000'],
        }),
      ),
    );
    expect(otherVpc.name).toBe('InvalidParameter');
    sim.faults.setQuota('ec2.capacity.c7i.4xlarge', 0);
    const noCapacity = await sdkFailure(
      west.send(
        new RunInstancesCommand({
          ImageId: imageId,
          MinCount: 1,
          MaxCount: 1,
          SubnetId: 'subnet-0f2a0000',
          InstanceType: 'c7i.4xlarge',
        }),
      ),
    );
    expect(noCapacity.name).toBe('InsufficientInstanceCapacity');

    const run = await west.send(
      new RunInstancesCommand({
        ImageId: imageId,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 'm6i.large',
        SubnetId: 'subnet-0f2a0000',
        SecurityGroupIds: ['sg-0f200000'],
        ClientToken: 'inc-1-web-run',
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'dr-war-room:incident', Value: 'inc-1' }] },
        ],
      }),
    );
    const launched = run.Instances?.[0];
    expect(launched).toMatchObject({
      State: { Name: 'pending' },
      Placement: { AvailabilityZone: 'us-west-2a' },
    });
    const rerun = await west.send(
      new RunInstancesCommand({
        ImageId: imageId,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: 'subnet-0f2a0000',
        ClientToken: 'inc-1-web-run',
      }),
    );
    expect(rerun.Instances?.[0]?.InstanceId).toBe(launched?.InstanceId);

    const id = launched?.InstanceId as string;
    stop = tick(1);
    expect((await waitUntilInstanceRunning({ client: west, ...fast }, { InstanceIds: [id] })).state).toBe(
      'SUCCESS',
    );
    stop();
    const initial = await west.send(new DescribeInstanceStatusCommand({ InstanceIds: [id] }));
    expect(initial.InstanceStatuses?.[0]?.InstanceStatus?.Status).toBe('initializing');
    stop = tick(1);
    expect((await waitUntilInstanceStatusOk({ client: west, ...fast }, { InstanceIds: [id] })).state).toBe(
      'SUCCESS',
    );
    stop();
    const tagged = await west.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:dr-war-room:incident', Values: ['inc-1'] }] }),
    );
    expect(tagged.Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(id);
  });

  it('copies snapshots within the quota, restores volumes and enforces same-AZ attachment', async () => {
    sim.faults.setQuota('ec2.concurrentSnapshotCopies', 1);
    const copy = await west.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: DATA_SNAP,
        Description: 'dr copy',
      }),
    );
    const quota = await sdkFailure(
      west.send(new CopySnapshotCommand({ SourceRegion: 'us-east-1', SourceSnapshotId: DATA_SNAP })),
    );
    expect(quota.name).toBe('ResourceLimitExceeded');
    const snapshotId = copy.SnapshotId as string;
    const notYet = await sdkFailure(
      west.send(new CreateVolumeCommand({ SnapshotId: snapshotId, AvailabilityZone: 'us-west-2b' })),
    );
    expect(notYet.name).toBe('IncorrectState');
    const stop = tick(3);
    expect(
      (await waitUntilSnapshotCompleted({ client: west, ...fast }, { SnapshotIds: [snapshotId] })).state,
    ).toBe('SUCCESS');
    stop();

    const image = await west.send(
      new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: WEB_AMI, Name: 'web-dr-2' }),
    );
    sim.clock.advance(30 * 60_000);
    const run = await west.send(
      new RunInstancesCommand({
        ImageId: image.ImageId,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: 'subnet-0f2a0000',
        SecurityGroupIds: ['sg-0f200000'],
      }),
    );
    const instanceId = run.Instances?.[0]?.InstanceId as string;
    sim.clock.advance(5 * 60_000);

    const wrongZone = await west.send(
      new CreateVolumeCommand({
        SnapshotId: snapshotId,
        AvailabilityZone: 'us-west-2b',
        TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'k', Value: 'v' }] }],
      }),
    );
    expect(wrongZone).toMatchObject({
      State: 'creating',
      Size: 100,
      SnapshotId: snapshotId,
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    sim.clock.advance(5 * 60_000);
    const mismatch = await sdkFailure(
      west.send(
        new AttachVolumeCommand({ VolumeId: wrongZone.VolumeId, InstanceId: instanceId, Device: '/dev/sdf' }),
      ),
    );
    expect(mismatch).toEqual({
      name: 'InvalidVolume.ZoneMismatch',
      message: `The volume '${wrongZone.VolumeId}' is not in the same availability zone as instance '${instanceId}'`,
      status: 400,
    });
    expect(
      (
        await sdkFailure(
          west.send(new CreateVolumeCommand({ SnapshotId: snapshotId, AvailabilityZone: 'us-east-1a' })),
        )
      ).name,
    ).toBe('InvalidParameterValue');

    const volume = await west.send(
      new CreateVolumeCommand({ SnapshotId: snapshotId, AvailabilityZone: 'us-west-2a' }),
    );
    sim.clock.advance(5 * 60_000);
    const attached = await west.send(
      new AttachVolumeCommand({ VolumeId: volume.VolumeId, InstanceId: instanceId, Device: '/dev/sdf' }),
    );
    expect(attached).toMatchObject({ State: 'attaching', Device: '/dev/sdf', InstanceId: instanceId });
    const inUse = await west.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] }),
    );
    expect(inUse.Volumes?.map((v) => v.State)).toEqual(['in-use', 'in-use']);
    expect((await sdkFailure(west.send(new DeleteVolumeCommand({ VolumeId: volume.VolumeId })))).name).toBe(
      'VolumeInUse',
    );
    await west.send(new DeleteVolumeCommand({ VolumeId: wrongZone.VolumeId }));
    expect(
      (await sdkFailure(west.send(new DescribeVolumesCommand({ VolumeIds: [wrongZone.VolumeId as string] }))))
        .name,
    ).toBe('InvalidVolume.NotFound');
  });

  it('tags, terminates, deregisters and deletes snapshots with AWS rules', async () => {
    const id = 'i-0ccccccccccccccc0';
    await east.send(
      new CreateTagsCommand({ Resources: [id, WEB_AMI], Tags: [{ Key: 'reviewed', Value: 'yes' }] }),
    );
    const tagged = await east.send(
      new DescribeImagesCommand({ Filters: [{ Name: 'tag:reviewed', Values: ['yes'] }] }),
    );
    expect(tagged.Images?.map((i) => i.ImageId)).toEqual([WEB_AMI]);
    expect(
      (
        await sdkFailure(
          east.send(
            new CreateTagsCommand({ Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] }),
          ),
        )
      ).name,
    ).toBe('InvalidInstanceID.NotFound');

    const terminated = await east.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(terminated.TerminatingInstances?.[0]).toMatchObject({
      CurrentState: { Code: 32, Name: 'shutting-down' },
      PreviousState: { Code: 16, Name: 'running' },
    });
    sim.clock.advance(5 * 60_000);
    const gone = await east.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    expect(gone.Reservations?.[0]?.Instances?.[0]?.State?.Name).toBe('terminated');

    const snapshotId = (await east.send(new DescribeImagesCommand({ ImageIds: [WEB_AMI] }))).Images?.[0]
      ?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId as string;
    expect((await sdkFailure(east.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId })))).name).toBe(
      'InvalidSnapshot.InUse',
    );
    const deregistered = await east.send(new DeregisterImageCommand({ ImageId: WEB_AMI }));
    expect(deregistered.Return).toBe(true);
    await east.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
    expect(
      (await sdkFailure(east.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] })))).name,
    ).toBe('InvalidSnapshot.NotFound');
  });
});

describe('EC2 under injected faults', () => {
  it('answers throttling and a failed region in the EC2 error shape', async () => {
    sim.faults.throttle(1, { service: 'ec2' });
    expect(await sdkFailure(east.send(new DescribeInstancesCommand({})))).toMatchObject({
      name: 'RequestLimitExceeded',
      status: 503,
    });
    sim.faults.throttle(0, { service: 'ec2' });
    sim.faults.regionDown('us-east-1', '5xx');
    expect(await sdkFailure(east.send(new DescribeImagesCommand({ Owners: ['self'] })))).toMatchObject({
      name: 'ServiceUnavailable',
      status: 503,
    });
    expect((await west.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones).toHaveLength(3);
  });

  it('a failing-restore fault naming a snapshot copy or a volume (Name tag) ends it in error', async () => {
    const named = (name: string) => [
      { ResourceType: 'snapshot' as const, Tags: [{ Key: 'Name', Value: name }] },
      { ResourceType: 'volume' as const, Tags: [{ Key: 'Name', Value: name }] },
    ];
    sim.faults.failRestore('data-dr');
    const failing = await west.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: DATA_SNAP,
        TagSpecifications: named('data-dr').slice(0, 1),
      }),
    );
    const healthy = await west.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: DATA_SNAP,
        TagSpecifications: named('data-ok').slice(0, 1),
      }),
    );
    const describe = async (id: string) =>
      (await west.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots?.[0];
    expect((await describe(failing.SnapshotId as string))?.State).toBe('pending');
    const stop = tick(3);
    // The SDK's own waiter sees the `error` state as a failure, not a timeout.
    await expect(
      waitUntilSnapshotCompleted({ client: west, ...fast }, { SnapshotIds: [failing.SnapshotId as string] }),
    ).rejects.toThrow(/"state":"FAILURE"/);
    stop();
    sim.clock.advance(30 * 60_000);
    expect(await describe(failing.SnapshotId as string)).toMatchObject({
      State: 'error',
      StateMessage: expect.stringContaining(DATA_SNAP) as string,
    });
    expect(await describe(healthy.SnapshotId as string)).toMatchObject({ State: 'completed' });
    expect((await describe(healthy.SnapshotId as string))?.StateMessage).toBeUndefined();

    // CreateVolume matches its Name tag or its new id, and goes creating → error.
    const volume = await west.send(
      new CreateVolumeCommand({
        SnapshotId: healthy.SnapshotId,
        AvailabilityZone: 'us-west-2a',
        TagSpecifications: named('data-dr').slice(1),
      }),
    );
    expect(volume.State).toBe('creating');
    const other = await west.send(
      new CreateVolumeCommand({ SnapshotId: healthy.SnapshotId, AvailabilityZone: 'us-west-2a' }),
    );
    sim.clock.advance(5 * 60_000);
    const states = async () =>
      (
        await west.send(
          new DescribeVolumesCommand({ VolumeIds: [volume.VolumeId as string, other.VolumeId as string] }),
        )
      ).Volumes?.map((v) => [v.VolumeId, v.State]);
    expect(await states()).toEqual(
      expect.arrayContaining([
        [volume.VolumeId, 'error'],
        [other.VolumeId, 'available'],
      ]),
    );
    const byId = await west.send(
      new CreateVolumeCommand({ SnapshotId: healthy.SnapshotId, AvailabilityZone: 'us-west-2a' }),
    );
    sim.faults.failRestore(byId.VolumeId as string);
    sim.clock.advance(5 * 60_000);
    // The fault is read when the volume is created: naming it afterwards changes nothing.
    expect(
      (await west.send(new DescribeVolumesCommand({ VolumeIds: [byId.VolumeId as string] }))).Volumes?.[0]
        ?.State,
    ).toBe('available');
  });
});

describe('EC2 malformed requests (raw HTTP)', () => {
  async function raw(body: string): Promise<{ status: number; body: string }> {
    const res = await sim.handle({
      method: 'POST',
      hostname: 'ec2.us-east-1.amazonaws.com',
      path: '/',
      rawQuery: '',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20261126/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: Buffer.from(body),
    });
    return { status: res.status, body: String(res.body) };
  }

  it('answers in the EC2 error envelope', async () => {
    const unknown = await raw('Action=LaunchRockets&Version=2016-11-15');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatch(
      /<Response><Errors><Error><Code>InvalidAction<\/Code>.*<RequestID>[^<]+<\/RequestID><\/Response>/,
    );
    const wrongType = await raw('Action=DescribeInstances&Version=2016-11-15&MaxResults=lots');
    expect(wrongType.body).toContain('<Code>InvalidParameterValue</Code>');
    const missing = await raw('Action=RunInstances&Version=2016-11-15&MinCount=1&MaxCount=1');
    expect(missing.body).toContain(
      '<Code>MissingParameter</Code><Message>The request must contain the parameter ImageId</Message>',
    );
  });
});
