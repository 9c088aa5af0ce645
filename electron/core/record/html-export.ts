/**
 * The lessons-learned record as a standalone HTML file (inline CSS, no scripts, no external
 * resources) written next to the saved record; and the request for a PDF of it, which the
 * desktop shell fulfils with Electron's `printToPDF` (browser mode has no PDF printer).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import type { RecordExport } from '../api/calls/record';
import { AppError } from '../api/errors';
import type { AppEvent } from '../api/events';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { renderRecordMarkdown } from './render-markdown';
import type { LessonsRecord, SavedRecord } from './types';

export type { RecordExport };

/** The styles of the exported file (printed as is by `printToPDF`). */
const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, sans-serif; color: #1b1f24;
  background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 0.5rem; border-bottom: 1px solid #c9d3dd; padding-bottom: 0.2rem;
  break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.9em; }
th, td { border: 1px solid #c9d3dd; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
tr { break-inside: avoid; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
blockquote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #b26b00; background: #fff7e6; }
footer { margin-top: 2rem; color: #4f5b67; font-size: 0.85em; }
@page { margin: 16mm 14mm; }
`;

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * The record as one self-contained HTML document (pure). The body is the saved Markdown rendered
 * with raw HTML disabled, so nothing typed into the record can add markup or scripts; a CSP in the
 * file forbids scripts and every external load.
 */
export function renderRecordHtml(record: LessonsRecord): string {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const body = md.render(renderRecordMarkdown(record));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="DR War Room">
<title>${escapeHtml(record.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}</main>
<footer>Exported from DR War Room at ${escapeHtml(record.savedAt)} (UTC). The Markdown and JSON beside this file are the record of reference.</footer>
</body>
</html>
`;
}

/** The HTML file beside a saved record (`….json` → `….html`) (pure). */
export function htmlPathFor(saved: Pick<SavedRecord, 'jsonPath'>): string {
  return saved.jsonPath.replace(/\.json$/, '.html');
}

/** The PDF file beside a saved record (`….json` → `….pdf`) (pure). */
export function pdfPathFor(saved: Pick<SavedRecord, 'jsonPath'>): string {
  return saved.jsonPath.replace(/\.json$/, '.pdf');
}

/** What {@link exportRecord} needs. */
export interface RecordExportDeps {
  /** The saved records of an incident, oldest first. */
  list(incidentId: string): Promise<SavedRecord[]>;
  /** How the UI reaches the core: a PDF needs the desktop shell (`ipc`). */
  transport: 'ipc' | 'http';
  emit(event: AppEvent): void;
}

/**
 * Export the latest saved record of an incident (or the one named by `jsonPath`) as standalone
 * HTML next to it; for `pdf`, also ask the desktop shell to print that HTML to a PDF beside it
 * (a `record.pdf` event; the shell reports the result as a notice).
 */
export async function exportRecord(
  deps: RecordExportDeps,
  input: { incidentId: string; format: 'html' | 'pdf'; jsonPath?: string },
): Promise<RecordExport> {
  if (input.format === 'pdf' && deps.transport !== 'ipc') {
    throw new AppError(
      'CONFLICT',
      'PDF export needs the desktop app (it prints with Electron). Here, export HTML and print it to PDF from the browser.',
      { format: 'pdf', transport: deps.transport },
    );
  }
  const saved = await deps.list(input.incidentId);
  const chosen = input.jsonPath
    ? saved.find((s) => path.resolve(s.jsonPath) === path.resolve(input.jsonPath!))
    : saved[saved.length - 1];
  if (!chosen) {
    throw new AppError(
      'NOT_FOUND',
      input.jsonPath
        ? `${input.jsonPath} is not a saved record of ${input.incidentId}: pick one from the record list.`
        : `${input.incidentId} has no saved record yet: save the record first, then export it.`,
      { incidentId: input.incidentId },
    );
  }
  let record: LessonsRecord;
  try {
    record = JSON.parse(await readFile(chosen.jsonPath, 'utf8')) as LessonsRecord;
  } catch (error) {
    throw new AppError(
      'DATA_FILE_INVALID',
      `The saved record ${chosen.jsonPath} could not be read (${error instanceof Error ? error.message : String(error)}): save the record again.`,
      { jsonPath: chosen.jsonPath },
    );
  }
  const htmlPath = htmlPathFor(chosen);
  await writeFileAtomic(htmlPath, renderRecordHtml(record));
  const pdfPath = input.format === 'pdf' ? pdfPathFor(chosen) : null;
  if (pdfPath) deps.emit({ type: 'record.pdf', incidentId: input.incidentId, htmlPath, pdfPath });
  return {
    format: input.format,
    htmlPath,
    pdfPath,
    record: { title: chosen.title, savedAt: chosen.savedAt, jsonPath: chosen.jsonPath },
  };
}
