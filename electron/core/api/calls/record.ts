import { z } from 'zod';
import { defineCall } from '../define-call';
import type { LessonsRecord, RecordFacts, RecordForm, SavedRecord } from '../../record/types';
import type { EvidencePack, EvidenceVerification } from '../../record/evidence-types';
import { incidentIdSchema, personSchema } from './incident';

export type { EvidencePack, EvidenceVerification, LessonsRecord, RecordFacts, RecordForm, SavedRecord };

const longText = z.string().max(20_000, 'must be at most 20,000 characters');
const listItems = z.array(z.string().max(2_000, 'must be at most 2,000 characters')).max(100).default([]);

/** The record form as the contract accepts it (dates and owners are checked by the record service). */
export const recordFormSchema = z
  .object({
    summary: longText.default(''),
    impact: longText.default(''),
    wentWell: listItems,
    wentPoorly: listItems,
    rootCauses: listItems,
    actionItems: z
      .array(
        z
          .object({
            title: z.string().max(500, 'must be at most 500 characters'),
            owner: z.string().max(200, 'must be at most 200 characters'),
            due: z.string().max(40),
          })
          .strict(),
      )
      .max(200)
      .default([]),
  })
  .strict();

/** What `record.draft` answers: the journal's facts, and the form to start from. */
export interface RecordDraft {
  facts: RecordFacts;
  form: RecordForm;
  /** The most recent saved record of the incident, if any. */
  lastSaved: SavedRecord | null;
}

/** What `record.export` answers: the standalone HTML written beside the record, and the PDF asked for. */
export interface RecordExport {
  format: 'html' | 'pdf';
  /** The HTML file (always written: the PDF is printed from it). */
  htmlPath: string;
  /** The PDF file the desktop shell is writing (`pdf` only). */
  pdfPath: string | null;
  /** The record exported. */
  record: Pick<SavedRecord, 'title' | 'savedAt' | 'jsonPath'>;
}

/** Calls about the lessons-learned record and the evidence pack. */
export const recordCalls = {
  'record.draft': defineCall<RecordDraft>()({
    summary:
      'The record draft: facts from the journal (timeline, RTO/RPO, request ids) and the last saved form.',
    input: z.object({ incidentId: incidentIdSchema }).strict(),
  }),
  'record.preview': defineCall<{ record: LessonsRecord; markdown: string }>()({
    summary: 'Render the record as it would be saved (Markdown), without saving.',
    input: z.object({ incidentId: incidentIdSchema, form: recordFormSchema }).strict(),
  }),
  'record.save': defineCall<SavedRecord>()({
    summary: 'Save the record as Markdown and JSON (UTC stamp in the name, atomic, never overwriting).',
    input: z
      .object({ incidentId: incidentIdSchema, form: recordFormSchema, by: personSchema.optional() })
      .strict(),
  }),
  'record.list': defineCall<SavedRecord[]>()({
    summary: 'The saved records of an incident, oldest first.',
    input: z.object({ incidentId: incidentIdSchema }).strict(),
  }),
  'record.evidence': defineCall<EvidencePack>()({
    summary: 'Export the evidence pack (journal, records, SHA-256 manifest) for SOC 2 CC7.3.',
    input: z.object({ incidentId: incidentIdSchema, by: personSchema.optional() }).strict(),
  }),
  'record.verifyEvidence': defineCall<EvidenceVerification>()({
    summary: 'Re-verify an evidence pack folder: file hashes and the journal hash chain.',
    input: z
      .object({
        dir: z
          .string()
          .trim()
          .min(1, 'must name the evidence pack folder')
          .max(4096, 'must be at most 4,096 characters'),
      })
      .strict(),
  }),
  'record.export': defineCall<RecordExport>()({
    summary:
      'Export a saved record (the latest unless jsonPath names one) as standalone HTML beside it; "pdf" also prints it to a PDF in the desktop app.',
    input: z
      .object({
        incidentId: incidentIdSchema,
        format: z.enum(['html', 'pdf'], { error: 'must be "html" or "pdf"' }),
        jsonPath: z
          .string()
          .trim()
          .min(1, 'must name a saved record (.json)')
          .max(4096, 'must be at most 4,096 characters')
          .optional(),
      })
      .strict(),
  }),
  'record.openFolder': defineCall<{ folder: string }>()({
    summary: "Ask the desktop to show a saved file's folder (inside the data folder); returns the folder.",
    input: z
      .object({
        path: z
          .string()
          .trim()
          .min(1, 'must name a saved file or folder')
          .max(4096, 'must be at most 4,096 characters'),
      })
      .strict(),
  }),
};
