// The preload (electron/preload/index.ts) is tested beside the shell it belongs to.
import { describe, expect, it, vi } from 'vitest';
import { callNames, EVENT_CHANNEL, ipcChannel } from '../../../electron/core/api/contract';
import type { AppEvent } from '../../../electron/core/api/events';

type Listener = (event: unknown, payload: unknown) => void;

/** A mocked `electron` for the preload: what it exposes, and the raw IPC it uses. */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

await import('../../../electron/preload/index');

type ExposedApi = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
const exposed = electron.exposed.get('drWarRoom') as {
  api: ExposedApi;
  onEvent(listener: (event: AppEvent) => void): () => void;
};

describe('the preload', () => {
  it('exposes exactly one object, window.drWarRoom, with the API and the event subscription only', () => {
    expect([...electron.exposed.keys()]).toEqual(['drWarRoom']);
    expect(Object.keys(exposed).sort()).toEqual(['api', 'onEvent']);
  });

  it('has one method per contract call, each invoking that call’s channel', async () => {
    for (const name of callNames) {
      const dot = name.indexOf('.');
      const method = exposed.api[name.slice(0, dot)]?.[name.slice(dot + 1)];
      expect(typeof method, name).toBe('function');
      electron.ipcRenderer.invoke.mockClear();
      await method!({ probe: name });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(name), { probe: name });
    }
  });

  it('sends {} when a call is made without input', async () => {
    electron.ipcRenderer.invoke.mockClear();
    await exposed.api.app!.info!();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('dr:app.info', {});
  });

  it('delivers events without the IPC event object, until unsubscribed', () => {
    const received: unknown[] = [];
    const stop = exposed.onEvent((event) => received.push(event));
    const fire = (payload: AppEvent) => {
      for (const listener of electron.listeners.get(EVENT_CHANNEL) ?? []) {
        (listener as Listener)({ sender: 'raw ipc event' }, payload);
      }
    };
    fire({ type: 'app.notice', level: 'info', message: 'one' });
    stop();
    fire({ type: 'app.notice', level: 'info', message: 'two' });
    expect(received).toEqual([{ type: 'app.notice', level: 'info', message: 'one' }]);
    expect(electron.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
