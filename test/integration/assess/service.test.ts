import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/core/api/events';
import type { AssessmentResult } from '../../../electron/core/api/calls/assess';
import type { IncidentView, TimelineItem } from '../../../electron/core/api/calls/incident';
import { Core } from '../../../electron/core/app/core';
import { RUNBOOKS } from './support';

const cores: Core[] = [];
const dirs: string[] = [];

async function openCore(dataDir?: string): Promise<Core> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'drwr-assess-')));
  if (!dataDir) dirs.push(dir);
  const core = await Core.create({
    dataDir: dir,
    runbooksDir: RUNBOOKS,
    scenario: 'us-east-1-outage',
    transport: 'http',
    version: 'test',
    env: {},
  });
  cores.push(core);
  return core;
}

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input, { via: 'test' });
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The assessment through the core's dispatcher, as the UI, the bridge and the CLI call it. */
describe('assess.* calls', () => {
  it('runs a scan, streams progress, journals it to the active incident and completes the step', async () => {
    const core = await openCore();
    const events: AppEvent[] = [];
    core.events.subscribe((e) => events.push(e));
    const incident = await call<IncidentView>(core, 'incident.declare', {
      title: 'us-east-1 down',
      commander: 'Ana',
    });
    const result = await call<AssessmentResult>(core, 'assess.run', {});
    expect(result.incidentId).toBe(incident.state.id);
    expect(result.journalError).toBeUndefined();

    const types = events.map((e) => e.type);
    expect(types).toContain('assess.started');
    expect(types).toContain('assess.completed');
    expect(types.indexOf('assess.started')).toBeLessThan(types.indexOf('assess.completed'));
    const progress = events.filter(
      (e): e is Extract<AppEvent, { type: 'assess.progress' }> => e.type === 'assess.progress',
    );
    expect(progress.length).toBeGreaterThan(0);
    // The last word on every lane: all its calls are settled.
    const last = new Map(progress.map((p) => [`${p.service}/${p.region}`, p]));
    expect(last.size).toBe(8);
    for (const p of last.values()) expect(p.done).toBe(p.total);

    const items = await call<TimelineItem[]>(core, 'incident.timeline', { incidentId: incident.state.id });
    const journaled = items.map((i) => i.entry).find((e) => e.type === 'assess.completed');
    expect(journaled?.data['scanId']).toBe(result.scanId);
    const snapshot = journaled?.data as {
      resources: Array<{ id: string; best: string | null }>;
      counts: { total: number };
    };
    expect(snapshot.counts.total).toBe(result.counts.total);
    expect(snapshot.resources).toHaveLength(result.resources.length);
    expect(snapshot.resources[0]).toMatchObject({
      id: result.resources[0]?.id,
      best: result.resources[0]?.bestOption,
    });

    const after = await call<IncidentView>(core, 'incident.get', { incidentId: incident.state.id });
    expect(after.state.steps['run-assessment']).toBeDefined();

    const latest = await call<AssessmentResult | null>(core, 'assess.latest', {});
    expect(latest?.scanId).toBe(result.scanId);
    expect(await call(core, 'assess.status', {})).toBeNull();
  });

  it('keeps the latest result in the data folder for the next process', async () => {
    const first = await openCore();
    const result = await call<AssessmentResult>(first, 'assess.run', { services: ['rds'] });
    expect(result.services).toEqual(['rds']);
    expect(result.resources.every((r) => r.service === 'rds')).toBe(true);
    const second = await openCore(first.options.dataDir);
    const latest = await call<AssessmentResult | null>(second, 'assess.latest', {});
    expect(latest?.scanId).toBe(result.scanId);
  });

  it('refuses an incident that does not exist, and bad input, before scanning', async () => {
    const core = await openCore();
    const missing = await core.dispatch('assess.run', { incidentId: 'DR-20260101-99' }, { via: 'test' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
    const bad = await core.dispatch('assess.run', { services: ['lambda'] }, { via: 'test' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_INPUT');
    expect(await call(core, 'assess.latest', {})).toBeNull();
  });

  it('joins a scan already running, and cancels on request', async () => {
    const core = await openCore();
    const events: AppEvent[] = [];
    core.events.subscribe((e) => events.push(e));
    const a = core.dispatch('assess.run', {}, { via: 'test' });
    const b = core.dispatch('assess.run', {}, { via: 'test' });
    const [ra, rb] = await Promise.all([a, b]);
    expect(
      ra.ok && rb.ok && (ra.value as AssessmentResult).scanId === (rb.value as AssessmentResult).scanId,
    ).toBe(true);

    const sim = await core.tabletopSimulator();
    sim.faults.regionDown('us-east-1', 'timeout');
    const running = core.dispatch('assess.run', {}, { via: 'test' });
    await new Promise<void>((resolve) => {
      const off = core.events.subscribe((e) => {
        if (e.type === 'assess.started') {
          off();
          resolve();
        }
      });
    });
    const cancelled = await call<{ cancelled: boolean; scanId: string | null }>(core, 'assess.cancel', {});
    expect(cancelled.cancelled).toBe(true);
    const outcome = await running;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('CANCELLED');
    expect(events.some((e) => e.type === 'assess.cancelled')).toBe(true);
    // The previous result stays the latest.
    const latest = await call<AssessmentResult | null>(core, 'assess.latest', {});
    expect(latest?.scanId).toBe((ra.ok ? (ra.value as AssessmentResult) : null)?.scanId);
  });
});
