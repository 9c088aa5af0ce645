import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../electron/core/api/events';
import type { AppError } from '../../../../electron/core/api/errors';
import { IncidentService } from '../../../../electron/core/incident/incident-service';
import { RecordService } from '../../../../electron/core/record/record-service';
import { emptyRecordForm } from '../../../../electron/core/record/compose-record';
import type { RecordForm } from '../../../../electron/core/record/types';
import { bundledProcedure, TIERS } from '../incident/support/fixtures';
import { rejectionOf } from '../../../support/rejection';

let dataDir: string;
let incidents: IncidentService;
let records: RecordService;
let events: AppEvent[];
const clock = { now: new Date('2026-11-26T03:15:00.000Z') };

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-record-'));
  events = [];
  clock.now = new Date('2026-11-26T03:15:00.000Z');
  const procedure = await bundledProcedure();
  incidents = new IncidentService({
    dataDir,
    procedure: async () => procedure,
    tiers: async () => TIERS,
    mode: () => ({ mode: 'TABLETOP', scenario: 'us-east-1-outage' }),
    emit: (e) => events.push(e),
    now: () => clock.now,
  });
  records = new RecordService({ dataDir, incidents, emit: (e) => events.push(e), now: () => clock.now });
});
afterEach(async () => {
  await incidents.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The AppError a call rejects with. */
const rejection = (promise: Promise<unknown>) => rejectionOf<AppError>(promise);

const FORM: RecordForm = {
  summary: 'us-east-1 lost S3 and RDS for 3 hours; we failed over to us-west-2.',
  impact: 'Checkout unavailable for 47 minutes.',
  wentWell: ['Replicated backups were in place', ''],
  wentPoorly: ['The orders-db restore took longer than its RTO'],
  rootCauses: ['AWS regional outage'],
  actionItems: [
    { title: 'Add a read replica for orders-db in us-west-2', owner: 'Dee Park', due: '2026-12-15' },
  ],
};

async function incidentWithRecovery() {
  const view = await incidents.declare({
    title: 'us-east-1 outage',
    severity: 'SEV1',
    commander: 'Ana Ruiz',
  });
  const id = view.state.id;
  await incidents.append(id, {
    type: 'recover.call.completed',
    actor: 'system',
    data: {
      callId: 'c1',
      requestId: 'a1b2-req',
      service: 'rds',
      operation: 'RestoreDBInstanceToPointInTime',
      resourceId: 'orders-db',
    },
  });
  await incidents.append(id, {
    type: 'recover.call.completed',
    actor: 'system',
    data: {
      callId: 'c2',
      requestId: 'c3d4-req',
      service: 'dynamodb',
      operation: 'RestoreTableToPointInTime',
      resourceId: 'sessions',
    },
  });
  await incidents.append(id, {
    type: 'validate.completed',
    actor: 'system',
    data: {
      resources: [
        {
          resourceId: 'orders-db',
          tier: 'critical',
          achievedRtoMinutes: 150,
          achievedRpoMinutes: 5,
          ok: true,
        },
      ],
    },
  });
  return id;
}

describe('RecordService', () => {
  it('saves Markdown and JSON named <UTC stamp>-<id>-lessons-learned, 0600, with journal facts, and journals it', async () => {
    const id = await incidentWithRecovery();
    const saved = await records.save(id, FORM);
    expect(path.basename(saved.markdownPath)).toBe('20261126T031500Z-DR-20261126-01-lessons-learned.md');
    expect(path.basename(saved.jsonPath)).toBe('20261126T031500Z-DR-20261126-01-lessons-learned.json');
    expect((await stat(saved.markdownPath)).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dataDir, 'records'))).mode & 0o777).toBe(0o700);
    const md = await readFile(saved.markdownPath, 'utf8');
    expect(md).toContain('# Tabletop exercise: Lessons learned: us-east-1 outage (DR-20261126-01)');
    expect(md).toContain(
      '| orders-db | rds | critical | 2 h 00 min | 2 h 30 min | 15 min | 5 min | **missed** | yes |',
    );
    expect(md).toContain(
      '| sessions | dynamodb | - | not measured | not measured | not measured | not measured | not measured | not validated |',
    );
    expect(md).toContain('`a1b2-req`');
    expect(md).toContain('`c3d4-req`');
    expect(md).toContain('| Add a read replica for orders-db in us-west-2 | Dee Park | 2026-12-15 |');
    const json = JSON.parse(await readFile(saved.jsonPath, 'utf8')) as {
      wentWell: string[];
      facts: { requestIds: unknown[] };
    };
    expect(json.wentWell).toEqual(['Replicated backups were in place']);
    expect(json.facts.requestIds).toHaveLength(2);
    const state = await incidents.state(id);
    expect(state.records).toHaveLength(1);
    expect(state.steps['write-record']?.status).toBe('done');
  });

  it('never overwrites: a second save in the same second gets a distinct name, both files intact', async () => {
    const id = await incidentWithRecovery();
    const first = await records.save(id, FORM);
    const firstText = await readFile(first.markdownPath, 'utf8');
    const second = await records.save(id, { ...FORM, summary: 'Second version' });
    expect(path.basename(second.markdownPath)).toBe('20261126T031500Z-DR-20261126-01-lessons-learned-2.md');
    expect(await readFile(first.markdownPath, 'utf8')).toBe(firstText);
    expect(await readFile(second.markdownPath, 'utf8')).toContain('Second version');
    // A file someone else put there under the next name is not replaced either.
    await writeFile(
      path.join(dataDir, 'records', '20261126T031500Z-DR-20261126-01-lessons-learned-3.md'),
      'not ours',
    );
    const third = await records.save(id, FORM);
    expect(path.basename(third.markdownPath)).toBe('20261126T031500Z-DR-20261126-01-lessons-learned-4.md');
    expect(
      await readFile(
        path.join(dataDir, 'records', '20261126T031500Z-DR-20261126-01-lessons-learned-3.md'),
        'utf8',
      ),
    ).toBe('not ours');
    expect((await records.list(id)).map((r) => path.basename(r.jsonPath))).toHaveLength(3);
    const names = await readdir(path.join(dataDir, 'records'));
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [{ title: 'x', owner: 'Dee', due: '2026-02-30' }, 'actionItems[0].due', 'not a date'],
    [{ title: 'x', owner: 'Dee', due: '15/12/2026' }, 'actionItems[0].due', 'YYYY-MM-DD'],
    [{ title: 'x', owner: 'Dee', due: '2026-11-01' }, 'actionItems[0].due', 'before the incident started'],
    [{ title: 'x', owner: '', due: '2026-12-01' }, 'actionItems[0].owner', 'needs an owner'],
    [{ title: 'x', owner: 'TBD', due: '2026-12-01' }, 'actionItems[0].owner', 'placeholder'],
    [{ title: 'x', owner: '1234', due: '2026-12-01' }, 'actionItems[0].owner', 'not a name'],
    [{ title: 'x', owner: 'dee@', due: '2026-12-01' }, 'actionItems[0].owner', 'not a valid e-mail'],
    [{ title: ' ', owner: 'Dee', due: '2026-12-01' }, 'actionItems[0].title', 'is empty'],
  ])(
    'refuses invalid action item %o, saving nothing and journaling nothing',
    async (item, field, message) => {
      const id = await incidentWithRecovery();
      const before = (await incidents.entries(id)).length;
      const error = await rejection(records.save(id, { ...emptyRecordForm(), actionItems: [item] }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain(field);
      expect(error.message).toContain(message);
      expect((await incidents.entries(id)).length).toBe(before);
      await expect(readdir(path.join(dataDir, 'records'))).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );

  it('drafts from the journal and prefills the last saved form', async () => {
    const id = await incidentWithRecovery();
    const empty = await records.draft(id);
    expect(empty.form).toEqual(emptyRecordForm());
    expect(empty.facts.requestIds.map((r) => r.requestId)).toEqual(['a1b2-req', 'c3d4-req']);
    expect(empty.facts.exercise).toBe(true);
    await records.save(id, FORM);
    const again = await records.draft(id);
    expect(again.form.summary).toBe(FORM.summary);
    expect(again.lastSaved?.markdownPath).toContain('lessons-learned.md');
  });

  it('exports an evidence pack that verifies, and detects any change to it', async () => {
    const id = await incidentWithRecovery();
    await records.save(id, FORM);
    const pack = await records.evidence(id);
    expect(path.basename(pack.dir)).toBe('DR-20261126-01-20261126T031500Z');
    expect(pack.files).toEqual(expect.arrayContaining(['journal.jsonl', 'manifest.sha256', 'pack.json']));
    expect(pack.files.filter((f) => f.endsWith('.md'))).toHaveLength(1);
    const ok = await records.verifyEvidence(pack.dir);
    expect(ok).toMatchObject({ ok: true, problems: [], journal: { status: 'ok' } });
    expect((await incidents.state(id)).steps['evidence-pack']?.status).toBe('done');

    const second = await records.evidence(id);
    expect(path.basename(second.dir)).toBe('DR-20261126-01-20261126T031500Z-2');

    const md = pack.files.find((f) => f.endsWith('.md'))!;
    await writeFile(path.join(pack.dir, md), 'edited');
    await writeFile(path.join(pack.dir, 'extra.txt'), 'x');
    const bad = await records.verifyEvidence(pack.dir);
    expect(bad.ok).toBe(false);
    expect(bad.problems.join('\n')).toContain(`${md} was changed`);
    expect(bad.problems.join('\n')).toContain('extra.txt is in the pack but not in the manifest');
  });

  it('refuses to save a record for a tampered incident, writing no file, but exports the altered journal as evidence', async () => {
    const id = await incidentWithRecovery();
    const file = incidents.journalPath(id);
    await incidents.close();
    await writeFile(file, (await readFile(file, 'utf8')).replace('a1b2-req', 'forged'));
    const procedure = await bundledProcedure();
    incidents = new IncidentService({
      dataDir,
      procedure: async () => procedure,
      tiers: async () => TIERS,
      mode: () => ({ mode: 'TABLETOP', scenario: 'us-east-1-outage' }),
      emit: (e) => events.push(e),
      now: () => clock.now,
    });
    const reopened = new RecordService({
      dataDir,
      incidents,
      emit: (e) => events.push(e),
      now: () => clock.now,
    });
    expect((await rejection(reopened.save(id, FORM))).code).toBe('TAMPERED');
    await expect(readdir(path.join(dataDir, 'records'))).rejects.toMatchObject({ code: 'ENOENT' });
    const pack = await reopened.evidence(id);
    expect(pack.journal.status).toBe('tampered');
    const check = await reopened.verifyEvidence(pack.dir);
    expect(check.journal.status).toBe('tampered');
    expect(check.ok).toBe(false);
  });

  it('refuses a folder that is not an evidence pack', async () => {
    expect((await rejection(records.verifyEvidence(dataDir))).code).toBe('NOT_FOUND');
  });

  it('opens only folders inside the data folder, through a shell request event', async () => {
    const id = await incidentWithRecovery();
    const saved = await records.save(id, FORM);
    expect(records.openFolder(saved.markdownPath)).toEqual({ folder: path.join(dataDir, 'records') });
    expect(events).toContainEqual({
      type: 'shell.request',
      action: 'showFolder',
      target: path.join(dataDir, 'records'),
    });
    expect(() => records.openFolder('/etc/passwd')).toThrow(/inside the data folder/);
    expect(() => records.openFolder(path.join(dataDir, '..', 'elsewhere'))).toThrow(/inside the data folder/);
  });
});
