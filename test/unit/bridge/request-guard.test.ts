import { describe, expect, it } from 'vitest';
import { bearerToken, checkHostAndOrigin, tokenMatches } from '../../../electron/bridge/request-guard';

const identity = { port: 4321, token: 'secret-token' };

describe('checkHostAndOrigin', () => {
  it.each(['127.0.0.1:4321', 'localhost:4321', 'LOCALHOST:4321'])(
    'accepts the bridge’s own Host %s',
    (host) => {
      expect(checkHostAndOrigin(identity, { host })).toBeNull();
    },
  );

  it.each([
    ['no Host', undefined],
    ['a foreign name (DNS rebinding)', 'attacker.example:4321'],
    ['another port', '127.0.0.1:4322'],
    ['no port', '127.0.0.1'],
    ['the LAN address', '192.168.1.10:4321'],
    ['IPv6 loopback', '[::1]:4321'],
  ])('refuses %s with 403', (_label, host) => {
    expect(checkHostAndOrigin(identity, { host })).toMatchObject({ status: 403 });
  });

  it('accepts a request without Origin, and the bridge’s own Origin', () => {
    expect(checkHostAndOrigin(identity, { host: '127.0.0.1:4321', origin: undefined })).toBeNull();
    expect(
      checkHostAndOrigin(identity, { host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' }),
    ).toBeNull();
    expect(
      checkHostAndOrigin(identity, { host: 'localhost:4321', origin: 'http://localhost:4321' }),
    ).toBeNull();
  });

  it.each(['https://evil.example', 'http://127.0.0.1:4322', 'https://127.0.0.1:4321', 'null', 'file://', ''])(
    'refuses the foreign Origin %j with 403 and says why',
    (origin) => {
      const refusal = checkHostAndOrigin(identity, { host: '127.0.0.1:4321', origin });
      expect(refusal).toEqual({
        status: 403,
        message: 'Forbidden: requests from other web pages are refused.',
      });
    },
  );
});

describe('tokenMatches', () => {
  it('matches only the exact token', () => {
    expect(tokenMatches('secret-token', 'secret-token')).toBe(true);
    expect(tokenMatches('secret-token', 'secret-tokeN')).toBe(false);
    expect(tokenMatches('secret-token', 'secret-token-longer')).toBe(false);
    expect(tokenMatches('secret-token', 'secret')).toBe(false);
  });

  it('refuses a missing or empty token', () => {
    expect(tokenMatches('secret-token', null)).toBe(false);
    expect(tokenMatches('secret-token', undefined)).toBe(false);
    expect(tokenMatches('secret-token', '')).toBe(false);
  });
});

describe('bearerToken', () => {
  it('reads the token of an Authorization: Bearer header', () => {
    expect(bearerToken('Bearer abc_DEF-123')).toBe('abc_DEF-123');
    expect(bearerToken('bearer   abc')).toBe('abc');
  });

  it.each([undefined, '', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer a b', 'Token abc'])(
    'gives null for %j',
    (header) => {
      expect(bearerToken(header)).toBeNull();
    },
  );
});
