import { z } from 'zod';
import { defineCall } from '../define-call';
import type { StageId } from '../../runbooks/procedure-schema';
import type { IncidentState, JournalEntry, JournalIntegrity, TimelineItem } from '../../incident/types';

export type { IncidentState, JournalEntry, JournalIntegrity, TimelineItem };

const stageIdSchema = z.enum(['assess', 'activate', 'recover', 'validate', 'document']);

/** An incident id such as `DR-20261126-01`. */
export const incidentIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{2,5}-\d{8}-\d{2,4}$/, 'must be an incident id such as DR-20261126-01 (see `incident list`)');

/** A person's name as written in the journal. */
export const personSchema = z
  .string()
  .trim()
  .min(1, 'must name a person')
  .max(100, 'must be at most 100 characters');

/** The longest note, decision or status update accepted. */
export const MAX_NOTE_LENGTH = 10_000;

/** Free text of a note, decision or status update: 1 to 10,000 characters. */
export const noteTextSchema = z
  .string()
  .trim()
  .min(1, 'is empty: write what happened or was decided')
  .max(
    MAX_NOTE_LENGTH,
    `is longer than ${MAX_NOTE_LENGTH.toLocaleString('en')} characters: split it into several notes`,
  );

const reasonSchema = z
  .string()
  .trim()
  .min(1, 'is empty: say why')
  .max(2_000, 'must be at most 2,000 characters');

/** An incident as one open screen shows it: the folded state and the journal's integrity. */
export interface IncidentView {
  state: IncidentState;
  integrity: JournalIntegrity;
  /** True when nothing more can be appended (tampered journal). */
  readOnly: boolean;
  /** True when this is the active incident. */
  active: boolean;
  /** The journal file. */
  journalPath: string;
}

/** One line of the incident list. */
export interface IncidentSummary {
  id: string;
  title: string;
  severity: IncidentState['severity'];
  mode: IncidentState['mode'];
  stage: StageId;
  status: IncidentState['status'];
  commander: string;
  declaredAt: string;
  updatedAt: string;
  entries: number;
  active: boolean;
  integrity: JournalIntegrity['status'];
}

/** The result of re-verifying a journal without changing it. */
export interface JournalVerification {
  incidentId: string;
  journalPath: string;
  integrity: JournalIntegrity;
  entries: number;
  headHash: string | null;
}

/** Calls about incidents: declaring, the procedure's stages and steps, notes, status updates. */
export const incidentCalls = {
  'incident.declare': defineCall<IncidentView>()({
    summary: 'Declare an incident (it becomes the active one) with the RTO/RPO targets of the backup policy.',
    input: z
      .object({
        title: z
          .string()
          .trim()
          .min(1, 'is empty: name the incident')
          .max(200, 'must be at most 200 characters'),
        severity: z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']).default('SEV1'),
        commander: personSchema,
        /** Tier ids of the backup policy that apply (default: every tier). */
        tiers: z.array(z.string().trim().min(1)).max(20).optional(),
      })
      .strict(),
  }),
  'incident.list': defineCall<IncidentSummary[]>()({
    summary: 'Every incident in the data folder, newest first.',
    input: z.object({}).strict(),
  }),
  'incident.get': defineCall<IncidentView>()({
    summary: 'One incident: its state folded from the journal, and the journal integrity.',
    input: z.object({ incidentId: incidentIdSchema }).strict(),
  }),
  'incident.open': defineCall<IncidentView>()({
    summary: 'Make an incident the active one and return it.',
    input: z.object({ incidentId: incidentIdSchema }).strict(),
  }),
  'incident.active': defineCall<IncidentView | null>()({
    summary: 'The active incident, or null.',
    input: z.object({}).strict(),
  }),
  'incident.timeline': defineCall<TimelineItem[]>()({
    summary: 'Journal entries after a sequence number (all by default), with their stage and kind.',
    input: z
      .object({
        incidentId: incidentIdSchema,
        afterSeq: z.number().int().min(0).default(0),
        stage: stageIdSchema.optional(),
        kinds: z
          .array(z.enum(['note', 'decision', 'stage', 'step', 'aws', 'status', 'record', 'system', 'other']))
          .optional(),
      })
      .strict(),
  }),
  'incident.activate': defineCall<IncidentView>()({
    summary:
      'Record the activation decision: criteria answered, go or no-go, who decided and approved, roles.',
    input: z
      .object({
        incidentId: incidentIdSchema,
        decision: z.enum(['go', 'no-go']),
        criteria: z.record(z.string(), z.string().trim().max(MAX_NOTE_LENGTH)),
        decidedBy: personSchema,
        approvedBy: personSchema,
        secondApprover: personSchema.optional(),
        rationale: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
        roles: z
          .object({
            commander: personSchema.optional(),
            scribe: personSchema.optional(),
            serviceOwners: z
              .array(z.object({ service: z.string().trim().min(1).max(100), owner: personSchema }).strict())
              .max(100)
              .default([]),
          })
          .strict()
          .default({ serviceOwners: [] }),
      })
      .strict(),
  }),
  'incident.note': defineCall<JournalEntry>()({
    summary: 'Add a note or a decision to the timeline.',
    input: z
      .object({
        incidentId: incidentIdSchema,
        text: noteTextSchema,
        kind: z.enum(['note', 'decision']).default('note'),
        by: personSchema.optional(),
      })
      .strict(),
  }),
  'incident.completeStep': defineCall<IncidentView>()({
    summary:
      'Mark a procedure step done, with optional evidence (also used by the domains that run actions).',
    input: z
      .object({
        incidentId: incidentIdSchema,
        stepId: z.string().trim().min(1).max(200, 'must be at most 200 characters'),
        evidence: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
        by: personSchema.optional(),
      })
      .strict(),
  }),
  'incident.skipStep': defineCall<IncidentView>()({
    summary: 'Skip a step of the current (or an earlier) stage, with the reason.',
    input: z
      .object({
        incidentId: incidentIdSchema,
        stepId: z.string().trim().min(1).max(200, 'must be at most 200 characters'),
        reason: reasonSchema,
        by: personSchema.optional(),
      })
      .strict(),
  }),
  'incident.signOff': defineCall<IncidentView>()({
    summary:
      'The commander signs off the current stage (its required steps must be settled). Signing off Document closes the incident.',
    input: z
      .object({
        incidentId: incidentIdSchema,
        stage: stageIdSchema,
        by: personSchema,
        note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
      })
      .strict(),
  }),
  'incident.advance': defineCall<IncidentView>()({
    summary:
      'Move to the next stage; with `signOff` the commander signs off the current stage in the same step.',
    input: z
      .object({
        incidentId: incidentIdSchema,
        to: stageIdSchema.optional(),
        by: personSchema.optional(),
        reason: z.string().trim().max(2_000).optional(),
        signOff: z.boolean().default(false),
      })
      .strict(),
  }),
  'incident.goBack': defineCall<IncidentView>()({
    summary: 'Return to an earlier stage, with the reason (its sign-offs from there on are withdrawn).',
    input: z
      .object({
        incidentId: incidentIdSchema,
        to: stageIdSchema,
        reason: reasonSchema,
        by: personSchema.optional(),
      })
      .strict(),
  }),
  'incident.statusDraft': defineCall<{ text: string; at: string }>()({
    summary:
      'Draft a stakeholder update from the journal: stage, what is restored, what is next, ETA against RTO.',
    input: z.object({ incidentId: incidentIdSchema }).strict(),
  }),
  'incident.statusUpdate': defineCall<JournalEntry>()({
    summary: 'Record the stakeholder update that was sent (completes the "status update" steps).',
    input: z
      .object({ incidentId: incidentIdSchema, text: noteTextSchema, by: personSchema.optional() })
      .strict(),
  }),
  'incident.verify': defineCall<JournalVerification>()({
    summary: "Re-verify an incident's journal hash chain without changing it.",
    input: z.object({ incidentId: incidentIdSchema }).strict(),
  }),
};
