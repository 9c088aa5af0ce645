import { readFile } from 'node:fs/promises';
import type { ZodType } from 'zod';
import { AppError } from '../api/errors';
import { parseDataFile } from './parse-data-file';

/**
 * Read a YAML/JSON data file and validate it (see {@link parseDataFile}).
 * A missing or unreadable file is `DATA_FILE_INVALID` naming the file and the reason.
 */
export async function loadDataFile<T>(file: string, schema: ZodType<T>, displayName = file): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new AppError('DATA_FILE_INVALID', `${displayName}: cannot read the file (${reason}).`, {
      file: displayName,
      field: null,
      line: null,
    });
  }
  return parseDataFile(displayName, text, schema);
}
