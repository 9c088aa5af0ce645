import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../electron/core/api/calls/incident';
import type { LoginStartView } from '../../../electron/core/api/calls/session';
import type { Result } from '../../../electron/core/api/result';
import { Core } from '../../../electron/core/app/core';
import { writeSessionSettings } from '../../../electron/core/credentials/settings';
import { bundledRunbooksDirSync } from '../../../electron/core/paths/package-root';

/**
 * The data folder holds the incident journals, records, evidence packs, settings and the
 * tabletop account: every folder in it is 0700 and every file 0600, whatever the umask.
 */

const isPosix = process.platform !== 'win32';
let base: string;
let dataDir: string;
let previousUmask: number;

async function must<T>(core: Core, name: string, input: unknown = {}): Promise<T> {
  const result = (await core.dispatch(name, input, { via: 'test' })) as Result<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every entry under a folder with its permission bits. */
async function modesUnder(dir: string): Promise<Array<{ path: string; dir: boolean; mode: number }>> {
  const out: Array<{ path: string; dir: boolean; mode: number }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const info = await stat(full);
    out.push({ path: full, dir: entry.isDirectory(), mode: info.mode & 0o777 });
    if (entry.isDirectory()) out.push(...(await modesUnder(full)));
  }
  return out;
}

beforeAll(async () => {
  // A permissive umask: files are private because the app says so, not because of the shell.
  previousUmask = process.umask(0o002);
  base = await mkdtemp(path.join(os.tmpdir(), 'drwr-perms-'));
  dataDir = path.join(base, 'data');
  const core = await Core.create({
    dataDir,
    runbooksDir: bundledRunbooksDirSync(),
    mode: 'TABLETOP',
    transport: 'ipc',
    version: '0.0.0-perms',
  });
  try {
    const view = await must<IncidentView>(core, 'incident.declare', {
      title: 'us-east-1 outage',
      commander: 'Ana Ruiz',
    });
    const incidentId = view.state.id;
    await must(core, 'incident.note', { incidentId, text: 'Paged the DB team.' });
    await must(core, 'session.status');
    const login = await must<LoginStartView>(core, 'session.login.start');
    await must(core, 'session.login.approveTabletop', { loginId: login.loginId });
    await must(core, 'assess.run', { incidentId, services: ['s3'] });
    await must(core, 'record.save', { incidentId, form: { impact: 'Orders down.' }, by: 'Ana Ruiz' });
    await must(core, 'record.evidence', { incidentId, by: 'Ana Ruiz' });
    await must(core, 'record.export', { incidentId, format: 'html' });
    await must(core, 'drill.run', { services: ['s3'], by: 'Ana Ruiz' });
    await writeSessionSettings(dataDir, { lastProfile: 'prod' });
  } finally {
    await core.close();
  }
});

afterAll(async () => {
  process.umask(previousUmask);
  await rm(base, { recursive: true, force: true });
});

describe.runIf(isPosix)('file permissions of the data folder', () => {
  it('the data folder is 0700', async () => {
    expect(((await stat(dataDir)).mode & 0o777).toString(8)).toBe('700');
  });

  it('wrote journals, records, evidence, a drill record, settings and the tabletop account (so the next check means something)', async () => {
    const names = (await modesUnder(dataDir)).map((e) => path.relative(dataDir, e.path));
    expect(names.some((n) => n.endsWith('.jsonl'))).toBe(true);
    expect(names.some((n) => n.includes('record'))).toBe(true);
    expect(names.some((n) => n.includes('evidence'))).toBe(true);
    expect(names).toContain('settings.json');
    expect(names.some((n) => n.startsWith('tabletop'))).toBe(true);
    expect(names.some((n) => n.includes('drill'))).toBe(true);
  });

  it('every folder in it is 0700 and every file 0600', async () => {
    const wrong = (await modesUnder(dataDir))
      .filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))
      .map((e) => `${path.relative(dataDir, e.path)}${e.dir ? '/' : ''} is ${e.mode.toString(8)}`);
    expect(wrong).toEqual([]);
  });

  it('re-tightens a data folder that was made world-readable', async () => {
    const { chmod } = await import('node:fs/promises');
    await chmod(dataDir, 0o755);
    const core = await Core.create({
      dataDir,
      runbooksDir: bundledRunbooksDirSync(),
      mode: 'TABLETOP',
      transport: 'ipc',
      version: '0.0.0-perms',
    });
    await core.close();
    expect(((await stat(dataDir)).mode & 0o777).toString(8)).toBe('700');
  });
});
