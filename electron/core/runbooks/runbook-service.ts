import { access } from 'node:fs/promises';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import { loadDataFile } from '../data/load-data-file';
import { BACKUP_POLICY_FILE, backupPolicySchema, loadBackupPolicy, type BackupPolicy } from './backup-policy';
import { loadRunbooks, type RunbookParseCache } from './load-runbooks';
import { createRunbookMarkdown } from './render-markdown';
import { RunbookCatalog } from './runbook-catalog';

/** The primary and secondary regions, as the DR procedure names them. */
export interface ProcedureRegions {
  primary: string;
  secondary: string;
}

/** Where the service reads from, and how it learns the procedure's regions. */
export interface RunbookServiceOptions {
  /** The bundled runbooks folder. */
  runbooksDir: string;
  /** The organisation's overlay folder (`<dataDir>/runbooks`): runbooks and an optional backup-policy.yaml. */
  overlayDir: string;
  /** The procedure's regions (null when the procedure file is broken). */
  regions: () => Promise<ProcedureRegions | null>;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The core's runbook library: loads the runbooks once (bundled + overlay), keeps the search
 * index, fills `<primary-region>`/`<secondary-region>` from the DR procedure, and serves the
 * backup policy (the overlay's `backup-policy.yaml` replaces the bundled one when present).
 */
export class RunbookService {
  private readonly md: MarkdownIt = createRunbookMarkdown();
  private current: Promise<RunbookCatalog> | null = null;
  private currentPolicy: Promise<BackupPolicy> | null = null;
  private readonly parseCache: RunbookParseCache = new Map();

  constructor(private readonly options: RunbookServiceOptions) {}

  /** The loaded runbooks (loaded on first use). Never throws for a broken file: see `problems`. */
  catalog(): Promise<RunbookCatalog> {
    this.current ??= this.load();
    return this.current;
  }

  /** Re-read every runbook and the backup policy from disk. */
  async reload(): Promise<RunbookCatalog> {
    this.current = this.load();
    this.currentPolicy = null;
    return this.current;
  }

  /** The backup policy. Throws `DATA_FILE_INVALID` naming the file and field when it is broken. */
  policy(): Promise<BackupPolicy> {
    this.currentPolicy ??= this.loadPolicy();
    const pending = this.currentPolicy;
    pending.catch(() => {
      if (this.currentPolicy === pending) this.currentPolicy = null;
    });
    return pending;
  }

  /** The placeholder values every runbook gets: the procedure's regions. */
  async defaultValues(): Promise<Record<string, string>> {
    const regions = await this.options.regions().catch(() => null);
    return regions ? { 'primary-region': regions.primary, 'secondary-region': regions.secondary } : {};
  }

  private async load(): Promise<RunbookCatalog> {
    const load = await loadRunbooks(
      this.md,
      { runbooksDir: this.options.runbooksDir, overlayDir: this.options.overlayDir },
      this.parseCache,
    );
    return new RunbookCatalog(this.md, load);
  }

  private async loadPolicy(): Promise<BackupPolicy> {
    const overlay = path.join(this.options.overlayDir, BACKUP_POLICY_FILE);
    if (await exists(overlay)) return loadDataFile(overlay, backupPolicySchema);
    return loadBackupPolicy(this.options.runbooksDir);
  }
}
