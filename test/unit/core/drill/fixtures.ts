import type { DrillRecord, ServiceDrillResult } from '../../../../electron/core/api/calls/drill';

/** A passing service result for unit tests. */
export function serviceFixture(patch: Partial<ServiceDrillResult> = {}): ServiceDrillResult {
  return {
    service: 'rds',
    status: 'pass',
    target: 'orders-db',
    region: 'us-west-2',
    recoveryPoint: { kind: 'snapshot', id: 'orders-db-weekly-usw2', time: '2026-11-23T04:00:00.000Z' },
    rpoMinutes: 4320,
    rtoMinutes: 14.5,
    startedAt: '2026-11-26T04:00:00.000Z',
    finishedAt: '2026-11-26T04:20:00.000Z',
    checks: [
      { id: 'available', title: 'The test instance became available', status: 'pass', evidence: 'available' },
    ],
    created: [
      {
        kind: 'rds-instance',
        region: 'us-west-2',
        id: 'drwr-drill-rds-x',
        drillId: 'drill-20261126-040000-abcd',
      },
    ],
    cleanedUp: [
      {
        kind: 'rds-instance',
        region: 'us-west-2',
        id: 'drwr-drill-rds-x',
        drillId: 'drill-20261126-040000-abcd',
      },
    ],
    leftovers: [],
    error: null,
    ...patch,
  };
}

/** A drill record for unit tests. */
export function recordFixture(patch: Partial<DrillRecord> = {}): DrillRecord {
  return {
    id: 'drill-20261126-040000-abcd',
    startedAt: '2026-11-26T04:00:00.000Z',
    finishedAt: '2026-11-26T04:20:00.000Z',
    quarter: '2026-Q4',
    mode: 'TABLETOP',
    scenario: 'healthy',
    by: 'Ana',
    identity: null,
    regions: { primary: 'us-east-1', secondary: 'us-west-2' },
    status: 'pass',
    services: [serviceFixture()],
    sweep: { cleanedUp: [], leftovers: [] },
    compliance: [],
    files: { json: '/tmp/x.json', markdown: '/tmp/x.md' },
    ...patch,
  };
}
