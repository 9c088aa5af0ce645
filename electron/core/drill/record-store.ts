import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DrillHistory, DrillRecord } from '../api/calls/drill';
import { AppError } from '../api/errors';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { buildHistory } from './history';
import { renderDrillMarkdown } from './render-drill-markdown';

/** The file names of a drill record (PURE): `drill-20261126-041500-ab12.json` and `.md`. */
export function recordFiles(dir: string, id: string): { json: string; markdown: string } {
  return { json: path.join(dir, `${id}.json`), markdown: path.join(dir, `${id}.md`) };
}

/** True when a parsed value has the shape of a drill record (enough to list it). */
function isRecord(value: unknown): value is DrillRecord {
  const v = value as Partial<DrillRecord> | null;
  return (
    !!v &&
    typeof v.id === 'string' &&
    typeof v.startedAt === 'string' &&
    typeof v.quarter === 'string' &&
    Array.isArray(v.services) &&
    !!v.sweep
  );
}

/**
 * Drill records in a folder: written atomically as JSON (the data) and Markdown (for people)
 * side by side; read back for the history.
 */
export class DrillRecordStore {
  constructor(readonly dir: string) {}

  /** Write a record (JSON and Markdown) into this folder, or another one (`--report-dir`); answers the record with its file paths. */
  async write(record: Omit<DrillRecord, 'files'>, dir: string = this.dir): Promise<DrillRecord> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const files = recordFiles(path.resolve(dir), record.id);
    const full: DrillRecord = { ...record, files };
    await writeFileAtomic(files.json, `${JSON.stringify(full, null, 2)}\n`);
    await writeFileAtomic(files.markdown, renderDrillMarkdown(full));
    return full;
  }

  /** Read one record by id, with its Markdown. */
  async read(id: string): Promise<{ record: DrillRecord; markdown: string }> {
    const files = recordFiles(this.dir, id);
    let text: string;
    try {
      text = await readFile(files.json, 'utf8');
    } catch {
      throw new AppError('NOT_FOUND', `No drill record ${id} in ${this.dir}.`, { id });
    }
    const record: unknown = JSON.parse(text);
    if (!isRecord(record))
      throw new AppError('DATA_FILE_INVALID', `${files.json} is not a drill record.`, { file: files.json });
    const markdown = await readFile(files.markdown, 'utf8').catch(() => renderDrillMarkdown(record));
    return { record, markdown };
  }

  /** Every record in the folder, newest first, with results per quarter; unreadable files are named, not fatal. */
  async history(): Promise<DrillHistory> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return buildHistory([]);
    }
    const records: { record: DrillRecord; file: string }[] = [];
    const problems: string[] = [];
    for (const name of names.filter((n) => /^drill-.*\.json$/.test(n))) {
      const file = path.join(this.dir, name);
      try {
        const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
        if (isRecord(parsed)) records.push({ record: parsed, file });
        else problems.push(`${name}: not a drill record`);
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`);
      }
    }
    return buildHistory(records, problems);
  }
}
