import { z } from 'zod';
import { reviewCycles, runbookServices, runbookStages } from './runbook-view';

/** A placeholder name as written between angle brackets: `bucket-name`. */
export const PLACEHOLDER_NAME = /^[a-z][a-z0-9-]*$/;

/** The front matter every runbook starts with (between `---` lines). */
export const runbookFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
    title: z.string().trim().min(1, 'must not be empty'),
    service: z.enum(runbookServices, { message: `must be one of ${runbookServices.join(', ')}` }),
    stage: z.enum(runbookStages, { message: `must be one of ${runbookStages.join(', ')}` }),
    version: z.union([z.string().min(1), z.number().transform(String)]),
    lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD (quote it in YAML)'),
    reviewCycle: z.enum(reviewCycles, { message: `must be one of ${reviewCycles.join(', ')}` }),
    summary: z.string().trim().min(1, 'must not be empty'),
    keywords: z.array(z.string().min(1)).default([]),
    placeholders: z
      .array(
        z
          .object({
            name: z.string().regex(PLACEHOLDER_NAME, 'must be a placeholder name such as bucket-name'),
            description: z.string().trim().min(1, 'must say what value to put there'),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((meta, ctx) => {
    const seen = new Set<string>();
    meta.placeholders.forEach((placeholder, index) => {
      if (seen.has(placeholder.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['placeholders', index, 'name'],
          message: `placeholder "${placeholder.name}" is listed twice`,
        });
      }
      seen.add(placeholder.name);
    });
  });

/** A runbook's validated front matter. */
export type RunbookFrontMatter = z.infer<typeof runbookFrontMatterSchema>;
