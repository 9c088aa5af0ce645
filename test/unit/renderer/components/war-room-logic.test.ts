import { describe, expect, it } from 'vitest';
import { errorAdvice } from '../../../../renderer/src/components/war-room/error-advice';
import {
  formatClock,
  formatMinutes,
  incidentClockState,
} from '../../../../renderer/src/components/war-room/incident-clock-state';
import { parsePreferences } from '../../../../renderer/src/components/war-room/preferences';
import {
  offlineFromAws,
  regionsAsSeen,
} from '../../../../renderer/src/components/war-room/region-health-state';
import {
  isEditable,
  shortcutFor,
  type KeyPress,
} from '../../../../renderer/src/components/war-room/shortcuts';
import { badgedTitle } from '../../../../renderer/src/components/war-room/use-background-notices';

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  editable: false,
  ...over,
});

describe('shortcutFor', () => {
  it('opens the palette with Ctrl+K and Cmd+K, even while typing', () => {
    expect(shortcutFor(press({ key: 'k', ctrlKey: true, editable: true }))).toEqual({ kind: 'palette' });
    expect(shortcutFor(press({ key: 'K', metaKey: true }))).toEqual({ kind: 'palette' });
  });

  it('selects stages with Alt+digit by physical key (Alt+1 types ¡ on a Mac)', () => {
    expect(shortcutFor(press({ key: '¡', code: 'Digit1', altKey: true }))).toEqual({
      kind: 'stage',
      index: 0,
    });
    expect(shortcutFor(press({ key: '5', code: 'Digit5', altKey: true, editable: true }))).toEqual({
      kind: 'stage',
      index: 4,
    });
  });

  it('bare keys act only outside text fields', () => {
    expect(shortcutFor(press({ key: 'n' }))).toEqual({ kind: 'notes' });
    expect(shortcutFor(press({ key: '/' }))).toEqual({ kind: 'search' });
    expect(shortcutFor(press({ key: '?', shiftKey: true }))).toEqual({ kind: 'help' });
    for (const key of ['n', '/', '?']) expect(shortcutFor(press({ key, editable: true }))).toBeNull();
  });

  it('Ctrl+Shift+N writes a note from anywhere; other combinations do nothing', () => {
    expect(shortcutFor(press({ key: 'N', ctrlKey: true, shiftKey: true, editable: true }))).toEqual({
      kind: 'notes',
    });
    expect(shortcutFor(press({ key: 'n', ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press({ key: 'x' }))).toBeNull();
    expect(shortcutFor(press({ key: 'N', shiftKey: true }))).toBeNull();
    expect(shortcutFor(press({ key: 'q', code: 'KeyQ', altKey: true }))).toBeNull();
  });

  it('Alt+T and Alt+P switch the theme and presentation mode', () => {
    expect(shortcutFor(press({ key: '†', code: 'KeyT', altKey: true }))).toEqual({ kind: 'theme' });
    expect(shortcutFor(press({ key: 'p', code: 'KeyP', altKey: true }))).toEqual({ kind: 'presentation' });
  });
});

describe('isEditable', () => {
  it('knows text fields from buttons and checkboxes', () => {
    const input = document.createElement('input');
    expect(isEditable(input)).toBe(true);
    input.type = 'checkbox';
    expect(isEditable(input)).toBe(false);
    expect(isEditable(document.createElement('textarea'))).toBe(true);
    expect(isEditable(document.createElement('select'))).toBe(true);
    expect(isEditable(document.createElement('button'))).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});

describe('incidentClockState', () => {
  const declaredAt = '2026-11-26T00:00:00.000Z';
  const t0 = Date.parse(declaredAt);
  const targets = [
    { title: 'Tier 2', rtoMinutes: 240 },
    { title: 'Tier 1', rtoMinutes: 60 },
  ];

  it('measures against the strictest RTO: ok, near from 75 %, breached past 100 %', () => {
    const at = (minutes: number) =>
      incidentClockState({ declaredAt, closedAt: null, targets }, t0 + minutes * 60_000);
    expect(at(10)).toMatchObject({ level: 'ok', targetMinutes: 60, targetTitle: 'Tier 1' });
    expect(at(44.9).level).toBe('ok');
    expect(at(45).level).toBe('near');
    expect(at(59.9).level).toBe('near');
    expect(at(60).level).toBe('breached');
    expect(at(90).ratio).toBeCloseTo(1.5);
  });

  it('stops at closing time, and has no level without targets', () => {
    const closed = incidentClockState(
      { declaredAt, closedAt: '2026-11-26T00:30:00.000Z', targets },
      t0 + 5 * 3_600_000,
    );
    expect(closed.elapsedMs).toBe(30 * 60_000);
    expect(closed.level).toBe('ok');
    expect(incidentClockState({ declaredAt, closedAt: null, targets: [] }, t0 + 1000)).toMatchObject({
      level: 'none',
      targetMinutes: null,
    });
  });

  it('formats durations and targets', () => {
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock((26 * 3600 + 5 * 60 + 9) * 1000)).toBe('26:05:09');
    expect(formatClock(-5)).toBe('0:00:00');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
  });
});

describe('regionsAsSeen', () => {
  const regions = { primary: 'us-east-1', secondary: 'us-west-2' };
  const sts = (east: boolean, at = '2026-11-26T01:00:00.000Z') => ({
    checkedAt: at,
    regions: [
      { region: 'us-east-1', reachable: east, error: east ? null : { message: 'timeout' } },
      { region: 'us-west-2', reachable: true, error: null },
    ],
  });
  const scan = (at = '2026-11-26T02:00:00.000Z') => ({
    finishedAt: at,
    regionHealth: [
      { region: 'us-east-1', status: 'degraded' as const, reason: 'S3 throttled' },
      { region: 'us-west-2', status: 'healthy' as const, reason: null },
    ],
  });

  it('says unknown before anything was checked', () => {
    expect(regionsAsSeen(regions, null, null).map((r) => [r.region, r.role, r.status, r.source])).toEqual([
      ['us-east-1', 'primary', 'unknown', 'none'],
      ['us-west-2', 'secondary', 'unknown', 'none'],
    ]);
  });

  it('uses STS reachability until an assessment exists', () => {
    const seen = regionsAsSeen(regions, null, sts(false));
    expect(seen[0]).toMatchObject({ status: 'down', source: 'sts', reason: 'timeout' });
    expect(seen[1]).toMatchObject({ status: 'healthy', source: 'sts' });
  });

  it('prefers the assessment; a newer STS "down" overrides it, a newer STS "healthy" does not', () => {
    expect(regionsAsSeen(regions, scan(), sts(true, '2026-11-26T03:00:00.000Z'))[0]).toMatchObject({
      status: 'degraded',
      source: 'assessment',
    });
    expect(regionsAsSeen(regions, scan(), sts(false, '2026-11-26T03:00:00.000Z'))[0]).toMatchObject({
      status: 'down',
      source: 'sts',
    });
    expect(regionsAsSeen(regions, scan(), sts(false, '2026-11-26T01:00:00.000Z'))[0]).toMatchObject({
      source: 'assessment',
    });
  });

  it('is offline from AWS only when no region answered', () => {
    expect(offlineFromAws(null)).toBe(false);
    expect(offlineFromAws(sts(false))).toBe(false);
    expect(
      offlineFromAws({
        checkedAt: '',
        regions: [
          { region: 'a', reachable: false, error: null },
          { region: 'b', reachable: false, error: null },
        ],
      }),
    ).toBe(true);
  });
});

describe('parsePreferences', () => {
  it('reads what was saved and falls back to dark, normal text', () => {
    expect(parsePreferences('{"theme":"light","presentation":true}')).toEqual({
      theme: 'light',
      presentation: true,
    });
    expect(parsePreferences(null)).toEqual({ theme: 'dark', presentation: false });
    expect(parsePreferences('not json')).toEqual({ theme: 'dark', presentation: false });
    expect(parsePreferences('{"theme":"neon","presentation":"yes"}')).toEqual({
      theme: 'dark',
      presentation: false,
    });
  });
});

describe('errorAdvice', () => {
  it('pulls out what AWS said and the next step for its hint', () => {
    const advice = errorAdvice({
      code: 'AWS_ERROR',
      message: 'rds RestoreDBInstanceToPointInTime failed.',
      detail: {
        service: 'rds',
        operation: 'RestoreDBInstanceToPointInTime',
        region: 'us-west-2',
        awsCode: 'InvalidRestoreFault',
        requestId: 'req-123',
        httpStatus: 400,
        hint: 'restore-window',
        retryable: false,
      },
    });
    expect(advice.aws).toEqual({
      code: 'InvalidRestoreFault',
      status: 400,
      requestId: 'req-123',
      where: 'rds RestoreDBInstanceToPointInTime in us-west-2',
    });
    expect(advice.whatToDo).toContain('restorable window');
    expect(advice.retryable).toBe(false);
  });

  it('falls back to the code, then to a general next step; bad input is never retried', () => {
    expect(errorAdvice({ code: 'SESSION_EXPIRED', message: 'expired' }).whatToDo).toContain('Log in');
    expect(errorAdvice({ code: 'INVALID_INPUT', message: 'bad' }).retryable).toBe(false);
    const other = errorAdvice({ code: 'INTERNAL', message: 'bug' });
    expect(other.aws).toBeNull();
    expect(other.retryable).toBe(true);
    expect(other.whatToDo).toContain('runbook');
  });
});

describe('badgedTitle', () => {
  it('counts unseen finished actions in the title', () => {
    expect(badgedTitle('DR War Room', 0)).toBe('DR War Room');
    expect(badgedTitle('DR War Room', 3)).toBe('(3) DR War Room');
  });
});
