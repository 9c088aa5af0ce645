import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../electron/main/permissions';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type CheckHandler = (contents: unknown, permission: string) => boolean;

function fakeSession() {
  let request: RequestHandler | null = null;
  let check: CheckHandler | null = null;
  const session = {
    setPermissionRequestHandler: vi.fn((handler: RequestHandler) => {
      request = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: CheckHandler) => {
      check = handler;
    }),
  };
  return {
    session: session as unknown as Parameters<typeof denyAllPermissions>[0],
    request: (permission: string) => {
      if (!request) throw new Error('no permission request handler');
      const callback = vi.fn();
      request({}, permission, callback);
      return callback;
    },
    check: (permission: string) => {
      if (!check) throw new Error('no permission check handler');
      return check({}, permission);
    },
  };
}

const permissions = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'midi',
  'openExternal',
  'fullscreen',
  'pointerLock',
  'display-capture',
  'hid',
  'serial',
  'usb',
];

describe('denyAllPermissions', () => {
  it.each(permissions)('denies a %s permission request', (permission) => {
    const fake = fakeSession();
    denyAllPermissions(fake.session);
    const callback = fake.request(permission);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(permissions)('answers no to a %s permission check', (permission) => {
    const fake = fakeSession();
    denyAllPermissions(fake.session);
    expect(fake.check(permission)).toBe(false);
  });

  it('installs both handlers on the given session', () => {
    const fake = fakeSession();
    denyAllPermissions(fake.session);
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(fake.session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });
});
