import os from 'node:os';
import path from 'node:path';

/** The AWS config and credentials file paths, honouring `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`. */
export interface AwsConfigPaths {
  configFile: string;
  credentialsFile: string;
  /** The folder of the SSO token cache (`~/.aws/sso/cache`). */
  ssoCacheDir: string;
}

/** Resolve the AWS configuration paths the way the AWS CLI and SDK do. */
export function awsConfigPaths(env: NodeJS.ProcessEnv = process.env): AwsConfigPaths {
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  return {
    configFile: env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'),
    ssoCacheDir: path.join(home, '.aws', 'sso', 'cache'),
  };
}
