import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The Electron checklist items live in small tested modules; this test proves the main process
 * actually wires them: it imports `electron/main/index.ts` against a mocked `electron` and checks
 * what the real start-up does (sandbox for every renderer, guards on every web contents,
 * permissions denied, the app:// origin loaded, the window's options, the PDF printer's window).
 */

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  const windows: Array<{ options: Record<string, unknown>; loaded: string[] }> = [];
  const calls: string[] = [];
  const permissionHandlers: { request: Listener | null; check: Listener | null } = {
    request: null,
    check: null,
  };
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });
  const state = { userData: '', schemes: [] as unknown[] };

  class FakeWebContents {
    readonly id = 1;
    readonly on = vi.fn();
    readonly setWindowOpenHandler = vi.fn();
    isDestroyed() {
      return false;
    }
    send() {
      return undefined;
    }
    printToPDF() {
      return Promise.resolve(new Uint8Array());
    }
  }

  class BrowserWindow {
    readonly webContents = new FakeWebContents();
    private readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.record.loaded.push(`file:${file}`);
      return Promise.resolve();
    }
    once() {
      return this;
    }
    on() {
      return this;
    }
    isFocused() {
      return true;
    }
    destroy() {
      return undefined;
    }
  }

  const app = {
    enableSandbox: () => calls.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    quit: () => calls.push('quit'),
    on: (name: string, listener: Listener) => {
      appListeners.set(name, [...(appListeners.get(name) ?? []), listener]);
      return app;
    },
    whenReady: () => ready,
    getAppPath: () => process.cwd(),
    getPath: () => state.userData,
    getVersion: () => '0.0.0-wiring',
    isPackaged: false,
  };

  return {
    appListeners,
    windows,
    calls,
    permissionHandlers,
    state,
    readyResolve: () => readyResolve(),
    FakeWebContents,
    module: {
      app,
      BrowserWindow,
      Notification: Object.assign(function Notification() {}, { isSupported: () => false }),
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: Listener) => {
            permissionHandlers.request = handler;
          },
          setPermissionCheckHandler: (handler: Listener) => {
            permissionHandlers.check = handler;
          },
        },
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
        handle: () => calls.push('protocol.handle'),
      },
      ipcMain: { handle: () => undefined, removeHandler: () => undefined },
      Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
      shell: { openExternal: vi.fn(), openPath: vi.fn() },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

let base: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'drwr-wiring-'));
  electron.state.userData = path.join(base, 'user-data');
  await import('../../../electron/main/index');
  electron.readyResolve();
  for (let i = 0; i < 100_000 && electron.windows.length === 0; i += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
});

afterAll(async () => {
  for (const listener of electron.appListeners.get('before-quit') ?? []) listener();
  await rm(base, { recursive: true, force: true, maxRetries: 5 });
});

describe('the main process wiring (Electron security checklist)', () => {
  it('sandboxes every renderer and registers app:// as a standard secure scheme before ready', () => {
    expect(electron.calls).toContain('enableSandbox');
    expect(electron.state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('installs the navigation guards on every web contents that is created', () => {
    const listeners = electron.appListeners.get('web-contents-created') ?? [];
    expect(listeners).toHaveLength(1);
    const contents = new electron.FakeWebContents();
    listeners[0]!({}, contents);
    const events = contents.on.mock.calls.map((args: unknown[]) => args[0]);
    expect(events).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const decide = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => unknown;
    expect(decide({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check of the session', () => {
    const answers: boolean[] = [];
    electron.permissionHandlers.request?.({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(electron.permissionHandlers.check?.({}, 'notifications')).toBe(false);
  });

  it('opens one window with the hardened options, loading the app:// origin only', () => {
    expect(electron.windows).toHaveLength(1);
    const [main] = electron.windows;
    expect(main!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    const prefs = main!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs['enableBlinkFeatures']).toBeUndefined();
    expect(String(prefs['preload'])).toMatch(/preload[/\\]index\.cjs$/);
    expect(main!.loaded).toEqual(['app://dr-war-room/index.html']);
    expect(electron.calls).toContain('protocol.handle');
  });
});

describe('the PDF printer’s hidden window', () => {
  it('is sandboxed and isolated, with JavaScript and Node off and no preload', async () => {
    const { electronPdfDeps } = await import('../../../electron/main/print-to-pdf');
    const before = electron.windows.length;
    electronPdfDeps().createWindow();
    const options = electron.windows[before]!.options;
    expect(options['show']).toBe(false);
    expect(options['webPreferences']).toEqual({
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      nodeIntegration: false,
    });
  });
});
