import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../electron/core/api/events';
import { Core } from '../../../../electron/core/app/core';

const runbooksDir = path.resolve(import.meta.dirname, '../../../../runbooks');

describe('Core', () => {
  let base: string;
  const emptyHome = () => ({
    HOME: base,
    AWS_CONFIG_FILE: path.join(base, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(base, 'no-credentials'),
  });

  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'drwr-core-'));
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('creates the data folder readable by its owner only', async () => {
    const dataDir = path.join(base, 'nested', 'data');
    const core = await Core.create({
      dataDir,
      runbooksDir,
      env: emptyHome(),
      transport: 'http',
      version: '1',
    });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    await core.close();
  });

  it('runs a tabletop exercise on the default scenario where no AWS credentials exist', async () => {
    const core = await Core.create({
      dataDir: path.join(base, 'data'),
      runbooksDir,
      env: emptyHome(),
      transport: 'http',
      version: '1',
    });
    expect(core.mode.mode).toBe('TABLETOP');
    expect(core.scenario?.name).toBe('us-east-1-outage');
  });

  it('is LIVE where AWS keys are set in the environment, with no scenario', async () => {
    const core = await Core.create({
      dataDir: path.join(base, 'data'),
      runbooksDir,
      env: { ...emptyHome(), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'not-a-secret' },
      transport: 'ipc',
      version: '1',
    });
    expect(core.mode.mode).toBe('LIVE');
    expect(core.scenario).toBeNull();
  });

  it('takes a named scenario as TABLETOP, whatever the environment', async () => {
    const core = await Core.create({
      dataDir: path.join(base, 'data'),
      runbooksDir,
      env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'not-a-secret' },
      scenario: 'healthy',
      transport: 'http',
      version: '1',
    });
    expect(core.mode).toMatchObject({ mode: 'TABLETOP' });
    expect(core.mode.reason).toContain('"healthy"');
    expect(core.scenario?.name).toBe('healthy');
  });

  it('answers app.info through dispatch without leaking the environment', async () => {
    const core = await Core.create({
      dataDir: path.join(base, 'data'),
      runbooksDir,
      env: {
        ...emptyHome(),
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI-secret',
      },
      transport: 'http',
      version: '9.9.9',
    });
    const result = await core.dispatch('app.info', {}, { via: 'test' });
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'DR War Room', version: '9.9.9', mode: 'LIVE', transport: 'http' },
    });
    expect(JSON.stringify(result)).not.toContain('wJalrXUtnFEMI-secret');
  });

  it('serves the bundled procedure and reports a reload as an event', async () => {
    const core = await Core.create({
      dataDir: path.join(base, 'data'),
      runbooksDir,
      mode: 'TABLETOP',
      transport: 'http',
      version: '1',
    });
    const events: AppEvent[] = [];
    core.events.subscribe((event) => events.push(event));
    const got = await core.dispatch('procedure.get', {}, { via: 'test' });
    expect(got).toMatchObject({
      ok: true,
      value: { regions: { primary: 'us-east-1', secondary: 'us-west-2' } },
    });
    const reloaded = await core.dispatch('procedure.reload', {}, { via: 'test' });
    expect(reloaded.ok).toBe(true);
    expect(events).toContainEqual({ type: 'procedure.reloaded', ok: true });
  });

  it('answers a broken procedure file with its error value, and keeps running', async () => {
    const core = await Core.create({
      dataDir: path.join(base, 'data'),
      runbooksDir: path.resolve(import.meta.dirname, '../../../fixtures/procedure/bad-region'),
      mode: 'TABLETOP',
      transport: 'http',
      version: '1',
    });
    const events: AppEvent[] = [];
    core.events.subscribe((event) => events.push(event));
    const got = await core.dispatch('procedure.get', {}, { via: 'test' });
    expect(got).toMatchObject({ ok: false, error: { code: 'DATA_FILE_INVALID', detail: { line: 8 } } });
    const reloaded = await core.dispatch('procedure.reload', {}, { via: 'test' });
    expect(reloaded).toMatchObject({ ok: false, error: { code: 'DATA_FILE_INVALID' } });
    expect(events).toContainEqual({ type: 'procedure.reloaded', ok: false });
    expect(await core.dispatch('app.info', {}, { via: 'test' })).toMatchObject({ ok: true });
  });
});
