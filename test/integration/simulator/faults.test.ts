import path from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../electron/simulator';
import type { Simulator } from '../../../electron/simulator';
import type { ServiceSimulator } from '../../../electron/simulator/core/types';
import { simulatorServices } from '../../../electron/simulator/core/services';
import { rejectionOf } from '../../support/rejection';

const scenario = path.resolve('test/fixtures/scenarios/s3-basic.yaml');
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

describe('faults through the real SDK', () => {
  let sim: Simulator;
  afterEach(() => sim.close());

  const s3 = (region: string) =>
    new S3Client({ region, credentials, requestHandler: sim.requestHandler, maxAttempts: 1 });

  it('answers 503 ServiceUnavailable in S3 shape during a 5xx outage, only in that region', async () => {
    sim = await createSimulator({ scenario });
    sim.faults.regionDown('us-east-1', '5xx');
    const error = await rejectionOf(
      s3('us-east-1').send(new ListObjectsV2Command({ Bucket: 'orders-east' })),
    );
    expect(error).toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    expect((error['$metadata'] as { requestId?: string }).requestId).toMatch(/^[0-9A-F]{16}$/);
    await expect(s3('us-west-2').send(new ListBucketsCommand({}))).resolves.toBeDefined();
  });

  it('loads the default scenario with us-east-1 failing', async () => {
    sim = await createSimulator({});
    expect(sim.scenario.name).toBe('us-east-1-outage');
    expect(sim.scenario.notes.some((n) => n.includes('OUT OF POLICY'))).toBe(true);
    expect(sim.save().scenario.notes).toEqual(sim.scenario.notes);
    const error = await rejectionOf(s3('us-east-1').send(new ListBucketsCommand({})));
    expect(error).toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    const west = await s3('us-west-2').send(new ListBucketsCommand({}));
    expect(west.Buckets?.length).toBeGreaterThan(5);
  });

  it('refuses connections like a dead endpoint', async () => {
    sim = await createSimulator({ scenario });
    sim.faults.regionDown('us-east-1', 'refused', ['s3']);
    const error = await rejectionOf(s3('us-east-1').send(new ListBucketsCommand({})));
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    const sts = new STSClient({ region: 'us-east-1', credentials, requestHandler: sim.requestHandler });
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: '111122223333',
    });
  });

  it('never answers during a timeout outage until the caller aborts', async () => {
    sim = await createSimulator({ scenario });
    sim.faults.regionDown('us-west-2', 'timeout');
    const controller = new AbortController();
    const pending = s3('us-west-2').send(new ListBucketsCommand({}), { abortSignal: controller.signal });
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error['name']).toBe('AbortError');
  });

  it('fails hanging requests when the simulator closes', async () => {
    sim = await createSimulator({ scenario });
    sim.faults.regionDown('us-west-2', 'timeout');
    const pending = rejectionOf(s3('us-west-2').send(new ListBucketsCommand({})));
    await new Promise((resolve) => setImmediate(resolve));
    sim.close();
    expect(await pending).toMatchObject({ code: 'ECONNRESET' });
  });

  it('throttles with SlowDown (S3) and Throttling (STS)', async () => {
    sim = await createSimulator({ scenario });
    sim.faults.throttle(1, { region: 'us-west-2' });
    expect(await rejectionOf(s3('us-west-2').send(new ListBucketsCommand({})))).toMatchObject({
      name: 'SlowDown',
      $metadata: { httpStatusCode: 503 },
    });
    const sts = new STSClient({
      region: 'us-west-2',
      credentials,
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
    expect(await rejectionOf(sts.send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'Throttling',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('throttles each protocol with its own error (RDS, EC2, DynamoDB)', async () => {
    sim = await createSimulator({ scenario: 'healthy' });
    sim.faults.throttle(1, { region: 'us-west-2' });
    const common = { region: 'us-west-2', credentials, requestHandler: sim.requestHandler, maxAttempts: 1 };
    expect(await rejectionOf(new RDSClient(common).send(new DescribeDBInstancesCommand({})))).toMatchObject({
      name: 'Throttling',
      $metadata: { httpStatusCode: 400 },
    });
    expect(await rejectionOf(new EC2Client(common).send(new DescribeVolumesCommand({})))).toMatchObject({
      name: 'RequestLimitExceeded',
      $metadata: { httpStatusCode: 503 },
    });
    expect(await rejectionOf(new DynamoDBClient(common).send(new ListTablesCommand({})))).toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    sim.faults.regionDown('us-west-2', '5xx', ['dynamodb']);
    expect(await rejectionOf(new DynamoDBClient(common).send(new ListTablesCommand({})))).toMatchObject({
      $metadata: { httpStatusCode: 503 },
    });
  });

  it('times a hanging in-process request out after the handler requestTimeout', async () => {
    sim = await createSimulator({ scenario });
    sim.faults.regionDown('us-west-2', 'timeout');
    const error = await rejectionOf(
      sim.handle(
        {
          method: 'GET',
          hostname: 's3.us-west-2.amazonaws.com',
          path: '/',
          rawQuery: '',
          headers: {},
          body: Buffer.alloc(0),
        },
        { requestTimeout: 20 },
      ),
    );
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' });
  });

  it('lets the SDK retry through partial throttling', async () => {
    sim = await createSimulator({ scenario });
    sim.faults.throttle(0.3, { service: 's3' });
    const client = new S3Client({
      region: 'us-west-2',
      credentials,
      requestHandler: sim.requestHandler,
      maxAttempts: 10,
    });
    for (let i = 0; i < 5; i += 1) {
      await expect(
        client.send(new HeadObjectCommand({ Bucket: 'scratch-dev', Key: 'a.txt' })),
      ).resolves.toBeDefined();
    }
  });

  it('turns an exception inside a service into a 500 in its protocol shape', async () => {
    const broken: ServiceSimulator = {
      signingName: 'sts',
      emptyState: () => ({}),
      scenarioSchema: z.unknown(),
      fromScenario: () => ({}),
      handle: () => {
        throw new Error('boom');
      },
      encodeError: (error, ctx) => {
        const sts = simulatorServices.find((s) => s.signingName === 'sts');
        if (!sts) throw new Error('no sts');
        return sts.encodeError(error, ctx);
      },
    };
    sim = await createSimulator({
      scenarioData: { name: 'x', title: 'X', accountId: '111122223333', regions: ['us-east-1'] },
      services: [broken],
    });
    const sts = new STSClient({
      region: 'us-east-1',
      credentials,
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
    const error = await rejectionOf(sts.send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
    expect(String(error['message'])).toContain('boom');
  });

  it('answers an unknown service with an AWS-shaped error instead of crashing', async () => {
    sim = await createSimulator({ scenario });
    const response = await sim.handle({
      method: 'POST',
      hostname: 'lambda.us-east-1.amazonaws.com',
      path: '/',
      rawQuery: '',
      headers: {},
      body: Buffer.alloc(0),
    });
    expect(response.status).toBe(400);
    // Lambda speaks REST-JSON: its clients read a JSON body and x-amzn-errortype.
    expect(JSON.parse(String(response.body))).toMatchObject({
      __type: 'com.amazon.coral.service#UnrecognizedClientException',
    });
    expect(response.headers['x-amzn-errortype']).toMatch(/^UnrecognizedClientException:/);
    expect(response.headers['x-amzn-requestid']).toBeDefined();
    const anonymous = await sim.handle({
      method: 'GET',
      hostname: '127.0.0.1',
      path: '/nothing',
      rawQuery: '',
      headers: {},
      body: Buffer.alloc(0),
    });
    expect(anonymous.status).toBe(400);
  });

  it('exposes quotas, failing restores and replication lag to services', async () => {
    sim = await createSimulator({ scenario });
    sim.faults.setQuota('ec2.concurrentSnapshotCopies', 1);
    sim.faults.failRestore('orders-restored');
    sim.faults.setReplicationLag('us-east-1', 'us-west-2', 3_600_000);
    expect(sim.faults.quota('ec2.concurrentSnapshotCopies', 5)).toBe(1);
    expect(sim.faults.restoreShouldFail('orders-restored')).toBe(true);
    const client = s3('us-east-1');
    await client.send(new PutObjectCommand({ Bucket: 'orders-east', Key: 'orders/lagged.json', Body: 'x' }));
    sim.clock.advance(60_000);
    const early = await client.send(
      new HeadObjectCommand({ Bucket: 'orders-east', Key: 'orders/lagged.json' }),
    );
    expect(early.ReplicationStatus).toBe('PENDING');
    sim.clock.advance(3_600_000);
    const late = await client.send(
      new HeadObjectCommand({ Bucket: 'orders-east', Key: 'orders/lagged.json' }),
    );
    expect(late.ReplicationStatus).toBe('COMPLETED');
  });
});
