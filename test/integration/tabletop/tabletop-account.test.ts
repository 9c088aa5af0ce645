import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTabletopAccount, tabletopStateFile } from '../../../electron/core/tabletop/tabletop-account';
import type { Simulator } from '../../../electron/simulator';

function s3(sim: Simulator): S3Client {
  return new S3Client({
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: sim.requestHandler,
  });
}

describe('the tabletop account kept in the data folder', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-tabletop-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finds the same simulated AWS after a restart, private to the user', async () => {
    const errors: string[] = [];
    const first = await openTabletopAccount({ dataDir, scenario: 'healthy', onError: (m) => errors.push(m) });
    expect(first.resumed).toBe(false);
    const buckets = await s3(first.simulator).send(new ListBucketsCommand({}));
    const bucket =
      buckets.Buckets?.find((b) => b.BucketRegion === 'us-west-2')?.Name ?? buckets.Buckets?.[0]?.Name;
    expect(bucket).toBeTruthy();
    await s3(first.simulator).send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'exercise/marker.txt',
        Body: 'written before the restart',
      }),
    );
    await first.close();
    first.simulator.close();

    const info = await stat(tabletopStateFile(dataDir, 'healthy'));
    expect(info.mode & 0o777).toBe(0o600);

    const second = await openTabletopAccount({
      dataDir,
      scenario: 'healthy',
      onError: (m) => errors.push(m),
    });
    expect(second.resumed).toBe(true);
    const object = await s3(second.simulator).send(
      new GetObjectCommand({ Bucket: bucket, Key: 'exercise/marker.txt' }),
    );
    expect(await object.Body?.transformToString()).toBe('written before the restart');
    await second.close();
    second.simulator.close();
    expect(errors).toEqual([]);
  });

  it('starts the scenario afresh when the saved state is corrupt, says so, and keeps the bad file', async () => {
    const file = tabletopStateFile(dataDir, 'healthy');
    const first = await openTabletopAccount({ dataDir, scenario: 'healthy', onError: () => undefined });
    await first.close();
    first.simulator.close();
    await writeFile(file, '{"version": 1, "clock": ');

    const errors: string[] = [];
    const account = await openTabletopAccount({
      dataDir,
      scenario: 'healthy',
      onError: (m) => errors.push(m),
    });
    expect(account.resumed).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/could not be read.*starts afresh/);
    const kept = (await readdir(path.dirname(file))).filter((name) => name.includes('.unreadable-'));
    expect(kept).toHaveLength(1);
    await account.close();
    account.simulator.close();
  });
});
