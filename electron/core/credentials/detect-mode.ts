import { loadSharedConfigFiles } from '@smithy/core/config';
import type { AppMode } from '../api/calls/app';
import { awsConfigPaths } from './aws-config-paths';

/** The chosen mode and the reason, for the header and the log. */
export interface ModeDecision {
  mode: AppMode;
  reason: string;
}

/**
 * LIVE when the machine has AWS credentials configured (a profile in the AWS config or
 * credentials file, or keys in the environment); TABLETOP otherwise.
 */
export async function detectMode(env: NodeJS.ProcessEnv = process.env): Promise<ModeDecision> {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { mode: 'LIVE', reason: 'AWS credentials are set in the environment.' };
  }
  const paths = awsConfigPaths(env);
  try {
    const files = await loadSharedConfigFiles({
      filepath: paths.credentialsFile,
      configFilepath: paths.configFile,
      ignoreCache: true,
    });
    const sections = new Set([...Object.keys(files.configFile), ...Object.keys(files.credentialsFile)]);
    if (sections.size > 0) {
      // `sso-session.NAME` and `services.NAME` sections are configuration, not profiles.
      const count = [...sections].filter((name) => !name.includes('.')).length;
      return {
        mode: 'LIVE',
        reason: `${count} AWS profile${count === 1 ? '' : 's'} found in ${paths.configFile}.`,
      };
    }
  } catch {
    // An unreadable configuration is reported by the credentials screen; here it only means no profiles.
  }
  return {
    mode: 'TABLETOP',
    reason: 'No AWS credentials are configured on this machine, so the app runs a tabletop exercise.',
  };
}
