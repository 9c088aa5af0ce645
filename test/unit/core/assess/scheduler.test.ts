import { describe, expect, it } from 'vitest';
import { ScanCallError } from '../../../../electron/core/assess/scan-call-error';
import { ScanScheduler } from '../../../../electron/core/assess/scheduler';
import { stableKey } from '../../../../electron/core/assess/stable-key';

function awsError(name: string, status = 400): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED'), { name: 'Error', code: 'ECONNREFUSED' });
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ScanScheduler', () => {
  it('makes each distinct call once and shares the answer', async () => {
    const scheduler = new ScanScheduler();
    let sent = 0;
    const send = async (): Promise<string> => {
      sent += 1;
      return 'answer';
    };
    const results = await Promise.all([
      scheduler.call('rds', 'us-east-1', 'DescribeDBInstances', { MaxRecords: 100 }, send),
      scheduler.call('rds', 'us-east-1', 'DescribeDBInstances', { MaxRecords: 100 }, send),
      scheduler.call('rds', 'us-west-2', 'DescribeDBInstances', { MaxRecords: 100 }, send),
    ]);
    expect(results).toEqual(['answer', 'answer', 'answer']);
    expect(sent).toBe(2);
    expect(scheduler.totals().total).toBe(2);
  });

  it('keys inputs independently of property order', () => {
    expect(stableKey({ a: 1, b: [2, { c: 3, d: undefined }] })).toBe(stableKey({ b: [2, { c: 3 }], a: 1 }));
    expect(stableKey({ a: 1 })).not.toBe(stableKey({ a: 2 }));
  });

  it('never runs more calls of a lane at once than its bound', async () => {
    const scheduler = new ScanScheduler({ initialConcurrency: 3, maxConcurrency: 3 });
    let active = 0;
    let peak = 0;
    let finished = 0;
    const gates: Array<() => void> = [];
    const send = (): Promise<number> =>
      new Promise((resolve) => {
        active += 1;
        peak = Math.max(peak, active);
        gates.push(() => {
          active -= 1;
          finished += 1;
          resolve(1);
        });
      });
    const all = Promise.all(
      Array.from({ length: 10 }, (_, i) => scheduler.call('s3', 'us-west-2', 'HeadObject', { i }, send)),
    );
    while (finished < 10) {
      await tick();
      gates.shift()?.();
    }
    await all;
    expect(peak).toBe(3);
  });

  it('retries a throttled call with back-off and halves the bound', async () => {
    const scheduler = new ScanScheduler({ initialConcurrency: 8, backoffBaseMs: 1 });
    let attempts = 0;
    const value = await scheduler.call(
      'dynamodb',
      'us-west-2',
      'DescribeTable',
      { TableName: 't' },
      async () => {
        attempts += 1;
        if (attempts < 3) throw awsError('ThrottlingException');
        return 'ok';
      },
    );
    expect(value).toBe('ok');
    expect(attempts).toBe(3);
    const lane = scheduler.snapshots()[0];
    expect(lane?.health.throttled).toBe(2);
    expect(lane?.concurrency).toBeLessThan(8);
  });

  it('gives up on a lane after two unreachable calls and does not send more', async () => {
    const scheduler = new ScanScheduler({ initialConcurrency: 1 });
    let sent = 0;
    const send = async (): Promise<never> => {
      sent += 1;
      throw connectionRefused();
    };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => scheduler.call('ec2', 'us-east-1', 'DescribeImages', { i }, send)),
    );
    expect(sent).toBe(2);
    const errors = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as ScanCallError) : null));
    expect(errors.every((e) => e instanceof ScanCallError && e.hint === 'unavailable')).toBe(true);
    expect(errors.filter((e) => e?.skipped)).toHaveLength(3);
    expect(scheduler.isDegraded('us-east-1')).toBe(true);
    const lane = scheduler.snapshots()[0];
    expect(lane?.health.status).toBe('down');
    expect(lane?.health.skipped).toBe(3);
    expect(scheduler.totals()).toMatchObject({ total: 2, failed: 2, skipped: 3 });
  });

  it('gives later calls to a degraded region the short timeout and the fast clients', async () => {
    const scheduler = new ScanScheduler({ callTimeoutMs: 1_000, degradedTimeoutMs: 20 });
    await expect(
      scheduler.call('rds', 'us-east-1', 'DescribeDBSnapshots', {}, async () => {
        throw awsError('ServiceUnavailable', 503);
      }),
    ).rejects.toBeInstanceOf(ScanCallError);
    let degraded: boolean | null = null;
    const hang = scheduler.call('ec2', 'us-east-1', 'DescribeVolumes', {}, (slot) => {
      degraded = slot.degraded;
      return new Promise((_resolve, reject) =>
        slot.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    });
    await expect(hang).rejects.toThrow(/no answer to DescribeVolumes within 20 ms/);
    expect(degraded).toBe(true);
  });

  it('treats "no such configuration" as an answer, not a failure', async () => {
    const scheduler = new ScanScheduler();
    await expect(
      scheduler.call('s3', 'us-west-2', 'GetBucketTagging', { Bucket: 'b' }, async () => {
        throw awsError('NoSuchTagSet', 404);
      }),
    ).rejects.toMatchObject({ awsCode: 'NoSuchTagSet' });
    expect(scheduler.totals().failed).toBe(0);
    expect(scheduler.snapshots()[0]?.health.status).toBe('healthy');
  });

  it('cancels queued and running calls', async () => {
    const controller = new AbortController();
    const scheduler = new ScanScheduler({
      signal: controller.signal,
      initialConcurrency: 1,
      maxConcurrency: 1,
    });
    const running = scheduler.call(
      's3',
      'us-west-2',
      'ListBuckets',
      {},
      (slot) =>
        new Promise((_resolve, reject) =>
          slot.signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    );
    const queued = scheduler.call('s3', 'us-west-2', 'ListBuckets', { page: 2 }, async () => 'never');
    controller.abort();
    await expect(running).rejects.toMatchObject({ hint: 'cancelled' });
    await expect(queued).rejects.toMatchObject({ hint: 'cancelled' });
  });
});
