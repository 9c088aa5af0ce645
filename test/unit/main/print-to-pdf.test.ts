import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../electron/core/api/events';

/** A mocked `electron`: BrowserWindow records how it was built and prints a fixed PDF. */
const electron = vi.hoisted(() => {
  const built: unknown[] = [];
  class BrowserWindow {
    loaded: string | null = null;
    destroyed = false;
    webContents = {
      printToPDF: vi.fn(async () => new TextEncoder().encode('%PDF-1.7 fake')),
    };
    constructor(options: unknown) {
      built.push(options);
    }
    async loadFile(file: string) {
      this.loaded = file;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { BrowserWindow, built };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const { electronPdfDeps, handlePdfRequests, isInside, printHtmlToPdf } =
  await import('../../../electron/main/print-to-pdf');

describe('print-to-pdf', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-pdf-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints in a hidden, sandboxed window without JavaScript and writes the PDF', async () => {
    const pdfPath = path.join(dataDir, 'record.pdf');
    await printHtmlToPdf(electronPdfDeps(), path.join(dataDir, 'record.html'), pdfPath);
    expect(electron.built.at(-1)).toEqual({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false },
    });
    expect(await readFile(pdfPath, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('destroys the window even when printing fails', async () => {
    const window = {
      loadFile: vi.fn(async () => undefined),
      webContents: { printToPDF: vi.fn(async () => Promise.reject(new Error('printer gone'))) },
      destroy: vi.fn(),
    };
    await expect(
      printHtmlToPdf({ createWindow: () => window, writeFile: vi.fn() }, 'a.html', 'a.pdf'),
    ).rejects.toThrow('printer gone');
    expect(window.destroy).toHaveBeenCalledOnce();
  });

  it('isInside accepts only paths below the folder', () => {
    expect(isInside('/data', '/data/records/x.pdf')).toBe(true);
    expect(isInside('/data', '/data')).toBe(false);
    expect(isInside('/data', '/data/../etc/passwd')).toBe(false);
    expect(isInside('/data', '/database/x.pdf')).toBe(false);
  });

  function harness(writeFile = vi.fn(async () => undefined)) {
    let listener: ((event: AppEvent) => void) | null = null;
    const emitted: AppEvent[] = [];
    const window = {
      loadFile: vi.fn(async () => undefined),
      webContents: { printToPDF: vi.fn(async () => new Uint8Array([1, 2, 3])) },
      destroy: vi.fn(),
    };
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    handlePdfRequests(
      {
        dataDir,
        subscribe: (l) => {
          listener = l;
          return () => (listener = null);
        },
        emit: (event) => {
          emitted.push(event);
          settle();
        },
      },
      { createWindow: () => window, writeFile },
    );
    return { send: (e: AppEvent) => listener?.(e), emitted, window, settled, writeFile };
  }

  it('answers a record.pdf request inside the data folder with a notice naming the PDF', async () => {
    const h = harness();
    const pdfPath = path.join(dataDir, 'records', 'r.pdf');
    h.send({
      type: 'record.pdf',
      incidentId: 'DR-20261126-01',
      htmlPath: path.join(dataDir, 'records', 'r.html'),
      pdfPath,
    });
    await h.settled;
    expect(h.writeFile).toHaveBeenCalledWith(pdfPath, new Uint8Array([1, 2, 3]));
    expect(h.emitted).toEqual([
      { type: 'app.notice', level: 'info', message: `Saved the record as PDF: ${pdfPath}` },
    ]);
  });

  it('refuses paths outside the data folder without printing', async () => {
    const h = harness();
    h.send({
      type: 'record.pdf',
      incidentId: 'DR-20261126-01',
      htmlPath: '/etc/hosts',
      pdfPath: path.join(dataDir, 'x.pdf'),
    });
    await h.settled;
    expect(h.window.loadFile).not.toHaveBeenCalled();
    expect(h.emitted[0]).toMatchObject({ type: 'app.notice', level: 'warning' });
  });

  it('reports a failed write as an error notice that points to the HTML', async () => {
    const h = harness(vi.fn(async () => Promise.reject(new Error('disk full'))));
    const htmlPath = path.join(dataDir, 'r.html');
    h.send({
      type: 'record.pdf',
      incidentId: 'DR-20261126-01',
      htmlPath,
      pdfPath: path.join(dataDir, 'r.pdf'),
    });
    await h.settled;
    const notice = h.emitted[0] as Extract<AppEvent, { type: 'app.notice' }>;
    expect(notice.level).toBe('error');
    expect(notice.message).toContain('disk full');
    expect(notice.message).toContain(htmlPath);
  });
});
