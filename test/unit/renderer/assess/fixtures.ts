import type {
  AssessedResource,
  AssessmentResult,
  RecoveryOption,
} from '../../../../electron/core/api/calls/assess';

const option = (over: Partial<RecoveryOption>): RecoveryOption => ({
  kind: 'cross-region-pitr',
  title: 'Cross-region point-in-time restore',
  description: 'Restore from the replicated automated backups.',
  rpoMinutes: 5,
  rpoReason: 'latest restorable time 5 minutes ago',
  rtoMinutes: 55,
  rtoReason: 'estimate',
  prerequisitesMet: true,
  prerequisites: [{ text: 'automated backups are replicated to us-west-2', met: true }],
  best: true,
  data: { sourceArn: 'arn', sourceRegion: 'us-east-1', targetRegion: 'us-west-2' },
  ...over,
});

/** One assessed resource with sensible defaults. */
export function resource(over: Partial<AssessedResource> & { name: string }): AssessedResource {
  return {
    id: `arn:aws:rds:us-east-1:123456789012:db:${over.name}`,
    service: 'rds',
    kind: 'db-instance',
    region: 'us-east-1',
    role: 'primary',
    observed: true,
    tier: { id: 'critical', title: 'Critical', rtoMinutes: 120, rpoMinutes: 15, source: 'tagged' },
    environment: 'production',
    environmentSource: 'tagged',
    tags: {},
    facts: [{ label: 'Engine', value: 'postgres 16.4' }],
    details: {},
    options: [option({})],
    bestOption: 'cross-region-pitr',
    achievableRpoMinutes: 5,
    estimatedRtoMinutes: 55,
    status: 'ready',
    gaps: [],
    unknowns: [],
    ...over,
  };
}

/** A small assessment: one of each status that matters. */
export function assessment(): AssessmentResult {
  const resources = [
    resource({ name: 'orders-db' }),
    resource({
      name: 'billing-db',
      status: 'at-risk',
      achievableRpoMinutes: 23_040,
      options: [
        option({
          kind: 'snapshot-copy-restore',
          title: 'Copy a snapshot across regions and restore it',
          rpoMinutes: 23_040,
        }),
      ],
      bestOption: 'snapshot-copy-restore',
      gaps: [
        {
          rule: 'rds.backupRetentionDays',
          severity: 'warning',
          message: 'Retention 1 day, policy requires 7 for production databases.',
          fix: 'aws rds modify-db-instance --db-instance-identifier billing-db --backup-retention-period 7 --apply-immediately',
        },
      ],
    }),
    resource({
      name: 'acme-prod-payments-ledger',
      id: 'arn:aws:s3:::acme-prod-payments-ledger',
      service: 's3',
      kind: 'bucket',
      status: 'not-recoverable',
      tier: { id: 'standard', title: 'Standard', rtoMinutes: 480, rpoMinutes: 1440, source: 'default' },
      options: [],
      bestOption: null,
      achievableRpoMinutes: null,
      estimatedRtoMinutes: null,
      gaps: [
        {
          rule: 's3.crossRegionReplication',
          severity: 'critical',
          message:
            'Production bucket without cross-region replication: there is no copy of its objects in us-west-2.',
          fix: 'Add a replication rule.',
        },
      ],
      unknowns: [{ fact: 'versioning, tags', reason: 'us-east-1 does not answer (ServiceUnavailable)' }],
    }),
  ];
  return {
    scanId: 'scan-1',
    startedAt: '2026-11-26T09:45:00.000Z',
    finishedAt: '2026-11-26T09:45:01.000Z',
    durationMs: 1_000,
    regions: { primary: 'us-east-1', secondary: 'us-west-2' },
    incidentId: null,
    services: ['s3', 'rds', 'ec2', 'dynamodb'],
    resources,
    counts: {
      total: 3,
      byStatus: { ready: 1, 'at-risk': 1, 'not-recoverable': 1, unknown: 0, 'out-of-scope': 0 },
      byService: { s3: 1, rds: 2, ec2: 0, dynamodb: 0 },
      byRegion: { 'us-east-1': 3 },
      byTier: { critical: 2, standard: 1 },
      gaps: { critical: 1, warning: 1, info: 0 },
    },
    inventory: [],
    regionHealth: [
      {
        region: 'us-east-1',
        role: 'primary',
        status: 'down',
        reason: 's3: down (ServiceUnavailable)',
        services: [],
      },
      { region: 'us-west-2', role: 'secondary', status: 'healthy', reason: null, services: [] },
    ],
    unknowns: [
      { service: 'rds', region: 'us-east-1', fact: 'RDS DB instances', reason: 'us-east-1 does not answer' },
    ],
    calls: { total: 70, failed: 20, throttled: 0, skipped: 11 },
    policy: { version: '1.0', lastReviewed: '2026-11-20' },
  };
}
