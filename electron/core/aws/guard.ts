import type {
  InitializeHandler,
  InitializeHandlerArguments,
  InitializeMiddleware,
  HandlerExecutionContext,
} from '@smithy/types';
import { AppError } from '../api/errors';
import { findOperation, type AwsOperation, type AwsService, type OperationKind } from './operations';

/** The name the guard is registered under in every client's middleware stack. */
export const GUARD_MIDDLEWARE_NAME = 'drWarRoomOperationGuard';

/**
 * A caller's extra restriction on what its clients may send, checked after the registry:
 * return a sentence saying why the operation is refused, or undefined to allow it.
 */
export type OperationPolicy = (operation: AwsOperation) => string | undefined;

const kindPolicies = new Map<string, OperationPolicy>();

/**
 * A policy that allows only the given kinds, e.g. `allowKinds(['read'], 'The assessment')`.
 * The same arguments give the same function, so `clients.withPolicy(...)` reuses its clients.
 */
export function allowKinds(kinds: readonly OperationKind[], context: string): OperationPolicy {
  const key = `${[...kinds].sort().join(',')}|${context}`;
  let policy = kindPolicies.get(key);
  if (!policy) {
    policy = (operation) =>
      kinds.includes(operation.kind)
        ? undefined
        : `${context} may only send ${kinds.join(' or ')} operations, and ${operation.operation} is a ${operation.kind} operation.`;
    kindPolicies.set(key, policy);
  }
  return policy;
}

/**
 * Decide whether one SDK command may be sent (pure): the registered operation, or the
 * `OPERATION_NOT_ALLOWED` error to throw.
 */
export function checkOperation(
  service: AwsService,
  commandName: string | undefined,
  policy?: OperationPolicy,
): AwsOperation {
  const name = commandName ?? '(unnamed command)';
  const operation = commandName ? findOperation(service, commandName) : undefined;
  if (!operation) {
    throw new AppError(
      'OPERATION_NOT_ALLOWED',
      `DR War Room does not send ${service} ${name.replace(/Command$/, '')}: it is not in the operations registry ` +
        '(electron/core/aws/operations.ts). Nothing was sent to AWS.',
      { service, command: name },
    );
  }
  const refusal = policy?.(operation);
  if (refusal !== undefined) {
    throw new AppError('OPERATION_NOT_ALLOWED', `${refusal} Nothing was sent to AWS.`, {
      service,
      command: name,
      kind: operation.kind,
    });
  }
  return operation;
}

/**
 * The guard middleware (initialize step, before anything is serialised, signed or sent): it
 * reads `context.commandName` and refuses what the registry (and the optional policy) do not allow.
 */
export function operationGuardMiddleware<Input extends object, Output extends object>(
  service: AwsService,
  policy?: OperationPolicy,
): InitializeMiddleware<Input, Output> {
  return (next: InitializeHandler<Input, Output>, context: HandlerExecutionContext) =>
    async (args: InitializeHandlerArguments<Input>) => {
      checkOperation(service, context.commandName, policy);
      return next(args);
    };
}
