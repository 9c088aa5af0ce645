import { request } from 'node:http';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/start-bridge';
import { buildProgram } from '../../../electron/cli/program';
import type { IncidentView } from '../../../electron/core/api/calls/incident';
import type { LoginStartView } from '../../../electron/core/api/calls/session';
import type { AppEvent } from '../../../electron/core/api/events';
import type { Result } from '../../../electron/core/api/result';
import { Core } from '../../../electron/core/app/core';
import { ssoCacheFile } from '../../../electron/core/credentials/token-cache';
import { bundledRunbooksDirSync } from '../../../electron/core/paths/package-root';
import {
  createSimulator,
  startSimulatorServer,
  type Simulator,
  type SimulatorServer,
} from '../../../electron/simulator';
import { approveDeviceCode } from '../../../electron/simulator/services/sso-oidc';
import { CANARIES, leaksIn, writeCanaryHome, type CanaryEnv } from './support/canary-fixtures';
import { rawRequest } from '../../support/raw-http';

/**
 * A realistic LIVE session (against the simulator over HTTP, as against AWS) with canary
 * credentials everywhere the SDK and the app look: the config and credentials files, the
 * environment, the SSO token cache. Afterwards, no canary (and no token the app obtained itself)
 * appears in any answer, event, bridge response, SSE stream, log line, CLI output, error message,
 * or file of the data folder: journals, records, evidence packs, exports, settings.
 */

let home: string;
let dataDir: string;
let cliDataDir: string;
let sim: Simulator;
let server: SimulatorServer;
let core: Core;
let bridge: Bridge;
let env: CanaryEnv;
const savedEnv = new Map<string, string | undefined>();
const answers: unknown[] = [];
const events: AppEvent[] = [];
const logged: string[] = [];
const http: string[] = [];
let sse = '';
let stopSse: () => void = () => undefined;
let cliOut = '';
let cliErr = '';

async function call<T>(name: string, input: unknown = {}): Promise<Result<T>> {
  const result = (await core.dispatch(name, input, { via: 'ipc' })) as Result<T>;
  answers.push(result);
  return result;
}

async function must<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await call<T>(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A call through the bridge, as the browser client makes it; the raw body is kept. */
async function overHttp(name: string, input: unknown): Promise<Result<unknown>> {
  const answer = await rawRequest(bridge.port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  http.push(`${JSON.stringify(answer.headers)}\n${answer.body}`);
  return JSON.parse(answer.body) as Result<unknown>;
}

/** Listen to the bridge's event stream for the whole session. */
function openSse(): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: `/api/events?token=${bridge.token}`,
        headers: { Host: `127.0.0.1:${bridge.port}` },
      },
      (res) => {
        res.on('data', (chunk: Buffer) => {
          sse += chunk.toString();
        });
        res.on('error', () => undefined);
        resolve(() => req.destroy());
      },
    );
    req.on('error', (error) => {
      if (!String(error).includes('aborted') && !String(error).includes('socket hang up')) reject(error);
    });
    req.end();
  });
}

/** Run `dr-war-room …args` in-process, capturing stdout and stderr. */
async function cli(...args: string[]): Promise<void> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    cliOut += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    cliErr += String(chunk);
    return true;
  });
  try {
    await buildProgram()
      .exitOverride()
      .configureOutput({
        writeOut: (text) => (cliOut += text),
        writeErr: (text) => (cliErr += text),
      })
      .parseAsync(['node', 'dr-war-room', ...args, '--data-dir', cliDataDir]);
  } catch (error) {
    // A failing command is part of the session: its message is checked like every other output.
    cliErr += `${(error as Error).message}\n`;
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

/** Every file under a folder, as text (binary files too, read as latin1 so bytes survive). */
async function filesUnder(dir: string): Promise<Array<{ file: string; text: string }>> {
  const out: Array<{ file: string; text: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push({ file: full, text: await readFile(full, 'latin1') });
  }
  return out;
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'drwr-canary-home-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-canary-data-'));
  cliDataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-canary-cli-'));
  sim = await createSimulator({ scenario: 'healthy', speed: 1 });
  server = await startSimulatorServer(sim, { port: 0 });
  env = await writeCanaryHome(home, sim.accountId, server.url);
  for (const [key, value] of Object.entries(env)) {
    savedEnv.set(key, process.env[key]);
    process.env[key] = value;
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
  core = await Core.create({
    dataDir,
    runbooksDir: bundledRunbooksDirSync(),
    env: { ...env },
    mode: 'LIVE',
    transport: 'ipc',
    version: '0.0.0-canary',
  });
  core.events.subscribe((event) => events.push(event));
  bridge = await startBridge(core, { port: 0, rendererDir: path.join(dataDir, 'no-renderer') });
  stopSse = await openSse();
});

afterAll(async () => {
  stopSse();
  vi.restoreAllMocks();
  await bridge?.close();
  await core?.close();
  await server?.close();
  sim?.close();
  for (const [key, value] of savedEnv) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  for (const dir of [home, dataDir, cliDataDir]) await rm(dir, { recursive: true, force: true });
});

describe('secret hygiene with canary credentials', () => {
  it('runs a whole session and no canary or token appears anywhere the app writes or answers', async () => {
    // The session: identity with static keys, the profile list, a profile missing its secret.
    const status = await must<{ identity: { accountId: string } | null }>('session.status');
    expect(status.identity?.accountId, 'the canary static keys signed real requests').toBe(sim.accountId);
    await must('session.profiles');
    await call('session.select', { profile: 'half-canary', remember: false });
    await call('session.status', { refresh: true });

    // SSO: the cached token is refused, the in-app device login gets new tokens.
    await call('session.select', { profile: 'sso-canary' });
    const start = await must<LoginStartView>('session.login.start');
    await must('session.login.open', { loginId: start.loginId });
    approveDeviceCode(sim, start.userCode);
    expect((await core.session.loginWait(start.loginId)).state).toBe('approved');
    await must('session.login.poll', { loginId: start.loginId });
    await must('session.status', { refresh: true });

    // The incident, through the bridge as in browser mode and through IPC.
    const declared = await overHttp('incident.declare', { title: 'us-east-1 outage', commander: 'Ana Ruiz' });
    answers.push(declared);
    if (!declared.ok) throw new Error(declared.error.message);
    const incidentId = (declared.value as IncidentView).state.id;
    await must('incident.note', { incidentId, text: 'Paged the database team.' });
    answers.push(await overHttp('incident.get', { incidentId }));
    await must('assess.run', { incidentId, services: ['s3', 'dynamodb'] });
    await call('recover.resources', { incidentId });
    await must('incident.statusDraft', { incidentId });
    await must('record.save', {
      incidentId,
      form: { impact: 'Orders down for 40 minutes.', wentWell: ['Paging'], rootCauses: ['Region failure'] },
      by: 'Ana Ruiz',
    });
    const pack = await must<{ dir: string }>('record.evidence', { incidentId, by: 'Ana Ruiz' });
    await must('record.verifyEvidence', { dir: pack.dir });
    await call('record.export', { incidentId, format: 'html' });
    answers.push(await overHttp('incident.timeline', { incidentId }));

    // AWS failing under the app: a region down answers errors, not secrets.
    sim.faults.regionDown('us-west-2', '5xx');
    await call('session.status', { refresh: true });
    await call('assess.run', { incidentId, services: ['s3'] });
    sim.faults.regionUp('us-west-2');

    // A crash inside a handler: a clean message without a stack trace.
    const crash = vi
      .spyOn(core.records, 'draft')
      .mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'facts')"));
    const crashed = await call('record.draft', { incidentId });
    crash.mockRestore();
    expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!crashed.ok) expect(crashed.error.message).not.toMatch(/\n\s+at /);

    // The command line, with the same environment: --json on stdout, messages on stderr.
    await cli('whoami', '--json');
    await cli('profiles', '--json');
    await cli('whoami', '--profile', 'half-canary');
    await cli('incident', 'new', '--title', 'CLI drill', '--commander', 'Bo', '--json');
    await cli('incident', 'list', '--json');

    // Wait until the event stream has carried the last event, then look everywhere.
    core.events.emit({ type: 'app.notice', level: 'info', message: 'canary-session-end' });
    for (let i = 0; i < 10_000 && !sse.includes('canary-session-end'); i += 1) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(sse).toContain('canary-session-end');

    const fresh = JSON.parse(
      await readFile(ssoCacheFile(path.join(home, '.aws', 'sso', 'cache'), 'corp'), 'utf8'),
    ) as { accessToken: string; clientSecret?: string; refreshToken?: string };
    const secrets = [
      ...CANARIES,
      fresh.accessToken,
      ...(fresh.clientSecret ? [fresh.clientSecret] : []),
      ...(fresh.refreshToken ? [fresh.refreshToken] : []),
      bridge.token,
    ];
    expect(fresh.accessToken).not.toBe(CANARIES[6]);
    // The token cache the app wrote after the login is readable by the user only, as the CLI's is.
    if (process.platform !== 'win32') {
      const cacheMode =
        (await stat(ssoCacheFile(path.join(home, '.aws', 'sso', 'cache'), 'corp'))).mode & 0o777;
      expect(cacheMode.toString(8)).toBe('600');
    }

    const files = [...(await filesUnder(dataDir)), ...(await filesUnder(cliDataDir))];
    const journals = files.filter((f) => f.file.endsWith('.jsonl'));
    expect(journals.length, 'the session wrote journals').toBeGreaterThan(0);
    expect(
      files.some((f) => f.file.includes('evidence')),
      'the session wrote an evidence pack',
    ).toBe(true);
    expect(cliOut.length).toBeGreaterThan(0);

    const leaks = [
      ...leaksIn('IPC answers', JSON.stringify(answers), secrets),
      ...leaksIn('events', JSON.stringify(events), secrets),
      ...leaksIn('SSE stream', sse.replaceAll(bridge.token, ''), secrets),
      ...leaksIn('bridge responses', http.join('\n'), secrets),
      ...leaksIn('console', logged.join('\n'), secrets),
      ...leaksIn('CLI stdout', cliOut, secrets),
      ...leaksIn('CLI stderr', cliErr, secrets),
      ...files.flatMap((f) => leaksIn(path.relative(os.tmpdir(), f.file), f.text, secrets)),
    ];
    expect(leaks).toEqual([]);
    // The detector itself finds a canary where one is.
    const credentialsFile = await readFile(env.AWS_SHARED_CREDENTIALS_FILE, 'utf8');
    expect(leaksIn('credentials file', credentialsFile, secrets)).toHaveLength(3);
  });
});
