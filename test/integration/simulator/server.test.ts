import path from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, startSimulatorServer } from '../../../electron/simulator';
import type { Simulator, SimulatorServer } from '../../../electron/simulator';
import { rejectionOf } from '../../support/rejection';

const scenario = path.resolve('test/fixtures/scenarios/s3-basic.yaml');
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

describe('the simulator HTTP server', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  const s3 = (region: string, extra: Record<string, unknown> = {}) =>
    new S3Client({
      region,
      credentials,
      endpoint: server.url,
      forcePathStyle: true,
      maxAttempts: 1,
      ...extra,
    });

  beforeAll(async () => {
    sim = await createSimulator({ scenario });
    server = await startSimulatorServer(sim, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    sim.close();
  });

  it('listens on 127.0.0.1 with a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves S3 path-style and STS through the SDK', async () => {
    const west = s3('us-west-2');
    const buckets = await west.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => b.Name)).toContain('orders-west');
    const put = await west.send(
      new PutObjectCommand({ Bucket: 'orders-west', Key: 'over/http.txt', Body: 'via http' }),
    );
    const got = await west.send(new GetObjectCommand({ Bucket: 'orders-west', Key: 'over/http.txt' }));
    expect(await got.Body?.transformToString()).toBe('via http');
    expect(got.VersionId).toBe(put.VersionId);
    const head = await west.send(new HeadObjectCommand({ Bucket: 'orders-west', Key: 'over/http.txt' }));
    expect(head.ContentLength).toBe(8);
    const versions = await west.send(
      new ListObjectVersionsCommand({ Bucket: 'orders-west', Prefix: 'over/' }),
    );
    expect(versions.Versions).toHaveLength(1);
    const sts = new STSClient({ region: 'us-west-2', credentials, endpoint: server.url });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('111122223333');
  });

  it('returns AWS error codes and statuses over HTTP', async () => {
    const west = s3('us-west-2');
    expect(
      await rejectionOf(west.send(new GetObjectCommand({ Bucket: 'orders-west', Key: 'missing' }))),
    ).toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
    expect(
      await rejectionOf(west.send(new HeadObjectCommand({ Bucket: 'orders-west', Key: 'missing' }))),
    ).toMatchObject({
      name: 'NotFound',
      $metadata: { httpStatusCode: 404 },
    });
    expect(
      await rejectionOf(
        west.send(
          new RestoreObjectCommand({ Bucket: 'scratch-dev', Key: 'a.txt', RestoreRequest: { Days: 1 } }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidObjectState', $metadata: { httpStatusCode: 403 } });
  });

  it('drops the connection during a refused outage', async () => {
    sim.faults.regionDown('us-east-1', 'refused');
    try {
      const error = await rejectionOf(s3('us-east-1').send(new ListBucketsCommand({})));
      expect(String(error['code'] ?? error['name'])).toMatch(/ECONNRESET|socket hang up|EPIPE/i);
    } finally {
      sim.faults.regionUp('us-east-1');
    }
  });

  it('never answers during a timeout outage, so the client times out', async () => {
    sim.faults.regionDown('us-east-1', 'timeout');
    try {
      const client = s3('us-east-1', {
        requestHandler: new NodeHttpHandler({ requestTimeout: 300, throwOnRequestTimeout: true }),
      });
      const error = await rejectionOf(client.send(new ListBucketsCommand({})));
      expect(String(error['name'])).toBe('TimeoutError');
    } finally {
      sim.faults.regionUp('us-east-1');
    }
  });

  it('refuses a port already in use with a clear message', async () => {
    await expect(startSimulatorServer(sim, { port: server.port })).rejects.toThrow(
      `Port ${server.port} on 127.0.0.1 is already in use`,
    );
  });
});
