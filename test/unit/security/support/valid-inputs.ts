import type { CallName } from '../../../../electron/core/api/contract';

/** What the valid samples may refer to (made by the test before fuzzing). */
export interface FuzzFixtures {
  incidentId: string;
  /** An evidence pack folder inside the data folder. */
  evidenceDir: string;
}

/**
 * Valid inputs of every contract call, the seeds that the fuzzer mutates. Typed as a record of
 * every call name, so a new call does not compile until it has samples here.
 */
export function validInputs(f: FuzzFixtures): Record<CallName, Record<string, unknown>[]> {
  const id = f.incidentId;
  return {
    'app.info': [{}],
    'procedure.get': [{}],
    'procedure.reload': [{}],
    'incident.declare': [
      { title: 'us-east-1 outage', commander: 'Ana Ruiz' },
      { title: 'Drill', commander: 'Bo', severity: 'SEV3', tiers: ['tier-1'] },
    ],
    'incident.list': [{}],
    'incident.get': [{ incidentId: id }],
    'incident.open': [{ incidentId: id }],
    'incident.active': [{}],
    'incident.timeline': [
      { incidentId: id },
      { incidentId: id, afterSeq: 2, stage: 'assess', kinds: ['note'] },
    ],
    'incident.activate': [
      {
        incidentId: id,
        decision: 'go',
        criteria: { 'region-impaired': 'yes' },
        decidedBy: 'Ana Ruiz',
        approvedBy: 'Bo Chen',
        roles: { scribe: 'Cy', serviceOwners: [{ service: 'rds', owner: 'Di' }] },
      },
    ],
    'incident.note': [
      { incidentId: id, text: 'Paged the DB team.' },
      { incidentId: id, text: 'Go.', kind: 'decision', by: 'Ana' },
    ],
    'incident.completeStep': [{ incidentId: id, stepId: 'assess-scope', evidence: 'dashboard' }],
    'incident.skipStep': [{ incidentId: id, stepId: 'assess-scope', reason: 'not needed' }],
    'incident.signOff': [{ incidentId: id, stage: 'assess', by: 'Ana Ruiz' }],
    'incident.advance': [{ incidentId: id }, { incidentId: id, to: 'activate', signOff: true, by: 'Ana' }],
    'incident.goBack': [{ incidentId: id, to: 'assess', reason: 'new facts' }],
    'incident.statusDraft': [{ incidentId: id }],
    'incident.statusUpdate': [{ incidentId: id, text: 'Restores running.' }],
    'incident.verify': [{ incidentId: id }],
    'record.draft': [{ incidentId: id }],
    'record.preview': [{ incidentId: id, form: { impact: 'Orders down 40 min', wentWell: ['paging'] } }],
    'record.save': [{ incidentId: id, form: { impact: 'Orders down' }, by: 'Ana' }],
    'record.list': [{ incidentId: id }],
    'record.evidence': [{ incidentId: id }],
    'record.verifyEvidence': [{ dir: f.evidenceDir }],
    'record.export': [{ incidentId: id, format: 'html' }],
    'record.openFolder': [{ path: 'incidents' }],
    'runbooks.list': [{}],
    'runbooks.get': [{ id: 's3-version-rollback', values: { 'bucket-name': 'orders' } }],
    'runbooks.search': [{ query: 'restore rds' }, { query: 'pitr', limit: 5 }],
    'runbooks.policy': [{}],
    'runbooks.problems': [{}],
    'runbooks.reload': [{}],
    'session.profiles': [{}],
    'session.select': [{ profile: 'dr-commander' }],
    'session.status': [{}, { refresh: true }],
    'session.login.start': [{}, { profile: 'dr-commander' }],
    'session.login.poll': [{ loginId: 'login-1' }],
    'session.login.open': [{ loginId: 'login-1' }],
    'session.login.cancel': [{ loginId: 'login-1' }],
    'session.login.approveTabletop': [{ loginId: 'login-1' }],
    'assess.run': [{}, { incidentId: id, services: ['s3', 'rds'] }],
    'assess.cancel': [{}, { scanId: 'scan-1' }],
    'assess.status': [{}],
    'assess.latest': [{}],
    'recover.resources': [{}, { incidentId: id, fresh: true }],
    'recover.plan': [
      { incidentId: id, selection: [{ resourceId: 'rds:orders-db', strategy: 'rds-pitr-cross-region' }] },
    ],
    'recover.status': [{}, { incidentId: id }],
    'recover.confirm': [{ incidentId: id, planId: 'plan-1', typed: id }],
    'recover.pause': [{}, { incidentId: id, by: 'Ana' }],
    'recover.resume': [{}, { incidentId: id }],
    'recover.cancel': [{}, { incidentId: id }],
    'recover.retry': [{ incidentId: id, actionId: 'action-1' }],
    'recover.endpointMap': [{}, { incidentId: id }],
    'drill.targets': [{}],
    'drill.start': [
      { services: ['s3'] },
      { services: ['rds', 'ec2'], targets: { rds: 'orders-db' }, by: 'Ana' },
    ],
    'drill.run': [{ services: ['dynamodb'] }],
    'drill.status': [{}],
    'drill.history': [{}],
    'drill.record': [{ id: 'drill-20261126-041500-ab12' }],
    'drill.cleanup': [{}],
    'validate.run': [{}, { incidentId: id, s3Sample: 'all', dynamodbSample: 10, only: ['rds:orders-db'] }],
    'validate.latest': [{}, { incidentId: id }],
    'validate.reapply': [{ incidentId: id, resourceId: 'dynamodb:orders', pitr: true }],
    'tabletop.faults': [{}],
    'tabletop.setFaults': [
      { change: { kind: 'regionDown', region: 'us-east-1', mode: '5xx', services: ['s3', 'rds'] } },
      { change: { kind: 'regionUp', region: 'us-east-1' } },
      { change: { kind: 'throttle', region: 'us-west-2', service: 'dynamodb', ratePercent: 25 } },
      { change: { kind: 'failRestore', target: 'orders-db-dr' } },
      { change: { kind: 'setQuota', key: 'dynamodb.concurrentRestores', value: 2 } },
      {
        change: {
          kind: 'replicationLag',
          sourceRegion: 'us-east-1',
          destinationRegion: 'us-west-2',
          lagMinutes: 30,
        },
      },
      { change: { kind: 'clearAll' } },
    ],
  };
}
