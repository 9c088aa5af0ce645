import { access } from 'node:fs/promises';
import path from 'node:path';
import { loadDataFile } from '../data/load-data-file';
import { EMPTY_MAPPING, recoveryMappingSchema, toRecoveryMapping } from './mapping-schema';
import type { RecoveryMapping } from './types';

/** The mapping file's name in the data folder. */
export const MAPPING_FILE_NAME = 'recovery-mapping.yaml';

/**
 * Read `<dataDir>/recovery-mapping.yaml`. No file: the empty mapping (the plan then lists what
 * is missing). A malformed file: `DATA_FILE_INVALID` naming the file, field and line.
 */
export async function loadRecoveryMapping(
  dataDir: string,
): Promise<{ mapping: RecoveryMapping; file: string | null }> {
  const file = path.join(dataDir, MAPPING_FILE_NAME);
  try {
    await access(file);
  } catch {
    return { mapping: EMPTY_MAPPING, file: null };
  }
  const parsed = await loadDataFile(file, recoveryMappingSchema, MAPPING_FILE_NAME);
  return { mapping: toRecoveryMapping(parsed), file };
}
