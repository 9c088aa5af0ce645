import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromSSO } from '@aws-sdk/credential-providers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../electron/core/aws/clients';
import { LoginManager, type LoginTarget } from '../../../electron/core/credentials/login-manager';
import { ssoCacheFile } from '../../../electron/core/credentials/token-cache';
import type { FlowTiming } from '../../../electron/core/credentials/device-flow';
import type { LoginStateView } from '../../../electron/core/api/calls/session';
import { createSimulator, startSimulatorServer, type Simulator } from '../../../electron/simulator';
import { approveDeviceCode } from '../../../electron/simulator/services/sso-oidc';

const run = promisify(execFile);
const START_URL = 'https://d-9067642ac7.awsapps.com/start';
let home: string;
let sim: Simulator;
let clients: AwsClients;
const savedHome = process.env.HOME;

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'drwr-home-'));
  // The SDK's SSO providers find the token cache under the home folder.
  process.env.HOME = home;
  await mkdir(path.join(home, '.aws'), { recursive: true });
  await writeFile(
    path.join(home, '.aws', 'config'),
    [
      '[sso-session corp]',
      `sso_start_url = ${START_URL}`,
      'sso_region = us-west-2',
      'sso_registration_scopes = sso:account:access',
      '',
      '[profile prod]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = IncidentCommander',
      'region = us-west-2',
      '',
      '[profile legacy]',
      `sso_start_url = ${START_URL}`,
      'sso_region = us-west-2',
      'sso_account_id = 123456789012',
      'sso_role_name = IncidentCommander',
      'region = us-west-2',
      '',
    ].join('\n'),
  );
  sim = await createSimulator({ scenario: 'healthy', speed: 1 });
  clients = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
});

afterEach(async () => {
  process.env.HOME = savedHome;
  clients.destroy();
  sim.close();
  await rm(home, { recursive: true, force: true });
});

function target(sessionName: string | null): LoginTarget {
  return {
    profile: sessionName ? 'prod' : 'legacy',
    startUrl: START_URL,
    ssoRegion: 'us-west-2',
    sessionName,
    scopes: sessionName ? ['sso:account:access'] : [],
    cacheDir: path.join(home, '.aws', 'sso', 'cache'),
    cacheKey: sessionName ?? START_URL,
    tabletop: false,
    cliCommand: 'aws sso login --profile prod',
  };
}

async function login(sessionName: string | null): Promise<LoginStateView> {
  const timing: FlowTiming = {
    now: () => sim.clock.now().getTime(),
    sleep: async (ms) => {
      sim.clock.advance(ms);
      for (const code of Object.values(
        sim.state<{ devices: Record<string, { userCode: string; status: string }> }>('sso-oauth').devices,
      )) {
        if (code.status === 'pending') approveDeviceCode(sim, code.userCode);
      }
    },
  };
  const manager = new LoginManager({
    oidc: async (region) => clients.ssoOidc(region),
    emit: () => undefined,
    onApproved: async () => undefined,
    openUrl: () => false,
    timing,
  });
  const start = await manager.start(target(sessionName));
  return manager.wait(start.loginId);
}

describe('the token written by the in-app login', () => {
  it('is in the AWS CLI format and read back by the SDK’s own fromSSO (sso-session profile)', async () => {
    const done = await login('corp');
    expect(done.state).toBe('approved');
    const file = ssoCacheFile(path.join(home, '.aws', 'sso', 'cache'), 'corp');
    const cached = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(Object.keys(cached).sort()).toEqual(
      [
        'accessToken',
        'clientId',
        'clientSecret',
        'expiresAt',
        'refreshToken',
        'region',
        'registrationExpiresAt',
        'startUrl',
      ].sort(),
    );
    expect(cached['expiresAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const credentials = await fromSSO({
      profile: 'prod',
      filepath: path.join(home, '.aws', 'credentials'),
      configFilepath: path.join(home, '.aws', 'config'),
      clientConfig: { requestHandler: sim.requestHandler },
    })();
    expect(credentials.accessKeyId).toMatch(/^ASIASIM/);
    expect(credentials.sessionToken).toMatch(/^sim-session-/);
    expect(credentials.expiration).toBeInstanceOf(Date);
  });

  it('carries what the SDK needs to refresh the session itself (client id, secret, refresh token)', async () => {
    expect((await login('corp')).state).toBe('approved');
    const file = ssoCacheFile(path.join(home, '.aws', 'sso', 'cache'), 'corp');
    const cached = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    // Two minutes left: inside the SDK's refresh window, so fromSSO refreshes through SSO OIDC first.
    const soon = new Date(Date.now() + 120_000);
    await writeFile(file, JSON.stringify({ ...cached, expiresAt: `${soon.toISOString().slice(0, 19)}Z` }));
    const credentials = await fromSSO({
      profile: 'prod',
      filepath: path.join(home, '.aws', 'credentials'),
      configFilepath: path.join(home, '.aws', 'config'),
      clientConfig: { requestHandler: sim.requestHandler },
    })();
    expect(credentials.accessKeyId).toMatch(/^ASIASIM/);
    const refreshed = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(refreshed['accessToken']).not.toBe(cached['accessToken']);
    expect(Date.parse(refreshed['expiresAt'] ?? '')).toBeGreaterThan(soon.getTime());
  });

  it('is read back by fromSSO for a legacy SSO profile too (key: the start URL)', async () => {
    expect((await login(null)).state).toBe('approved');
    const cached = JSON.parse(
      await readFile(ssoCacheFile(path.join(home, '.aws', 'sso', 'cache'), START_URL), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(cached).sort()).toEqual(['accessToken', 'expiresAt', 'region', 'startUrl']);
    const credentials = await fromSSO({
      profile: 'legacy',
      configFilepath: path.join(home, '.aws', 'config'),
      filepath: path.join(home, '.aws', 'credentials'),
      clientConfig: { requestHandler: sim.requestHandler },
    })();
    expect(credentials.accessKeyId).toMatch(/^ASIASIM/);
  });

  it('makes the aws CLI work again (it reads the same cache)', async () => {
    expect((await login('corp')).state).toBe('approved');
    const server = await startSimulatorServer(sim, { port: 0 });
    try {
      const { stdout } = await run(
        'aws',
        ['sts', 'get-caller-identity', '--profile', 'prod', '--output', 'json'],
        {
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: home,
            AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
            AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
            AWS_ENDPOINT_URL: server.url,
          },
        },
      );
      expect(JSON.parse(stdout)).toMatchObject({ Account: '123456789012' });
    } finally {
      await server.close();
    }
  });
});
