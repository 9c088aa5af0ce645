import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  LoginStartView,
  ProfilesView,
  SessionStatusView,
} from '../../../electron/core/api/calls/session';
import type { AppEvent } from '../../../electron/core/api/events';
import type { Result } from '../../../electron/core/api/result';
import { Core } from '../../../electron/core/app/core';
import { ssoCacheFile } from '../../../electron/core/credentials/token-cache';
import {
  createSimulator,
  startSimulatorServer,
  type Simulator,
  type SimulatorServer,
} from '../../../electron/simulator';
import { approveDeviceCode } from '../../../electron/simulator/services/sso-oidc';

const root = path.resolve(import.meta.dirname, '../../..');
const START_URL = 'https://d-9067642ac7.awsapps.com/start';
const CANARIES = [
  'AKIACANARY0000000011',
  'canary-static-secret-DO-NOT-LEAK-11',
  'AKIACANARY0000000012',
  'canary-env-secret-DO-NOT-LEAK-12',
  'canary-env-session-DO-NOT-LEAK-13',
  'canary-sso-token-DO-NOT-LEAK-14',
  'canary-client-secret-DO-NOT-LEAK-15',
  'canary-refresh-DO-NOT-LEAK-16',
];
const ENV_KEYS = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL'] as const;

let home: string;
let dataDir: string;
let sim: Simulator;
let server: SimulatorServer;
let core: Core;
const saved: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> = {};
const events: AppEvent[] = [];
const answers: unknown[] = [];
const logged: string[] = [];

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'drwr-live-home-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-live-data-'));
  sim = await createSimulator({ scenario: 'healthy', speed: 1 });
  server = await startSimulatorServer(sim, { port: 0 });
  const aws = path.join(home, '.aws');
  await mkdir(aws, { recursive: true });
  await writeFile(
    path.join(aws, 'config'),
    [
      '[profile static-canary]',
      'region = us-west-2',
      '',
      '[sso-session corp]',
      `sso_start_url = ${START_URL}`,
      'sso_region = us-west-2',
      '',
      '[profile prod]',
      'sso_session = corp',
      `sso_account_id = ${sim.accountId}`,
      'sso_role_name = IncidentCommander',
      'region = us-west-2',
      '',
      '[profile incomplete]',
      'sso_session = corp',
      'sso_role_name = IncidentCommander',
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(aws, 'credentials'),
    `[static-canary]\naws_access_key_id = ${CANARIES[0]}\naws_secret_access_key = ${CANARIES[1]}\n`,
  );
  // A cached SSO session the portal no longer accepts (revoked): the app must ask for a login.
  await mkdir(path.join(aws, 'sso', 'cache'), { recursive: true });
  await writeFile(
    ssoCacheFile(path.join(aws, 'sso', 'cache'), 'corp'),
    JSON.stringify({
      startUrl: START_URL,
      region: 'us-west-2',
      accessToken: CANARIES[5],
      expiresAt: '2099-01-01T00:00:00Z',
      clientId: 'client-1',
      clientSecret: CANARIES[6],
      refreshToken: CANARIES[7],
      registrationExpiresAt: '2099-01-01T00:00:00Z',
    }),
  );
  const env = {
    HOME: home,
    AWS_CONFIG_FILE: path.join(aws, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials'),
    AWS_ENDPOINT_URL: server.url,
  };
  for (const key of ENV_KEYS) {
    saved[key] = process.env[key];
    process.env[key] = env[key];
  }
  core = await Core.create({
    dataDir,
    runbooksDir: path.join(root, 'runbooks'),
    env: {
      ...env,
      AWS_PROFILE: 'static-canary',
      AWS_ACCESS_KEY_ID: CANARIES[2],
      AWS_SECRET_ACCESS_KEY: CANARIES[3],
      AWS_SESSION_TOKEN: CANARIES[4],
    },
    mode: 'LIVE',
    transport: 'http',
    version: 'test',
  });
  events.length = 0;
  answers.length = 0;
  logged.length = 0;
  core.events.subscribe((e) => events.push(e));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  }
});

afterEach(async () => {
  vi.restoreAllMocks();
  await core.close();
  await server.close();
  sim.close();
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await rm(home, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const result = (await core.dispatch(name, input, { via: 'test' })) as Result<T>;
  answers.push(result);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(await readFile(full, 'utf8'));
  }
  return out;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200_000; i += 1) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

describe('the session in LIVE mode (against the simulator over HTTP)', () => {
  it('acts as AWS_PROFILE, shows the identity in both regions, and lists profiles with their problems', async () => {
    const status = await call<SessionStatusView>('session.status');
    expect(status).toMatchObject({
      mode: 'LIVE',
      profile: 'static-canary',
      profileKind: 'static',
      canLogin: false,
    });
    expect(status.identity?.accountId).toBe(sim.accountId);
    expect(status.regions.map((r) => [r.region, r.reachable])).toEqual([
      ['us-east-1', true],
      ['us-west-2', true],
    ]);
    const profiles = await call<ProfilesView>('session.profiles');
    expect(profiles.selected).toBe('static-canary');
    expect(profiles.profiles.find((p) => p.name === 'prod')?.session?.state).toBe('valid');
    expect(profiles.profiles.find((p) => p.name === 'incomplete')?.missing).toEqual(['sso_account_id']);
    const missing = await core.dispatch('session.select', { profile: 'nope' }, { via: 'test' });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'There is no AWS profile "nope". The profiles are: incomplete, prod, static-canary.',
      },
    });
    const noLogin = await core.dispatch('session.login.start', {}, { via: 'test' });
    expect(noLogin).toMatchObject({
      ok: false,
      error: { code: 'CREDENTIALS', message: expect.stringMatching(/not an SSO profile/) },
    });
  });

  it('remembers the chosen profile across starts', async () => {
    await call('session.select', { profile: 'prod' });
    const settings = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as unknown;
    expect(settings).toEqual({ session: { lastProfile: 'prod' } });
    const again = await Core.create({ ...core.options, mode: 'LIVE' });
    try {
      expect((await again.session.profiles()).selected).toBe('prod');
    } finally {
      await again.close();
    }
  });

  it('pauses AWS work on a rejected SSO session, logs in inside the app, then resumes the same work; no secret leaks', async () => {
    const status = await call<SessionStatusView>('session.select', { profile: 'prod' });
    expect(status.identity).toBeNull();
    expect(status.regions.every((r) => !r.reachable && r.error?.code === 'SESSION_EXPIRED')).toBe(true);
    expect(status.loginCommand).toBe('aws sso login --profile prod');

    // Work started now pauses instead of failing.
    const clients = await core.session.clients();
    let finished = false;
    const work = clients
      .sts('us-west-2')
      .send(new GetCallerIdentityCommand({}))
      .finally(() => {
        finished = true;
      });
    work.catch(() => undefined);
    await until(() => events.some((e) => e.type === 'session.expired'), 'session.expired is emitted');
    expect(events.find((e) => e.type === 'session.expired')).toMatchObject({
      profile: 'prod',
      during: 'sts GetCallerIdentity',
    });
    expect(finished).toBe(false);
    expect((await call<SessionStatusView>('session.status')).paused).toBe(true);

    const start = await call<LoginStartView>('session.login.start');
    expect(start).toMatchObject({
      profile: 'prod',
      cliCommand: 'aws sso login --profile prod',
      canOpenBrowser: true,
      tabletop: false,
    });
    // Over a custom endpoint the unsigned OIDC call names no region, so the simulator answers its default one.
    expect(start.verificationUri).toMatch(/^https:\/\/device\.sso\.[a-z0-9-]+\.amazonaws\.com\/$/);
    expect(await call('session.login.open', { loginId: start.loginId })).toEqual({
      opened: true,
      url: start.verificationUriComplete,
    });
    expect(events).toContainEqual({
      type: 'shell.request',
      action: 'openExternal',
      target: start.verificationUriComplete,
    });
    approveDeviceCode(sim, start.userCode);
    const done = await core.session.loginWait(start.loginId);
    expect(done.state).toBe('approved');

    const resumed = await work;
    expect(resumed.Account).toBe(sim.accountId);
    const after = await call<SessionStatusView>('session.status', { refresh: true });
    expect(after.identity).toMatchObject({
      accountId: sim.accountId,
      role: 'IncidentCommander',
      accountAlias: expect.any(String),
    });
    expect(after.paused).toBe(false);
    expect(after.session?.state).toBe('valid');
    await call('session.profiles');

    // Secret hygiene: nothing secret in any answer, event, log line, or file of the data folder.
    const haystacks = [
      JSON.stringify(answers),
      JSON.stringify(events),
      logged.join('\n'),
      ...(await filesUnder(dataDir)),
    ];
    const newToken = JSON.parse(
      await readFile(ssoCacheFile(path.join(home, '.aws', 'sso', 'cache'), 'corp'), 'utf8'),
    ) as {
      accessToken: string;
      clientSecret: string;
      refreshToken: string;
    };
    for (const secret of [...CANARIES, newToken.accessToken, newToken.clientSecret, newToken.refreshToken]) {
      for (const text of haystacks)
        expect(text.includes(secret), `leaked ${secret.slice(0, 12)}…`).toBe(false);
    }
  });
});
