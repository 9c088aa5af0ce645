import { z } from 'zod';

/** The five stages of the DR procedure, in order. */
export const stageIds = ['assess', 'activate', 'recover', 'validate', 'document'] as const;

/** One stage id. */
export type StageId = (typeof stageIds)[number];

const regionName = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region name such as us-west-2');

/** One step of a stage: ticked by a person (`check`), bound to a core action (`action`), or read (`note`). */
export const procedureStepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
    title: z.string().min(1),
    detail: z.string().optional(),
    kind: z.enum(['check', 'action', 'note']),
    required: z.boolean().default(true),
    /** Runbook id to open from this step. */
    runbook: z.string().optional(),
    /** Core action this step is bound to (e.g. `assess.run`). */
    action: z.string().optional(),
  })
  .strict();

/** One stage with its steps. */
export const procedureStageSchema = z
  .object({
    id: z.enum(stageIds),
    title: z.string().min(1),
    summary: z.string().min(1),
    steps: z.array(procedureStepSchema).min(1),
  })
  .strict();

/** The activation decision's criteria, answered when the plan is activated. */
export const activationCriterionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    question: z.string().min(1),
    hint: z.string().optional(),
  })
  .strict();

/** The whole DR procedure file (`runbooks/dr-procedure.yaml`). */
export const procedureSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    version: z.string().min(1),
    lastReviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    regions: z.object({ primary: regionName, secondary: regionName }).strict(),
    activation: z.object({ criteria: z.array(activationCriterionSchema).min(1) }).strict(),
    stages: z
      .array(procedureStageSchema)
      .length(stageIds.length, `must list the ${stageIds.length} stages ${stageIds.join(', ')}`),
  })
  .strict()
  .superRefine((procedure, ctx) => {
    procedure.stages.forEach((stage, index) => {
      if (stage.id !== stageIds[index]) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', index, 'id'],
          message: `stage ${index + 1} must be "${stageIds[index]}" (the order is ${stageIds.join(' → ')})`,
        });
      }
    });
    const seen = new Set<string>();
    procedure.stages.forEach((stage, s) =>
      stage.steps.forEach((step, i) => {
        if (seen.has(step.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', s, 'steps', i, 'id'],
            message: `step id "${step.id}" is used twice`,
          });
        }
        seen.add(step.id);
        if (step.kind === 'action' && !step.action) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', s, 'steps', i, 'action'],
            message: 'an action step must name its action',
          });
        }
      }),
    );
    if (procedure.regions.primary === procedure.regions.secondary) {
      ctx.addIssue({
        code: 'custom',
        path: ['regions', 'secondary'],
        message: 'must differ from the primary region',
      });
    }
  });

/** The DR procedure as loaded and validated. */
export type Procedure = z.infer<typeof procedureSchema>;
/** One stage of the procedure. */
export type ProcedureStage = z.infer<typeof procedureStageSchema>;
/** One step of a stage. */
export type ProcedureStep = z.infer<typeof procedureStepSchema>;
