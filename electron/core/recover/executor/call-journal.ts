import { describeAwsError } from '../../aws/describe-aws-error';
import { redactSecrets } from '../../aws/redact';
import { RECOVER_ENTRY } from '../entry-types';
import type { PlanAction, RecoverService } from '../types';
import { sendCall, type SdkAnswer } from './commands';
import type { ExecutorContext } from './executor-context';
import type { ProbeCall } from './probes';

/** One call an action sends: its number within the attempt, where it goes and what it names. */
export interface JournaledCall {
  action: PlanAction;
  attempt: number;
  /** 1, 2, … within the attempt (the call id is `<actionId>@<attempt>.<n>`). */
  n: number;
  service: RecoverService;
  region: string;
  operation: string;
  params: Record<string, unknown>;
  /** What the call creates or reads (journaled with it). */
  targetId: string;
}

/** The answer as journaled: without `$metadata`, cut at 2,000 characters. */
export function summarizeAnswer(answer: SdkAnswer): unknown {
  const { $metadata: _meta, ...rest } = answer;
  const text = JSON.stringify(rest);
  return text.length <= 2_000 ? JSON.parse(text) : `${text.slice(0, 2_000)}…`;
}

function commonFields(ctx: ExecutorContext, call: JournaledCall, callId: string) {
  const { chain } = ctx.actionRef(call.action.id);
  return {
    callId,
    actionId: call.action.id,
    chainId: chain.id,
    resourceId: chain.resource.id,
    targetId: call.targetId,
    service: call.service,
    operation: call.operation,
    region: call.region,
    tier: chain.resource.tier,
  };
}

/**
 * Send one AWS call, journaled before it is sent (parameters, secrets redacted, the ClientToken)
 * and after it answers (request id and answer, or what AWS said). The request waits for a slot
 * of its endpoint's bound after the first entry is on disk.
 */
export async function journaledCall(ctx: ExecutorContext, call: JournaledCall): Promise<SdkAnswer> {
  const common = commonFields(ctx, call, `${call.action.id}@${call.attempt}.${call.n}`);
  const { params } = call;
  await ctx.write(RECOVER_ENTRY.callStarted, {
    ...common,
    params: JSON.parse(redactSecrets(JSON.stringify(params))) as unknown,
    ...(typeof params.ClientToken === 'string' ? { clientToken: params.ClientToken } : {}),
  });
  try {
    const answer = await ctx.limits.run(call.service, call.region, () =>
      sendCall(ctx.clients, call.service, call.region, call.operation, params),
    );
    await ctx.write(RECOVER_ENTRY.callCompleted, {
      ...common,
      requestId: answer.$metadata?.requestId ?? null,
      answer: summarizeAnswer(answer),
    });
    return answer;
  } catch (error) {
    const described = describeAwsError(error, {
      service: call.service,
      operation: call.operation,
      resource: call.targetId,
      region: call.region,
    });
    await ctx.write(RECOVER_ENTRY.callFailed, {
      ...common,
      error: {
        code: described.code,
        message: described.message,
        awsCode: described.detail?.awsCode ?? null,
        requestId: described.detail?.requestId ?? null,
      },
    });
    throw error;
  }
}

/**
 * Journal the poll that saw the target ready as a call (started and completed): the journal
 * then says when each resource became available, with AWS's request id.
 */
export async function journalReady(
  ctx: ExecutorContext,
  action: PlanAction,
  output: Record<string, string>,
  call: ProbeCall,
): Promise<void> {
  const { chain } = ctx.actionRef(action.id);
  const attempt = ctx.run().actions[action.id]?.attempts ?? 0;
  const targetId =
    output.DBInstanceIdentifier ??
    output.DBSnapshotIdentifier ??
    output.ImageId ??
    output.InstanceId ??
    output.VolumeId ??
    output.SnapshotId ??
    output.TableName ??
    chain.targetName;
  const common = {
    ...commonFields(
      ctx,
      {
        action,
        attempt,
        n: 0,
        service: call.service,
        region: ctx.plan.regions.secondary,
        operation: call.operation,
        params: {},
        targetId,
      },
      `${action.id}@${attempt}.ready`,
    ),
    phase: 'ready',
  };
  // Nothing is sent between the two entries: they share one group commit (the journal keeps order).
  const started = ctx.write(RECOVER_ENTRY.callStarted, common);
  started.catch(() => undefined);
  await ctx.write(RECOVER_ENTRY.callCompleted, {
    ...common,
    requestId: call.requestId,
    answer: { status: 'ready' },
  });
  await started;
}
