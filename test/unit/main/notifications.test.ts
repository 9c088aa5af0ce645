import { describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../electron/core/api/events';
import type { JournalEntry } from '../../../electron/core/incident/types';
import { finishedActionNotice, installNotifications } from '../../../electron/main/notifications';

const entry = (type: string, data: Record<string, unknown>): JournalEntry => ({
  seq: 7,
  time: '2026-11-26T04:00:00.000Z',
  actor: 'system',
  type,
  data,
  prev: 'x',
  hash: 'y',
});

const counts = {
  total: 12,
  byStatus: {},
  byService: {},
  byRegion: {},
  byTier: {},
  gaps: { critical: 2, high: 1, medium: 0, low: 0 },
};

const completed = {
  type: 'assess.completed',
  scanId: 's1',
  summary: {
    scanId: 's1',
    finishedAt: '',
    durationMs: 1,
    incidentId: null,
    counts,
    regionHealth: [],
    unknowns: 0,
    calls: {},
  },
} as unknown as AppEvent;

describe('finishedActionNotice', () => {
  it('reports a finished assessment with its counts', () => {
    expect(finishedActionNotice(completed)).toEqual({
      title: 'Assessment finished',
      body: '12 resources assessed, 3 gaps found.',
      outcome: 'done',
    });
  });

  it('reports failures of the assessment, the session, recovery and validation as failed', () => {
    expect(
      finishedActionNotice({ type: 'assess.failed', scanId: 's', message: 'policy broken' })?.outcome,
    ).toBe('failed');
    expect(finishedActionNotice({ type: 'session.expired', profile: 'prod', during: null })?.body).toContain(
      'prod',
    );
    const failedRun: AppEvent = {
      type: 'incident.entry',
      incidentId: 'DR-20261126-01',
      entry: entry('recover.run.state', { status: 'failed' }),
    };
    expect(finishedActionNotice(failedRun)).toMatchObject({
      title: 'Recovery stopped with failures',
      outcome: 'failed',
    });
    const failedValidation: AppEvent = {
      type: 'incident.entry',
      incidentId: 'DR-20261126-01',
      entry: entry('validate.completed', { passed: false, counts: { checks: { fail: 2 } } }),
    };
    expect(finishedActionNotice(failedValidation)?.body).toBe('DR-20261126-01: 2 checks failed.');
  });

  it('reports a completed recovery and a passed validation as done', () => {
    const done: AppEvent = {
      type: 'incident.entry',
      incidentId: 'DR-20261126-01',
      entry: entry('recover.run.state', { status: 'completed' }),
    };
    expect(finishedActionNotice(done)?.outcome).toBe('done');
    const passed: AppEvent = {
      type: 'incident.entry',
      incidentId: 'DR-20261126-01',
      entry: entry('validate.completed', { passed: true, counts: { checks: { fail: 0 } } }),
    };
    expect(finishedActionNotice(passed)?.title).toBe('Validation finished');
  });

  it('ignores progress, pauses, notes and everything else', () => {
    const events: AppEvent[] = [
      { type: 'app.notice', level: 'info', message: 'x' },
      {
        type: 'incident.entry',
        incidentId: 'DR-20261126-01',
        entry: entry('recover.run.state', { status: 'paused' }),
      },
      { type: 'incident.entry', incidentId: 'DR-20261126-01', entry: entry('note', { text: 'hi' }) },
      { type: 'assess.cancelled', scanId: 's' },
    ];
    for (const event of events) expect(finishedActionNotice(event)).toBeNull();
  });
});

describe('installNotifications', () => {
  function setup(focused: boolean, supported = true) {
    let listener: ((event: AppEvent) => void) | null = null;
    const shown: Array<{ title: string; urgency: string; silent: boolean }> = [];
    const clicks: Array<() => void> = [];
    const focusWindow = vi.fn();
    const stop = installNotifications(
      (l) => {
        listener = l;
        return () => (listener = null);
      },
      {
        isSupported: () => supported,
        isWindowFocused: () => focused,
        focusWindow,
        create: (options) => ({
          show: () => shown.push(options),
          on: (_event, fn) => clicks.push(fn),
        }),
      },
    );
    return {
      emit: (e: AppEvent) => listener?.(e),
      shown,
      clicks,
      focusWindow,
      stop,
      attached: () => listener,
    };
  }

  it('shows a system notification when the window is in the background; a click brings it forward', () => {
    const t = setup(false);
    t.emit(completed);
    t.emit({ type: 'assess.failed', scanId: 's', message: 'broken' });
    expect(t.shown.map((s) => [s.title, s.urgency, s.silent])).toEqual([
      ['Assessment finished', 'normal', true],
      ['Assessment failed', 'critical', false],
    ]);
    t.clicks[0]!();
    expect(t.focusWindow).toHaveBeenCalledOnce();
  });

  it('shows nothing while the window has focus, or where notifications are unsupported', () => {
    const focused = setup(true);
    focused.emit(completed);
    expect(focused.shown).toEqual([]);
    const unsupported = setup(false, false);
    unsupported.emit(completed);
    expect(unsupported.shown).toEqual([]);
  });

  it('unsubscribes', () => {
    const t = setup(false);
    t.stop();
    expect(t.attached()).toBeNull();
  });
});
