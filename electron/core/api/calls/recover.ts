import { z } from 'zod';
import { defineCall } from '../define-call';
import { targetSettingsSchema } from '../../recover/mapping-schema';
import {
  STRATEGY_IDS,
  type EndpointMapping,
  type RecoverableView,
  type RecoveryPlan,
  type RecoveryRunView,
  type StrategyId,
} from '../../recover/types';

export type { RecoverableView, RecoveryRunView, EndpointMapping, RecoveryPlan };

const incidentId = z
  .string()
  .trim()
  .regex(/^[A-Z]{2,5}-\d{8}-\d{2,4}$/, 'must be an incident id such as DR-20261126-01 (see `incident list`)');

const person = z.string().trim().min(1, 'must name a person').max(100);

const selectionSchema = z
  .object({
    resourceId: z.string().trim().min(1, 'names no resource'),
    strategy: z.enum(STRATEGY_IDS as [StrategyId, ...StrategyId[]]).optional(),
    restoreTime: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 time such as 2026-11-26T03:00:00Z' })
      .optional(),
    settings: targetSettingsSchema.optional(),
    objects: z
      .array(
        z
          .object({ key: z.string().min(1), versionId: z.string().min(1), etag: z.string().optional() })
          .strict(),
      )
      .max(1000)
      .optional(),
  })
  .strict();

const mappingSchema = z
  .object({
    nameSuffix: z
      .string()
      .regex(/^-[a-z0-9-]{1,30}$/, 'must start with "-" and use lower-case letters, digits and hyphens')
      .optional(),
    defaults: z
      .object({
        s3: targetSettingsSchema.optional(),
        rds: targetSettingsSchema.optional(),
        ec2: targetSettingsSchema.optional(),
        dynamodb: targetSettingsSchema.optional(),
      })
      .strict()
      .optional(),
    resources: z.record(z.string().min(1), targetSettingsSchema).optional(),
  })
  .strict();

/** Calls of the recovery stage: plan (the dry run), typed confirmation, the run, the endpoint map. */
export const recoverCalls = {
  'recover.resources': defineCall<RecoverableView>()({
    summary: 'What can be recovered (from the latest assessment, or a fresh one) and the target mapping.',
    input: z.object({ incidentId: incidentId.optional(), fresh: z.boolean().default(false) }).strict(),
  }),
  'recover.plan': defineCall<RecoveryPlan>()({
    summary:
      'Build the recovery plan (the dry run: every call, its aws CLI equivalent, RTO, problems) and journal it.',
    input: z
      .object({
        incidentId: incidentId.optional(),
        selection: z.array(selectionSchema).min(1, 'select at least one resource').max(1000),
        mapping: mappingSchema.optional(),
        reapply: z
          .object({ pitr: z.boolean().optional(), ttl: z.boolean().optional(), tags: z.boolean().optional() })
          .strict()
          .optional(),
        fresh: z.boolean().default(false),
        by: person.optional(),
      })
      .strict(),
  }),
  'recover.status': defineCall<RecoveryRunView>()({
    summary: 'The plan and the run folded from the journal: each action, queue, endpoint map.',
    input: z.object({ incidentId: incidentId.optional() }).strict(),
  }),
  'recover.confirm': defineCall<RecoveryRunView>()({
    summary: 'Start the recovery: the typed confirmation must equal the incident id.',
    input: z
      .object({
        incidentId,
        planId: z.string().trim().min(1),
        typed: z.string().max(100),
        by: person.optional(),
      })
      .strict(),
  }),
  'recover.pause': defineCall<RecoveryRunView>()({
    summary: 'Pause: start no new action (running ones go on).',
    input: z.object({ incidentId: incidentId.optional(), by: person.optional() }).strict(),
  }),
  'recover.resume': defineCall<RecoveryRunView>()({
    summary: 'Resume a paused run, or re-attach to one interrupted by a restart.',
    input: z.object({ incidentId: incidentId.optional(), by: person.optional() }).strict(),
  }),
  'recover.cancel': defineCall<RecoveryRunView>()({
    summary: 'Cancel: start no new action, delete nothing.',
    input: z.object({ incidentId: incidentId.optional(), by: person.optional() }).strict(),
  }),
  'recover.retry': defineCall<RecoveryRunView>()({
    summary: 'Retry a failed action; independent chains are not affected.',
    input: z
      .object({
        incidentId: incidentId.optional(),
        actionId: z.string().trim().min(1),
        by: person.optional(),
      })
      .strict(),
  }),
  'recover.endpointMap': defineCall<{ rows: EndpointMapping[]; text: string }>()({
    summary: 'The endpoint map (old → new) of the run, and the same as tab-separated text to copy.',
    input: z.object({ incidentId: incidentId.optional() }).strict(),
  }),
};
