import type { ServiceSimulator, SimContext, SimErrorShape, SimResponse } from '../../core/types';
import { createJsonHandler, jsonErrorResponse } from '../../protocol/json';
import { emptyDynamoState, type DynamoState } from './model';
import { dynamoBackupOperations } from './operations/backups';
import { dynamoItemOperations } from './operations/items';
import { dynamoRestoreOperations } from './operations/restore';
import { dynamoTableOperations } from './operations/tables';
import { dynamoFromScenario, dynamoScenarioSchema, type DynamoSection } from './scenario';

/** The namespace DynamoDB qualifies its error types with. */
export const DYNAMODB_ERROR_NAMESPACE = 'com.amazonaws.dynamodb.v20120810';

const handle = createJsonHandler<DynamoState>({
  targetPrefix: 'DynamoDB_20120810',
  serviceNamespace: DYNAMODB_ERROR_NAMESPACE,
  operations: {
    ...dynamoTableOperations,
    ...dynamoBackupOperations,
    ...dynamoRestoreOperations,
    ...dynamoItemOperations,
  },
});

/**
 * Simulated DynamoDB (JSON 1.0): tables with items and their history, PITR windows and
 * point-in-time restores (also cross-region by source ARN), on-demand backups and restores,
 * global-table replicas, TTL, tags.
 */
export const dynamodbService: ServiceSimulator<DynamoState, DynamoSection> = {
  signingName: 'dynamodb',
  emptyState: emptyDynamoState,
  scenarioSchema: dynamoScenarioSchema,
  fromScenario: dynamoFromScenario,
  handle,
  encodeError(error: SimErrorShape, ctx: SimContext): SimResponse {
    return jsonErrorResponse(error, ctx.requestId, DYNAMODB_ERROR_NAMESPACE);
  },
};

export type { DynamoState } from './model';
export type { DynamoSection, DynamoSectionInput } from './scenario';
export { dynamoScenarioSchema } from './scenario';
