import { describe, expect, it, vi } from 'vitest';
import { decideNavigation, installNavigationGuards } from '../../../electron/main/navigation-guards';

type Listener = (event: { preventDefault: () => void }, url: string) => void;

/** A stand-in for Electron's WebContents that records the guards installed on it. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
      windowOpenHandler = handler;
    }),
  };
  /** Fire an event and tell whether the guard prevented it. */
  const fire = (name: string, url: string): boolean => {
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no listener for ${name}`);
    const event = { preventDefault: vi.fn() };
    listener(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as Parameters<typeof installNavigationGuards>[0],
    fire,
    windowOpen: (url: string) => {
      if (!windowOpenHandler) throw new Error('no window open handler');
      return windowOpenHandler({ url });
    },
  };
}

describe('decideNavigation', () => {
  it('allows the app origin and denies everything else', () => {
    expect(decideNavigation('app://dr-war-room/index.html')).toBe('allow');
    expect(decideNavigation('https://evil.example/')).toBe('deny');
    expect(decideNavigation('file:///etc/passwd')).toBe('deny');
    expect(decideNavigation('garbage')).toBe('deny');
  });
});

describe('installNavigationGuards', () => {
  it('prevents navigation away from the app', () => {
    const fake = fakeContents();
    installNavigationGuards(fake.contents);
    expect(fake.fire('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(fake.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  it('lets the app navigate inside its own origin', () => {
    const fake = fakeContents();
    installNavigationGuards(fake.contents);
    expect(fake.fire('will-navigate', 'app://dr-war-room/index.html#/assess')).toBe(false);
  });

  it('prevents redirects off the app origin', () => {
    const fake = fakeContents();
    installNavigationGuards(fake.contents);
    expect(fake.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-redirect', 'app://dr-war-room/index.html')).toBe(false);
  });

  it('prevents every <webview> from attaching', () => {
    const fake = fakeContents();
    installNavigationGuards(fake.contents);
    expect(fake.fire('will-attach-webview', 'app://dr-war-room/index.html')).toBe(true);
  });

  it('denies every window.open, even to the app itself', () => {
    const fake = fakeContents();
    installNavigationGuards(fake.contents);
    expect(fake.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.windowOpen('app://dr-war-room/index.html')).toEqual({ action: 'deny' });
  });
});
