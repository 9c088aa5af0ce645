import {
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Filter,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { generateEstate } from '../../../electron/simulator/scenario/generate-estate';
import { sdkFailure } from '../../support/sdk-failure';
import { simClient } from '../../support/sim-clients';

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ scenarioData: generateEstate({ resources: 400 }), realNow: () => 0 });
});
afterAll(() => sim.close());

const ec2 = (region: string) => simClient(EC2Client, sim, region);

/** Each filtered EC2 describe call, one supported filter of it, and what it lists. */
const OPERATIONS: Array<{
  name: string;
  supported: string;
  send: (region: string, filters: Filter[]) => Promise<unknown[]>;
}> = [
  {
    name: 'DescribeInstances',
    supported: 'instance-state-name',
    send: async (r, Filters) =>
      (await ec2(r).send(new DescribeInstancesCommand({ Filters }))).Reservations ?? [],
  },
  {
    name: 'DescribeInstanceStatus',
    supported: 'instance-status.status',
    send: async (r, Filters) =>
      (await ec2(r).send(new DescribeInstanceStatusCommand({ Filters, IncludeAllInstances: true })))
        .InstanceStatuses ?? [],
  },
  {
    name: 'DescribeImages',
    supported: 'state',
    send: async (r, Filters) =>
      (await ec2(r).send(new DescribeImagesCommand({ Owners: ['self'], Filters }))).Images ?? [],
  },
  {
    name: 'DescribeSnapshots',
    supported: 'volume-id',
    send: async (r, Filters) =>
      (await ec2(r).send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters }))).Snapshots ?? [],
  },
  {
    name: 'DescribeVolumes',
    supported: 'attachment.instance-id',
    send: async (r, Filters) => (await ec2(r).send(new DescribeVolumesCommand({ Filters }))).Volumes ?? [],
  },
  {
    name: 'DescribeAvailabilityZones',
    supported: 'zone-name',
    send: async (r, Filters) =>
      (await ec2(r).send(new DescribeAvailabilityZonesCommand({ Filters }))).AvailabilityZones ?? [],
  },
  {
    name: 'DescribeSubnets',
    supported: 'vpc-id',
    send: async (r, Filters) => (await ec2(r).send(new DescribeSubnetsCommand({ Filters }))).Subnets ?? [],
  },
  {
    name: 'DescribeSecurityGroups',
    supported: 'group-name',
    send: async (r, Filters) =>
      (await ec2(r).send(new DescribeSecurityGroupsCommand({ Filters }))).SecurityGroups ?? [],
  },
];

describe('EC2 filter names are checked whether or not the region holds resources', () => {
  it.each(OPERATIONS)('$name refuses an unsupported filter name in both regions', async (op) => {
    for (const region of ['us-east-1', 'us-west-2']) {
      const failure = await sdkFailure(op.send(region, [{ Name: 'no-such-filter', Values: ['x'] }]));
      expect(failure).toEqual({
        name: 'InvalidParameterValue',
        message: "The filter 'no-such-filter' is invalid",
        status: 400,
      });
    }
  });

  it.each(OPERATIONS)('$name accepts its supported filter on an empty answer', async (op) => {
    await expect(
      op.send('us-west-2', [{ Name: op.supported, Values: ['matches-nothing'] }]),
    ).resolves.toEqual([]);
  });

  it('the region without instances or volumes still refuses unsupported names (it used to answer 200 [])', async () => {
    const west = ec2('us-west-2');
    expect((await west.send(new DescribeVolumesCommand({}))).Volumes).toEqual([]);
    expect((await west.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
    expect(
      (
        await sdkFailure(
          west.send(new DescribeVolumesCommand({ Filters: [{ Name: 'size', Values: ['8'] }] })),
        )
      ).message,
    ).toBe("The filter 'size' is invalid");
  });

  it('tag filters are accepted where AWS has them, and refused on DescribeInstanceStatus, which has none', async () => {
    const east = ec2('us-east-1');
    const tagged = await east.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag-key', Values: ['Name'] },
          { Name: 'tag:no-such-key', Values: ['*'] },
        ],
      }),
    );
    expect(tagged.Reservations).toEqual([]);
    expect(
      await sdkFailure(
        east.send(new DescribeInstanceStatusCommand({ Filters: [{ Name: 'tag:Name', Values: ['web'] }] })),
      ),
    ).toMatchObject({ name: 'InvalidParameterValue', message: "The filter 'tag:Name' is invalid" });
  });
});
