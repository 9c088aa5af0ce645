import { describe, expect, it } from 'vitest';
import type {
  AutomatedBackupFacts,
  DbInstanceFacts,
  DbSnapshotFacts,
} from '../../../../electron/core/assess/inventory';
import { idOfArn, knownPrimaryDbs, narrower, regionOfArn } from '../../../../electron/core/assess/rds-lookup';
import type { OptionContext } from '../../../../electron/core/assess/subject';

const P = 'us-east-1';
const S = 'us-west-2';
const arn = (region: string, id: string) => `arn:aws:rds:${region}:111122223333:db:${id}`;

function instance(id: string, region: string, replicaSource: string | null = null): DbInstanceFacts {
  return {
    id,
    arn: arn(region, id),
    region,
    engine: 'postgres',
    engineVersion: '16',
    instanceClass: 'db.r6g.large',
    status: 'available',
    multiAz: true,
    encrypted: true,
    kmsKeyId: null,
    allocatedStorageGiB: 100,
    port: 5432,
    backupRetentionDays: 7,
    latestRestorableTime: null,
    availabilityZone: null,
    subnetGroup: null,
    replicaSource,
    replicaIds: [],
    replicatedBackupArns: [],
    tags: {},
  };
}

function copy(id: string, instanceId: string): DbSnapshotFacts {
  return {
    id,
    arn: `arn:aws:rds:${S}:111122223333:snapshot:${id}`,
    region: S,
    instanceId,
    type: 'manual',
    status: 'available',
    createdAt: '2026-11-26T01:00:00Z',
    encrypted: true,
    allocatedStorageGiB: 100,
    sourceSnapshotArn: `arn:aws:rds:${P}:111122223333:snapshot:${id}`,
    sourceRegion: P,
    tags: {},
  };
}

function backup(instanceId: string): AutomatedBackupFacts {
  return {
    arn: `arn:aws:rds:${S}:111122223333:auto-backup:ab-${instanceId}`,
    region: S,
    sourceRegion: P,
    instanceArn: arn(P, instanceId),
    instanceId,
    status: 'replicating',
    earliest: null,
    latest: null,
    retentionDays: 7,
    allocatedStorageGiB: 100,
    encrypted: true,
  };
}

function ctx(primaryIncomplete: boolean): OptionContext {
  return {
    primary: P,
    secondary: S,
    now: new Date('2026-11-26T03:00:00Z'),
    incomplete: (service, region) => primaryIncomplete && service === 'rds' && region === P,
    unreachable: () => false,
  };
}

describe('RDS ARNs', () => {
  it('give their region and instance id', () => {
    expect(regionOfArn(arn(P, 'orders-db'))).toBe(P);
    expect(regionOfArn('orders-db')).toBeNull();
    expect(idOfArn(arn(P, 'orders-db'))).toBe('orders-db');
    expect(idOfArn('not-an-arn')).toBe('not-an-arn');
  });
});

describe('knownPrimaryDbs', () => {
  const all = {
    instances: [instance('orders-db', P), instance('crm-replica', S, arn(P, 'crm-db'))],
    snapshots: [copy('billing-copy', 'billing-db')],
    automatedBackups: [backup('ledger-db')],
    accountId: '111122223333',
  };

  it('lists only the observed instances when the primary answered', () => {
    expect([...knownPrimaryDbs(all, ctx(false)).keys()]).toEqual([arn(P, 'orders-db')]);
  });

  it('adds instances known only from replicas, replicated backups and snapshot copies when it did not', () => {
    const known = knownPrimaryDbs(all, ctx(true));
    expect([...known.keys()]).toEqual([
      arn(P, 'orders-db'),
      arn(P, 'crm-db'),
      arn(P, 'ledger-db'),
      arn(P, 'billing-db'),
    ]);
    expect(known.get(arn(P, 'crm-db'))).toEqual({ id: 'crm-db', arn: arn(P, 'crm-db'), facts: null });
    expect(known.get(arn(P, 'orders-db'))?.facts?.id).toBe('orders-db');
  });
});

describe('narrower', () => {
  it('gives each instance its namesakes, replicas, snapshots and backups, and nothing else', () => {
    const all = {
      instances: [
        instance('orders-db', P),
        instance('orders-replica', S, arn(P, 'orders-db')),
        instance('crm-db', P),
      ],
      snapshots: [copy('orders-copy', 'orders-db'), copy('crm-copy', 'crm-db')],
      automatedBackups: [backup('orders-db')],
      accountId: null,
    };
    const mine = narrower(all)({ id: 'orders-db', arn: arn(P, 'orders-db') });
    expect(mine.instances.map((i) => i.id)).toEqual(['orders-replica', 'orders-db']);
    expect(mine.snapshots.map((s) => s.id)).toEqual(['orders-copy']);
    expect(mine.automatedBackups).toHaveLength(1);
  });
});
