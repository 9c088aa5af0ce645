import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../../../electron/core/drill/history';
import { recordFixture, serviceFixture } from './fixtures';

describe('drill history', () => {
  it('lists newest first and counts results per quarter and service', () => {
    const a = recordFixture({
      id: 'drill-20260815-000000-aaaa',
      startedAt: '2026-08-15T00:00:00Z',
      quarter: '2026-Q3',
    });
    const b = recordFixture({
      id: 'drill-20261126-000000-bbbb',
      startedAt: '2026-11-26T00:00:00Z',
      status: 'fail',
      services: [serviceFixture(), serviceFixture({ service: 's3', status: 'fail' })],
      sweep: {
        cleanedUp: [],
        leftovers: [
          {
            kind: 'ebs-volume',
            region: 'us-west-2',
            id: 'vol-1',
            drillId: null,
            reason: 'r',
            costRisk: 'c',
            command: 'x',
          },
        ],
      },
    });
    const c = recordFixture({ id: 'drill-20261001-000000-cccc', startedAt: '2026-10-01T00:00:00Z' });
    const h = buildHistory([
      { record: a, file: 'a.json' },
      { record: b, file: 'b.json' },
      { record: c, file: 'c.json' },
    ]);
    expect(h.entries.map((e) => e.id)).toEqual([b.id, c.id, a.id]);
    expect(h.entries[0]!.leftovers).toBe(1);
    expect(h.quarters.map((q) => [q.quarter, q.drills, q.passed, q.failed])).toEqual([
      ['2026-Q3', 1, 1, 0],
      ['2026-Q4', 2, 1, 1],
    ]);
    expect(h.quarters[1]!.byService.rds).toEqual({ pass: 2, fail: 0 });
    expect(h.quarters[1]!.byService.s3).toEqual({ pass: 0, fail: 1 });
    expect(h.quarters[1]!.byService.ec2).toEqual({ pass: 0, fail: 0 });
  });

  it('is empty without records', () => {
    expect(buildHistory([])).toEqual({ entries: [], quarters: [], problems: [] });
  });
});
