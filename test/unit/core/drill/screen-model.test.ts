import { describe, expect, it } from 'vitest';
import type { DrillTargets } from '../../../../electron/core/api/calls/drill';
import { buildHistory } from '../../../../electron/core/drill/history';
import {
  minutesText,
  quarterSeries,
  suggestedTargets,
} from '../../../../renderer/src/views/drill/drill-model';
import { recordFixture } from './fixtures';

describe('drills screen model', () => {
  it('starts the form on the suggested target of each service, else the first, else none', () => {
    const option = (id: string, suggested = false) => ({
      id,
      label: id,
      region: 'us-east-1',
      note: null,
      suggested,
    });
    const targets: DrillTargets = {
      s3: [option('a'), option('b', true)],
      rds: [option('db')],
      ec2: [],
      dynamodb: [option('t', true)],
      subnetGroups: [],
    };
    expect(suggestedTargets(targets)).toEqual({ s3: 'b', rds: 'db', ec2: '', dynamodb: 't' });
  });

  it('charts passed and failed drills per quarter, oldest first', () => {
    const history = buildHistory([
      {
        record: recordFixture({ id: 'drill-20261126-000000-aaaa', quarter: '2026-Q4', status: 'fail' }),
        file: 'a',
      },
      {
        record: recordFixture({
          id: 'drill-20260701-000000-bbbb',
          startedAt: '2026-07-01T00:00:00Z',
          quarter: '2026-Q3',
        }),
        file: 'b',
      },
    ]);
    expect(quarterSeries(history)).toEqual({
      quarters: ['2026-Q3', '2026-Q4'],
      passed: [1, 0],
      failed: [0, 1],
    });
  });

  it('shows unmeasured minutes as a dash', () => {
    expect(minutesText(null)).toBe('–');
    expect(minutesText(14.5)).toBe('14.5 min');
  });
});
