import type {
  AssessedResource,
  AssessmentResult,
  RecoveryOption,
} from '../../../../electron/core/api/calls/assess';
import { foldIncident } from '../../../../electron/core/incident/reducer';
import type { IncidentState } from '../../../../electron/core/incident/types';
import { recoverableFromAssessment } from '../../../../electron/core/recover/from-assessment';
import { buildPlan } from '../../../../electron/core/recover/planner';
import type { RecoveryPlan, ResourceSelection } from '../../../../electron/core/recover/types';
import { TEST_DECLARATION } from '../../../fixtures/incident/declaration';

/** The account of every fixture ARN. */
export const ACCOUNT = '123456789012';

type Tier = AssessedResource['tier'];

/** The backup policy's tiers, as the assessment copies them into each resource. */
export const TIER: Record<'critical' | 'standard' | 'low', Tier> = {
  critical: { id: 'critical', title: 'Critical', rtoMinutes: 120, rpoMinutes: 15, source: 'tagged' },
  standard: { id: 'standard', title: 'Standard', rtoMinutes: 480, rpoMinutes: 1440, source: 'tagged' },
  low: { id: 'low', title: 'Low', rtoMinutes: 4320, rpoMinutes: 10080, source: 'tagged' },
};

function option(
  kind: RecoveryOption['kind'],
  title: string,
  data: Partial<RecoveryOption['data']> & { sourceArn: string },
  over: Partial<RecoveryOption> = {},
): RecoveryOption {
  return {
    kind,
    title,
    description: `${title}.`,
    rpoMinutes: 5,
    rpoReason: 'measured',
    rtoMinutes: 30,
    rtoReason: 'estimate',
    prerequisitesMet: true,
    prerequisites: [],
    best: true,
    data: { sourceRegion: 'us-east-1', targetRegion: 'us-west-2', ...data },
    ...over,
  };
}

function assessed(
  over: Partial<AssessedResource> & Pick<AssessedResource, 'id' | 'service' | 'kind' | 'name'>,
): AssessedResource {
  return {
    region: 'us-east-1',
    role: 'primary',
    observed: true,
    tier: TIER.critical,
    environment: 'production',
    environmentSource: 'tagged',
    tags: {},
    facts: [],
    details: {},
    options: [],
    bestOption: null,
    achievableRpoMinutes: 5,
    estimatedRtoMinutes: 30,
    status: 'ready',
    gaps: [],
    unknowns: [],
    ...over,
  };
}

/** An S3 bucket with a replica in us-west-2 (or, without `replica`, only a version history in place). */
export function bucket(name: string, tier: Tier, replica: string | null): AssessedResource {
  const arn = `arn:aws:s3:::${name}`;
  const options = replica
    ? [
        option('replica-bucket', 'Fail over to the replica bucket', {
          sourceArn: arn,
          replicaName: replica,
          sampleKeys: [`${name}/latest.json`],
        }),
        option(
          'version-rollback',
          'Roll back object versions in the replica',
          { sourceArn: arn, replicaName: replica },
          { best: false },
        ),
      ]
    : [];
  return assessed({
    id: arn,
    service: 's3',
    kind: 'bucket',
    name,
    tier,
    options,
    bestOption: replica ? 'replica-bucket' : null,
    status: replica ? 'ready' : 'not-recoverable',
  });
}

/** A DynamoDB table with PITR (latest restorable 09:35:00Z) and, when `global`, a global-table replica. */
export function table(name: string, tier: Tier, global = false): AssessedResource {
  const arn = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${name}`;
  const pitr = option(
    'table-pitr',
    'Point-in-time restore into us-west-2',
    {
      sourceArn: arn,
      restoreWindow: { earliest: '2026-10-22T09:35:00.000Z', latest: '2026-11-26T09:35:00.000Z' },
    },
    { best: !global },
  );
  const replica = option('global-table-replica', 'Use the global table replica', {
    sourceArn: arn,
    replicaName: name,
    replicaArn: `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/${name}`,
    replicaStatus: 'ACTIVE',
  });
  return assessed({
    id: arn,
    service: 'dynamodb',
    kind: 'table',
    name,
    tier,
    details: { ttlAttribute: 'expiresAt', pitrEnabled: true },
    options: global ? [replica, pitr] : [pitr],
    bestOption: global ? 'global-table-replica' : 'table-pitr',
  });
}

/** An RDS instance with replicated automated backups. */
export function database(name: string, tier: Tier): AssessedResource {
  const arn = `arn:aws:rds:us-east-1:${ACCOUNT}:db:${name}`;
  return assessed({
    id: arn,
    service: 'rds',
    kind: 'db-instance',
    name,
    tier,
    details: { instanceClass: 'db.r6g.large', engine: 'postgres' },
    options: [
      option('cross-region-pitr', 'Cross-region point-in-time restore', {
        sourceArn: arn,
        automatedBackupArn: `arn:aws:rds:us-west-2:${ACCOUNT}:auto-backup:ab-${name}`,
        restoreWindow: { earliest: '2026-11-19T09:35:00.000Z', latest: '2026-11-26T09:35:00.000Z' },
        dbInstanceClass: 'db.r6g.large',
      }),
    ],
    bestOption: 'cross-region-pitr',
  });
}

/** An EC2 instance whose AMI is in us-east-1 only (copy, then launch) and whose data volume has a snapshot copy in us-west-2. */
export function instance(name: string, tier: Tier): AssessedResource {
  const arn = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0${name}`;
  return assessed({
    id: arn,
    service: 'ec2',
    kind: 'instance',
    name,
    tier,
    details: { instanceType: 'm6i.large', availabilityZone: 'us-east-1a' },
    options: [
      option('ami-copy-launch', 'Copy the AMI to us-west-2 and launch it', {
        sourceArn: arn,
        imageId: 'ami-0aaa1111bbbb2222c',
        imageRegion: 'us-east-1',
        instanceType: 'm6i.large',
        availabilityZone: 'us-east-1a',
        volumes: [
          {
            volumeId: 'vol-0data',
            device: '/dev/sdf',
            sizeGiB: 100,
            snapshotId: 'snap-0east',
            snapshotRegion: 'us-east-1',
            snapshotTime: '2026-11-26T06:00:00.000Z',
          },
        ],
      }),
    ],
    bestOption: 'ami-copy-launch',
  });
}

/** An assessment of the given resources (counts are not read by the runbook fill). */
export function assessmentOf(
  resources: AssessedResource[],
  incidentId: string | null = null,
): AssessmentResult {
  return {
    scanId: 'scan-1',
    startedAt: '2026-11-26T09:40:00.000Z',
    finishedAt: '2026-11-26T09:40:02.000Z',
    durationMs: 2_000,
    regions: { primary: 'us-east-1', secondary: 'us-west-2' },
    incidentId,
    services: ['s3', 'rds', 'ec2', 'dynamodb'],
    resources,
    counts: {
      total: resources.length,
      byStatus: {
        ready: resources.length,
        'at-risk': 0,
        'not-recoverable': 0,
        unknown: 0,
        'out-of-scope': 0,
      },
      byService: { s3: 0, rds: 0, ec2: 0, dynamodb: 0 },
      byRegion: {},
      byTier: {},
      gaps: { critical: 0, warning: 0, info: 0 },
    },
    inventory: [],
    regionHealth: [],
    unknowns: [],
    calls: { total: 0, failed: 0, throttled: 0, skipped: 0 },
    policy: { version: '1', lastReviewed: '2026-11-20' },
  };
}

/** The estate of most tests: three buckets (one without a replica), two tables, one database, a replica bucket in us-west-2. */
export function estate(): AssessmentResult {
  return assessmentOf([
    bucket('acme-prod-logs', TIER.standard, 'acme-prod-logs-dr'),
    bucket('acme-prod-orders', TIER.critical, 'acme-prod-orders-dr'),
    bucket('acme-prod-payments-ledger', TIER.critical, null),
    { ...bucket('acme-prod-orders-dr', TIER.critical, null), region: 'us-west-2', role: 'secondary' },
    table('orders-events', TIER.critical),
    table('sessions', TIER.standard, true),
    database('orders-db', TIER.critical),
  ]);
}

/** A real plan (the planner itself) of the selected resources of an assessment. */
export function planOf(
  assessment: AssessmentResult,
  selection: ResourceSelection[],
  incidentId = 'DR-20261126-01',
): RecoveryPlan {
  return buildPlan({
    resources: recoverableFromAssessment(assessment),
    selection,
    mapping: {
      nameSuffix: '-dr1',
      defaults: {
        rds: { subnetGroup: 'dr-db', securityGroupIds: ['sg-0f2'], instanceClass: 'db.r6g.xlarge' },
        ec2: { subnetId: 'subnet-0f2a', securityGroupIds: ['sg-0web'] },
      },
      resources: {},
    },
    options: {
      incidentId,
      regions: { primary: 'us-east-1', secondary: 'us-west-2' },
      reapply: { pitr: true, ttl: true, tags: true },
      createdBy: 'dr-war-room',
    },
    facts: {
      existing: {},
      subnetGroups: ['dr-db'],
      subnets: [{ id: 'subnet-0f2a', availabilityZone: 'us-west-2a' }],
      securityGroups: ['sg-0f2'],
      checked: true,
    },
    now: new Date('2026-11-26T09:45:00Z'),
  });
}

/**
 * A just-declared incident (folded by the real reducer) under a procedure with the given regions,
 * without reading the bundled procedure (so jsdom tests may use it).
 */
export function declaredIncident(regions = { primary: 'us-east-1', secondary: 'us-west-2' }): IncidentState {
  const state = foldIncident([
    {
      seq: 1,
      time: '2026-11-26T09:30:00.000Z',
      actor: 'Ana Ruiz',
      type: 'incident.declared',
      data: {
        ...TEST_DECLARATION,
        targets: [TIER.critical, TIER.standard, TIER.low].map(({ id, title, rtoMinutes, rpoMinutes }) => ({
          id,
          title,
          rtoMinutes,
          rpoMinutes,
        })),
        procedure: { id: 'dr-procedure', title: 'DR', version: '2.0', regions, criteria: [], stages: [] },
      },
      prev: '0'.repeat(64),
      hash: '1'.repeat(64),
    },
  ]);
  if (!state) throw new Error('the declared entry did not fold into an incident');
  return state;
}
