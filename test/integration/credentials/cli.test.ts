import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfilesView, SessionStatusView } from '../../../electron/core/api/calls/session';
import { captureStdio, runCli } from '../../support/run-cli';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/aws');
const KEYS = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE'] as const;
const saved: Partial<Record<(typeof KEYS)[number], string | undefined>> = {};
let dataDir: string;
let stdout: string;
let stderr: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-cli-'));
  for (const key of KEYS) saved[key] = process.env[key];
  stdout = '';
  stderr = '';
  captureStdio({ stdout: (chunk) => (stdout += chunk), stderr: (chunk) => (stderr += chunk) });
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<void> {
  await runCli(dataDir, ...args);
}

describe('dr-war-room profiles / whoami / login', () => {
  it('profiles: every profile with its kind and session state, and the file problems on stderr', async () => {
    process.env.HOME = dataDir;
    process.env.AWS_CONFIG_FILE = path.join(fixtures, 'config-broken');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(fixtures, 'credentials-all-kinds');
    await cli('profiles');
    expect(stdout).toMatch(/^\* default {2}static/m);
    expect(stdout).toMatch(/^ {2}good-one {2}config-only {2}· {2}region us-west-2$/m);
    expect(stdout).toMatch(/half-static {2}static {2}· {2}missing: aws_secret_access_key/);
    expect(stderr).toContain(`warning: ${path.join(fixtures, 'config-broken')}:4: expected "key = value"`);
    expect(stdout + stderr).not.toMatch(/CANARY|DO-NOT-LEAK/);
    stdout = '';
    await cli('profiles', '--json');
    const json = JSON.parse(stdout) as ProfilesView;
    expect(json.profiles.map((p) => p.name)).toContain('good-one');
    expect(json.issues.length).toBeGreaterThan(0);
  });

  it('profiles: SSO profiles say there is no cached session and how to log in', async () => {
    process.env.HOME = dataDir;
    process.env.AWS_CONFIG_FILE = path.join(fixtures, 'config-all-kinds');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(fixtures, 'credentials-all-kinds');
    await cli('profiles');
    expect(stdout).toMatch(
      /prod-commander {2}sso-session .*no cached session; run aws sso login --profile prod-commander/,
    );
  });

  it('whoami in a tabletop exercise: the simulated identity, both regions, the session', async () => {
    process.env.HOME = dataDir;
    process.env.AWS_CONFIG_FILE = path.join(dataDir, 'none');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dataDir, 'none');
    await cli('whoami', '--json');
    const status = JSON.parse(stdout) as SessionStatusView;
    expect(status.mode).toBe('TABLETOP');
    expect(status.identity?.role).toBe('IncidentCommander');
    expect(status.regions.find((r) => r.region === 'us-west-2')?.reachable).toBe(true);
  });

  it('whoami --profile with a missing profile lists the ones that exist and fails', async () => {
    process.env.HOME = dataDir;
    process.env.AWS_CONFIG_FILE = path.join(fixtures, 'config-all-kinds');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(fixtures, 'credentials-all-kinds');
    await expect(cli('whoami', '--profile', 'nope')).rejects.toThrow(
      /There is no AWS profile "nope"\. The profiles are: default, ci-process, dr-role/,
    );
  });

  it('login refuses a profile that is not SSO, saying why', async () => {
    process.env.HOME = dataDir;
    process.env.AWS_CONFIG_FILE = path.join(fixtures, 'config-all-kinds');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(fixtures, 'credentials-all-kinds');
    await expect(cli('login', '--profile', 'dr-role')).rejects.toThrow(
      /Profile "dr-role" is not an SSO profile \(it is assume-role\)/,
    );
    await expect(cli('login', '--profile', 'sso-no-session')).rejects.toThrow(
      /Profile "sso-no-session" cannot log in: its SSO settings lack sso_start_url or sso_region/,
    );
  });
});
