import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../../electron/cli/program';
import { CliError } from '../../../electron/cli/cli-core';
import type { ValidationRun } from '../../../electron/core/validate/types';
import { setDbClass } from './faults';
import { recovered, resourceOf } from './support';

const DB = 'arn:aws:rds:us-east-1:123456789012:db:customers-db';
let dataDir: string;
let out = '';
let err = '';

beforeAll(async () => {
  // Recover in one process, then validate from the command line over the same data folder
  // (the tabletop account and the journal live there), as an operator would.
  const r = await recovered({ sourceUp: true, names: ['customers-db'] });
  dataDir = r.dataDir;
  const first = await r.validate();
  setDbClass(r.sim, resourceOf(first, DB).targetId, 'db.t3.micro');
  await r.core.close();
}, 120_000);

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
  out = '';
  err = '';
});

async function run(...args: string[]): Promise<unknown> {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync([
        'node',
        'dr-war-room',
        'validate',
        ...args,
        '--data-dir',
        dataDir,
        '--scenario',
        'us-east-1-outage',
      ]);
    return null;
  } catch (error) {
    return error;
  }
}

describe('dr-war-room validate', () => {
  it('--json: prints the run and exits 2 when a check fails', async () => {
    const error = await run('--json');
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    const result = JSON.parse(out) as ValidationRun;
    expect(result.passed).toBe(false);
    expect(resourceOf(result, DB).checks.find((c) => c.id === 'class')?.status).toBe('fail');
    expect((error as CliError).message).toMatch(/1 check\(s\) failed .*journaled to DR-/);
    expect(err).toMatch(/Validating the restored resources/);
  });

  it('prints the failing checks with their fix, RTO/RPO against targets, and the totals', async () => {
    await run();
    expect(out).toMatch(/^FAIL {2}rds customers-db → customers-db-/m);
    expect(out).toMatch(
      /FAIL {2}Instance class as planned: target has db\.t3\.micro; planned db\.m6g\.xlarge\./,
    );
    expect(out).toMatch(/fix: Modify the class/);
    expect(out).toMatch(/RTO \d+ min \/ target \d+ min · RPO \d+ min \/ target \d+ min/);
    expect(out).toMatch(/SKIP {2}Database endpoint reachable: skipped: tabletop endpoint/);
    expect(out).toMatch(/1 check\(s\) FAILED/);
  });

  it('refuses a bad sample size before doing anything', async () => {
    const error = await run('--s3-sample', 'lots');
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(
      /--s3-sample: "lots" is not a positive whole number or "all"/,
    );
  });
});
