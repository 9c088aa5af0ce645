import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, EVENT_CHANNEL, ipcChannel } from '../../../electron/core/api/contract';
import type { Result } from '../../../electron/core/api/result';
import type { Core } from '../../../electron/core/app/core';
import { createTabletopCore } from '../../support/test-core';

type InvokeHandler = (event: unknown, input: unknown) => Promise<Result<unknown>>;

/** A mocked `electron` module (as the Electron team's Fiddle tests do): ipcMain records handlers. */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => {
        handlers.delete(channel);
      },
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

const { forwardEvents, registerIpcHandlers } = await import('../../../electron/main/ipc');

const APP_WINDOW_ID = 3;

/** An IPC invoke event as Electron builds it. */
function ipcEvent(overrides: { id?: number; url?: string | null; subFrame?: boolean } = {}) {
  const url = overrides.url === undefined ? 'app://dr-war-room/index.html' : overrides.url;
  return {
    sender: { id: overrides.id ?? APP_WINDOW_ID },
    senderFrame: url === null ? null : { url, parent: overrides.subFrame ? {} : null },
  };
}

function invoke(channel: string, event: unknown, input: unknown): Promise<Result<unknown>> {
  const handler = electron.handlers.get(channel) as InvokeHandler | undefined;
  if (!handler) throw new Error(`no IPC handler on ${channel}`);
  return handler(event, input);
}

describe('registerIpcHandlers', () => {
  let dataDir: string;
  let core: Core;
  let unregister: () => void;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-ipc-'));
    core = await createTabletopCore(dataDir, 'ipc');
  });

  afterAll(async () => {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    unregister?.();
    electron.handlers.clear();
    vi.restoreAllMocks();
    unregister = registerIpcHandlers(core, () => APP_WINDOW_ID);
  });

  it('registers one handler per contract call, on the call’s channel, and nothing else', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(callNames.map((name) => ipcChannel(name)).sort());
    expect(callNames.length).toBeGreaterThan(0);
  });

  it('runs a call from the app window through the core dispatcher', async () => {
    const dispatch = vi.spyOn(core, 'dispatch');
    const result = await invoke(ipcChannel('app.info'), ipcEvent(), {});
    expect(result).toMatchObject({ ok: true, value: { name: 'DR War Room', transport: 'ipc' } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('app.info', {}, { via: 'ipc' });
  });

  it('answers bad input with an error value, not a thrown error', async () => {
    const result = await invoke(ipcChannel('app.info'), ipcEvent(), { unexpected: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    ['another window', { id: APP_WINDOW_ID + 1 }],
    ['a sub-frame of the app window', { subFrame: true }],
    ['a foreign page in the app window', { url: 'https://evil.example/' }],
    ['a frame that is gone', { url: null }],
  ])('refuses %s without calling the core', async (_label, overrides) => {
    const dispatch = vi.spyOn(core, 'dispatch');
    const result = await invoke(ipcChannel('app.info'), ipcEvent(overrides), {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the app window.' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses every call while the app window does not exist', async () => {
    unregister();
    unregister = registerIpcHandlers(core, () => null);
    const dispatch = vi.spyOn(core, 'dispatch');
    for (const name of callNames) {
      const result = await invoke(ipcChannel(name), ipcEvent(), {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('removes every handler it registered', () => {
    unregister();
    expect(electron.handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends each core event to the window until unsubscribed, and skips a destroyed window', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-ipc-'));
    const core = await createTabletopCore(dataDir, 'ipc');
    try {
      let destroyed = false;
      const send = vi.fn();
      const contents = { send, isDestroyed: () => destroyed };
      const stop = forwardEvents(core, contents as unknown as Parameters<typeof forwardEvents>[1]);
      core.events.emit({ type: 'app.notice', level: 'info', message: 'one' });
      destroyed = true;
      core.events.emit({ type: 'app.notice', level: 'info', message: 'two' });
      destroyed = false;
      stop();
      core.events.emit({ type: 'app.notice', level: 'info', message: 'three' });
      expect(send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, {
        type: 'app.notice',
        level: 'info',
        message: 'one',
      });
    } finally {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
