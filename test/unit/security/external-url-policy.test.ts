import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedVerificationUrl } from '../../../electron/core/credentials/verification-url';
import { isAllowedExternalUrl } from '../../../electron/main/external-url-policy';

/** URLs near the allowlist: real verification hosts, look-alikes, other schemes, ports, user info. */
const nearbyUrls = fc
  .tuple(
    fc.constantFrom('https:', 'http:', 'file:', 'javascript:', 'app:', 'HTTPS:'),
    fc.constantFrom('', 'user:pw@', 'x@'),
    fc.constantFrom(
      'd-1234567890.awsapps.com',
      'my-co.awsapps.com.evil.example',
      'ssoins-1.portal.us-east-1.app.aws',
      'device.sso.us-west-2.amazonaws.com',
      'device.sso.cn-north-1.amazonaws.com.cn',
      'console.aws.amazon.com',
      'evil.example',
      '127.0.0.1',
      'awsapps.com',
    ),
    fc.constantFrom('', ':443', ':8443'),
    fc.webPath(),
  )
  .map(([scheme, userInfo, host, port, pathPart]) => `${scheme}//${userInfo}${host}${port}${pathPart}`);

describe('one external URL policy for the core and the shell', () => {
  it('the shell’s shell.openExternal check is exactly the core’s verification-page allowlist', () => {
    fc.assert(
      fc.property(fc.oneof(nearbyUrls, fc.webUrl(), fc.string()), (url) => {
        expect(isAllowedExternalUrl(url)).toBe(isAllowedVerificationUrl(url));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never allows a non-https page, credentials in the URL, or a host outside the AWS SSO pages', () => {
    fc.assert(
      fc.property(nearbyUrls, (url) => {
        if (!isAllowedExternalUrl(url)) return;
        const parsed = new URL(url);
        expect(parsed.protocol).toBe('https:');
        expect(parsed.username + parsed.password).toBe('');
        expect(parsed.hostname).toMatch(/(\.awsapps\.com|\.app\.aws|\.amazonaws\.com|\.amazonaws\.com\.cn)$/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('the shell never opens the tabletop simulator’s local address', () => {
    expect(isAllowedExternalUrl('http://127.0.0.1:4599/device?user_code=ABCD')).toBe(false);
  });
});
