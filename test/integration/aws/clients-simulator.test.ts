import { ListBucketsCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { DescribeAvailabilityZonesCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowKinds, createAwsClients, describeAwsError, type AwsClients } from '../../../electron/core/aws';
import { createSimulator, startSimulatorServer, type Simulator } from '../../../electron/simulator';

let sim: Simulator;
let clients: AwsClients;
let requests = 0;

beforeEach(async () => {
  sim = await createSimulator({ scenario: 'healthy', speed: 1 });
  requests = 0;
  sim.onRequest(() => (requests += 1));
  clients = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
});

afterEach(() => {
  clients.destroy();
  sim.close();
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('guarded clients against the simulator', () => {
  it('send registered reads of every service through the real SDK', async () => {
    const who = await clients.sts('us-west-2').send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(sim.accountId);
    expect((await clients.s3('us-east-1').send(new ListBucketsCommand({}))).Buckets?.length).toBeGreaterThan(
      0,
    );
    expect(
      (await clients.rds('us-east-1').send(new DescribeDBInstancesCommand({}))).DBInstances,
    ).toBeDefined();
    expect(
      (await clients.ec2('us-west-2').send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones
        ?.length,
    ).toBeGreaterThan(0);
    expect(requests).toBe(4);
  });

  it('never let an unregistered command reach the simulator', async () => {
    const error = await failure(
      clients
        .s3('us-east-1')
        .send(
          new PutBucketVersioningCommand({ Bucket: 'any', VersioningConfiguration: { Status: 'Suspended' } }),
        ),
    );
    expect(error).toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    expect(requests).toBe(0);
  });

  it('refuses creates in a read-only context, before the simulator sees anything', async () => {
    const readOnly = clients.withPolicy(allowKinds(['read'], 'The assessment'));
    const { CopyDBSnapshotCommand } = await import('@aws-sdk/client-rds');
    const error = await failure(
      readOnly
        .rds('us-west-2')
        .send(
          new CopyDBSnapshotCommand({ SourceDBSnapshotIdentifier: 'a', TargetDBSnapshotIdentifier: 'b' }),
        ),
    );
    expect(error).toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    expect(requests).toBe(0);
  });

  it('keep guarding every call once a command class is cached (tabletop clients cache middleware)', async () => {
    const readOnly = clients.withPolicy(allowKinds(['read'], 'The assessment'));
    const { CopyDBSnapshotCommand } = await import('@aws-sdk/client-rds');
    const rds = readOnly.rds('us-west-2');
    await rds.send(new DescribeDBInstancesCommand({}));
    await rds.send(new DescribeDBInstancesCommand({}));
    for (let i = 0; i < 3; i += 1) {
      const error = await failure(
        rds.send(
          new CopyDBSnapshotCommand({ SourceDBSnapshotIdentifier: 'a', TargetDBSnapshotIdentifier: 'b' }),
        ),
      );
      expect(error).toMatchObject({ code: 'OPERATION_NOT_ALLOWED' });
    }
    expect(requests).toBe(2);
  });

  it('report a refused region clearly and fast-fail within the attempt budget', async () => {
    sim.faults.regionDown('us-east-1', 'refused');
    const error = await failure(clients.fastFail().sts('us-east-1').send(new GetCallerIdentityCommand({})));
    const described = describeAwsError(error, {
      service: 'sts',
      operation: 'GetCallerIdentity',
      region: 'us-east-1',
    });
    expect(described.code).toBe('UNAVAILABLE');
    expect(described.message).toMatch(/sts GetCallerIdentity in us-east-1: the service does not answer/);
    // The other region still answers.
    expect((await clients.fastFail().sts('us-west-2').send(new GetCallerIdentityCommand({}))).Account).toBe(
      sim.accountId,
    );
  });

  it('bound a call to a region that never answers with the request timeout', async () => {
    sim.faults.regionDown('us-east-1', 'timeout');
    const quick = createAwsClients({
      mode: 'TABLETOP',
      simulator: sim.requestHandler,
      tuning: { requestTimeoutMs: 50, maxAttempts: 1 },
    });
    try {
      const error = await failure(quick.sts('us-east-1').send(new GetCallerIdentityCommand({})));
      expect(describeAwsError(error, { service: 'sts', operation: 'GetCallerIdentity' }).code).toBe(
        'UNAVAILABLE',
      );
    } finally {
      quick.destroy();
    }
  });

  it('reach the simulator over HTTP in LIVE mode through AWS_ENDPOINT_URL (S3 path-style)', async () => {
    const server = await startSimulatorServer(sim, { port: 0 });
    const live = createAwsClients({
      mode: 'LIVE',
      env: { AWS_ENDPOINT_URL: server.url },
      credentials: async () => ({ accessKeyId: 'AKIDLIVETEST', secretAccessKey: 'x' }),
    });
    try {
      const buckets = await live.s3('us-east-1').send(new ListBucketsCommand({}));
      expect(buckets.Buckets?.length).toBeGreaterThan(0);
      const who = await live.sts('us-west-2').send(new GetCallerIdentityCommand({}));
      expect(who.Account).toBe(sim.accountId);
      expect(live.s3('us-east-1').config.forcePathStyle).toBe(true);
    } finally {
      live.destroy();
      await server.close();
    }
  });
});
