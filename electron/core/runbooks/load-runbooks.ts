import type MarkdownIt from 'markdown-it';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '../api/errors';
import { parseRunbook, type ParsedRunbook } from './parse-runbook';
import type { RunbookProblem } from './runbook-view';

/** The largest runbook file read (a runbook is a few pages; anything bigger is a mistake). */
export const MAX_RUNBOOK_BYTES = 1024 * 1024;

/** The bundled procedures' folder inside the runbooks folder. */
export const PROCEDURES_DIR = 'procedures';

/** Where runbooks are read from. */
export interface RunbookSources {
  /** The bundled runbooks folder (its `procedures/*.md`). */
  runbooksDir: string;
  /** The organisation's own runbooks (`<dataDir>/runbooks/*.md`); same id overrides the bundled one. */
  overlayDir?: string;
}

/** A runbook and where it came from. */
export interface LoadedRunbook extends ParsedRunbook {
  source: 'bundled' | 'overlay';
  /** The file relative to its folder (`procedures/s3-version-rollback.md`, or `s3-version-rollback.md`). */
  relativeFile: string;
}

/**
 * Parsed files by path, reused while a file's size and modification time are unchanged, so a
 * reload re-reads only what was edited.
 */
export type RunbookParseCache = Map<string, { mtimeMs: number; size: number; parsed: ParsedRunbook }>;

/** Every runbook that loaded, and every problem found. */
export interface RunbookLoad {
  runbooks: LoadedRunbook[];
  problems: RunbookProblem[];
}

function problemFrom(file: string, error: unknown): RunbookProblem {
  if (isAppError(error)) {
    const detail = error.detail ?? {};
    return {
      file,
      field: typeof detail.field === 'string' ? detail.field : null,
      line: typeof detail.line === 'number' ? detail.line : null,
      message: error.message,
      severity: 'error',
    };
  }
  return {
    file,
    field: null,
    line: null,
    message: `${file}: cannot be read (${error instanceof Error ? error.message : String(error)}). Check the file and reload.`,
    severity: 'error',
  };
}

async function markdownFiles(dir: string): Promise<string[] | null> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter(
        (entry) =>
          (entry.isFile() || entry.isSymbolicLink()) &&
          entry.name.endsWith('.md') &&
          !entry.name.startsWith('.'),
      )
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function loadFolder(
  md: MarkdownIt,
  dir: string,
  displayDir: string,
  relativeDir: string,
  source: LoadedRunbook['source'],
  load: RunbookLoad,
  cache: RunbookParseCache | undefined,
): Promise<LoadedRunbook[]> {
  let names: string[] | null;
  try {
    names = await markdownFiles(dir);
  } catch (error) {
    load.problems.push(problemFrom(displayDir, error));
    return [];
  }
  if (names === null) {
    if (source === 'bundled') {
      load.problems.push({
        file: displayDir,
        field: null,
        line: null,
        message: `${displayDir}: the bundled runbooks folder is missing. Reinstall the app.`,
        severity: 'error',
      });
    }
    return [];
  }
  const loaded = await Promise.all(
    names.map(async (name) => {
      const file = path.join(displayDir, name);
      try {
        const full = path.join(dir, name);
        const { size, mtimeMs } = await stat(full);
        if (size > MAX_RUNBOOK_BYTES) {
          throw new AppError(
            'DATA_FILE_INVALID',
            `${file}: the file is ${Math.round(size / 1024)} KB; a runbook may be at most ${MAX_RUNBOOK_BYTES / 1024} KB. Split it or remove what is not a runbook.`,
            { file, field: null, line: null },
          );
        }
        const cached = cache?.get(full);
        let parsed: ParsedRunbook;
        if (cached && cached.size === size && cached.mtimeMs === mtimeMs && cached.parsed.file === file) {
          parsed = cached.parsed;
        } else {
          cache?.delete(full);
          parsed = parseRunbook(md, file, await readFile(full, 'utf8'));
          cache?.set(full, { size, mtimeMs, parsed });
        }
        return { ...parsed, source, relativeFile: path.join(relativeDir, name) } satisfies LoadedRunbook;
      } catch (error) {
        load.problems.push(problemFrom(file, error));
        return null;
      }
    }),
  );
  return loaded.filter((runbook): runbook is LoadedRunbook => runbook !== null);
}

/**
 * Load every runbook: the bundled ones, then the overlay's, which replace bundled runbooks with
 * the same id. A broken file becomes a problem naming the file and the field; every other file
 * still loads. Links to runbooks that do not exist are reported as warnings.
 */
export async function loadRunbooks(
  md: MarkdownIt,
  sources: RunbookSources,
  cache?: RunbookParseCache,
): Promise<RunbookLoad> {
  const load: RunbookLoad = { runbooks: [], problems: [] };
  const bundledDir = path.join(sources.runbooksDir, PROCEDURES_DIR);
  const bundled = await loadFolder(
    md,
    bundledDir,
    path.join('runbooks', PROCEDURES_DIR),
    PROCEDURES_DIR,
    'bundled',
    load,
    cache,
  );
  const overlay = sources.overlayDir
    ? await loadFolder(md, sources.overlayDir, sources.overlayDir, '', 'overlay', load, cache)
    : [];
  if (cache) {
    const present = new Set(
      [...bundled, ...overlay].map((r) =>
        path.join(r.source === 'bundled' ? bundledDir : sources.overlayDir!, path.basename(r.relativeFile)),
      ),
    );
    for (const key of [...cache.keys()]) if (!present.has(key)) cache.delete(key);
  }
  const byId = new Map<string, LoadedRunbook>();
  for (const runbook of [...bundled, ...overlay]) byId.set(runbook.meta.id, runbook);
  load.runbooks = [...byId.values()];
  for (const runbook of load.runbooks) {
    load.problems.push(...runbook.warnings);
    for (const target of runbook.links) {
      if (!byId.has(target)) {
        load.problems.push({
          file: runbook.file,
          field: 'body',
          line: null,
          message: `${runbook.file}: links to runbook "${target}", which does not exist. Fix the link's id.`,
          severity: 'warning',
        });
      }
    }
  }
  load.problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return load;
}
