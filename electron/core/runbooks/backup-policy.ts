import path from 'node:path';
import { loadDataFile } from '../data/load-data-file';
import { backupPolicySchema, type BackupPolicy } from './backup-policy-schema';

export * from './backup-policy-schema';

/** The backup policy's file name inside the runbooks folder. */
export const BACKUP_POLICY_FILE = 'backup-policy.yaml';

/**
 * Load and validate the backup policy from `<runbooksDir>/backup-policy.yaml`.
 * Throws `AppError('DATA_FILE_INVALID')` naming the file, the field and the line.
 */
export async function loadBackupPolicy(runbooksDir: string): Promise<BackupPolicy> {
  return loadDataFile(
    path.join(runbooksDir, BACKUP_POLICY_FILE),
    backupPolicySchema,
    path.join('runbooks', BACKUP_POLICY_FILE),
  );
}
