import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureStdio, runCli } from '../../../support/run-cli';

let dataDir: string;
let out: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-cli-'));
  out = '';
  captureStdio({ stdout: (chunk) => (out += chunk) });
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** Run `dr-war-room …args --data-dir <tmp>` in-process; returns what it printed on stdout. */
async function cli(...args: string[]): Promise<string> {
  out = '';
  await runCli(dataDir, ...args);
  return out;
}

describe('dr-war-room incident and record', () => {
  it('walks an incident from new to a saved record and a verified evidence pack', async () => {
    const created = JSON.parse(
      await cli('incident', 'new', '--title', 'us-east-1 down', '--commander', 'Ana Ruiz', '--json'),
    ) as {
      state: { id: string };
    };
    const id = created.state.id;
    expect(id).toMatch(/^DR-\d{8}-01$/);
    expect(await cli('incident', 'list')).toContain(`* ${id}`);
    expect(await cli('incident', 'note', id, 'AWS', 'Health', 'confirms')).toContain('AWS Health confirms');

    await expect(cli('incident', 'advance', id)).rejects.toThrow(/required steps are not done or skipped/);
    for (const step of ['confirm-outage', 'run-assessment']) await cli('incident', 'step', id, step);
    await cli('incident', 'step', id, 'review-gaps', '--skip', 'single tier');
    expect(await cli('incident', 'advance', id)).toContain(`${id} is now in Activate`);

    await cli(
      'incident',
      'activate',
      id,
      '--decision',
      'go',
      '--approved-by',
      'CTO',
      '--answer',
      'scope=S3 and RDS',
      'expected-duration=hours',
      'data-at-risk=5 min',
      '--owner',
      'orders-db=Dee Park',
    );
    for (const step of ['assign-roles', 'freeze-changes']) await cli('incident', 'step', id, step);
    await cli('incident', 'advance', id);
    expect(await cli('incident', 'status', id)).toContain('▶ Recover');
    expect(await cli('incident', 'status-update', id)).toContain('Stage: Recover');

    const form = path.join(dataDir, 'form.yaml');
    await writeFile(
      form,
      'summary: Failed over to us-west-2.\nactionItems:\n  - { title: Replicate backups, owner: Dee Park, due: "2099-01-31" }\n',
    );
    const saved = JSON.parse(
      await cli('record', '--incident', id, '--form', form, '--evidence', '--json'),
    ) as {
      record: { markdownPath: string };
      evidence: { dir: string };
    };
    expect(await readFile(saved.record.markdownPath, 'utf8')).toContain(
      '| Replicate backups | Dee Park | 2099-01-31 |',
    );
    expect(await cli('incident', 'verify', saved.evidence.dir)).toContain('Evidence pack verified');
    expect(await cli('incident', 'verify', id)).toContain('journal verified');
    expect(process.exitCode).toBeUndefined();
  });

  it('exits 2 when a journal was altered, and refuses unknown ids and bad forms clearly', async () => {
    const created = JSON.parse(
      await cli('incident', 'new', '--title', 't', '--commander', 'Ana', '--json'),
    ) as { state: { id: string } };
    const id = created.state.id;
    await cli('incident', 'note', id, 'one');
    await cli('incident', 'note', id, 'two');
    const file = path.join(dataDir, 'incidents', id, 'journal.jsonl');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"one"', '"uno"'));
    expect(await cli('incident', 'verify', id)).toContain('TAMPERED');
    expect(process.exitCode).toBe(2);
    process.exitCode = undefined;
    await expect(cli('incident', 'note', id, 'three')).rejects.toThrow(/altered at line 2/);

    await expect(cli('incident', 'status', 'DR-20000101-01')).rejects.toThrow(/no incident DR-20000101-01/);
    const bad = path.join(dataDir, 'bad.yaml');
    await writeFile(bad, 'actionItems:\n  - { title: x, owner: TBD, due: "2099-01-01" }\n');
    const fresh = JSON.parse(
      await cli('incident', 'new', '--title', 't2', '--commander', 'Ana', '--json'),
    ) as {
      state: { id: string };
    };
    await expect(cli('record', '--incident', fresh.state.id, '--form', bad)).rejects.toThrow(
      /actionItems\[0\]\.owner "TBD" is a placeholder/,
    );
    expect((await readdir(dataDir)).includes('records')).toBe(false);
  });
});
