import type { AwsService } from './operations';

/** The service part of `AWS_ENDPOINT_URL_<SERVICE>` (the SDKs' service-specific endpoint variables). */
const ENV_SUFFIX: Record<AwsService, string> = {
  s3: 'S3',
  rds: 'RDS',
  ec2: 'EC2',
  dynamodb: 'DYNAMODB',
  sts: 'STS',
  sso: 'SSO',
  'sso-oidc': 'SSO_OIDC',
};

/**
 * The custom endpoint for a service, as the AWS CLI and SDKs read it: `AWS_ENDPOINT_URL_<SERVICE>`
 * first, then `AWS_ENDPOINT_URL`; none when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true.
 * Throws a clear error for a value that is not an http(s) URL.
 */
export function endpointFor(service: AwsService, env: NodeJS.ProcessEnv): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  const name = `AWS_ENDPOINT_URL_${ENV_SUFFIX[service]}`;
  const specific = env[name]?.trim();
  const general = env.AWS_ENDPOINT_URL?.trim();
  const value = specific || general;
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `${specific ? name : 'AWS_ENDPOINT_URL'} is "${value}", which is not a URL: use e.g. http://127.0.0.1:4566.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${specific ? name : 'AWS_ENDPOINT_URL'} must be an http or https URL, not "${value}".`);
  }
  return value;
}
