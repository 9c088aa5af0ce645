import type { Core } from '../core';
import type { Handlers } from '../dispatch';

/** Handlers of the `validate.*` calls. */
export function validateHandlers(
  core: Core,
): Pick<Handlers, 'validate.run' | 'validate.latest' | 'validate.reapply'> {
  return {
    'validate.run': (input) =>
      core.validate.run({
        ...(input.incidentId ? { incidentId: input.incidentId } : {}),
        ...(input.by ? { by: input.by } : {}),
        ...(input.impactStartedAt ? { impactStartedAt: input.impactStartedAt } : {}),
        options: {
          ...(input.s3Sample !== undefined ? { s3Sample: input.s3Sample } : {}),
          ...(input.dynamodbSample !== undefined ? { dynamodbSample: input.dynamodbSample } : {}),
          ...(input.skipNetwork ? { skipNetwork: input.skipNetwork } : {}),
          ...(input.only ? { only: input.only } : {}),
        },
      }),
    'validate.latest': (input) => core.validate.latest(input.incidentId),
    'validate.reapply': (input) => core.validate.reapply(input),
  };
}
