import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextInterval } from '../../../../electron/core/recover/executor/backoff';
import { retryParams } from '../../../../electron/core/recover/executor/executor';
import { resolveParams, MissingOutputError } from '../../../../electron/core/recover/executor/runner-context';
import { RequestLimits } from '../../../../electron/core/recover/executor/request-limits';
import { Semaphore } from '../../../../electron/core/recover/executor/semaphore';
import { loadRecoveryMapping } from '../../../../electron/core/recover/load-mapping';

describe('executor parts', () => {
  it('bounds concurrency and serves waiters in order', async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    const r1 = await s.acquire();
    const r2 = await s.acquire();
    const waiting = [3, 4].map((n) => s.acquire().then((release) => (order.push(n), release)));
    expect(s.waiting).toBe(2);
    r1();
    r1(); // idempotent
    const r3 = await waiting[0]!;
    expect(s.inUse).toBe(2);
    r2();
    (await waiting[1]!)();
    r3();
    expect(order).toEqual([3, 4]);
    expect(s.inUse).toBe(0);
    expect(() => new Semaphore(0)).toThrow(/at least 1/);
  });

  it('bounds requests per service endpoint: one endpoint full does not hold back another', async () => {
    const limits = new RequestLimits(2);
    const gates: Array<() => void> = [];
    const hold = () => new Promise<void>((resolve) => gates.push(resolve));
    const started: string[] = [];
    const track = (name: string) => () => (started.push(name), hold());
    const rds = [1, 2, 3].map((n) => limits.run('rds', 'us-west-2', track(`rds${n}`)));
    const ec2 = limits.run('ec2', 'us-west-2', track('ec2'));
    const east = limits.run('rds', 'us-east-1', track('rds-east'));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['rds1', 'rds2', 'ec2', 'rds-east']);
    expect(limits.inFlight).toBe(4);
    expect(limits.of('rds', 'us-west-2').waiting).toBe(1);
    gates.shift()!();
    await rds[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toContain('rds3');
    for (const g of gates.splice(0)) g();
    await Promise.all([...rds, ec2, east]);
    expect(limits.inFlight).toBe(0);
    expect(() => new RequestLimits(0)).toThrow(/at least 1/);
    expect(() => new RequestLimits(1.5)).toThrow(/whole number/);
  });

  it('grows the poll interval up to the cap and resets it on a change', () => {
    const t = { initialMs: 100, factor: 2, maxMs: 350, timeoutMs: 1000 };
    expect(nextInterval(t, 100, false)).toBe(200);
    expect(nextInterval(t, 200, false)).toBe(350);
    expect(nextInterval(t, 350, false)).toBe(350);
    expect(nextInterval(t, 350, true)).toBe(100);
  });

  it('gives a retried create a new ClientToken (and an AMI copy a new name)', () => {
    expect(retryParams({ ClientToken: 'drwr-1', Name: 'web' }, 'CopyImage', 0)).toEqual({
      ClientToken: 'drwr-1',
      Name: 'web',
    });
    expect(retryParams({ ClientToken: 'drwr-1', Name: 'web' }, 'CopyImage', 2)).toEqual({
      ClientToken: 'drwr-1-r2',
      Name: 'web-r2',
    });
    expect(retryParams({ DBInstanceIdentifier: 'x' }, 'RestoreDBInstanceFromDBSnapshot', 1)).toEqual({
      DBInstanceIdentifier: 'x',
    });
  });

  it('fills output references, and refuses a missing one', () => {
    const ref = { $ref: 'a#0.ImageId', action: 'a#0', field: 'ImageId' };
    expect(resolveParams({ ImageId: ref, N: [1, { x: ref }] }, () => ({ ImageId: 'ami-1' }))).toEqual({
      ImageId: 'ami-1',
      N: [1, { x: 'ami-1' }],
    });
    expect(() => resolveParams({ ImageId: ref }, () => undefined)).toThrow(MissingOutputError);
  });

  it('reads the mapping file: none is empty, a bad one names the field and line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-map-'));
    try {
      expect(await loadRecoveryMapping(dir)).toEqual({
        mapping: { defaults: {}, resources: {} },
        file: null,
      });
      await writeFile(
        path.join(dir, 'recovery-mapping.yaml'),
        'defaults:\n  rds:\n    subnetGroup: dr-db\n    securityGroupIds: [sg-0abc]\nresources:\n  orders-db:\n    instanceClass: large\n',
      );
      await expect(loadRecoveryMapping(dir)).rejects.toMatchObject({
        code: 'DATA_FILE_INVALID',
        message: expect.stringMatching(
          /recovery-mapping\.yaml: resources\.orders-db\.instanceClass \(line 7\): must be a DB instance class/,
        ),
      });
      await writeFile(
        path.join(dir, 'recovery-mapping.yaml'),
        'nameSuffix: -dr\ndefaults:\n  rds:\n    subnetGroup: dr-db\n    securityGroupIds: [sg-0abc]\n',
      );
      expect((await loadRecoveryMapping(dir)).mapping).toEqual({
        nameSuffix: '-dr',
        defaults: { rds: { subnetGroup: 'dr-db', securityGroupIds: ['sg-0abc'] } },
        resources: {},
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
