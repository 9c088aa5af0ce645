import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts } from '../../../electron/main/sender-check';

const appWindowId = 7;
const good: SenderFacts = {
  webContentsId: appWindowId,
  frameUrl: 'app://dr-war-room/index.html',
  isMainFrame: true,
};

describe('isTrustedSender', () => {
  it("trusts the app window's top frame on the app origin", () => {
    expect(isTrustedSender(good, appWindowId)).toBe(true);
  });

  it('refuses every sender while there is no app window', () => {
    expect(isTrustedSender(good, null)).toBe(false);
  });

  it('refuses another window', () => {
    expect(isTrustedSender({ ...good, webContentsId: 8 }, appWindowId)).toBe(false);
  });

  it('refuses a sub-frame of the app window', () => {
    expect(isTrustedSender({ ...good, isMainFrame: false }, appWindowId)).toBe(false);
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a file page', 'file:///tmp/x.html'],
    ['a look-alike app host', 'app://evil/index.html'],
    ['a dev server', 'http://localhost:5173/'],
  ])('refuses the app window when it shows %s', (_label, frameUrl) => {
    expect(isTrustedSender({ ...good, frameUrl }, appWindowId)).toBe(false);
  });

  it('refuses a sender whose frame is gone', () => {
    expect(isTrustedSender({ ...good, frameUrl: null }, appWindowId)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: undefined }, appWindowId)).toBe(false);
  });
});
