import { CopyObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../electron/core/aws';
import { allowKinds } from '../../../electron/core/aws/guard';
import type { CheckContext } from '../../../electron/core/validate/check-context';
import { checkS3 } from '../../../electron/core/validate/check-s3';
import type { ValidationSubject } from '../../../electron/core/validate/subjects';
import { DEFAULT_VALIDATION_OPTIONS } from '../../../electron/core/validate/types';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import type { S3State } from '../../../electron/simulator/services/s3/model';

/**
 * The rollback check on its own, through the real SDK against the simulator: the recovery's
 * CopyObject is sent here directly (the executor's rollback of a primary-region bucket is
 * exercised by the recovery tests).
 */
const BUCKET = 'acme-prod-orders';
const KEY = 'orders/summary.json';
let sim: Simulator;
let clients: AwsClients;
let ctx: CheckContext;
let good = '';

function subject(): ValidationSubject {
  return {
    resourceId: `arn:aws:s3:::${BUCKET}`,
    service: 's3',
    kind: 'bucket',
    source: BUCKET,
    sourceRegion: 'us-east-1',
    targetRegion: 'us-west-2',
    targetId: BUCKET,
    strategy: 's3-version-rollback',
    tier: 'production',
    chain: {
      id: 'c',
      resource: {
        id: `arn:aws:s3:::${BUCKET}`,
        service: 's3',
        kind: 'bucket',
        name: BUCKET,
        arn: '',
        region: 'us-east-1',
        tier: null,
      },
      strategy: 's3-version-rollback',
      alternatives: [],
      rpoMinutes: null,
      restoreTime: null,
      targetName: BUCKET,
      dependsOn: [],
      depth: 0,
      actions: [],
      estimatedMinutes: 1,
      estimatedFinishMinutes: 1,
      blocked: false,
    },
    output: { Bucket: BUCKET },
    planned: {},
    assessed: null,
    option: {
      strategy: 's3-version-rollback',
      bucket: BUCKET,
      region: 'us-east-1',
      objects: [{ key: KEY, versionId: good }],
    },
    optionRpoMinutes: null,
    restoredPoint: { kind: 'unknown', why: 'test' },
    assessedAt: null,
  };
}

beforeAll(async () => {
  sim = await createSimulator({ scenario: 'us-east-1-outage' });
  sim.faults.clear();
  clients = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
  const read = clients.withPolicy(allowKinds(['read'], 'Validation'));
  ctx = {
    clients: read,
    sourceClients: read.fastFail(),
    options: DEFAULT_VALIDATION_OPTIONS,
    networkSkip: 'tabletop',
  };
  good = sim.state<S3State>('s3').buckets[BUCKET]!.objects[KEY]![1]!.versionId;
});

afterAll(() => {
  sim.close();
});

describe('validating an S3 version rollback', () => {
  it('fails while the corrupt version is still current', async () => {
    const checks = await checkS3(ctx, subject());
    const current = checks.find((c) => c.id === 'current-version')!;
    expect(current.status).toBe('fail');
    expect(current.evidence).toMatch(new RegExp(`differs from ${good}`));
  });

  it('passes once the chosen version is copied over the current one, with versioning on', async () => {
    await clients.s3('us-east-1').send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: KEY,
        CopySource: `${BUCKET}/${KEY}?versionId=${encodeURIComponent(good)}`,
      }),
    );
    const checks = await checkS3(ctx, subject());
    expect(checks.find((c) => c.id === 'versioning')?.status).toBe('pass');
    const current = checks.find((c) => c.id === 'current-version')!;
    expect(current.status).toBe('pass');
    expect(current.evidence).toContain(`= ${good}`);
  });

  it('a plan that names no versions is a warning, not a pass', async () => {
    const s = subject();
    s.option = { strategy: 's3-version-rollback', bucket: BUCKET, region: 'us-east-1', objects: [] };
    const checks = await checkS3(ctx, s);
    expect(checks.find((c) => c.id === 'current-version')?.status).toBe('warn');
  });
});
