import type { PlanInput } from '../../../../electron/core/recover/planner';
import type { RecoverableResource, TargetFacts } from '../../../../electron/core/recover/types';

/** Facts with every mapped target present and no name taken. */
export const FACTS: TargetFacts = {
  existing: {},
  subnetGroups: ['dr-db'],
  subnets: [{ id: 'subnet-0f2a', availabilityZone: 'us-west-2a' }],
  securityGroups: ['sg-0f2'],
  checked: true,
};

/** A database with PITR (best) and a snapshot copy (unavailable). */
export function db(name: string, extra: Partial<RecoverableResource> = {}): RecoverableResource {
  return {
    id: `arn:aws:rds:us-east-1:111122223333:db:${name}`,
    service: 'rds',
    kind: 'db-instance',
    name,
    arn: `arn:aws:rds:us-east-1:111122223333:db:${name}`,
    region: 'us-east-1',
    tier: 'critical',
    tags: {},
    details: { instanceClass: 'db.r6g.large' },
    options: [
      {
        data: {
          strategy: 'rds-pitr-cross-region',
          automatedBackupsArn: `arn:aws:rds:us-west-2:111122223333:auto-backup:ab-${name}`,
          window: { earliest: '2026-11-20T00:00:00.000Z', latest: '2026-11-26T03:40:00.000Z' },
          encrypted: false,
        },
        available: true,
        note: null,
        rpoMinutes: 5,
        best: true,
      },
      {
        data: {
          strategy: 'rds-snapshot-copy-restore',
          sourceSnapshotArn: `arn:aws:rds:us-east-1:111122223333:snapshot:${name}-snap`,
          snapshotTime: '2026-11-25T00:00:00Z',
          encrypted: true,
        },
        available: false,
        note: 'us-east-1 does not answer',
        rpoMinutes: 1500,
        best: false,
      },
    ],
    ...extra,
  };
}

/** An instance launched from an AMI in the secondary region. */
export function instance(name: string, extra: Partial<RecoverableResource> = {}): RecoverableResource {
  return {
    id: `arn:aws:ec2:us-east-1:111122223333:instance/i-${name}`,
    service: 'ec2',
    kind: 'instance',
    name,
    arn: `arn:aws:ec2:us-east-1:111122223333:instance/i-${name}`,
    region: 'us-east-1',
    tier: 'critical',
    tags: {},
    details: { instanceType: 'm6i.large' },
    options: [
      {
        data: {
          strategy: 'ec2-ami-launch',
          imageId: 'ami-0123456789abcdef0',
          createdAt: '2026-11-25T00:00:00Z',
        },
        available: true,
        note: null,
        rpoMinutes: 60,
        best: true,
      },
    ],
    ...extra,
  };
}

/** A table with cross-region PITR. */
export function table(name: string): RecoverableResource {
  return {
    id: `arn:aws:dynamodb:us-east-1:111122223333:table/${name}`,
    service: 'dynamodb',
    kind: 'table',
    name,
    arn: `arn:aws:dynamodb:us-east-1:111122223333:table/${name}`,
    region: 'us-east-1',
    tier: 'standard',
    tags: { team: 'orders' },
    details: { ttlAttribute: 'expiresAt' },
    options: [
      {
        data: {
          strategy: 'dynamodb-pitr-cross-region',
          sourceTableArn: `arn:aws:dynamodb:us-east-1:111122223333:table/${name}`,
          window: { earliest: '2026-10-27T00:00:00.000Z', latest: '2026-11-26T03:35:00.000Z' },
        },
        available: true,
        note: null,
        rpoMinutes: 5,
        best: true,
      },
    ],
  };
}

/** A plan input with a complete mapping. */
export function input(resources: RecoverableResource[], overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    resources,
    selection: resources.map((r) => ({ resourceId: r.id })),
    mapping: {
      defaults: {
        rds: { subnetGroup: 'dr-db', securityGroupIds: ['sg-0f2'] },
        ec2: { subnetId: 'subnet-0f2a', securityGroupIds: ['sg-0f2'] },
      },
      resources: {},
    },
    options: {
      incidentId: 'DR-20261126-01',
      regions: { primary: 'us-east-1', secondary: 'us-west-2' },
      reapply: { pitr: true, ttl: true, tags: true },
      createdBy: 'dr-war-room',
    },
    facts: FACTS,
    now: new Date('2026-11-26T04:00:00Z'),
    ...overrides,
  };
}
