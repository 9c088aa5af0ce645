import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { RecordDraft } from '../api/calls/record';
import { AppError } from '../api/errors';
import type { AppEvent } from '../api/events';
import { ensurePrivateDir } from '../fs/ensure-private-dir';
import { isAlreadyExists, writeFileAtomic } from '../fs/write-file-atomic';
import { ENTRY } from '../incident/entry-types';
import type { IncidentService } from '../incident/incident-service';
import { composeRecord, emptyRecordForm } from './compose-record';
import type { EvidencePack, EvidenceVerification } from './evidence-types';
import { exportEvidencePack, verifyEvidencePack } from './evidence-pack';
import { recordFacts } from './record-facts';
import { fileStamp, recordBaseName } from './record-file-name';
import { renderRecordMarkdown } from './render-markdown';
import type { LessonsRecord, RecordForm, SavedRecord } from './types';
import { validateRecordForm } from './validate-record-form';

/** What the record service needs. */
export interface RecordServiceDeps {
  dataDir: string;
  incidents: IncidentService;
  emit: (event: AppEvent) => void;
  now?: () => Date;
}

/**
 * The lessons-learned record and the evidence pack (`core.records`). Records are written to
 * `<dataDir>/records/<stamp>-<id>-lessons-learned.{md,json}`, packs to `<dataDir>/evidence/`.
 */
export class RecordService {
  private readonly now: () => Date;

  constructor(private readonly deps: RecordServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Where records are saved. */
  get recordsDir(): string {
    return path.join(this.deps.dataDir, 'records');
  }

  /** Where evidence packs are exported. */
  get evidenceDir(): string {
    return path.join(this.deps.dataDir, 'evidence');
  }

  /** The facts from the journal, and the last saved form (or an empty one). */
  async draft(incidentId: string): Promise<RecordDraft> {
    const facts = await this.facts(incidentId);
    const saved = await this.list(incidentId);
    const lastSaved = saved[saved.length - 1] ?? null;
    let form = emptyRecordForm();
    if (lastSaved) {
      try {
        const previous = JSON.parse(await readFile(lastSaved.jsonPath, 'utf8')) as LessonsRecord;
        form = {
          summary: previous.summary ?? '',
          impact: previous.impact ?? '',
          wentWell: previous.wentWell ?? [],
          wentPoorly: previous.wentPoorly ?? [],
          rootCauses: previous.rootCauses ?? [],
          actionItems: previous.actionItems ?? [],
        };
      } catch {
        // An unreadable earlier record: start from an empty form.
      }
    }
    return { facts, form, lastSaved };
  }

  /** The record as it would be saved now, and its Markdown. Refuses invalid dates and owners. */
  async preview(incidentId: string, form: RecordForm): Promise<{ record: LessonsRecord; markdown: string }> {
    const record = await this.compose(incidentId, form);
    return { record, markdown: renderRecordMarkdown(record) };
  }

  /**
   * Save the record (Markdown and JSON) atomically under a new name, journal `record.saved`, and
   * complete the steps bound to `record.save`.
   */
  async save(incidentId: string, form: RecordForm, by?: string): Promise<SavedRecord> {
    const view = await this.deps.incidents.get(incidentId);
    if (view.readOnly) {
      throw new AppError(
        'TAMPERED',
        `${incidentId} is read-only (${view.integrity.message ?? 'its journal cannot be written'}); a record cannot be journaled for it. Export the evidence pack instead.`,
        { incidentId },
      );
    }
    const record = await this.compose(incidentId, form);
    await ensurePrivateDir(this.recordsDir);
    const stamp = fileStamp(new Date(record.savedAt));
    const markdown = renderRecordMarkdown(record);
    const json = `${JSON.stringify(record, null, 2)}\n`;
    for (let attempt = 1; attempt < 1000; attempt += 1) {
      const base = path.join(this.recordsDir, recordBaseName(stamp, incidentId, attempt));
      const markdownPath = `${base}.md`;
      const jsonPath = `${base}.json`;
      try {
        await writeFileAtomic(markdownPath, markdown, { exclusive: true });
      } catch (error) {
        if (isAlreadyExists(error)) continue;
        throw error;
      }
      try {
        await writeFileAtomic(jsonPath, json, { exclusive: true });
      } catch (error) {
        await unlink(markdownPath).catch(() => undefined);
        if (isAlreadyExists(error)) continue;
        throw error;
      }
      const state = await this.deps.incidents.state(incidentId);
      const actor = by ?? state.roles.commander;
      await this.deps.incidents.append(incidentId, {
        type: ENTRY.recordSaved,
        actor,
        data: { markdownPath, jsonPath, title: record.title },
      });
      await this.deps.incidents.completeAction(incidentId, 'record.save', path.basename(markdownPath), actor);
      return {
        title: record.title,
        savedAt: record.savedAt,
        markdownPath,
        jsonPath,
        folder: this.recordsDir,
      };
    }
    throw new AppError('CONFLICT', `Could not find a free record file name in ${this.recordsDir}.`);
  }

  /** The saved records of an incident, oldest first (read from the records folder). */
  async list(incidentId: string): Promise<SavedRecord[]> {
    await this.deps.incidents.state(incidentId);
    let names: string[];
    try {
      names = await readdir(this.recordsDir);
    } catch {
      return [];
    }
    const suffix = new RegExp(`^(\\d{8}T\\d{6}Z)-${incidentId}-lessons-learned(-\\d+)?\\.json$`);
    const out: SavedRecord[] = [];
    for (const name of names.sort()) {
      if (!suffix.test(name)) continue;
      const jsonPath = path.join(this.recordsDir, name);
      try {
        const record = JSON.parse(await readFile(jsonPath, 'utf8')) as LessonsRecord;
        out.push({
          title: record.title,
          savedAt: record.savedAt,
          jsonPath,
          markdownPath: jsonPath.replace(/\.json$/, '.md'),
          folder: this.recordsDir,
        });
      } catch {
        // Not a record this app wrote; ignore.
      }
    }
    return out.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.jsonPath.localeCompare(b.jsonPath));
  }

  /**
   * Export the evidence pack, journal it, and complete the steps bound to `record.evidence`. A
   * tampered incident's pack is exported as found, without journaling (its journal is read-only).
   */
  async evidence(incidentId: string, by?: string): Promise<EvidencePack> {
    const state = await this.deps.incidents.state(incidentId);
    const records = await this.list(incidentId);
    const pack = await exportEvidencePack({
      evidenceDir: this.evidenceDir,
      incidentId,
      journalFile: this.deps.incidents.journalPath(incidentId),
      recordFiles: records.flatMap((r) => [r.markdownPath, r.jsonPath]),
      now: this.now(),
    });
    // A tampered journal is exported as found (that is the evidence) but cannot be appended to.
    if ((await this.deps.incidents.get(incidentId)).readOnly) return pack;
    const actor = by ?? state.roles.commander;
    await this.deps.incidents.append(incidentId, {
      type: ENTRY.evidenceExported,
      actor,
      data: {
        dir: pack.dir,
        files: pack.files,
        journalHead: pack.journal.headHash,
        journalEntries: pack.journal.entries,
      },
    });
    await this.deps.incidents.completeAction(incidentId, 'record.evidence', path.basename(pack.dir), actor);
    return pack;
  }

  /** Re-verify an evidence pack folder. */
  verifyEvidence(dir: string): Promise<EvidenceVerification> {
    return verifyEvidencePack(path.resolve(dir));
  }

  /**
   * Ask the desktop shell to show a saved file's folder. Only paths inside the data folder are
   * accepted; the event is acted on by the Electron main process (in a browser the path is shown).
   */
  openFolder(target: string): { folder: string } {
    const resolved = path.resolve(this.deps.dataDir, target);
    const relative = path.relative(path.resolve(this.deps.dataDir), resolved);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new AppError('FORBIDDEN', 'Only folders inside the data folder can be opened from the app.', {
        path: target,
      });
    }
    const folder = path.extname(resolved) === '' ? resolved : path.dirname(resolved);
    this.deps.emit({ type: 'shell.request', action: 'showFolder', target: folder });
    return { folder };
  }

  private async facts(incidentId: string) {
    const state = await this.deps.incidents.state(incidentId);
    const items = await this.deps.incidents.timeline(incidentId);
    return recordFacts(state, items, this.now());
  }

  private async compose(incidentId: string, form: RecordForm): Promise<LessonsRecord> {
    const facts = await this.facts(incidentId);
    const problems = validateRecordForm(form, facts.declaredAt);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new AppError(
        'INVALID_INPUT',
        `The record cannot be saved: ${first.field} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}.`,
        { problems },
      );
    }
    return composeRecord(facts, form, this.now());
  }
}
