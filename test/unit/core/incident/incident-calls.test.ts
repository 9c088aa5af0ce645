import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../../electron/core/app/core';
import type { IncidentView } from '../../../../electron/core/api/calls/incident';
import { bundledRunbooksDirSync } from '../../../../electron/core/paths/package-root';

let dataDir: string;
let core: Core;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-calls-'));
  core = await Core.create({
    dataDir,
    runbooksDir: bundledRunbooksDirSync(),
    transport: 'http',
    version: 'test',
    mode: 'TABLETOP',
  });
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const call = (name: string, input: unknown) => core.dispatch(name, input, { via: 'test' });

async function declare(): Promise<IncidentView> {
  const result = await call('incident.declare', { title: 'us-east-1 outage', commander: 'Ana Ruiz' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as IncidentView;
}

describe('incident calls through the dispatcher', () => {
  it('declares with the targets of the bundled backup policy and the default severity', async () => {
    const view = await declare();
    expect(view.state.severity).toBe('SEV1');
    expect(view.state.targets.length).toBeGreaterThan(0);
    expect(view.state.targets[0]).toMatchObject({
      rtoMinutes: expect.any(Number),
      rpoMinutes: expect.any(Number),
    });
  });

  it.each([
    ['an empty note', { text: '   ' }, 'text: is empty'],
    ['a note over 10,000 characters', { text: 'x'.repeat(10_001) }, 'longer than 10,000 characters'],
  ])('refuses %s with INVALID_INPUT and leaves the journal as it was', async (_name, input, message) => {
    const view = await declare();
    const before = await readFile(view.journalPath);
    const result = await call('incident.note', { incidentId: view.state.id, ...input });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain(message);
    }
    expect((await readFile(view.journalPath)).equals(before)).toBe(true);
  });

  it('accepts a note of exactly 10,000 characters', async () => {
    const view = await declare();
    const result = await call('incident.note', { incidentId: view.state.id, text: 'x'.repeat(10_000) });
    expect(result.ok).toBe(true);
  });

  it('answers an unknown incident id with NOT_FOUND and a malformed one with INVALID_INPUT', async () => {
    const unknown = await call('incident.get', { incidentId: 'DR-20261126-99' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const malformed = await call('incident.note', { incidentId: '../x', text: 'hi' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a stage jump that skips required steps, with the reason, and journals nothing', async () => {
    const view = await declare();
    const before = await readFile(view.journalPath);
    const result = await call('incident.advance', {
      incidentId: view.state.id,
      to: 'recover',
      signOff: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toMatch(/required steps? (is|are) not done/);
    expect((await readFile(view.journalPath)).equals(before)).toBe(true);
  });

  it('refuses a record with an invalid due date through record.save', async () => {
    const view = await declare();
    const result = await call('record.save', {
      incidentId: view.state.id,
      form: { actionItems: [{ title: 'Fix', owner: 'Dee', due: '2026-13-01' }] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
