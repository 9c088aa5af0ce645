import { mkdir, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../electron/core/api/result';
import type {
  RunbookDocument,
  RunbookProblem,
  RunbookSearchHit,
  RunbookSummary,
} from '../../../../electron/core/api/calls/runbooks';
import type { BackupPolicy } from '../../../../electron/core/runbooks/backup-policy';
import { Core } from '../../../../electron/core/app/core';

const bundled = path.resolve(__dirname, '../../../../runbooks');
const cores: Core[] = [];
const temps: string[] = [];

async function openCore(): Promise<{ core: Core; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-rbh-'));
  temps.push(dataDir);
  const core = await Core.create({
    dataDir,
    runbooksDir: bundled,
    transport: 'ipc',
    version: '0.0.0-test',
    mode: 'TABLETOP',
  });
  cores.push(core);
  return { core, dataDir };
}

async function call<T>(core: Core, name: string, input: unknown): Promise<Result<T>> {
  return (await core.dispatch(name, input, { via: 'test' })) as Result<T>;
}

async function value<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await call<T>(core, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value;
}

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('runbooks.* calls through the core', () => {
  it('lists, opens with the procedure regions and given values filled, and searches', async () => {
    const { core } = await openCore();
    const list = await value<RunbookSummary[]>(core, 'runbooks.list', {});
    expect(list).toHaveLength(19);
    const doc = await value<RunbookDocument>(core, 'runbooks.get', {
      id: 's3-cross-region-failover',
      values: { 'bucket-name': 'orders-data', 'replica-bucket-name': 'orders-data-replica' },
    });
    const versioning = doc.commands.find((c) => c.operation === 's3api get-bucket-versioning')!;
    expect(versioning.text).toBe(
      'aws s3api get-bucket-versioning \\\n  --bucket orders-data-replica \\\n  --region us-west-2',
    );
    expect(versioning.unfilled).toEqual([]);
    expect(doc.commands.find((c) => c.operation === 's3api head-object')!.unfilled).toEqual(['object-key']);
    expect(doc.placeholders.find((p) => p.name === 'primary-region')!.value).toBe('us-east-1');
    expect(doc.placeholders.find((p) => p.name === 'object-key')!.value).toBeNull();
    expect(doc.html).toContain('>orders-data-replica</span>');
    expect(doc.html).not.toMatch(/<script|<img|href="http/);

    const hits = await value<RunbookSearchHit[]>(core, 'runbooks.search', {
      query: 'promot replica',
      limit: 5,
    });
    expect(hits[0]!.id).toBe('rds-read-replica-promotion');
    expect(await value<RunbookProblem[]>(core, 'runbooks.problems', {})).toEqual([]);
  });

  it('lets the caller override the region values (an incident context)', async () => {
    const { core } = await openCore();
    const doc = await value<RunbookDocument>(core, 'runbooks.get', {
      id: 'dr-procedure',
      values: { 'secondary-region': 'eu-west-1' },
    });
    expect(doc.commands[0]!.text).toContain('--region eu-west-1');
  });

  it('answers NOT_FOUND for an unknown runbook and INVALID_INPUT for bad values', async () => {
    const { core } = await openCore();
    const missing = await call(core, 'runbooks.get', { id: 'no-such-runbook' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!missing.ok) expect(missing.error.message).toContain('runbooks list');
    const badName = await call(core, 'runbooks.get', { id: 'dr-procedure', values: { 'Bad Name': 'x' } });
    expect(badName).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const multiline = await call(core, 'runbooks.get', {
      id: 'dr-procedure',
      values: { 'bucket-name': 'a\nrm -rf /' },
    });
    expect(multiline).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const longQuery = await call(core, 'runbooks.search', { query: 'x'.repeat(201) });
    expect(longQuery).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('warns about filled values that a shell would interpret', async () => {
    const { core } = await openCore();
    const doc = await value<RunbookDocument>(core, 'runbooks.get', {
      id: 's3-version-rollback',
      values: { 'object-key': 'reports/q3 final.csv' },
    });
    const copy = doc.commands.find((c) => c.operation === 's3api copy-object')!;
    expect(copy.warnings).toHaveLength(1);
    expect(copy.warnings[0]).toContain('<object-key>');
  });

  it('reads the organisation overlay from the data folder, and reloads after an edit', async () => {
    const { core, dataDir } = await openCore();
    const overlay = path.join(dataDir, 'runbooks');
    await mkdir(overlay);
    const original = await readFile(path.join(bundled, 'procedures', 'compliance-mapping.md'), 'utf8');
    await writeFile(
      path.join(overlay, 'compliance-mapping.md'),
      original.replace(/^title: .*$/m, 'title: Our compliance mapping'),
    );
    await writeFile(path.join(overlay, 'broken.md'), '# no front matter\n');
    const problems = await value<RunbookProblem[]>(core, 'runbooks.reload', {});
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(path.join(overlay, 'broken.md'));
    const list = await value<RunbookSummary[]>(core, 'runbooks.list', {});
    expect(list.find((r) => r.id === 'compliance-mapping')).toMatchObject({
      title: 'Our compliance mapping',
      source: 'overlay',
    });
  });

  it('serves the backup policy, preferring the overlay copy, and names a broken overlay file', async () => {
    const { core, dataDir } = await openCore();
    const policy = await value<BackupPolicy>(core, 'runbooks.policy', {});
    expect(policy.environments.production.dynamodb.pitrRecoveryPeriodDays).toBe(35);
    await mkdir(path.join(dataDir, 'runbooks'));
    const text = await readFile(path.join(bundled, 'backup-policy.yaml'), 'utf8');
    const overlayFile = path.join(dataDir, 'runbooks', 'backup-policy.yaml');
    await writeFile(overlayFile, text.replace('key: dr-tier', 'key: criticality'));
    await value(core, 'runbooks.reload', {});
    expect((await value<BackupPolicy>(core, 'runbooks.policy', {})).tierTag.key).toBe('criticality');
    await writeFile(overlayFile, text.replace('rtoMinutes: 120', 'rtoMinutes: -5'));
    await value(core, 'runbooks.reload', {});
    const broken = await call(core, 'runbooks.policy', {});
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'DATA_FILE_INVALID', detail: { field: 'tiers[0].rtoMinutes' } },
    });
    if (!broken.ok) expect(broken.error.message).toContain(overlayFile);
  });
});
