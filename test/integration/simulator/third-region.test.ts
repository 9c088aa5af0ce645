import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeAvailabilityZonesCommand, DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketLocationCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { sdkFailure } from '../../support/sdk-failure';
import { simClient, simClientConfig } from '../../support/sim-clients';

const ACCOUNT = '444455556666';
const EU = 'eu-west-1';

/** Two home regions and a third (eu-west-1) holding one resource of each service. */
function scenario(): Record<string, unknown> {
  return {
    name: 'three-regions',
    title: 'Three regions',
    accountId: ACCOUNT,
    regions: ['us-east-1', 'us-west-2', EU],
    startTime: '2026-11-26T09:00:00Z',
    sts: {
      arn: `arn:aws:sts::{accountId}:assumed-role/Commander/commander`,
      userId: 'AROACOMMANDER:commander',
    },
    s3: {
      buckets: [
        { name: 'reports-eu', region: EU, objects: [{ key: 'q3.csv', content: 'a,b\n1,2\n' }] },
        { name: 'reports-us', region: 'us-east-1' },
      ],
    },
    rds: {
      subnetGroups: [
        {
          name: 'eu-db',
          region: EU,
          vpcId: 'vpc-0e0e0e0e',
          subnets: [{ id: 'subnet-0e0e0e01', az: 'eu-west-1a' }],
        },
      ],
      instances: [
        {
          id: 'ledger-db',
          region: EU,
          engine: 'postgres',
          engineVersion: '16.4',
          class: 'db.r6g.large',
          storage: 100,
          backupRetention: 7,
          subnetGroup: 'eu-db',
        },
      ],
    },
    ec2: {
      networks: [
        {
          region: EU,
          zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
          subnets: [{ id: 'subnet-0e0e0e01', vpcId: 'vpc-0e0e0e0e', az: 'eu-west-1a', cidr: '10.9.1.0/24' }],
        },
      ],
      images: [{ id: 'ami-0e0e0e0e0e0e0e0e1', region: EU, name: 'ledger-app', age: '2d' }],
      instances: [
        {
          id: 'i-0e0e0e0e0e0e0e0e1',
          region: EU,
          image: 'ami-0e0e0e0e0e0e0e0e1',
          type: 'm6i.large',
          subnet: 'subnet-0e0e0e01',
          tags: { Name: 'ledger-app-1' },
        },
      ],
    },
    dynamodb: {
      tables: [{ name: 'ledger', region: EU, partitionKey: { name: 'id' }, replicas: ['us-west-2'] }],
    },
  };
}

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ scenarioData: scenario(), realNow: () => 0 });
});
afterAll(() => sim.close());

describe('a scenario with a third region (eu-west-1), through the real SDK v3 clients', () => {
  it('declares the region', () => {
    expect(sim.regions).toEqual(['us-east-1', 'us-west-2', EU]);
  });

  it('STS answers in eu-west-1', async () => {
    const me = await simClient(STSClient, sim, EU).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(ACCOUNT);
  });

  it('S3 places the bucket in eu-west-1 and lists it there', async () => {
    const s3 = new S3Client({ ...simClientConfig(sim, EU), forcePathStyle: true });
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: 'reports-eu' }))).LocationConstraint).toBe(
      EU,
    );
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'reports-eu' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['q3.csv']);
  });

  it('RDS answers the instance in eu-west-1 only', async () => {
    const eu = await simClient(RDSClient, sim, EU).send(new DescribeDBInstancesCommand({}));
    expect(eu.DBInstances?.map((d) => [d.DBInstanceIdentifier, d.AvailabilityZone])).toEqual([
      ['ledger-db', 'eu-west-1a'],
    ]);
    expect(eu.DBInstances?.[0]?.DBInstanceArn).toBe(`arn:aws:rds:${EU}:${ACCOUNT}:db:ledger-db`);
    const east = await simClient(RDSClient, sim, 'us-east-1').send(new DescribeDBInstancesCommand({}));
    expect(east.DBInstances).toEqual([]);
  });

  it('EC2 answers the zones and the instance of eu-west-1', async () => {
    const ec2 = simClient(EC2Client, sim, EU);
    const zones = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones?.map((z) => [z.ZoneName, z.ZoneId, z.RegionName])).toEqual([
      ['eu-west-1a', 'euw1-az1', EU],
      ['eu-west-1b', 'euw1-az2', EU],
      ['eu-west-1c', 'euw1-az3', EU],
    ]);
    const instances = await ec2.send(new DescribeInstancesCommand({}));
    expect(instances.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId)).toEqual([
      'i-0e0e0e0e0e0e0e0e1',
    ]);
  });

  it('DynamoDB answers the table in eu-west-1 with its us-west-2 replica', async () => {
    const table = await simClient(DynamoDBClient, sim, EU).send(
      new DescribeTableCommand({ TableName: 'ledger' }),
    );
    expect(table.Table).toMatchObject({
      TableStatus: 'ACTIVE',
      TableArn: `arn:aws:dynamodb:${EU}:${ACCOUNT}:table/ledger`,
    });
    expect(table.Table?.Replicas?.map((r) => r.RegionName)).toEqual(['us-west-2']);
    expect(
      (
        await sdkFailure(
          simClient(DynamoDBClient, sim, 'us-east-1').send(new DescribeTableCommand({ TableName: 'ledger' })),
        )
      ).name,
    ).toBe('ResourceNotFoundException');
  });
});
