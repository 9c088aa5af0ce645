import path from 'node:path';
import { DescribeTableCommand, DynamoDBClient, TagResourceCommand } from '@aws-sdk/client-dynamodb';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../../electron/simulator';
import type { SimCommit } from '../../../../electron/simulator/core/simulator';
import { isSettled, until } from '../../../support/settle';

const scenario = path.resolve('test/fixtures/scenarios/s3-basic.yaml');
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

function s3(sim: Simulator, region = 'us-west-2'): S3Client {
  return new S3Client({ region, credentials, requestHandler: sim.requestHandler, maxAttempts: 1 });
}

/** A commit that counts its calls and settles only when the test says. */
function heldCommit() {
  const held: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const commit: SimCommit = () => new Promise<void>((resolve, reject) => held.push({ resolve, reject }));
  return { commit, held };
}

describe('the simulator commit hook', () => {
  const sims: Simulator[] = [];
  const open = async (name = scenario): Promise<Simulator> => {
    const sim = await createSimulator({ scenario: name });
    sims.push(sim);
    return sim;
  };
  afterEach(() => {
    for (const sim of sims.splice(0)) sim.close();
  });

  it('holds a mutating answer until the commit resolves, after the change is made', async () => {
    const sim = await open();
    const { commit, held } = heldCommit();
    sim.setCommit(commit);
    const put = s3(sim).send(new PutObjectCommand({ Bucket: 'orders-west', Key: 'held.txt', Body: 'x' }));
    await until(() => held.length === 1);
    expect(await isSettled(put)).toBe(false);
    // The change is in the account the commit saves, before the answer is released.
    const buckets = sim.save().services['s3'] as { buckets: Record<string, { objects: object }> };
    expect(Object.keys(buckets.buckets['orders-west']!.objects)).toContain('held.txt');
    held[0]!.resolve();
    expect((await put).VersionId).toBeTruthy();
  });

  it('never calls it for reads, failed requests or injected faults', async () => {
    const sim = await open();
    const { commit, held } = heldCommit();
    sim.setCommit(commit);
    const client = s3(sim);
    const east = s3(sim, 'us-east-1');
    await client.send(new ListBucketsCommand({}));
    await east.send(new HeadObjectCommand({ Bucket: 'orders-east', Key: 'reports/q1.csv' }));
    await east.send(new GetObjectCommand({ Bucket: 'orders-east', Key: 'reports/q1.csv' }));
    await expect(
      client.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' })),
    ).rejects.toThrow(/does not exist/);
    sim.faults.regionDown('us-west-2', '5xx');
    await expect(
      client.send(new PutObjectCommand({ Bucket: 'orders-west', Key: 'k', Body: 'x' })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 503 } });
    expect(held).toHaveLength(0);
  });

  it('answers a 500 InternalError when the commit fails, with a request id, keeping the change in memory', async () => {
    const sim = await open();
    sim.setCommit(() => Promise.reject(new Error('ENOSPC: no space left on device')));
    const error = await s3(sim)
      .send(new PutObjectCommand({ Bucket: 'orders-west', Key: 'unsaved.txt', Body: 'x' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    const failure = error as S3ServiceException;
    expect(failure.name).toBe('InternalError');
    expect(failure.$metadata.httpStatusCode).toBe(500);
    expect(failure.$metadata.requestId).toBeTruthy();
    expect(failure.message).toContain('could not be saved: ENOSPC');
    sim.setCommit(undefined);
    const got = await s3(sim).send(new GetObjectCommand({ Bucket: 'orders-west', Key: 'unsaved.txt' }));
    expect(await got.Body?.transformToString()).toBe('x');
  });

  it('answers the JSON protocol with its own 500 shape', async () => {
    const sim = await open('healthy');
    sim.setCommit(() => Promise.reject(new Error('disk gone')));
    const ddb = new DynamoDBClient({
      region: 'us-east-1',
      credentials,
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
    const table = await ddb.send(new DescribeTableCommand({ TableName: 'orders-events' }));
    const failure = await ddb
      .send(new TagResourceCommand({ ResourceArn: table.Table!.TableArn, Tags: [{ Key: 'k', Value: 'v' }] }))
      .catch((e: unknown) => e as { name: string; $metadata: { httpStatusCode: number } });
    expect(failure).toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
  });

  it('stops holding answers once cleared', async () => {
    const sim = await open();
    const { commit, held } = heldCommit();
    sim.setCommit(commit);
    sim.setCommit(undefined);
    await s3(sim).send(new PutObjectCommand({ Bucket: 'orders-west', Key: 'free.txt', Body: 'x' }));
    expect(held).toHaveLength(0);
  });
});
