import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/start-bridge';
import { callNames, contract, ipcChannel, type CallName } from '../../../electron/core/api/contract';
import { errorCodeSchema } from '../../../electron/core/api/errors';
import type { Result } from '../../../electron/core/api/result';
import type { IncidentView } from '../../../electron/core/api/calls/incident';
import { Core } from '../../../electron/core/app/core';
import { bundledRunbooksDirSync } from '../../../electron/core/paths/package-root';
import { malformedInputs } from './support/fuzz-inputs';
import { validInputs } from './support/valid-inputs';
import { rawRequest, type RawAnswer } from '../../support/raw-http';

/**
 * Every call of the contract gets at least 1,000 random and malformed inputs through the path the
 * UI uses (the Electron IPC handler, which checks the sender and calls `core.dispatch`; a sample
 * also goes through the HTTP bridge). Each answers a clean value, nothing throws, the prototype
 * chain stays clean, and no AWS request is sent.
 */

type InvokeHandler = (event: unknown, input: unknown) => Promise<Result<unknown>>;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => {
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => {
        handlers.delete(channel);
      },
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

const { registerIpcHandlers } = await import('../../../electron/main/ipc');

/** Inputs per call (the issue asks for at least 1,000). */
const RUNS = 1_000;
/** Inputs per call sent through the HTTP bridge as well. */
const BRIDGE_RUNS = 25;
const APP_WINDOW_ID = 7;
const trustedEvent = {
  sender: { id: APP_WINDOW_ID },
  senderFrame: { url: 'app://dr-war-room/index.html', parent: null },
};

/**
 * Calls that send AWS requests for a valid input (identity checks, SSO login, scans, plans that
 * read the target region, recoveries). The fuzz lets only inputs through to them that their
 * schema rejects, and proves each is refused as INVALID_INPUT before any request is sent.
 */
const ACTS_ON_AWS: ReadonlySet<CallName> = new Set<CallName>([
  'session.status',
  'session.select',
  'session.login.start',
  'session.login.poll',
  'session.login.approveTabletop',
  'assess.run',
  'recover.resources',
  'recover.plan',
  'recover.confirm',
  'recover.resume',
  'recover.retry',
  'validate.run',
  'validate.reapply',
  'drill.targets',
  'drill.start',
  'drill.run',
  'drill.cleanup',
]);

/** True when the dispatcher's schema accepts the input (as `dispatch` reads it). */
function acceptedBySchema(name: CallName, input: unknown): boolean {
  return contract[name].input.safeParse(input ?? {}).success;
}

/** A stable seed per call, so a failure can be replayed. */
function seedOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return hash;
}

/** What Electron's IPC does to a value on its way from the renderer (structured clone). */
function overIpc(input: unknown): unknown {
  try {
    return structuredClone(input);
  } catch {
    return input;
  }
}

/** Keys on `Object.prototype` now (a pollution shows up here). */
function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

/** Short description of an input for a failure message. */
function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return text === undefined ? String(input) : text.slice(0, 300);
  } catch {
    return Object.prototype.toString.call(input);
  }
}

/**
 * What is wrong with an answer, or null when it is clean: a result value, or an error value with a
 * stable code (never INTERNAL, which means a bug) and a bounded message; structured-cloneable
 * (Electron IPC) and JSON-serialisable (the bridge).
 */
function problemOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return `answered ${typeof result}, not a result value`;
  const value = result as Result<unknown>;
  if (typeof value.ok !== 'boolean') return 'answered an object without `ok`';
  if (!value.ok) {
    const { code, message } = value.error;
    if (!errorCodeSchema.safeParse(code).success) return `unknown error code ${String(code)}`;
    if (code === 'INTERNAL') return `INTERNAL error (a bug): ${message}`;
    if (typeof message !== 'string' || message.length === 0) return 'an error without a message';
    if (message.length >= 2_000) return `the error message echoes the input (${message.length} characters)`;
  }
  try {
    structuredClone(result);
    JSON.stringify(result);
  } catch (error) {
    return `the answer cannot cross IPC or HTTP: ${(error as Error).message}`;
  }
  return null;
}

/** Collects the failures of one run, described only when something failed (describing is slow). */
class Findings {
  private readonly items: string[] = [];

  add(name: string, input: unknown, problem: string): void {
    if (this.items.length < 10) this.items.push(`${name} with ${describeInput(input)}: ${problem}`);
  }

  get list(): readonly string[] {
    return this.items;
  }
}

let dataDir: string;
let core: Core;
let bridge: Bridge;
let awsRequests: string[] = [];
let controlRequests = 0;
let samples: Record<CallName, Record<string, unknown>[]>;
const baselinePrototype = prototypeKeys();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-fuzz-'));
  core = await Core.create({
    dataDir,
    runbooksDir: bundledRunbooksDirSync(),
    mode: 'TABLETOP',
    transport: 'ipc',
    version: '0.0.0-fuzz',
  });
  // Count every request that reaches the (simulated) AWS account, from any client of the core.
  const sim = await core.tabletopSimulator();
  const handler = sim.requestHandler;
  const original = handler.handle.bind(handler);
  handler.handle = (req, options) => {
    awsRequests.push(`${req.method} ${req.hostname}${req.path}`);
    return original(req, options);
  };
  sim.onRequest((record) => awsRequests.push(`${record.service} ${record.method} ${record.path}`));

  registerIpcHandlers(core, () => APP_WINDOW_ID);
  const declared = await core.dispatch(
    'incident.declare',
    { title: 'Fuzz target', commander: 'Ana Ruiz' },
    { via: 'test' },
  );
  if (!declared.ok) throw new Error(declared.error.message);
  const incidentId = (declared.value as IncidentView).state.id;
  const pack = await core.dispatch('record.evidence', { incidentId }, { via: 'test' });
  if (!pack.ok) throw new Error(pack.error.message);
  samples = validInputs({ incidentId, evidenceDir: (pack.value as { dir: string }).dir });
  bridge = await startBridge(core, { port: 0, rendererDir: path.join(dataDir, 'no-renderer') });
  // Control: a request from the core's own clients is counted. (Not through session.status,
  // which would start the background identity watch and its requests during the fuzz.)
  const clients = await core.session.clients();
  await clients.sts((await core.procedure.get()).regions.secondary).send(new GetCallerIdentityCommand({}));
  controlRequests = awsRequests.length;
  awsRequests = [];
});

afterAll(async () => {
  await bridge?.close();
  await core?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function inputsFor(name: CallName, runs: number): unknown[] {
  const arbitrary = malformedInputs(samples[name]);
  const allowed = ACTS_ON_AWS.has(name)
    ? arbitrary.filter((input) => !acceptedBySchema(name, input))
    : arbitrary;
  return fc.sample(allowed, { numRuns: runs, seed: seedOf(name) });
}

describe('IPC fuzzing: every contract call, 1,000 malformed inputs each, through the IPC handler', () => {
  it('counts AWS requests (an identity check sent with the core’s clients before the fuzz was counted)', () => {
    expect(controlRequests).toBeGreaterThan(0);
  });

  it('has valid samples for every call, and each sample passes its schema', () => {
    for (const name of callNames) {
      expect(samples[name].length, name).toBeGreaterThan(0);
      for (const sample of samples[name]) expect(acceptedBySchema(name, sample), name).toBe(true);
    }
  });

  it.each(callNames.map((name) => [name]))(
    '%s answers clean values, and sends no AWS request',
    async (name) => {
      const handler = electron.handlers.get(ipcChannel(name)) as InvokeHandler | undefined;
      expect(handler, `no IPC handler for ${name}`).toBeDefined();
      const inputs = inputsFor(name, RUNS);
      expect(inputs).toHaveLength(RUNS);
      const findings = new Findings();
      for (const input of inputs) {
        const before = awsRequests.length;
        const result = await handler!(trustedEvent, overIpc(input));
        const problem = problemOf(result);
        if (problem) findings.add(name, input, problem);
        if (ACTS_ON_AWS.has(name) && (result.ok || result.error.code !== 'INVALID_INPUT')) {
          findings.add(name, input, 'a call that acts on AWS was not refused as INVALID_INPUT');
        }
        if (awsRequests.length !== before) {
          findings.add(name, input, `sent AWS requests: ${awsRequests.slice(before).join(', ')}`);
        }
      }
      expect(findings.list).toEqual([]);
      expect(prototypeKeys()).toEqual(baselinePrototype);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
    60_000,
  );

  it('answers UNKNOWN_CALL for names that are not calls, prototype names included', async () => {
    const names = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'app.info.x',
      'app',
      '',
      ...fc.sample(fc.string({ maxLength: 300 }), { numRuns: 200, seed: 12 }),
    ].filter((name) => !(callNames as readonly string[]).includes(name));
    const findings = new Findings();
    for (const name of names) {
      for (const via of ['ipc', 'http'] as const) {
        const result = await core.dispatch(name, {}, { via });
        if (result.ok || result.error.code !== 'UNKNOWN_CALL') findings.add(name, {}, JSON.stringify(result));
        else if (result.error.message.length > 200) findings.add(name, {}, 'the message echoes the name');
      }
      const answer = await postCall(name, '{}');
      const body = JSON.parse(answer.body) as Result<unknown>;
      if (body.ok || !['UNKNOWN_CALL', 'INVALID_INPUT'].includes(body.error.code)) {
        findings.add(name, {}, `bridge: ${answer.body.slice(0, 200)}`);
      }
    }
    expect(findings.list).toEqual([]);
    expect(awsRequests).toEqual([]);
  });

  it('refuses the same inputs from an untrusted sender without running anything', async () => {
    for (const name of callNames) {
      const handler = electron.handlers.get(ipcChannel(name)) as InvokeHandler;
      for (const input of inputsFor(name, 5)) {
        const result = await handler(
          { sender: { id: APP_WINDOW_ID + 1 }, senderFrame: { url: 'https://evil.example/', parent: null } },
          input,
        );
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(awsRequests).toEqual([]);
  });
});

/** POST one call to the bridge with the token, as the browser client does. */
function postCall(name: string, body: string): Promise<RawAnswer> {
  return rawRequest(bridge.port, {
    method: 'POST',
    path: `/api/${encodeURIComponent(name)}`,
    headers: {
      Origin: bridge.origin,
      Authorization: `Bearer ${bridge.token}`,
      'Content-Type': 'application/json',
    },
    body,
  });
}

describe('IPC fuzzing: a sample through the HTTP bridge', () => {
  it('answers every call’s malformed JSON bodies with a clean value and no AWS request', async () => {
    const findings = new Findings();
    for (const name of callNames) {
      const bodies = inputsFor(name, BRIDGE_RUNS * 2)
        .map((input) => {
          try {
            return JSON.stringify(input);
          } catch {
            return undefined;
          }
        })
        .filter((body): body is string => body !== undefined)
        .filter((body) => !ACTS_ON_AWS.has(name) || !acceptedBySchema(name, JSON.parse(body)))
        .slice(0, BRIDGE_RUNS);
      bodies.push('{"a":', '\u0000', '[]'.repeat(10), '{"__proto__":{"polluted":1}}');
      for (const body of bodies) {
        const answer = await postCall(name, body);
        if (![200, 400, 413].includes(answer.status)) findings.add(name, body, `HTTP ${answer.status}`);
        let parsed: unknown;
        try {
          parsed = JSON.parse(answer.body);
        } catch {
          findings.add(name, body, `answered a body that is not JSON: ${answer.body.slice(0, 200)}`);
          continue;
        }
        const problem = problemOf(parsed);
        if (problem) findings.add(name, body, problem);
      }
    }
    expect(findings.list).toEqual([]);
    expect(awsRequests).toEqual([]);
    expect(prototypeKeys()).toEqual(baselinePrototype);
  }, 60_000);
});
