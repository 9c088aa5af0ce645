/**
 * The runbook shapes that cross IPC and HTTP (plain data, no functions). The contract's
 * `runbooks.*` calls answer with these.
 */

/** The services a runbook can be about. */
export const runbookServices = ['s3', 'rds', 'ec2', 'dynamodb', 'general'] as const;
/** One runbook service. */
export type RunbookServiceId = (typeof runbookServices)[number];

/** The procedure stages a runbook belongs to (the DR procedure's five stages). */
export const runbookStages = ['assess', 'activate', 'recover', 'validate', 'document'] as const;
/** One runbook stage. */
export type RunbookStageId = (typeof runbookStages)[number];

/** How often a runbook must be reviewed. */
export const reviewCycles = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
/** One review cycle. */
export type ReviewCycle = (typeof reviewCycles)[number];

/** A named placeholder of a runbook, such as `<bucket-name>`. */
export interface RunbookPlaceholder {
  name: string;
  description: string;
}

/** What the list and the browse view show of a runbook. */
export interface RunbookSummary {
  id: string;
  title: string;
  service: RunbookServiceId;
  stage: RunbookStageId;
  version: string;
  lastReviewed: string;
  reviewCycle: ReviewCycle;
  /** The date the next review is due (YYYY-MM-DD). */
  reviewDue: string;
  summary: string;
  keywords: string[];
  /** `bundled` with the app, or the organisation's own from `<dataDir>/runbooks/`. */
  source: 'bundled' | 'overlay';
  /** The file it was loaded from, relative to its folder (`procedures/s3-version-rollback.md`). */
  file: string;
}

/** One command of a runbook (a line or continued lines of a ```bash block). */
export interface RunbookCommand {
  /** Position among the runbook's commands, from 0. */
  index: number;
  /** The code block's language (`bash`, or another fence language, or empty). */
  language: string;
  /** The command with the known placeholders filled in (what the copy button copies). */
  text: string;
  /** The command as written, placeholders unfilled. */
  raw: string;
  /** True for `aws …` commands. */
  isAws: boolean;
  /** The `aws` operation, e.g. `s3api copy-object` (null for other commands). */
  operation: string | null;
  /** Placeholders in the command that have no value yet. */
  unfilled: string[];
  /** Values that contain shell characters and need checking before the command is pasted. */
  warnings: string[];
}

/** One placeholder with the value it was filled with, if any. */
export interface FilledPlaceholder extends RunbookPlaceholder {
  value: string | null;
}

/** A runbook opened for reading: rendered HTML (no raw HTML from the source), Markdown and commands. */
export interface RunbookDocument extends RunbookSummary {
  placeholders: FilledPlaceholder[];
  /** The Markdown body (front matter removed), placeholders unfilled. */
  markdown: string;
  /** Safe HTML: the Markdown rendered with raw HTML disabled and placeholders filled. */
  html: string;
  /** Each code block's command (`data-command` on the rendered block refers to its index). */
  commands: RunbookCommand[];
  /** Ids of runbooks this one links to. */
  links: string[];
  /** The section headings, in order; each rendered heading has `id` = `anchor`. */
  sections: Array<{ level: 2 | 3; title: string; anchor: string }>;
}

/** One search hit, best first. */
export interface RunbookSearchHit {
  id: string;
  title: string;
  service: RunbookServiceId;
  stage: RunbookStageId;
  summary: string;
  score: number;
  /** A short passage of the runbook around the first matched term. */
  snippet: string;
  /** The document terms that matched (for highlighting). */
  terms: string[];
}

/** A problem found while loading runbooks: the file, the field, the line, and what to do. */
export interface RunbookProblem {
  file: string;
  field: string | null;
  line: number | null;
  message: string;
  /** `error`: the file was not loaded; `warning`: it loaded, but something should be fixed. */
  severity: 'error' | 'warning';
}
