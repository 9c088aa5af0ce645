import { execFile } from 'node:child_process';

/** The outcome of one `aws` CLI run. */
export interface AwsRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment the runbook commands run with: fake keys, no config file, no real AWS. */
export function awsEnv(region: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_DEFAULT_REGION: region,
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Run the real `aws` CLI with these words, against the simulator's endpoint. */
export function runAws(words: readonly string[], endpoint: string, region: string): Promise<AwsRun> {
  const args = [
    ...words.slice(1),
    '--endpoint-url',
    endpoint,
    '--output',
    'json',
    '--cli-read-timeout',
    '30',
  ];
  return new Promise((resolve) => {
    execFile(
      'aws',
      args,
      { env: awsEnv(region), timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 255) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Check that `aws` is installed; the message says how to install it when it is not. */
export function checkAwsCli(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('aws', ['--version'], { env: awsEnv('us-east-1') }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new Error(
            'The aws CLI is not installed, and this test runs every runbook command with it. Install it with `apt-get install -y awscli` (or AWS CLI v2), then run the test again.',
          ),
        );
      } else resolve(`${stdout}${stderr}`.trim());
    });
  });
}
