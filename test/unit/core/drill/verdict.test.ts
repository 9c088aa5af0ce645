import { describe, expect, it } from 'vitest';
import { complianceMapping } from '../../../../electron/core/drill/compliance';
import { drillVerdict, orderServices } from '../../../../electron/core/drill/run-drill';
import { emptyOutcome, serviceResult, serviceVerdict } from '../../../../electron/core/drill/service-result';
import { serviceFixture } from './fixtures';

const pass = { id: 'a', title: 'A', status: 'pass' as const, evidence: 'ok' };
const fail = { id: 'b', title: 'B', status: 'fail' as const, evidence: 'bad' };

describe('verdicts', () => {
  it('a service passes only when it ran to the end, a check passed, none failed, nothing left', () => {
    const o = { ...emptyOutcome('t', 'us-west-2'), checks: [pass] };
    expect(serviceVerdict(o, 0)).toBe('pass');
    expect(serviceVerdict(o, 1)).toBe('fail');
    expect(serviceVerdict({ ...o, checks: [pass, fail] }, 0)).toBe('fail');
    expect(serviceVerdict({ ...o, checks: [{ ...pass, status: 'skipped' }] }, 0)).toBe('fail');
    expect(serviceVerdict({ ...o, error: 'boom' }, 0)).toBe('fail');
    expect(serviceVerdict({ ...o, checks: [pass, { ...fail, status: 'warn' }] }, 0)).toBe('pass');
  });

  it('adds a clean-up check to every service result', () => {
    const r = serviceResult(
      's3',
      { ...emptyOutcome('b', 'us-east-1'), checks: [pass] },
      { created: [], cleanedUp: [], leftovers: [] },
      { startedAt: 'x', finishedAt: 'y' },
    );
    expect(r.checks.at(-1)).toMatchObject({ id: 'cleanup', status: 'pass' });
    const left = serviceResult(
      's3',
      { ...emptyOutcome('b', 'us-east-1'), checks: [pass] },
      {
        created: [],
        cleanedUp: [],
        leftovers: [
          {
            kind: 'ebs-volume',
            region: 'r',
            id: 'vol-1',
            drillId: null,
            reason: 'why',
            costRisk: 'c',
            command: 'x',
          },
        ],
      },
      { startedAt: 'x', finishedAt: 'y' },
    );
    expect(left.status).toBe('fail');
    expect(left.checks.at(-1)).toMatchObject({ id: 'cleanup', status: 'fail' });
  });

  it('the drill passes only when every service passed', () => {
    expect(drillVerdict([serviceFixture(), serviceFixture({ service: 's3' })])).toBe('pass');
    expect(drillVerdict([serviceFixture(), serviceFixture({ status: 'fail' })])).toBe('fail');
    expect(drillVerdict([])).toBe('fail');
  });

  it('orders services s3, rds, ec2, dynamodb', () => {
    expect(orderServices(['dynamodb', 's3', 'ec2'])).toEqual(['s3', 'ec2', 'dynamodb']);
  });

  it('maps to SOC 2 CC7.3 with the measured numbers as evidence', () => {
    const [m] = complianceMapping([serviceFixture()]);
    expect(m).toMatchObject({ control: 'SOC 2 CC7.3', status: 'met' });
    expect(m!.evidence[0]).toContain('actual RTO 14.5 min, actual RPO 4320 min');
    expect(complianceMapping([serviceFixture({ status: 'fail' })])[0]!.status).toBe('not met');
  });
});
