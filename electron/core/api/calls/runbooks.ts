import { z } from 'zod';
import { defineCall } from '../define-call';
import type { BackupPolicy } from '../../runbooks/backup-policy-schema';
import type {
  RunbookDocument,
  RunbookProblem,
  RunbookSearchHit,
  RunbookSummary,
} from '../../runbooks/runbook-view';

export type { BackupPolicy, RunbookDocument, RunbookProblem, RunbookSearchHit, RunbookSummary };

/** A placeholder name as runbooks write it between angle brackets: `bucket-name`. */
export const placeholderNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must be a placeholder name such as bucket-name (lower case, digits, hyphens)');

/** A runbook id: kebab-case, as in `s3-version-rollback`. */
export const runbookIdSchema = z
  .string()
  .trim()
  .max(200, 'must be at most 200 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a runbook id such as s3-version-rollback (see `runbooks list`)');

/** Values for placeholders: `{ 'bucket-name': 'orders-data' }`; one line each, at most 1,000 characters. */
export const placeholderValuesSchema = z
  .record(
    placeholderNameSchema,
    z
      .string()
      .max(1_000, 'must be at most 1,000 characters')
      .regex(/^[^\r\n\0]*$/, 'must be a single line'),
  )
  .default({});

/** Calls about the runbooks, the reader's search and the backup policy. */
export const runbookCalls = {
  'runbooks.list': defineCall<RunbookSummary[]>()({
    summary: 'Every runbook (bundled and the organisation overlay), sorted by service, stage and title.',
    input: z.object({}).strict(),
  }),
  'runbooks.get': defineCall<RunbookDocument>()({
    summary:
      'One runbook rendered for reading, with placeholders filled from the given values and the regions.',
    input: z.object({ id: runbookIdSchema, values: placeholderValuesSchema }).strict(),
  }),
  'runbooks.search': defineCall<RunbookSearchHit[]>()({
    summary: 'Full-text search over every runbook: ranked, prefix and typo-tolerant, with snippets.',
    input: z
      .object({
        query: z.string().max(200, 'must be at most 200 characters'),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
  }),
  'runbooks.policy': defineCall<BackupPolicy>()({
    summary:
      'The backup policy: tiers with RTO/RPO targets, tag mappings, and rules per environment and service.',
    input: z.object({}).strict(),
  }),
  'runbooks.problems': defineCall<RunbookProblem[]>()({
    summary: 'Problems found while loading the runbooks (the files that did not load, and why).',
    input: z.object({}).strict(),
  }),
  'runbooks.reload': defineCall<RunbookProblem[]>()({
    summary:
      'Re-read every runbook and the backup policy from disk (after editing them); answers the problems.',
    input: z.object({}).strict(),
  }),
};
