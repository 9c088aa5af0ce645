import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../electron/core/api/events';
import type { AppError } from '../../../../electron/core/api/errors';
import { IncidentService } from '../../../../electron/core/incident/incident-service';
import { exportRecord, renderRecordHtml } from '../../../../electron/core/record/html-export';
import { RecordService } from '../../../../electron/core/record/record-service';
import type { LessonsRecord, RecordForm } from '../../../../electron/core/record/types';
import { bundledProcedure, TIERS } from '../incident/support/fixtures';
import { rejectionOf } from '../../../support/rejection';

let dataDir: string;
let incidents: IncidentService;
let records: RecordService;
let events: AppEvent[];

const FORM: RecordForm = {
  summary: 'Failed over to us-west-2. <script>alert(1)</script> & <img src=x onerror=alert(2)>',
  impact: 'Checkout unavailable for 47 minutes.',
  wentWell: ['Replicated backups were in place'],
  wentPoorly: ['Restore took longer than its RTO'],
  rootCauses: ['AWS regional outage'],
  actionItems: [{ title: 'Add a read replica', owner: 'Dee Park', due: '2026-12-15' }],
};

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-html-'));
  events = [];
  const procedure = await bundledProcedure();
  const now = () => new Date('2026-11-26T03:15:00.000Z');
  incidents = new IncidentService({
    dataDir,
    procedure: async () => procedure,
    tiers: async () => TIERS,
    mode: () => ({ mode: 'TABLETOP', scenario: 'us-east-1-outage' }),
    emit: (e) => events.push(e),
    now,
  });
  records = new RecordService({ dataDir, incidents, emit: (e) => events.push(e), now });
});

afterEach(async () => {
  await incidents.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function savedRecord() {
  const view = await incidents.declare({ title: 'Regional outage', severity: 'SEV1', commander: 'Ada' });
  const saved = await records.save(view.state.id, FORM);
  return { id: view.state.id, saved };
}

/** The AppError a call rejects with. */
const rejection = (promise: Promise<unknown>) => rejectionOf<AppError>(promise);

describe('renderRecordHtml', () => {
  it('is one standalone document: inline styles, a CSP without scripts, no external loads', async () => {
    const { saved } = await savedRecord();
    const record = JSON.parse(await readFile(saved.jsonPath, 'utf8')) as LessonsRecord;
    const html = renderRecordHtml(record);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('<table>');
    expect(html).toContain('Add a read replica');
  });

  it('escapes markup typed into the record', async () => {
    const { saved } = await savedRecord();
    const record = JSON.parse(await readFile(saved.jsonPath, 'utf8')) as LessonsRecord;
    const html = renderRecordHtml({ ...record, title: 'A <b>title</b>' });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<title>A &lt;b&gt;title&lt;/b&gt;</title>');
  });
});

describe('exportRecord', () => {
  const deps = (transport: 'ipc' | 'http') => ({
    list: (id: string) => records.list(id),
    transport,
    emit: (e: AppEvent) => events.push(e),
  });

  it('writes the HTML beside the latest saved record (browser mode too) and sends no PDF request', async () => {
    const { id, saved } = await savedRecord();
    const result = await exportRecord(deps('http'), { incidentId: id, format: 'html' });
    expect(result.htmlPath).toBe(saved.jsonPath.replace(/\.json$/, '.html'));
    expect(result.pdfPath).toBeNull();
    expect(await readFile(result.htmlPath, 'utf8')).toContain('<h1>');
    expect(events.some((e) => e.type === 'record.pdf')).toBe(false);
  });

  it('asks the desktop shell for a PDF beside the record', async () => {
    const { id, saved } = await savedRecord();
    const result = await exportRecord(deps('ipc'), { incidentId: id, format: 'pdf' });
    const pdfPath = saved.jsonPath.replace(/\.json$/, '.pdf');
    expect(result.pdfPath).toBe(pdfPath);
    expect(events.at(-1)).toEqual({ type: 'record.pdf', incidentId: id, htmlPath: result.htmlPath, pdfPath });
  });

  it('refuses a PDF in browser mode with what to do instead', async () => {
    const { id } = await savedRecord();
    const error = await rejection(exportRecord(deps('http'), { incidentId: id, format: 'pdf' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('export HTML');
  });

  it('says to save first when there is no record, and names a path that is not a record', async () => {
    const view = await incidents.declare({ title: 'Nothing saved', severity: 'SEV2', commander: 'Ada' });
    const none = await rejection(exportRecord(deps('ipc'), { incidentId: view.state.id, format: 'html' }));
    expect(none.code).toBe('NOT_FOUND');
    expect(none.message).toContain('save the record first');
    const { id } = await savedRecord();
    const wrong = await rejection(
      exportRecord(deps('ipc'), { incidentId: id, format: 'html', jsonPath: path.join(dataDir, 'x.json') }),
    );
    expect(wrong.message).toContain('is not a saved record');
  });

  it('reports an unreadable record file', async () => {
    const { id, saved } = await savedRecord();
    await writeFile(saved.jsonPath, '{ not json');
    const error = await rejection(exportRecord(deps('ipc'), { incidentId: id, format: 'html' }));
    // An unreadable record is skipped by the list, so it is reported as missing or corrupt.
    expect(['NOT_FOUND', 'DATA_FILE_INVALID']).toContain(error.code);
  });
});
