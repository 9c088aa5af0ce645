import { describe, expect, it } from 'vitest';
import { APP_HOST, APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, isAppUrl } from '../../../electron/main/app-origin';

describe('the app origin', () => {
  it('is app://dr-war-room, with the index page on it', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('dr-war-room');
    expect(APP_ORIGIN).toBe('app://dr-war-room');
    expect(APP_INDEX_URL).toBe('app://dr-war-room/index.html');
  });

  it.each([
    'app://dr-war-room/index.html',
    'app://dr-war-room/',
    'app://dr-war-room/assets/index-abc.js',
    'app://dr-war-room/index.html#/recover',
  ])('accepts the app page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'https://dr-war-room/index.html',
    'http://127.0.0.1:3000/',
    'file:///etc/passwd',
    'app://evil.example/index.html',
    'app://dr-war-room.evil.example/index.html',
    'app://evil@dr-war-room.example/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
