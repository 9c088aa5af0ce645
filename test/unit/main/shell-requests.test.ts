import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../electron/core/api/events';
import type { Core } from '../../../electron/core/app/core';
import { createTabletopCore } from '../../support/test-core';

/** A mocked `electron` whose shell records what it was asked to open. */
const electron = vi.hoisted(() => ({
  shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') },
}));
vi.mock('electron', () => ({ shell: electron.shell }));

const { handleShellRequests } = await import('../../../electron/main/shell-requests');
const { isAllowedExternalUrl } = await import('../../../electron/main/external-url-policy');

describe('handleShellRequests', () => {
  let base: string;
  let core: Core;
  let stop: () => void;
  let stopNotices: () => void;
  let notices: AppEvent[];

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'drwr-shell-'));
    core = await createTabletopCore(path.join(base, 'data'), 'ipc');
  });

  afterAll(async () => {
    await core.close();
    await rm(base, { recursive: true, force: true });
  });

  beforeEach(() => {
    stop?.();
    stopNotices?.();
    electron.shell.openExternal.mockClear();
    electron.shell.openPath.mockClear();
    notices = [];
    stopNotices = core.events.subscribe((event) => {
      if (event.type === 'app.notice') notices.push(event);
    });
    stop = handleShellRequests(core, isAllowedExternalUrl);
  });

  const request = (action: 'openExternal' | 'showFolder', target: string) =>
    core.events.emit({ type: 'shell.request', action, target });

  it('opens an allowlisted SSO verification page in the system browser', () => {
    request('openExternal', 'https://d-1234567890.awsapps.com/start/#/device?user_code=ABCD-EFGH');
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://d-1234567890.awsapps.com/start/#/device?user_code=ABCD-EFGH',
    );
    expect(notices).toEqual([]);
  });

  it('refuses any other URL and tells the user', () => {
    request('openExternal', 'https://evil.example/phish');
    request('openExternal', 'file:///etc/passwd');
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(notices).toEqual([
      { type: 'app.notice', level: 'warning', message: 'Refused to open https://evil.example/phish.' },
      { type: 'app.notice', level: 'warning', message: 'Refused to open file:///etc/passwd.' },
    ]);
  });

  it('shows the data folder and folders inside it', () => {
    const dataDir = path.resolve(core.options.dataDir);
    request('showFolder', dataDir);
    request('showFolder', path.join(dataDir, 'incidents', 'DR-20261126-01'));
    expect(electron.shell.openPath.mock.calls).toEqual([
      [dataDir],
      [path.join(dataDir, 'incidents', 'DR-20261126-01')],
    ]);
  });

  it.each([
    ['a parent folder', (dataDir: string) => path.dirname(dataDir)],
    ['a way out with ..', (dataDir: string) => `${dataDir}/../..`],
    ['a sibling whose name starts like the data folder', (dataDir: string) => `${dataDir}-evil`],
    ['a system folder', () => '/etc'],
  ])('does not show %s', (_label, target) => {
    request('showFolder', target(path.resolve(core.options.dataDir)));
    expect(electron.shell.openPath).not.toHaveBeenCalled();
  });

  it('ignores other events and stops when unsubscribed', () => {
    core.events.emit({ type: 'app.notice', level: 'info', message: 'hello' });
    stop();
    request('openExternal', 'https://d-1234567890.awsapps.com/start');
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(electron.shell.openPath).not.toHaveBeenCalled();
  });
});
