import { z } from 'zod';
import { defineCall } from '../define-call';
import type {
  ReapplyResult,
  ValidationRun,
  ValidationView,
  ValidationCheck,
  ResourceValidation,
  CheckStatus,
} from '../../validate/types';

export type {
  ReapplyResult,
  ValidationRun,
  ValidationView,
  ValidationCheck,
  ResourceValidation,
  CheckStatus,
};

const incidentId = z
  .string()
  .trim()
  .regex(/^[A-Z]{2,5}-\d{8}-\d{2,4}$/, 'must be an incident id such as DR-20261126-01 (see `incident list`)');

const person = z.string().trim().min(1, 'must name a person').max(100);

/** Calls of the validation stage: run the checks, read the latest results, re-apply table settings. */
export const validateCalls = {
  'validate.run': defineCall<ValidationRun>()({
    summary:
      'Validate every restored resource (integrity, settings as planned, reachability, custom probes), measure RTO/RPO, and journal the results.',
    input: z
      .object({
        incidentId: incidentId.optional(),
        s3Sample: z
          .union([z.literal('all'), z.number().int().min(1, 'must be at least 1').max(100_000)])
          .optional(),
        dynamodbSample: z.number().int().min(1, 'must be at least 1').max(1000).optional(),
        skipNetwork: z
          .string()
          .trim()
          .min(3, 'give the reason the network checks are skipped (e.g. "laptop outside the VPC")')
          .max(200)
          .optional(),
        impactStartedAt: z.iso
          .datetime({ offset: true, message: 'must be an ISO 8601 time such as 2026-11-26T09:40:00Z' })
          .optional(),
        only: z.array(z.string().trim().min(1)).max(1000).optional(),
        by: person.optional(),
      })
      .strict(),
  }),
  'validate.latest': defineCall<ValidationView>()({
    summary: 'The latest validation of the incident (from its journal), and whether one is running.',
    input: z.object({ incidentId: incidentId.optional() }).strict(),
  }),
  'validate.reapply': defineCall<ReapplyResult>()({
    summary:
      'Re-apply what a DynamoDB restore does not carry over (PITR, TTL, tags) on a restored table of this incident only; dryRun lists the calls and their aws CLI equivalents without sending them.',
    input: z
      .object({
        incidentId: incidentId.optional(),
        resourceId: z.string().trim().min(1, 'names the restored table’s source resource'),
        pitr: z.boolean().optional(),
        ttl: z.boolean().optional(),
        tags: z.boolean().optional(),
        dryRun: z.boolean().optional(),
        by: person.optional(),
      })
      .strict(),
  }),
};
