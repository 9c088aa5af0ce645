import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../../electron/cli/cli-core';
import { buildProgram } from '../../../electron/cli/program';
import type { DrillRecord } from '../../../electron/core/api/calls/drill';

let dataDir: string;
let out: string;
let err: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-cli-drill-'));
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

function run(...args: string[]): Promise<unknown> {
  const program = buildProgram().exitOverride();
  return program.parseAsync([
    'node',
    'dr-war-room',
    'drill',
    ...args,
    '--scenario',
    'healthy',
    '--data-dir',
    dataDir,
  ]);
}

describe('dr-war-room drill', () => {
  it('passes an S3 drill, prints progress on stderr, writes the record to --report-dir and the data folder', async () => {
    const reportDir = path.join(dataDir, 'reports');
    await run('--services', 's3', '--target', 's3=acme-prod-orders', '--report-dir', reportDir);
    expect(out).toMatch(/^Drill drill-\S+ {2}PASS/);
    expect(out).toContain('PASS  s3');
    expect(err).toContain('rolling back');
    const files = (await readdir(reportDir)).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^drill-.*\.json$/);
    const md = await readFile(path.join(reportDir, files[1]!), 'utf8');
    expect(md).toContain('SOC 2 CC7.3: MET');
    expect((await readdir(path.join(dataDir, 'drills'))).filter((f) => f.startsWith('drill-'))).toEqual(
      files,
    );
  });

  it('exits non-zero when a test fails, with the record on stdout (--json)', async () => {
    await expect(run('--services', 's3', '--target', 's3=acme-dev-scratch', '--json')).rejects.toSatisfy(
      (e: unknown) => e instanceof CliError && e.exitCode === 1 && /FAILED \(s3\)/.test(e.message),
    );
    const record = JSON.parse(out) as DrillRecord;
    expect(record.status).toBe('fail');
    expect(record.services[0]?.checks.find((c) => c.id === 'versioning')?.status).toBe('fail');
  });

  it('refuses an unknown service or a malformed target before doing anything', async () => {
    await expect(run('--services', 's3,glacier')).rejects.toThrow(/unknown service "glacier"/);
    await expect(run('--services', 's3', '--target', 'orders-db')).rejects.toThrow(/expected SERVICE=NAME/);
    await expect(run()).rejects.toThrow(/no service named/);
  });

  it('--dry-run: prints the calls and creates nothing', async () => {
    await run('--services', 'rds,s3', '--target', 'rds=orders-db', '--dry-run');
    expect(out).toMatch(/^S3 <a production bucket, chosen at run time>: creates/);
    expect(out).toContain('aws rds restore-db-instance-from-db-snapshot --region us-west-2');
    await expect(readdir(path.join(dataDir, 'drills'))).rejects.toThrow(/ENOENT/);
  });

  it('--cleanup-only: nothing to remove on a fresh account', async () => {
    await run('--cleanup-only');
    expect(out).toContain('Nothing left by earlier drills.');
  });
});
