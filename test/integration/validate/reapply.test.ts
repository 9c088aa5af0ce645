import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAG_INCIDENT } from '../../../electron/core/aws';
import type { ReapplyResult } from '../../../electron/core/validate/types';
import type { DynamoState } from '../../../electron/simulator/services/dynamodb/model';
import { asRestoreLeftIt, checkOf, recovered, resourceOf, type Recovered } from './support';

const CARTS = 'arn:aws:dynamodb:us-east-1:123456789012:table/carts';
const SESSIONS = 'arn:aws:dynamodb:us-east-1:123456789012:table/sessions';

let r: Recovered;

beforeAll(async () => {
  r = await recovered({ sourceUp: true, names: ['carts', 'sessions'] });
}, 120_000);

afterAll(async () => {
  await r.close();
});

describe('validate.reapply', () => {
  it('finds PITR and tags missing on a restored table, re-applies them on the target only, and validates clean', async () => {
    const first = await r.validate({ only: [CARTS] });
    const table = resourceOf(first, CARTS).targetId;
    const record = asRestoreLeftIt(r.sim, table);

    const before = await r.validate({ only: [CARTS] });
    expect(checkOf(before, CARTS, 'pitr')).toMatchObject({ status: 'warn' });
    expect(checkOf(before, CARTS, 'tags').status).toBe('warn');
    expect(checkOf(before, CARTS, 'tags').fix).toMatch(/validate\.reapply/);
    expect(resourceOf(before, CARTS).status).toBe('warn');
    expect(before.passed).toBe(true);

    // The dry run lists each call with its aws CLI equivalent and sends nothing.
    const preview = await r.call<ReapplyResult>('validate.reapply', {
      incidentId: r.incidentId,
      resourceId: CARTS,
      dryRun: true,
    });
    expect(preview.dryRun).toBe(true);
    expect(preview.applied).toEqual([]);
    expect(preview.planned.map((p) => p.cli)).toEqual([
      `aws dynamodb update-continuous-backups --region us-west-2 --table-name ${table} --point-in-time-recovery-specification '{"PointInTimeRecoveryEnabled":true}'`,
      expect.stringMatching(
        new RegExp(
          `^aws dynamodb tag-resource --region us-west-2 --resource-arn arn:aws:dynamodb:us-west-2:123456789012:table/${table} --tags '\\[\\{"Key":`,
        ),
      ),
    ]);
    expect(record.pitr.enabled).toBe(false);
    const result = await r.call<ReapplyResult>('validate.reapply', {
      incidentId: r.incidentId,
      resourceId: CARTS,
    });
    expect(result.dryRun).toBe(false);
    expect(result.table).toBe(table);
    expect(result.applied.map((a) => a.setting).sort()).toEqual(['pitr', 'tags']);
    expect(result.skipped.map((s) => s.setting)).toEqual(['ttl']);
    expect(record.pitr.enabled).toBe(true);

    const after = await r.validate({ only: [CARTS] });
    expect(checkOf(after, CARTS, 'pitr').status).toBe('pass');
    expect(checkOf(after, CARTS, 'tags').status).toBe('pass');
    const entries = await r.core.incidents.entries(r.incidentId);
    expect(entries.some((e) => e.type === 'validate.reapply.completed' && e.data.targetId === table)).toBe(
      true,
    );
  });

  it('refuses a table this incident did not restore (a global-table replica) and changes nothing', async () => {
    const record = r.sim.state<DynamoState>('dynamodb').tables['us-west-2/sessions']!;
    expect(record.tags.some((t) => t.Key === TAG_INCIDENT)).toBe(false);
    const before = JSON.stringify(record);
    const result = await r.core.dispatch(
      'validate.reapply',
      { incidentId: r.incidentId, resourceId: SESSIONS },
      { via: 'test' },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('OPERATION_NOT_ALLOWED');
      expect(result.error.message).toMatch(/restored targets only/);
    }
    expect(JSON.stringify(record)).toBe(before);
  });

  it('refuses a resource that is not a restored table', async () => {
    const result = await r.core.dispatch(
      'validate.reapply',
      { incidentId: r.incidentId, resourceId: 'orders-db' },
      { via: 'test' },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});
