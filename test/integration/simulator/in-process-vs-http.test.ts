import {
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  type EC2ClientConfig,
} from '@aws-sdk/client-ec2';
import {
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  type RDSClientConfig,
} from '@aws-sdk/client-rds';
import {
  GetBucketVersioningCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, startSimulatorServer } from '../../../electron/simulator';
import type { Simulator, SimulatorServer } from '../../../electron/simulator';
import { rejectionOf } from '../../support/rejection';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
/** A stopped real clock, so the simulated time (and every time-derived field) is the same for both faces. */
const FROZEN_NOW = Date.parse('2026-11-26T06:00:00Z');

type Transport = Pick<S3ClientConfig, 'requestHandler' | 'endpoint'>;

/** What a call gives back, without the per-request metadata (request ids differ by design). */
function withoutMetadata(output: object): unknown {
  const { $metadata: _metadata, ...rest } = output as { $metadata?: unknown };
  return rest;
}

/** The describe calls the app's assessment and the benchmark send, through one transport. */
function describeAll(transport: Transport) {
  const config = (region: string) => ({ region, credentials, maxAttempts: 1, ...transport });
  const rds = new RDSClient(config('us-east-1') as RDSClientConfig);
  const ec2 = new EC2Client(config('us-east-1') as EC2ClientConfig);
  const dynamo = new DynamoDBClient(config('us-east-1') as DynamoDBClientConfig);
  const s3 = new S3Client({ ...config('us-east-1'), forcePathStyle: true });
  const sts = new STSClient(config('us-west-2'));
  return async () => {
    const instances = await rds.send(new DescribeDBInstancesCommand({}));
    const id = instances.DBInstances?.[0]?.DBInstanceIdentifier ?? '';
    const volumes = await ec2.send(new DescribeVolumesCommand({}));
    const volumeId = volumes.Volumes?.[0]?.VolumeId ?? '';
    const tables = await dynamo.send(new ListTablesCommand({}));
    const table = tables.TableNames?.[0] ?? '';
    const buckets = await s3.send(new ListBucketsCommand({}));
    const bucket = buckets.Buckets?.find((b) => b.BucketRegion === 'us-east-1')?.Name ?? '';
    const answers: Array<[string, unknown]> = [
      ['rds:DescribeDBInstances', instances],
      [
        'rds:DescribeDBInstances (one)',
        await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })),
      ],
      ['rds:DescribeDBSnapshots', await rds.send(new DescribeDBSnapshotsCommand({}))],
      ['ec2:DescribeVolumes', volumes],
      ['ec2:DescribeVolumes (one)', await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))],
      ['ec2:DescribeInstances', await ec2.send(new DescribeInstancesCommand({}))],
      ['dynamodb:ListTables', tables],
      ['dynamodb:DescribeTable', await dynamo.send(new DescribeTableCommand({ TableName: table }))],
      ['s3:ListBuckets', buckets],
      ['s3:GetBucketVersioning', await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))],
      ['s3:ListObjectsV2', await s3.send(new ListObjectsV2Command({ Bucket: bucket }))],
      ['sts:GetCallerIdentity', await sts.send(new GetCallerIdentityCommand({}))],
    ];
    const missing = await rejectionOf(
      rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'no-such-db' })),
    );
    return {
      ids: { id, volumeId, table, bucket },
      answers: answers.map(([name, output]) => [name, withoutMetadata(output as object)]),
      error: { name: missing.name, message: missing.message },
    };
  };
}

describe('the in-process handler and the HTTP server', () => {
  let sim: Simulator;
  let server: SimulatorServer;

  beforeAll(async () => {
    sim = await createSimulator({ scenario: 'healthy', realNow: () => FROZEN_NOW });
    server = await startSimulatorServer(sim, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    sim.close();
  });

  it('give the SDK the same answers, field for field, for list and single-resource describes and errors', async () => {
    const inProcess = await describeAll({ requestHandler: sim.requestHandler })();
    const overHttp = await describeAll({ endpoint: server.url })();
    expect(Object.values(inProcess.ids).every((value) => value !== '')).toBe(true);
    expect(inProcess.error.name).toBe('DBInstanceNotFoundFault');
    expect(inProcess).toEqual(overHttp);
  });
});
