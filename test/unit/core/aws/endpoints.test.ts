import { describe, expect, it } from 'vitest';
import { endpointFor } from '../../../../electron/core/aws/endpoints';

describe('endpointFor', () => {
  it('prefers the service-specific variable, then AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000' };
    expect(endpointFor('s3', env)).toBe('http://127.0.0.1:9000');
    expect(endpointFor('rds', env)).toBe('http://127.0.0.1:4566');
    expect(endpointFor('sso-oidc', { AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:1' })).toBe(
      'http://127.0.0.1:1',
    );
    expect(endpointFor('ec2', {})).toBeUndefined();
  });

  it('honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS and rejects non-URLs clearly', () => {
    expect(
      endpointFor('s3', { AWS_ENDPOINT_URL: 'http://x', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }),
    ).toBeUndefined();
    expect(() => endpointFor('s3', { AWS_ENDPOINT_URL: 'localhost:4566' })).toThrow(
      /http or https URL|not a URL/,
    );
    expect(() => endpointFor('s3', { AWS_ENDPOINT_URL_S3: 'not a url' })).toThrow(
      /AWS_ENDPOINT_URL_S3 is "not a url"/,
    );
  });
});
