import { z } from 'zod';

/** The environments the policy has rules for. */
export const policyEnvironments = ['production', 'development'] as const;

/** One environment name. */
export type PolicyEnvironment = (typeof policyEnvironments)[number];

const kebabId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
const positiveInt = z.number().int().positive();

/** One recovery tier with its targets. */
export const policyTierSchema = z
  .object({
    id: kebabId,
    title: z.string().min(1),
    /** Recovery time objective: the longest acceptable time to restore service. */
    rtoMinutes: positiveInt,
    /** Recovery point objective: the most data loss acceptable, as time. */
    rpoMinutes: positiveInt,
  })
  .strict();

/** How a tag maps to a policy value: the tag key, value → id (case-insensitive), and a default. */
const tagMappingSchema = z
  .object({
    key: z.string().min(1),
    default: z.string().min(1),
    values: z.record(z.string(), z.string().min(1)),
  })
  .strict();

/** S3 rules of one environment. */
export const s3RulesSchema = z
  .object({
    versioning: z.boolean(),
    crossRegionReplication: z.boolean(),
    retentionDays: positiveInt,
    logRetentionDays: z.object({ min: positiveInt, max: positiveInt }).strict(),
  })
  .strict();

/** RDS rules of one environment. */
export const rdsRulesSchema = z
  .object({
    backupRetentionDays: z.number().int().min(1).max(35),
    multiAz: z.boolean(),
    logBackupIntervalMinutes: positiveInt,
    crossRegionBackups: z.boolean(),
  })
  .strict();

/** EC2/EBS rules of one environment (`null`: not required there). */
export const ec2RulesSchema = z
  .object({
    amiMaxAgeHours: z.object({ critical: positiveInt, standard: positiveInt }).strict(),
    ebsSnapshotMaxAgeHours: positiveInt.nullable(),
    retentionDays: positiveInt,
  })
  .strict();

/** DynamoDB rules of one environment (`pitrRecoveryPeriodDays` is `null` when PITR is not required). */
export const dynamodbRulesSchema = z
  .object({
    pitr: z.boolean(),
    pitrRecoveryPeriodDays: z.number().int().min(1).max(35).nullable(),
  })
  .strict();

/** Every service's rules for one environment. */
export const environmentRulesSchema = z
  .object({ s3: s3RulesSchema, rds: rdsRulesSchema, ec2: ec2RulesSchema, dynamodb: dynamodbRulesSchema })
  .strict();

/** The whole backup policy file (`runbooks/backup-policy.yaml`). */
export const backupPolicySchema = z
  .object({
    version: z.string().min(1),
    lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    reviewCycle: z.string().min(1),
    tiers: z.array(policyTierSchema).min(1),
    tierTag: tagMappingSchema,
    environmentTag: tagMappingSchema,
    environments: z
      .object({ production: environmentRulesSchema, development: environmentRulesSchema })
      .strict(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const tierIds = new Set<string>();
    policy.tiers.forEach((tier, index) => {
      if (tierIds.has(tier.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', index, 'id'],
          message: `tier id "${tier.id}" is used twice`,
        });
      }
      tierIds.add(tier.id);
    });
    const known = [...tierIds].join(', ');
    if (!tierIds.has(policy.tierTag.default)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tierTag', 'default'],
        message: `"${policy.tierTag.default}" is not a tier id (tiers: ${known})`,
      });
    }
    for (const [value, tier] of Object.entries(policy.tierTag.values)) {
      if (!tierIds.has(tier)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tierTag', 'values', value],
          message: `"${tier}" is not a tier id (tiers: ${known})`,
        });
      }
    }
    const envs: readonly string[] = policyEnvironments;
    const envList = policyEnvironments.join(', ');
    if (!envs.includes(policy.environmentTag.default)) {
      ctx.addIssue({
        code: 'custom',
        path: ['environmentTag', 'default'],
        message: `must be one of ${envList}`,
      });
    }
    for (const [value, env] of Object.entries(policy.environmentTag.values)) {
      if (!envs.includes(env)) {
        ctx.addIssue({
          code: 'custom',
          path: ['environmentTag', 'values', value],
          message: `"${env}" is not an environment (${envList})`,
        });
      }
    }
    for (const env of policyEnvironments) {
      const rules = policy.environments[env];
      if (rules.dynamodb.pitr && rules.dynamodb.pitrRecoveryPeriodDays === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['environments', env, 'dynamodb', 'pitrRecoveryPeriodDays'],
          message: 'must give the recovery period (1 to 35 days) when pitr is true',
        });
      }
      if (rules.s3.logRetentionDays.min > rules.s3.logRetentionDays.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['environments', env, 's3', 'logRetentionDays', 'min'],
          message: 'must not exceed max',
        });
      }
    }
  });

/** The backup policy as loaded and validated. */
export type BackupPolicy = z.infer<typeof backupPolicySchema>;
/** One recovery tier. */
export type PolicyTier = z.infer<typeof policyTierSchema>;
/** Every service's rules for one environment. */
export type EnvironmentRules = z.infer<typeof environmentRulesSchema>;
