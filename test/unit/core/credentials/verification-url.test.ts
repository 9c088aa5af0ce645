import { describe, expect, it } from 'vitest';
import { isAllowedVerificationUrl } from '../../../../electron/core/credentials/verification-url';

describe('isAllowedVerificationUrl', () => {
  it.each([
    'https://d-9067642ac7.awsapps.com/start/#/device?user_code=ABCD-EFGH',
    'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
    'https://device.sso.cn-north-1.amazonaws.com.cn/',
    'https://ssoins-1234.portal.us-west-2.app.aws/',
  ])('allows the AWS verification page %s', (url) => {
    expect(isAllowedVerificationUrl(url)).toBe(true);
  });

  it.each([
    'http://device.sso.us-east-1.amazonaws.com/',
    'https://device.sso.us-east-1.amazonaws.com.evil.example/',
    'https://evil.example/?u=https://x.awsapps.com',
    'https://user:pw@x.awsapps.com/start',
    'https://x.awsapps.com:8443/start',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
    'https://awsapps.com.evil.example/',
  ])('refuses %s', (url) => {
    expect(isAllowedVerificationUrl(url)).toBe(false);
  });

  it('allows the tabletop simulator on 127.0.0.1 only when given, and only that origin', () => {
    const tabletopOrigin = 'http://127.0.0.1:4599';
    expect(isAllowedVerificationUrl('http://127.0.0.1:4599/device?user_code=X', { tabletopOrigin })).toBe(
      true,
    );
    expect(isAllowedVerificationUrl('http://127.0.0.1:4599/device')).toBe(false);
    expect(isAllowedVerificationUrl('http://127.0.0.1:4600/device', { tabletopOrigin })).toBe(false);
    expect(
      isAllowedVerificationUrl('http://localhost:4599/', { tabletopOrigin: 'http://localhost:4599' }),
    ).toBe(false);
  });
});
