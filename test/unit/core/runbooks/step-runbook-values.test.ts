import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldIncident } from '../../../../electron/core/incident/reducer';
import type { IncidentState } from '../../../../electron/core/incident/types';
import { STRATEGY_IDS } from '../../../../electron/core/recover/types';
import { loadRunbooks } from '../../../../electron/core/runbooks/load-runbooks';
import {
  OPTION_RUNBOOKS,
  STRATEGY_OPTION_KINDS,
  runbookForStrategy,
} from '../../../../electron/core/runbooks/option-runbook';
import { createRunbookMarkdown } from '../../../../electron/core/runbooks/render-markdown';
import {
  runbookForChain,
  stepRunbookValues,
  valuesForCandidate,
} from '../../../../electron/core/runbooks/step-runbook-values';
import { chain, declared } from '../incident/support/fixtures';
import { ACCOUNT, TIER, assessmentOf, bucket, estate, instance, planOf, table } from './step-fixtures';

const bundled = path.resolve(__dirname, '../../../../runbooks');
const ORDERS_EVENTS = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders-events`;
const SESSIONS = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/sessions`;
const ORDERS_DB = `arn:aws:rds:us-east-1:${ACCOUNT}:db:orders-db`;

const S3_FAILOVER = { id: 's3-cross-region-failover', service: 's3' } as const;
const DDB_PITR = { id: 'dynamodb-pitr-restore', service: 'dynamodb' } as const;
const RDS_PITR = { id: 'rds-pitr-cross-region', service: 'rds' } as const;

let incident: IncidentState;

beforeAll(async () => {
  incident = foldIncident(chain([await declared()]))!;
});

describe('a step’s runbook with a recovery plan', () => {
  it('fills the plan chain of the runbook’s service: source, target name, settings and regions', () => {
    const plan = planOf(estate(), [{ resourceId: ORDERS_DB }]);
    const fill = stepRunbookValues(RDS_PITR, incident, estate(), plan);
    expect(fill.source).toBe('plan');
    expect(fill.candidates.map((c) => c.name)).toEqual(['orders-db']);
    expect(fill.candidates[0]).toMatchObject({ strategy: 'rds-pitr-cross-region', matchesRunbook: true });
    expect(fill.candidates[0]!.values).toEqual({
      'incident-id': 'DR-20261126-01',
      'primary-region': 'us-east-1',
      'secondary-region': 'us-west-2',
      'db-instance-id': 'orders-db',
      'account-id': ACCOUNT,
      'automated-backups-arn': `arn:aws:rds:us-west-2:${ACCOUNT}:auto-backup:ab-orders-db`,
      'restore-time': '2026-11-26T09:35:00Z',
      'target-db-instance-id': 'orders-db-dr1',
      // The plan's target settings (the mapping's instance class wins over the source's).
      'db-instance-class': 'db.r6g.xlarge',
      'db-subnet-group': 'dr-db',
      'security-group-id': 'sg-0f2',
    });
  });

  it('leaves only what the plan cannot know unfilled in the bundled runbook', async () => {
    const load = await loadRunbooks(createRunbookMarkdown(), { runbooksDir: bundled });
    const declaredNames = (id: string) =>
      load.runbooks.find((r) => r.meta.id === id)!.meta.placeholders.map((p) => p.name);
    const plan = planOf(estate(), [{ resourceId: ORDERS_DB }, { resourceId: ORDERS_EVENTS }]);
    const rds = stepRunbookValues(RDS_PITR, incident, estate(), plan).candidates[0]!.values;
    expect(declaredNames('rds-pitr-cross-region').filter((name) => !(name in rds))).toEqual([
      'secondary-kms-key-id',
    ]);
    const ddb = stepRunbookValues(DDB_PITR, incident, estate(), plan).candidates[0]!.values;
    expect(declaredNames('dynamodb-pitr-restore').filter((name) => !(name in ddb))).toEqual([]);
  });

  it('takes the restore time the commander chose over the latest restorable time', () => {
    const latest = planOf(estate(), [{ resourceId: ORDERS_EVENTS }]);
    expect(
      stepRunbookValues(DDB_PITR, incident, estate(), latest).candidates[0]!.values['restore-time'],
    ).toBe('2026-11-26T09:35:00Z');
    const chosen = planOf(estate(), [{ resourceId: ORDERS_EVENTS, restoreTime: '2026-11-26T08:00:00.000Z' }]);
    const values = stepRunbookValues(DDB_PITR, incident, estate(), chosen).candidates[0]!.values;
    expect(values).toMatchObject({
      'restore-time': '2026-11-26T08:00:00Z',
      'table-name': 'orders-events',
      'target-table-name': 'orders-events-dr1',
      'ttl-attribute': 'expiresAt',
    });
  });

  it('fills from the plan alone when the assessment is not at hand', () => {
    const plan = planOf(estate(), [{ resourceId: ORDERS_EVENTS, restoreTime: '2026-11-26T08:00:00.000Z' }]);
    const values = stepRunbookValues(DDB_PITR, incident, null, plan).candidates[0]!.values;
    expect(values).toMatchObject({
      'table-name': 'orders-events',
      'account-id': ACCOUNT,
      'target-table-name': 'orders-events-dr1',
      'restore-time': '2026-11-26T08:00:00Z',
      'incident-id': 'DR-20261126-01',
    });
  });

  it('says when the plan recovers a resource another way, and fills no target the plan does not create', () => {
    const plan = planOf(estate(), [{ resourceId: SESSIONS }, { resourceId: ORDERS_EVENTS }]);
    const fill = stepRunbookValues(DDB_PITR, incident, estate(), plan);
    expect(fill.candidates.map((c) => [c.name, c.strategy, c.matchesRunbook])).toEqual([
      ['orders-events', 'dynamodb-pitr-cross-region', true],
      ['sessions', 'dynamodb-global-replica', false],
    ]);
    const sessions = fill.candidates[1]!.values;
    expect(sessions['table-name']).toBe('sessions');
    expect(sessions['target-table-name']).toBeUndefined();
    expect(sessions['primary-region']).toBe('us-east-1');
  });

  it('falls back to the assessment for a service the plan does not recover', () => {
    const plan = planOf(estate(), [{ resourceId: ORDERS_EVENTS }]);
    const fill = stepRunbookValues(S3_FAILOVER, incident, estate(), plan);
    expect(fill.source).toBe('assessment');
    expect(fill.candidates.map((c) => c.name)).toContain('acme-prod-orders');
  });
});

describe('a step’s runbook with only an assessment', () => {
  it('lists every bucket of the primary region: this runbook’s flow first, then the most critical', () => {
    const fill = stepRunbookValues(S3_FAILOVER, incident, estate(), null);
    expect(fill.source).toBe('assessment');
    expect(fill.candidates.map((c) => [c.name, c.tier, c.matchesRunbook])).toEqual([
      ['acme-prod-orders', 'critical', true],
      ['acme-prod-logs', 'standard', true],
      ['acme-prod-payments-ledger', 'critical', false],
    ]);
    expect(fill.candidates[0]!.values).toEqual({
      'incident-id': 'DR-20261126-01',
      'primary-region': 'us-east-1',
      'secondary-region': 'us-west-2',
      'bucket-name': 'acme-prod-orders',
      'replica-bucket-name': 'acme-prod-orders-dr',
      'object-key': 'acme-prod-orders/latest.json',
    });
    // A bucket with no recovery option still names itself.
    expect(fill.candidates[2]!.values['bucket-name']).toBe('acme-prod-payments-ledger');
    expect(fill.candidates[2]!.values['replica-bucket-name']).toBeUndefined();
  });

  it('gives each candidate its own values, and the base values for an unknown choice', () => {
    const fill = stepRunbookValues(S3_FAILOVER, incident, estate(), null);
    expect(valuesForCandidate(fill, 'arn:aws:s3:::acme-prod-logs')).toMatchObject({
      'bucket-name': 'acme-prod-logs',
      'replica-bucket-name': 'acme-prod-logs-dr',
    });
    expect(valuesForCandidate(fill, 'arn:aws:s3:::nope')).toEqual(fill.base);
    expect(valuesForCandidate(fill, null)).toEqual(fill.base);
  });

  it('orders tiers by the incident’s own RTO targets', () => {
    const urgentStandard = { ...incident, targets: [{ ...incident.targets[1]!, rtoMinutes: 30 }] };
    const fill = stepRunbookValues(
      S3_FAILOVER,
      urgentStandard,
      assessmentOf([
        bucket('a-critical', TIER.critical, 'a-dr'),
        bucket('b-standard', TIER.standard, 'b-dr'),
      ]),
      null,
    );
    expect(fill.candidates.map((c) => c.name)).toEqual(['b-standard', 'a-critical']);
  });

  it('uses the option of this runbook, not the best one, and its values win (a rollback runs on the replica)', () => {
    const rollback = stepRunbookValues({ id: 's3-version-rollback', service: 's3' }, incident, estate(), null)
      .candidates[0]!;
    expect(rollback.optionTitle).toBe('Roll back object versions in the replica');
    expect(rollback.values).toMatchObject({
      'bucket-name': 'acme-prod-orders-dr',
      'primary-region': 'us-west-2',
    });
    const sessions = stepRunbookValues(DDB_PITR, incident, estate(), null).candidates.find(
      (c) => c.name === 'sessions',
    )!;
    expect(sessions).toMatchObject({
      optionTitle: 'Point-in-time restore into us-west-2',
      matchesRunbook: true,
    });
    expect(sessions.values['restore-time']).toBe('2026-11-26T09:35:00Z');
    // The new table gets the name the planner would give it by default in this incident.
    expect(sessions.values['target-table-name']).toBe('sessions-dr-20261126-01');
    const db = stepRunbookValues(RDS_PITR, incident, estate(), null).candidates[0]!;
    expect(db.values['target-db-instance-id']).toBe('orders-db-dr-20261126-01');
    // Without an incident there is no name to derive.
    expect(
      stepRunbookValues(DDB_PITR, null, estate(), null).candidates[0]!.values['target-table-name'],
    ).toBeUndefined();
  });

  it('keeps the resource’s own name and the incident’s regions when the best option belongs to another runbook', () => {
    const only = assessmentOf([table('carts', TIER.critical, true)]);
    only.resources[0]!.options = only.resources[0]!.options.filter((o) => o.kind === 'global-table-replica');
    const fill = stepRunbookValues(DDB_PITR, incident, only, null);
    expect(fill.candidates[0]).toMatchObject({
      matchesRunbook: false,
      optionTitle: 'Use the global table replica',
    });
    expect(fill.candidates[0]!.values).toMatchObject({
      'table-name': 'carts',
      'primary-region': 'us-east-1',
      'secondary-region': 'us-west-2',
    });
    expect(fill.candidates[0]!.values['restore-time']).toBeUndefined();
  });
});

describe('a step’s runbook with nothing to fill', () => {
  it('has no values at all without an incident, an assessment or a plan', () => {
    expect(stepRunbookValues(S3_FAILOVER, null, null, null)).toEqual({
      runbookId: 's3-cross-region-failover',
      base: {},
      source: null,
      candidates: [],
    });
  });

  it('has only the incident’s id and regions when nothing of the service is known', () => {
    const fill = stepRunbookValues(
      { id: 'ec2-ami-recovery', service: 'ec2' },
      incident,
      estate(),
      planOf(estate(), [{ resourceId: ORDERS_DB }]),
    );
    expect(fill).toEqual({
      runbookId: 'ec2-ami-recovery',
      base: {
        'incident-id': 'DR-20261126-01',
        'primary-region': 'us-east-1',
        'secondary-region': 'us-west-2',
      },
      source: null,
      candidates: [],
    });
  });

  it('gives a general runbook (the DR procedure, monitoring, compliance) no resource', () => {
    const fill = stepRunbookValues({ id: 'dr-procedure', service: 'general' }, incident, estate(), null);
    expect(fill.candidates).toEqual([]);
    expect(fill.base['incident-id']).toBe('DR-20261126-01');
  });

  it('takes the regions from the assessment when no incident is open', () => {
    expect(stepRunbookValues(DDB_PITR, null, estate(), null).base).toEqual({
      'primary-region': 'us-east-1',
      'secondary-region': 'us-west-2',
    });
  });
});

describe('the runbook of each planner strategy', () => {
  it('is the runbook of its assessment option, or the archive restore’s own', () => {
    for (const strategy of STRATEGY_IDS) {
      const kind = STRATEGY_OPTION_KINDS[strategy];
      expect(runbookForStrategy(strategy), strategy).toBe(
        kind ? OPTION_RUNBOOKS[kind] : 's3-archive-restore',
      );
    }
    expect(runbookForStrategy('s3-archive-restore')).toBe('s3-archive-restore');
    expect(runbookForStrategy('dynamodb-pitr-cross-region')).toBe('dynamodb-pitr-restore');
  });
});

describe('the runbook of a plan chain', () => {
  it('is its strategy’s runbook, filled for the chain with the plan’s incident and the chosen restore time', () => {
    const plan = planOf(estate(), [
      { resourceId: ORDERS_EVENTS, restoreTime: '2026-11-26T08:00:00.000Z' },
      { resourceId: 'arn:aws:s3:::acme-prod-orders' },
    ]);
    const table = plan.chains.find((c) => c.resource.name === 'orders-events')!;
    expect(runbookForChain(plan, table, estate())).toEqual({
      runbookId: 'dynamodb-pitr-restore',
      values: {
        'incident-id': 'DR-20261126-01',
        'primary-region': 'us-east-1',
        'secondary-region': 'us-west-2',
        'table-name': 'orders-events',
        'account-id': ACCOUNT,
        'ttl-attribute': 'expiresAt',
        'target-table-name': 'orders-events-dr1',
        'restore-time': '2026-11-26T08:00:00Z',
      },
    });
    const bucketChain = plan.chains.find((c) => c.resource.name === 'acme-prod-orders')!;
    expect(runbookForChain(plan, bucketChain, null)).toMatchObject({
      runbookId: 's3-cross-region-failover',
      values: { 'bucket-name': 'acme-prod-orders', 'replica-bucket-name': 'acme-prod-orders-dr' },
    });
  });
});

describe('EC2 runbooks of a plan', () => {
  const web = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0web-1`;
  const ec2 = assessmentOf([instance('web-1', TIER.critical)]);
  const plan = planOf(ec2, [{ resourceId: web }, { resourceId: `${web}/vol-0data` }]);

  it('fill the AMI recovery for the instance chain: the AMI, the copy’s name and the launch settings', () => {
    const fill = stepRunbookValues({ id: 'ec2-ami-recovery', service: 'ec2' }, incident, ec2, plan);
    expect(fill.candidates.map((c) => [c.name, c.matchesRunbook])).toEqual([
      ['web-1', true],
      ['web-1-sdf', false],
    ]);
    expect(fill.candidates[0]!.values).toMatchObject({
      'ami-id': 'ami-0aaa1111bbbb2222c',
      'image-name': 'web-1-dr1',
      'instance-type': 'm6i.large',
      'subnet-id': 'subnet-0f2a',
      'security-group-id': 'sg-0web',
      'incident-id': 'DR-20261126-01',
    });
  });

  it('fill the EBS recovery for the volume chain, and never with a zone of the failed region', () => {
    const fill = stepRunbookValues({ id: 'ec2-ebs-volume-recovery', service: 'ec2' }, incident, ec2, plan);
    const volume = fill.candidates[0]!;
    expect([volume.name, volume.strategy, volume.matchesRunbook]).toEqual([
      'web-1-sdf',
      'ebs-snapshot-copy',
      true,
    ]);
    expect(volume.values).toMatchObject({ 'snapshot-id': 'snap-0east', 'device-name': '/dev/sdf' });
    // The new volume's zone comes from the recovered instance at run time: not the source's us-east-1a.
    for (const candidate of fill.candidates) expect(candidate.values['availability-zone']).toBeUndefined();
  });
});
