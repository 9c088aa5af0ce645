import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';

/** The outcome of one `aws` CLI run (`code` 0 on success). */
export interface AwsCliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The real `aws` CLI against a simulator server, as exercise participants run it: fake keys, no
 * config or credentials file, no instance metadata, one attempt (no retries), JSON output, no
 * pager. `args` are the words after `aws` (`['s3api', 'list-buckets']`); `env` adds to the
 * environment (e.g. `AWS_RETRY_MODE`, which also changes how the CLI words its errors). Never throws.
 */
export function runAwsCli(
  endpoint: string,
  region: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<AwsCliRun> {
  return new Promise((resolve) => {
    execFile(
      'aws',
      ['--endpoint-url', endpoint, '--region', region, '--output', 'json', ...args],
      {
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: process.env['HOME'] ?? tmpdir(),
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_CONFIG_FILE: '/nonexistent',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_MAX_ATTEMPTS: '1',
          AWS_PAGER: '',
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Whether the `aws` CLI is installed. */
export function awsCliPresent(): Promise<boolean> {
  return new Promise((resolve) => execFile('aws', ['--version'], (error) => resolve(!error)));
}
