import path from 'node:path';
import { loadDataFile } from '../data/load-data-file';
import { procedureSchema, type Procedure } from './procedure-schema';

/** The procedure's file name inside the runbooks folder. */
export const PROCEDURE_FILE = 'dr-procedure.yaml';

/**
 * Load and validate the DR procedure from `<runbooksDir>/dr-procedure.yaml`.
 * Throws `AppError('DATA_FILE_INVALID')` naming the file, the field and the line.
 */
export async function loadProcedure(runbooksDir: string): Promise<Procedure> {
  return loadDataFile(
    path.join(runbooksDir, PROCEDURE_FILE),
    procedureSchema,
    path.join('runbooks', PROCEDURE_FILE),
  );
}
