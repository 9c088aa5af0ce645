import { describe, expect, it } from 'vitest';
import type { FaultsInForce } from '../../../../electron/core/api/calls/tabletop';
import { faultChangeSchema } from '../../../../electron/core/api/calls/tabletop';
import { TABLETOP_QUOTAS } from '../../../../electron/core/app/handlers/tabletop-fault-change';
import {
  faultRows,
  parseLagMinutes,
  parsePercent,
  parseQuotaValue,
  parseRestoreTarget,
  quotaKeyOf,
  restoreTargetSuggestions,
} from '../../../../renderer/src/views/facilitator/facilitator-model';

describe('the facilitator’s form fields', () => {
  it('reads a throttling percent, with or without the sign, from 0 to 100', () => {
    expect(parsePercent('25')).toEqual({ ok: true, value: 25 });
    expect(parsePercent(' 12.5 % ')).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent('0')).toEqual({ ok: true, value: 0 });
    expect(parsePercent('100')).toEqual({ ok: true, value: 100 });
    for (const bad of ['', '100.5', '-1', 'lots', '1e2', '0x10']) {
      expect(parsePercent(bad), bad).toEqual({
        ok: false,
        message: 'Enter a throttling rate from 0 to 100 % (0 stops throttling).',
      });
    }
  });

  it('reads replication lag in minutes, up to a week', () => {
    expect(parseLagMinutes('30')).toEqual({ ok: true, value: 30 });
    expect(parseLagMinutes('2.5 min')).toEqual({ ok: true, value: 2.5 });
    expect(parseLagMinutes('10080')).toEqual({ ok: true, value: 10_080 });
    expect(parseLagMinutes('10081').ok).toBe(false);
    expect(parseLagMinutes('soon').ok).toBe(false);
  });

  it('reads a quota as a whole number, and builds the key of an EC2 capacity quota', () => {
    expect(parseQuotaValue('5')).toEqual({ ok: true, value: 5 });
    expect(parseQuotaValue('2.5').ok).toBe(false);
    expect(parseQuotaValue('1000001').ok).toBe(false);
    const capacity = TABLETOP_QUOTAS.find((q) => q.prefix)!;
    const restores = TABLETOP_QUOTAS.find((q) => q.key === 'dynamodb.concurrentRestores')!;
    expect(quotaKeyOf(restores, 'ignored')).toEqual({ ok: true, value: 'dynamodb.concurrentRestores' });
    expect(quotaKeyOf(capacity, ' m5.large ')).toEqual({ ok: true, value: 'ec2.capacity.m5.large' });
    expect(quotaKeyOf(capacity, 'u-6tb1.metal')).toEqual({ ok: true, value: 'ec2.capacity.u-6tb1.metal' });
    expect(quotaKeyOf(capacity, '').ok).toBe(false);
    expect(quotaKeyOf(capacity, 'large').ok).toBe(false);
  });

  it('reads a restore target name, trimmed', () => {
    expect(parseRestoreTarget('  orders-db-dr ')).toEqual({ ok: true, value: 'orders-db-dr' });
    expect(parseRestoreTarget('   ').ok).toBe(false);
    expect(parseRestoreTarget('x'.repeat(256)).ok).toBe(false);
  });
});

describe('faultRows', () => {
  const faults: FaultsInForce = {
    regionOutages: [{ region: 'us-east-1', mode: 'refused', services: ['s3'] }],
    throttling: [{ rate: 0.125 }],
    failingRestores: ['orders-dr'],
    quotas: { 'dynamodb.concurrentRestores': 2, 'ec2.capacity.m5.large': 0 },
    replicationLag: [{ sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMs: 90_000 }],
  };

  it('describes each fault in force, with a switch-off change the contract accepts', () => {
    const rows = faultRows(faults, (s) => s.toUpperCase(), TABLETOP_QUOTAS);
    expect(rows.map((r) => r.text)).toEqual([
      'us-east-1 down for S3: Connection refused',
      '12.5 % of requests to every service in every region throttled',
      'The restore into "orders-dr" fails',
      'Quota dynamodb.concurrentRestores is 2 (default: 50)',
      'Quota ec2.capacity.m5.large is 0 (default: unlimited)',
      'S3 replication us-east-1 → us-west-2 lags 1.5 min more',
    ]);
    expect(rows.map((r) => r.off)).toEqual([
      { kind: 'regionUp', region: 'us-east-1' },
      { kind: 'throttle', ratePercent: 0 },
      { kind: 'clearRestoreFailure', target: 'orders-dr' },
      { kind: 'clearQuota', key: 'dynamodb.concurrentRestores' },
      { kind: 'clearQuota', key: 'ec2.capacity.m5.large' },
      { kind: 'replicationLag', sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMinutes: 0 },
    ]);
    for (const row of rows) expect(faultChangeSchema.safeParse(row.off).success, row.key).toBe(true);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('has no rows without faults', () => {
    expect(
      faultRows(
        { regionOutages: [], throttling: [], failingRestores: [], quotas: {}, replicationLag: [] },
        (s) => s,
        TABLETOP_QUOTAS,
      ),
    ).toEqual([]);
  });
});

describe('restoreTargetSuggestions', () => {
  it('offers the plan’s restore targets that can fail, once each, with their source', () => {
    const chain = (strategy: string, targetName: string, name: string) => ({
      strategy,
      targetName,
      resource: { name },
    });
    expect(
      restoreTargetSuggestions({
        chains: [
          chain('rds-pitr-cross-region', 'orders-db-dr1', 'orders-db'),
          chain('rds-promote-replica', 'orders-db-replica', 'orders-db'),
          chain('dynamodb-pitr-cross-region', 'sessions-dr1', 'sessions'),
          chain('dynamodb-global-replica', 'carts', 'carts'),
          chain('s3-replica-failover', 'acme-prod-orders-dr', 'acme-prod-orders'),
          chain('ec2-ami-copy-launch', 'web-1-dr1', 'web-1'),
          chain('ebs-snapshot-copy', 'data-vol-dr1', 'data-vol'),
          chain('dynamodb-backup-restore', 'sessions-dr1', 'sessions'),
        ],
      }),
    ).toEqual([
      { target: 'orders-db-dr1', source: 'orders-db' },
      { target: 'sessions-dr1', source: 'sessions' },
      { target: 'web-1-dr1', source: 'web-1' },
    ]);
    expect(restoreTargetSuggestions(null)).toEqual([]);
  });
});
