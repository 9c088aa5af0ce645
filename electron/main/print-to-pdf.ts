import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { AppEvent } from '../core/api/events';
import { writeFileAtomic } from '../core/fs/write-file-atomic';

/** The part of a hidden `BrowserWindow` the printer uses. */
export interface PrintWindow {
  loadFile(file: string): Promise<void>;
  webContents: {
    printToPDF(options: {
      printBackground: boolean;
      pageSize: 'A4';
      displayHeaderFooter: boolean;
      generateTaggedPDF: boolean;
    }): Promise<Uint8Array>;
  };
  destroy(): void;
}

/** What {@link printHtmlToPdf} needs (Electron in the app, fakes in tests). */
export interface PdfDeps {
  /** A hidden, sandboxed window with JavaScript off. */
  createWindow(): PrintWindow;
  writeFile(file: string, data: Uint8Array): Promise<void>;
}

/** True when `file` is inside `dir` (pure). */
export function isInside(dir: string, file: string): boolean {
  const root = path.resolve(dir);
  const target = path.resolve(file);
  return target.startsWith(root + path.sep);
}

/** Load the HTML file in a hidden window, print it to A4 with `printToPDF`, write the PDF; the window is always destroyed. */
export async function printHtmlToPdf(deps: PdfDeps, htmlPath: string, pdfPath: string): Promise<void> {
  const window = deps.createWindow();
  try {
    await window.loadFile(htmlPath);
    const pdf = await window.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      displayHeaderFooter: false,
      generateTaggedPDF: true,
    });
    await deps.writeFile(pdfPath, pdf);
  } finally {
    window.destroy();
  }
}

/** The core side the PDF handler talks to. */
export interface PdfCore {
  dataDir: string;
  subscribe(listener: (event: AppEvent) => void): () => void;
  emit(event: AppEvent): void;
}

/**
 * Act on the core's `record.pdf` requests: print the record's HTML export to the PDF path (both
 * must be inside the data folder; anything else is refused), then report the outcome as a notice.
 * Returns the unsubscribe function.
 */
export function handlePdfRequests(core: PdfCore, deps: PdfDeps): () => void {
  return core.subscribe((event) => {
    if (event.type !== 'record.pdf') return;
    if (!isInside(core.dataDir, event.htmlPath) || !isInside(core.dataDir, event.pdfPath)) {
      core.emit({
        type: 'app.notice',
        level: 'warning',
        message: `Refused to print ${event.htmlPath} to PDF: only records inside the data folder are printed.`,
      });
      return;
    }
    void printHtmlToPdf(deps, event.htmlPath, event.pdfPath).then(
      () =>
        core.emit({
          type: 'app.notice',
          level: 'info',
          message: `Saved the record as PDF: ${event.pdfPath}`,
        }),
      (error: unknown) =>
        core.emit({
          type: 'app.notice',
          level: 'error',
          message: `The PDF of ${event.incidentId}'s record could not be written (${
            error instanceof Error ? error.message : String(error)
          }). The HTML export beside it can be printed from a browser: ${event.htmlPath}`,
        }),
    );
  });
}

/** The printer's Electron side: a hidden sandboxed window with JavaScript off, and an atomic write. */
export function electronPdfDeps(): PdfDeps {
  return {
    createWindow: () =>
      new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false },
      }),
    writeFile: (file, data) => writeFileAtomic(file, data),
  };
}
