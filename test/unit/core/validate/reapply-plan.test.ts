import { describe, expect, it } from 'vitest';
import { lossWindowEnd } from '../../../../electron/core/validate/measures';
import { planReapply, userTags } from '../../../../electron/core/validate/reapply-settings';
import type { ReapplyResult, ValidationRun } from '../../../../electron/core/validate/types';
import {
  latestValidation,
  reappliedEntry,
  VALIDATE_ENTRY,
  validationCompletedEntry,
} from '../../../../electron/core/validate/validate-entries';

const TABLE = 'orders-dr';
const ARN = `arn:aws:dynamodb:us-west-2:111122223333:table/${TABLE}`;

function plan(overrides: Partial<Parameters<typeof planReapply>[0]> = {}) {
  return planReapply({
    table: TABLE,
    tableArn: ARN,
    region: 'us-west-2',
    choice: {},
    sourceTtlAttribute: 'expiresAt',
    sourceTags: { team: 'orders', 'aws:cloudformation:stack-name': 'orders', 'dr-war-room:incident': 'x' },
    ttlNow: { TimeToLiveStatus: 'DISABLED' },
    ...overrides,
  });
}

describe('planReapply', () => {
  it('plans PITR, TTL on the source attribute and the user tags, each with its aws CLI command', () => {
    const { planned, skipped } = plan();
    expect(skipped).toEqual([]);
    expect(planned.map((w) => [w.setting, w.operation, w.detail])).toEqual([
      ['pitr', 'UpdateContinuousBackups', 'point-in-time recovery enabled'],
      ['ttl', 'UpdateTimeToLive', 'TTL on expiresAt'],
      ['tags', 'TagResource', 'team'],
    ]);
    expect(planned[2]?.params).toEqual({ ResourceArn: ARN, Tags: [{ Key: 'team', Value: 'orders' }] });
    for (const w of planned) {
      expect(w.cli).toContain('aws dynamodb');
      expect(w.cli).toContain('us-west-2');
    }
  });

  it('skips TTL when it is already on that attribute, or when the source had none', () => {
    expect(plan({ ttlNow: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' } }).skipped).toEqual([
      { setting: 'ttl', reason: 'TTL already on expiresAt' },
    ]);
    expect(
      plan({ ttlNow: { TimeToLiveStatus: 'ENABLED', AttributeName: 'other' } }).planned[1]?.setting,
    ).toBe('ttl');
    expect(plan({ sourceTtlAttribute: null }).skipped).toEqual([
      { setting: 'ttl', reason: 'the source has no TTL attribute on record' },
    ]);
  });

  it('skips tags when the source has only AWS and DR War Room tags', () => {
    expect(plan({ sourceTags: { 'aws:x': '1', 'dr-war-room:source': 'y' } }).skipped).toEqual([
      { setting: 'tags', reason: 'no source tags on record' },
    ]);
    expect(plan({ sourceTags: null }).skipped).toEqual([
      { setting: 'tags', reason: 'no source tags on record' },
    ]);
  });

  it('plans only the settings chosen', () => {
    const { planned, skipped } = plan({
      choice: { pitr: false, tags: false },
      sourceTtlAttribute: undefined,
    });
    expect(planned).toEqual([]);
    expect(skipped.map((s) => s.setting)).toEqual(['ttl']);
  });
});

describe('userTags', () => {
  it('keeps only the tags people set', () => {
    expect(userTags({ Name: 'orders', 'aws:backup': 'x', 'dr-war-room:incident': 'DR-1' })).toEqual({
      Name: 'orders',
    });
    expect(userTags(undefined)).toEqual({});
  });
});

describe('lossWindowEnd', () => {
  const given = { at: '2026-11-26T02:00:00Z', what: 'impact started at' };
  it('prefers the commander’s impact time, then the assessment, then (live only) the declaration', () => {
    expect(lossWindowEnd(given, '2026-11-26T02:30:00Z', 'LIVE', '2026-11-26T03:00:00Z')).toBe(given);
    expect(lossWindowEnd(null, '2026-11-26T02:30:00Z', 'TABLETOP', '2026-11-26T03:00:00Z')).toEqual({
      at: '2026-11-26T02:30:00Z',
      what: 'outage assessed at',
    });
    expect(lossWindowEnd(null, null, 'LIVE', '2026-11-26T03:00:00Z')).toEqual({
      at: '2026-11-26T03:00:00Z',
      what: 'incident declared at',
    });
    expect(lossWindowEnd(null, null, 'TABLETOP', '2026-11-26T03:00:00Z')).toBeNull();
  });
});

function run(id: string): ValidationRun {
  return {
    id,
    incidentId: 'DR-20261126-01',
    startedAt: '2026-11-26T04:00:00.000Z',
    finishedAt: '2026-11-26T04:01:00.000Z',
    mode: 'TABLETOP',
    options: { s3Sample: 50, dynamodbSample: 25, skipNetwork: null, only: [] },
    resources: [
      {
        resourceId: 'dynamodb:orders',
        service: 'dynamodb',
        kind: 'table',
        source: 'orders',
        targetId: TABLE,
        strategy: 'dynamodb-pitr',
        tier: 'critical',
        checks: [],
        status: 'fail',
        achievedRtoMinutes: 60,
        achievedRpoMinutes: 5,
        rpoBasis: 'x',
        rtoTargetMinutes: 120,
        rpoTargetMinutes: 15,
        targetsMet: true,
      },
    ],
    probes: [],
    notValidated: [],
    counts: { pass: 0, warn: 0, fail: 1, checks: { pass: 0, warn: 0, fail: 1, skipped: 0 } },
    passed: false,
  };
}

describe('validation journal entries', () => {
  it('journals a run with its summary and each resource marked ok or not, by DR War Room by default', () => {
    const item = validationCompletedEntry(run('VAL-1'), undefined);
    expect(item.type).toBe(VALIDATE_ENTRY.completed);
    expect(item.actor).toBe('DR War Room');
    expect(typeof item.data?.summary).toBe('string');
    expect((item.data?.resources as Array<{ ok: boolean }>)[0]?.ok).toBe(false);
    expect(validationCompletedEntry(run('VAL-1'), 'Ana Ruiz').actor).toBe('Ana Ruiz');
  });

  it('finds the latest completed run, ignoring other entries and malformed ones', () => {
    const entries = [
      { type: VALIDATE_ENTRY.completed, data: { ...run('VAL-1') } },
      { type: 'note.added', data: { id: 'VAL-9' } },
      { type: VALIDATE_ENTRY.completed, data: { ...run('VAL-2') } },
      { type: VALIDATE_ENTRY.completed, data: { id: 42 } },
    ] as Array<{ type: string; data: Record<string, unknown> }>;
    expect(latestValidation(entries)?.id).toBe('VAL-2');
    expect(latestValidation([])).toBeNull();
  });

  it('summarises a re-apply: what was applied and what was skipped, and why', () => {
    const result: ReapplyResult = {
      incidentId: 'DR-20261126-01',
      resourceId: 'dynamodb:orders',
      table: TABLE,
      dryRun: false,
      planned: [],
      applied: [{ setting: 'pitr', detail: 'on', requestId: 'r-1' }],
      skipped: [{ setting: 'tags', reason: 'no source tags on record' }],
    };
    const item = reappliedEntry(result, undefined);
    expect(item).toMatchObject({
      type: VALIDATE_ENTRY.reapplied,
      actor: 'DR War Room',
      data: {
        summary: `Re-applied on ${TABLE}: pitr; skipped tags (no source tags on record)`,
        resourceId: 'dynamodb:orders',
        service: 'dynamodb',
        targetId: TABLE,
      },
    });
    expect(reappliedEntry({ ...result, applied: [], skipped: [] }, 'Ana').data?.summary).toBe(
      `Re-applied on ${TABLE}: nothing`,
    );
  });
});
