import { errorCode, type ActionRunner, type ResolvedCall, type RunnerContext } from '../runner-context';

/** HeadObject each sample key of the replica bucket: at least one REPLICA copy proves it is usable. */
export const s3CheckReplica: ActionRunner = async (ctx) => {
  const region = ctx.calls[0]!.region;
  const bucket = String(ctx.calls[0]!.params.Bucket);
  let heads: ResolvedCall[] = ctx.calls.filter((c) => c.operation === 'HeadObject');
  if (heads.length === 0) {
    const listed = await ctx.send(ctx.calls[0]!, bucket);
    const keys = ((listed.Contents as Array<{ Key?: string }> | undefined) ?? [])
      .map((o) => o.Key)
      .filter((k): k is string => !!k);
    heads = keys.slice(0, 20).map((Key) => ({
      service: 's3',
      operation: 'HeadObject',
      region,
      params: { Bucket: bucket, Key },
      cli: '',
      kind: 'read',
    }));
  }
  let replicas = 0;
  const statuses: string[] = [];
  for (const head of heads) {
    try {
      const answer = await ctx.send(head, `${bucket}/${String(head.params.Key)}`);
      const status = typeof answer.ReplicationStatus === 'string' ? answer.ReplicationStatus : 'none';
      statuses.push(status);
      if (status === 'REPLICA') replicas += 1;
    } catch (error) {
      if (errorCode(error) !== 'NotFound' && errorCode(error) !== 'NoSuchKey') throw error;
      statuses.push('missing');
    }
  }
  if (heads.length > 0 && replicas === 0) {
    throw new Error(
      `No REPLICA copy found in ${bucket} (${heads.length} object${heads.length === 1 ? '' : 's'} checked: ${[...new Set(statuses)].join(', ')}). The replica is not usable yet.`,
    );
  }
  return { Bucket: bucket, Region: region, Checked: `${replicas}/${heads.length} REPLICA` };
};

async function currentEtag(
  ctx: RunnerContext,
  region: string,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<string | null> {
  try {
    const answer = await ctx.lookup(
      's3',
      'HeadObject',
      { Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) },
      `${bucket}/${key}`,
      region,
    );
    return typeof answer.ETag === 'string' ? answer.ETag : null;
  } catch (error) {
    if (errorCode(error) === 'NotFound' || errorCode(error) === 'NoSuchKey') return null;
    throw error;
  }
}

/**
 * CopyObject each chosen version onto itself (a new current version). Idempotent: an object
 * whose current version already has the chosen version's ETag is skipped.
 */
export const s3CopyVersions: ActionRunner = async (ctx) => {
  let copied = 0;
  let skipped = 0;
  for (const call of ctx.calls) {
    const bucket = String(call.params.Bucket);
    const key = String(call.params.Key);
    const versionId = decodeURIComponent(String(call.params.CopySource).split('?versionId=')[1] ?? '');
    const [wanted, current] = await Promise.all([
      currentEtag(ctx, call.region, bucket, key, versionId),
      currentEtag(ctx, call.region, bucket, key),
    ]);
    if (wanted && current && wanted === current) {
      skipped += 1;
      continue;
    }
    await ctx.send(call, `${bucket}/${key}`);
    copied += 1;
  }
  return {
    Bucket: String(ctx.calls[0]?.params.Bucket ?? ''),
    Copied: String(copied),
    Skipped: String(skipped),
  };
};

/** RestoreObject for archived objects; a restore already in progress counts as requested. */
export const s3RestoreArchived: ActionRunner = async (ctx) => {
  let requested = 0;
  for (const call of ctx.calls) {
    try {
      await ctx.send(call, `${String(call.params.Bucket)}/${String(call.params.Key)}`);
    } catch (error) {
      if (errorCode(error) !== 'RestoreAlreadyInProgress') throw error;
    }
    requested += 1;
  }
  return { Bucket: String(ctx.calls[0]?.params.Bucket ?? ''), Requested: String(requested) };
};
