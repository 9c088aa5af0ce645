import {
  DynamoDBClient,
  ListBackupsCommand,
  type ListBackupsCommandInput,
  type ListBackupsCommandOutput,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeImagesCommand,
  DescribeInstanceStatusCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  EC2Client,
  paginateDescribeImages,
  paginateDescribeInstanceStatus,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBSnapshotsCommand,
  DescribeDBSubnetGroupsCommand,
  paginateDescribeDBInstanceAutomatedBackups,
  paginateDescribeDBSnapshots,
  paginateDescribeDBSubnetGroups,
  RDSClient,
} from '@aws-sdk/client-rds';
import { createPaginator } from '@smithy/core';
import type { Paginator } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { generateEstate } from '../../../electron/simulator/scenario/generate-estate';
import { sdkFailure } from '../../support/sdk-failure';
import { simClient } from '../../support/sim-clients';

/** DynamoDB has no SDK paginator for ListBackups: build one the way the SDK builds its own. */
const paginateListBackups = createPaginator<
  { client: DynamoDBClient; pageSize?: number },
  ListBackupsCommandInput,
  ListBackupsCommandOutput
>(DynamoDBClient, ListBackupsCommand, 'ExclusiveStartBackupArn', 'LastEvaluatedBackupArn', 'Limit');

const REGIONS = ['us-east-1', 'us-west-2'] as const;
const GARBAGE = 'garbage-token';

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ scenarioData: generateEstate({ resources: 400 }), realNow: () => 0 });
});
afterAll(() => sim.close());

/** One paginated operation: how to page it, call it once unpaged, and send it a garbage token. */
interface PagingCase {
  name: string;
  /** The smallest page size the operation accepts. */
  pageSize: number;
  /** The ids over every page of the SDK paginator, and the number of pages. */
  paged: (region: string) => Promise<{ ids: string[]; pages: number }>;
  /** The ids of one call without a page size, and the continuation token it answered (none expected). */
  unpaged: (region: string) => Promise<{ ids: string[]; token: string | undefined }>;
  /** One call with a token this simulator never issued. */
  garbage: (region: string) => Promise<unknown>;
  error: string;
}

async function collect<P>(
  pages: Paginator<P>,
  ids: (page: P) => ReadonlyArray<string | undefined> | undefined,
): Promise<{ ids: string[]; pages: number }> {
  const out: string[] = [];
  let count = 0;
  for await (const page of pages) {
    count += 1;
    for (const id of ids(page) ?? []) out.push(id ?? '(no id)');
  }
  return { ids: out, pages: count };
}

const rds = (region: string) => simClient(RDSClient, sim, region);
const ec2 = (region: string) => simClient(EC2Client, sim, region);
const dynamodb = (region: string) => simClient(DynamoDBClient, sim, region);

const CASES: PagingCase[] = [
  {
    name: 'RDS DescribeDBSnapshots',
    pageSize: 20,
    paged: (r) =>
      collect(paginateDescribeDBSnapshots({ client: rds(r), pageSize: 20 }, {}), (p) =>
        p.DBSnapshots?.map((s) => s.DBSnapshotArn),
      ),
    unpaged: async (r) => {
      const a = await rds(r).send(new DescribeDBSnapshotsCommand({}));
      return { ids: a.DBSnapshots?.map((s) => s.DBSnapshotArn ?? '') ?? [], token: a.Marker };
    },
    garbage: (r) => rds(r).send(new DescribeDBSnapshotsCommand({ Marker: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'RDS DescribeDBInstanceAutomatedBackups',
    pageSize: 20,
    paged: (r) =>
      collect(paginateDescribeDBInstanceAutomatedBackups({ client: rds(r), pageSize: 20 }, {}), (p) =>
        p.DBInstanceAutomatedBackups?.map((b) => b.DBInstanceAutomatedBackupsArn),
      ),
    unpaged: async (r) => {
      const a = await rds(r).send(new DescribeDBInstanceAutomatedBackupsCommand({}));
      return {
        ids: a.DBInstanceAutomatedBackups?.map((b) => b.DBInstanceAutomatedBackupsArn ?? '') ?? [],
        token: a.Marker,
      };
    },
    garbage: (r) => rds(r).send(new DescribeDBInstanceAutomatedBackupsCommand({ Marker: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'RDS DescribeDBSubnetGroups',
    pageSize: 20,
    paged: (r) =>
      collect(paginateDescribeDBSubnetGroups({ client: rds(r), pageSize: 20 }, {}), (p) =>
        p.DBSubnetGroups?.map((g) => g.DBSubnetGroupName),
      ),
    unpaged: async (r) => {
      const a = await rds(r).send(new DescribeDBSubnetGroupsCommand({}));
      return { ids: a.DBSubnetGroups?.map((g) => g.DBSubnetGroupName ?? '') ?? [], token: a.Marker };
    },
    garbage: (r) => rds(r).send(new DescribeDBSubnetGroupsCommand({ Marker: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'EC2 DescribeImages',
    pageSize: 1,
    paged: (r) =>
      collect(paginateDescribeImages({ client: ec2(r), pageSize: 1 }, { Owners: ['self'] }), (p) =>
        p.Images?.map((i) => i.ImageId),
      ),
    unpaged: async (r) => {
      const a = await ec2(r).send(new DescribeImagesCommand({ Owners: ['self'] }));
      return { ids: a.Images?.map((i) => i.ImageId ?? '') ?? [], token: a.NextToken };
    },
    garbage: (r) =>
      ec2(r).send(new DescribeImagesCommand({ Owners: ['self'], MaxResults: 1, NextToken: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'EC2 DescribeSnapshots',
    pageSize: 5,
    paged: (r) =>
      collect(paginateDescribeSnapshots({ client: ec2(r), pageSize: 5 }, { OwnerIds: ['self'] }), (p) =>
        p.Snapshots?.map((s) => s.SnapshotId),
      ),
    unpaged: async (r) => {
      const a = await ec2(r).send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
      return { ids: a.Snapshots?.map((s) => s.SnapshotId ?? '') ?? [], token: a.NextToken };
    },
    garbage: (r) =>
      ec2(r).send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 5, NextToken: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'EC2 DescribeVolumes',
    pageSize: 5,
    paged: (r) =>
      collect(paginateDescribeVolumes({ client: ec2(r), pageSize: 5 }, {}), (p) =>
        p.Volumes?.map((v) => v.VolumeId),
      ),
    unpaged: async (r) => {
      const a = await ec2(r).send(new DescribeVolumesCommand({}));
      return { ids: a.Volumes?.map((v) => v.VolumeId ?? '') ?? [], token: a.NextToken };
    },
    garbage: (r) => ec2(r).send(new DescribeVolumesCommand({ MaxResults: 5, NextToken: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'EC2 DescribeInstanceStatus',
    pageSize: 5,
    paged: (r) =>
      collect(
        paginateDescribeInstanceStatus({ client: ec2(r), pageSize: 5 }, { IncludeAllInstances: true }),
        (p) => p.InstanceStatuses?.map((s) => s.InstanceId),
      ),
    unpaged: async (r) => {
      const a = await ec2(r).send(new DescribeInstanceStatusCommand({ IncludeAllInstances: true }));
      return { ids: a.InstanceStatuses?.map((s) => s.InstanceId ?? '') ?? [], token: a.NextToken };
    },
    garbage: (r) => ec2(r).send(new DescribeInstanceStatusCommand({ MaxResults: 5, NextToken: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'EC2 DescribeSubnets',
    pageSize: 5,
    paged: (r) =>
      collect(paginateDescribeSubnets({ client: ec2(r), pageSize: 5 }, {}), (p) =>
        p.Subnets?.map((s) => s.SubnetId),
      ),
    unpaged: async (r) => {
      const a = await ec2(r).send(new DescribeSubnetsCommand({}));
      return { ids: a.Subnets?.map((s) => s.SubnetId ?? '') ?? [], token: a.NextToken };
    },
    garbage: (r) => ec2(r).send(new DescribeSubnetsCommand({ MaxResults: 5, NextToken: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'EC2 DescribeSecurityGroups',
    pageSize: 5,
    paged: (r) =>
      collect(paginateDescribeSecurityGroups({ client: ec2(r), pageSize: 5 }, {}), (p) =>
        p.SecurityGroups?.map((g) => g.GroupId),
      ),
    unpaged: async (r) => {
      const a = await ec2(r).send(new DescribeSecurityGroupsCommand({}));
      return { ids: a.SecurityGroups?.map((g) => g.GroupId ?? '') ?? [], token: a.NextToken };
    },
    garbage: (r) => ec2(r).send(new DescribeSecurityGroupsCommand({ MaxResults: 5, NextToken: GARBAGE })),
    error: 'InvalidParameterValue',
  },
  {
    name: 'DynamoDB ListBackups',
    pageSize: 1,
    paged: (r) =>
      collect(paginateListBackups({ client: dynamodb(r), pageSize: 1 }, { BackupType: 'ALL' }), (p) =>
        p.BackupSummaries?.map((b) => b.BackupArn),
      ),
    unpaged: async (r) => {
      const a = await dynamodb(r).send(new ListBackupsCommand({ BackupType: 'ALL' }));
      return { ids: a.BackupSummaries?.map((b) => b.BackupArn ?? '') ?? [], token: a.LastEvaluatedBackupArn };
    },
    garbage: (r) => dynamodb(r).send(new ListBackupsCommand({ ExclusiveStartBackupArn: GARBAGE })),
    error: 'ValidationException',
  },
];

describe('pagination over a generated estate, at the smallest page size, through the SDK paginators', () => {
  it.each(CASES.flatMap((c) => REGIONS.map((region) => ({ ...c, region }))))(
    '$name in $region: the pages hold exactly what one unpaged call answers',
    async (c) => {
      const unpaged = await c.unpaged(c.region);
      expect(unpaged.token).toBeUndefined();
      const paged = await c.paged(c.region);
      expect(new Set(paged.ids).size).toBe(paged.ids.length);
      expect([...paged.ids].sort()).toEqual([...unpaged.ids].sort());
      // Every page but the last is full; no empty page after an exact fit.
      expect(paged.pages).toBe(Math.max(1, Math.ceil(unpaged.ids.length / c.pageSize)));
    },
  );

  it('pages more than once for most operations (the estate is big enough to matter)', async () => {
    let multiPage = 0;
    for (const c of CASES) if ((await c.paged('us-east-1')).pages > 1) multiPage += 1;
    expect(multiPage).toBeGreaterThanOrEqual(5);
  });

  it.each(CASES)('$name: a token the simulator never issued is $error (400)', async (c) => {
    const failure = await sdkFailure(c.garbage('us-east-1'));
    expect(failure).toMatchObject({ name: c.error, status: 400 });
    expect(failure.message).toContain(GARBAGE);
  });

  it('ListBackups continues after a backup deleted between pages instead of starting over', async () => {
    const client = dynamodb('us-east-1');
    const all = (await client.send(new ListBackupsCommand({ BackupType: 'ALL' }))).BackupSummaries ?? [];
    expect(all.length).toBeGreaterThan(2);
    const gone = all[1]!.BackupArn!.replace(/-[0-9a-z]+$/, '-zzzzzzzz');
    const rest = await client.send(
      new ListBackupsCommand({ BackupType: 'ALL', ExclusiveStartBackupArn: gone }),
    );
    expect(rest.BackupSummaries?.map((b) => b.BackupArn)).toEqual(all.slice(2).map((b) => b.BackupArn));
  });
});
