import { describe, expect, it } from 'vitest';
import {
  hostOfHostHeader,
  isLoopbackAddress,
  isLoopbackHostHeader,
  isVirtualHostedS3Host,
} from '../../../../electron/simulator/control/loopback';

describe('loopback checks of the control route', () => {
  it('takes the host out of a Host header, IPv6 included', () => {
    expect(hostOfHostHeader('127.0.0.1:4566')).toBe('127.0.0.1');
    expect(hostOfHostHeader('LocalHost')).toBe('localhost');
    expect(hostOfHostHeader('[::1]:4566')).toBe('::1');
    expect(hostOfHostHeader('[::1')).toBeUndefined();
    expect(hostOfHostHeader('')).toBeUndefined();
    expect(hostOfHostHeader(undefined)).toBeUndefined();
  });

  it('knows the loopback addresses a socket can come from', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.5', '::ffff:192.168.1.2', '0.0.0.0', '1127.0.0.1', '', undefined])
      expect(isLoopbackAddress(a)).toBe(false);
  });

  it('accepts only loopback Host headers (a rebinding name or LAN address is refused)', () => {
    for (const h of ['127.0.0.1:4566', 'localhost:4566', 'localhost', '[::1]:4566'])
      expect(isLoopbackHostHeader(h)).toBe(true);
    for (const h of [
      'evil.example.com',
      '192.168.1.20:4566',
      'localhost.evil.com',
      'bucket.localhost:4566',
      undefined,
    ])
      expect(isLoopbackHostHeader(h)).toBe(false);
  });

  it('tells a virtual-hosted S3 host (bucket in the name) from the server’s own', () => {
    expect(isVirtualHostedS3Host('acme-prod-orders.localhost:4566')).toBe(true);
    expect(isVirtualHostedS3Host('acme-prod-orders.s3.us-east-1.amazonaws.com')).toBe(true);
    expect(isVirtualHostedS3Host('localhost:4566')).toBe(false);
    expect(isVirtualHostedS3Host('127.0.0.1:4566')).toBe(false);
  });
});
