import { z } from 'zod';
import { faultStateSchema } from '../core/fault-state';

/** The top level of a scenario file; each service's section is validated by that service's own schema. */
export const scenarioTopSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case (lower-case letters, digits, dashes)'),
  title: z.string().min(1),
  description: z.string().default(''),
  seed: z.number().int().default(1),
  accountId: z.string().regex(/^\d{12}$/, 'must be 12 digits'),
  accountAlias: z.string().min(1).optional(),
  speed: z.number().min(1).max(600).default(1),
  /** Simulated time at the start of the exercise (ISO 8601); default: the real time at start. */
  startTime: z.iso.datetime({ offset: true }).optional(),
  regions: z
    .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be a region name like us-east-1'))
    .min(1),
  faults: faultStateSchema.default({
    regionOutages: [],
    throttling: [],
    failingRestores: [],
    quotas: {},
    replicationLag: [],
  }),
  /** Ground truth for the facilitator: what is out of policy and what the right moves are. */
  notes: z.array(z.string()).default([]),
});

/** The validated top level of a scenario. */
export type ScenarioTop = z.infer<typeof scenarioTopSchema>;

/** A validated scenario: the top level plus each service's validated section by signing name. */
export interface Scenario extends ScenarioTop {
  /** Where it came from (file path, or a label for inline data). */
  source: string;
  sections: Record<string, unknown>;
}

/** A scenario's summary, as `listScenarios` returns it. */
export interface ScenarioSummary {
  name: string;
  title: string;
  description: string;
  file: string;
}
