import { access } from 'node:fs/promises';
import path from 'node:path';
import { loadDataFile } from '../data/load-data-file';
import { MAPPING_FILE_NAME } from '../recover/load-mapping';
import { recoveryMappingSchema } from '../recover/mapping-schema';
import type { ProbeSpec } from './types';

/**
 * The custom probes of `<dataDir>/recovery-mapping.yaml` (`probes:`); none without the file.
 * A malformed file: `DATA_FILE_INVALID` naming the field and line.
 */
export async function loadProbes(dataDir: string): Promise<ProbeSpec[]> {
  const file = path.join(dataDir, MAPPING_FILE_NAME);
  try {
    await access(file);
  } catch {
    return [];
  }
  const parsed = await loadDataFile(file, recoveryMappingSchema, MAPPING_FILE_NAME);
  return parsed.probes ?? [];
}
