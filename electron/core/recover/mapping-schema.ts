import { z } from 'zod';
import { probesSchema } from '../validate/probe-schema';
import { STRATEGY_IDS, type RecoveryMapping, type StrategyId } from './types';

const sgId = z.string().regex(/^sg-[0-9a-f]+$/, 'must be a security group id such as sg-0abc1234');

/** Target settings for a resource or a service (every field optional). */
export const targetSettingsSchema = z
  .object({
    subnetGroup: z.string().trim().min(1).max(255).optional(),
    subnetId: z
      .string()
      .regex(/^subnet-[0-9a-f]+$/, 'must be a subnet id such as subnet-0abc1234')
      .optional(),
    availabilityZone: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/, 'must be an Availability Zone such as us-west-2a')
      .optional(),
    securityGroupIds: z.array(sgId).max(16).optional(),
    instanceClass: z
      .string()
      .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, 'must be a DB instance class such as db.r6g.large')
      .optional(),
    instanceType: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'must be an instance type such as m6i.large')
      .optional(),
    multiAZ: z.boolean().optional(),
    kmsKeyId: z
      .string()
      .regex(
        /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+|alias\/.+|[0-9a-f-]{36})$/,
        'must be a KMS key ARN, id or alias',
      )
      .optional(),
    targetName: z
      .string()
      .regex(
        /^[a-zA-Z][a-zA-Z0-9._-]{1,62}$/,
        'must start with a letter, 2 to 63 letters, digits, dots, hyphens or underscores',
      )
      .optional(),
    strategy: z.enum(STRATEGY_IDS as [StrategyId, ...StrategyId[]]).optional(),
    restoreTime: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 time such as 2026-11-26T03:00:00Z' })
      .optional(),
    dependsOn: z.array(z.string().trim().min(1)).max(50).optional(),
    reapply: z
      .object({ pitr: z.boolean().optional(), ttl: z.boolean().optional(), tags: z.boolean().optional() })
      .strict()
      .optional(),
  })
  .strict();

/** The recovery mapping file (`<dataDir>/recovery-mapping.yaml`). */
export const recoveryMappingSchema = z
  .object({
    version: z.literal(1).default(1),
    nameSuffix: z
      .string()
      .regex(
        /^-[a-z0-9-]{1,30}$/,
        'must start with "-" and use lower-case letters, digits and hyphens, e.g. -dr',
      )
      .optional(),
    defaults: z
      .object({
        s3: targetSettingsSchema.optional(),
        rds: targetSettingsSchema.optional(),
        ec2: targetSettingsSchema.optional(),
        dynamodb: targetSettingsSchema.optional(),
      })
      .strict()
      .default({}),
    /** By resource id or source name. */
    resources: z.record(z.string().min(1), targetSettingsSchema).default({}),
    /** Custom health checks the validation runs (HTTP(S) or TCP; see electron/core/validate/probe-schema.ts). */
    probes: probesSchema.optional(),
  })
  .strict();

/** Normalise a parsed mapping file into the planner's {@link RecoveryMapping}. */
export function toRecoveryMapping(parsed: z.output<typeof recoveryMappingSchema>): RecoveryMapping {
  const defaults: RecoveryMapping['defaults'] = {};
  for (const [service, settings] of Object.entries(parsed.defaults)) {
    if (settings) defaults[service as keyof RecoveryMapping['defaults']] = settings;
  }
  return {
    ...(parsed.nameSuffix ? { nameSuffix: parsed.nameSuffix } : {}),
    defaults,
    resources: parsed.resources,
  };
}

/** An empty mapping (no file). */
export const EMPTY_MAPPING: RecoveryMapping = { defaults: {}, resources: {} };
