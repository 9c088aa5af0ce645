import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamPolicyText } from '../../../electron/core/aws/iam-policy';

/** `npm run iam-policy` (scripts/generate-iam-policy.mjs): regions from the procedure, or given. */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const script = path.join(root, 'scripts', 'generate-iam-policy.mjs');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-iam-script-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the IAM policy script', () => {
  it('writes the policy for the regions it is given, to the file it is given', async () => {
    const out = path.join(dir, 'eu.json');
    const { stdout } = await run(
      process.execPath,
      [script, '--primary', 'eu-west-1', '--secondary', 'eu-central-1', '--out', out],
      {
        cwd: root,
      },
    );
    expect(stdout).toContain('for eu-west-1 (primary) and eu-central-1 (secondary)');
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(
      JSON.parse(iamPolicyText({ primary: 'eu-west-1', secondary: 'eu-central-1' })),
    );
  });

  it('refuses one region for both, says why, writes nothing and exits non-zero', async () => {
    const out = path.join(dir, 'same.json');
    const failure = await run(
      process.execPath,
      [script, '--primary', 'eu-west-1', '--secondary', 'eu-west-1', '--out', out],
      {
        cwd: root,
      },
    ).then(
      () => null,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('The primary and secondary regions are both eu-west-1');
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
