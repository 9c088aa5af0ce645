import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../electron/main/external-url-policy';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://d-1234567890.awsapps.com/start/#/device?user_code=ABCD-EFGH',
    'https://my-company.awsapps.com/start',
    'https://ssoins-1234.portal.us-east-1.app.aws/device',
    'https://device.sso.us-west-2.amazonaws.com/?user_code=ABCD-EFGH',
    'https://device.sso.cn-north-1.amazonaws.com.cn/',
    'HTTPS://MY-COMPANY.AWSAPPS.COM/start',
  ])('opens the AWS SSO verification page %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://my-company.awsapps.com/start'],
    ['a look-alike domain', 'https://my-company.awsapps.com.evil.example/start'],
    ['a nested subdomain trick', 'https://evil.example/.awsapps.com/start'],
    ['credentials in the URL', 'https://user:pass@my-company.awsapps.com/start'],
    ['a user name in the URL', 'https://my-company.awsapps.com@evil.example/start'],
    ['an explicit port', 'https://my-company.awsapps.com:8443/start'],
    ['the AWS console', 'https://console.aws.amazon.com/'],
    ['another AWS endpoint', 'https://s3.us-east-1.amazonaws.com/bucket'],
    ['a device page on a fake host', 'https://device.sso.evil.amazonaws.com.example/'],
    ['a file URL', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['a custom scheme', 'app://dr-war-room/index.html'],
    ['garbage', 'not a url'],
    ['the empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
