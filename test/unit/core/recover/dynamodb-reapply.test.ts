import { describe, expect, it } from 'vitest';
import type { RunnerContext, ResolvedCall } from '../../../../electron/core/recover/executor/runner-context';
import { dynamodbReapplyWith } from '../../../../electron/core/recover/executor/runners/dynamodb';

/** An AWS-shaped error as the SDK throws it. */
function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

function call(operation: string): ResolvedCall {
  return {
    service: 'dynamodb',
    operation,
    region: 'us-west-2',
    params: { TableName: 'orders-dr' },
    cli: `aws dynamodb ${operation}`,
    kind: 'create',
  };
}

/** A runner context whose `send` answers from a script of outcomes per operation. */
function contextWith(script: Record<string, Array<Error | null>>): { ctx: RunnerContext; sent: string[] } {
  const sent: string[] = [];
  const ctx = {
    chain: { targetName: 'orders-dr' },
    calls: [call('TagResource'), call('UpdateContinuousBackups'), call('UpdateTimeToLive')],
    send: (c: ResolvedCall) => {
      sent.push(c.operation);
      const outcome = script[c.operation]?.shift() ?? null;
      return outcome ? Promise.reject(outcome) : Promise.resolve({});
    },
  } as unknown as RunnerContext;
  return { ctx, sent };
}

describe('re-applying settings on a restored table', () => {
  it('tries again while the new tag has not reached IAM, then goes on', async () => {
    const denied = () => awsError('AccessDeniedException', 'not authorized: no identity-based policy allows');
    const { ctx, sent } = contextWith({ UpdateContinuousBackups: [denied(), denied()] });
    await expect(dynamodbReapplyWith([1, 1, 1])(ctx)).resolves.toEqual({ TableName: 'orders-dr' });
    expect(sent).toEqual([
      'TagResource',
      'UpdateContinuousBackups',
      'UpdateContinuousBackups',
      'UpdateContinuousBackups',
      'UpdateTimeToLive',
    ]);
  });

  it('lets the refusal stand once the waits are used up', async () => {
    const denied = () => awsError('AccessDeniedException', 'not authorized');
    const { ctx, sent } = contextWith({ UpdateContinuousBackups: [denied(), denied(), denied()] });
    await expect(dynamodbReapplyWith([1, 1])(ctx)).rejects.toThrow(/not authorized/);
    expect(sent.filter((op) => op === 'UpdateContinuousBackups')).toHaveLength(3);
    expect(sent).not.toContain('UpdateTimeToLive');
  });

  it('does not wait when the tag itself is refused, or for other errors', async () => {
    const tagRefused = contextWith({ TagResource: [awsError('AccessDeniedException', 'no tagging')] });
    await expect(dynamodbReapplyWith([1, 1])(tagRefused.ctx)).rejects.toThrow(/no tagging/);
    expect(tagRefused.sent).toEqual(['TagResource']);
    const missing = contextWith({ UpdateContinuousBackups: [awsError('TableNotFoundException', 'gone')] });
    await expect(dynamodbReapplyWith([1, 1])(missing.ctx)).rejects.toThrow(/gone/);
    expect(missing.sent).toEqual(['TagResource', 'UpdateContinuousBackups']);
  });

  it('treats TTL already enabled as done', async () => {
    const { ctx, sent } = contextWith({
      UpdateTimeToLive: [awsError('ValidationException', 'TimeToLive is already enabled')],
    });
    await expect(dynamodbReapplyWith([1])(ctx)).resolves.toEqual({ TableName: 'orders-dr' });
    expect(sent).toEqual(['TagResource', 'UpdateContinuousBackups', 'UpdateTimeToLive']);
  });
});
