import {
  CopyImageRequest$,
  CopyImageResult$,
  CopySnapshotRequest$,
  CopySnapshotResult$,
  DeleteSnapshotRequest$,
  DeregisterImageRequest$,
  DeregisterImageResult$,
  type CopyImageRequest,
  type CopyImageResult,
  type CopySnapshotRequest,
  type CopySnapshotResult,
  type DeleteSnapshotRequest,
  type DeregisterImageRequest,
  type DeregisterImageResult,
} from '@aws-sdk/client-ec2';
import type { SimContext } from '../../../core/types';
import { simError } from '../../../protocol/errors';
import { buildPhases, phaseAt } from '../../../protocol/lifecycle';
import { defineOperation, requireQueryParams, type SchemaOperation } from '../../../protocol/query-dispatch';
import { getImage, getSnapshot, restoreTargetFails, tagsFor } from '../lookup';
import { ec2Id, type Ec2ImageRecord, type Ec2SnapshotRecord, type Ec2State } from '../model';
import { imageState, snapshotState } from '../status';
import { DEFAULT_CONCURRENT_SNAPSHOT_COPIES } from '../../../core/quota-defaults';

function assertKmsKey(kmsKeyId: string | undefined, region: string): void {
  const match = kmsKeyId ? /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(kmsKeyId) : null;
  if (match && match[1] !== region) {
    throw simError(
      'InvalidParameterValue',
      `The KMS key ${kmsKeyId} is in ${match[1]}; copies into ${region} need a key in ${region}.`,
    );
  }
}

function copySnapshotRecord(
  state: Ec2State,
  ctx: SimContext,
  source: Ec2SnapshotRecord,
  region: string,
  minutes: number,
  options: {
    encrypted: boolean;
    kmsKeyId: string | undefined;
    description: string;
    tags: Ec2SnapshotRecord['tags'];
    /** Whether the copy ends in `error` when the fault names it (CopySnapshot; an AMI copy fails as a whole). */
    canFail: boolean;
  },
): Ec2SnapshotRecord {
  const now = ctx.clock.now();
  const encrypted = options.encrypted || source.encrypted;
  const id = ec2Id('snap', ctx.rng.hex);
  const failing = options.canFail && restoreTargetFails(ctx, id, options.tags);
  const copy: Ec2SnapshotRecord = {
    id,
    region,
    volumeId: 'vol-ffffffff',
    volumeSize: source.volumeSize,
    startTime: now.toISOString(),
    phases: buildPhases(now, [['pending', minutes]], failing ? 'error' : 'completed'),
    encrypted,
    ...(encrypted
      ? { kmsKeyId: options.kmsKeyId ?? `arn:aws:kms:${region}:${ctx.accountId}:alias/aws/ebs` }
      : {}),
    description: options.description,
    sourceSnapshotId: source.id,
    sourceRegion: source.region,
    tags: options.tags,
  };
  state.snapshots[copy.id] = copy;
  return copy;
}

/**
 * CopyImage, called in the destination region: copies the AMI and its snapshots from
 * `SourceRegion` (5–15 simulated minutes, `pending` then `available`). `ClientToken` makes it
 * idempotent: the same token answers the same image id.
 */
export const copyImage = defineOperation<CopyImageRequest, CopyImageResult, Ec2State>({
  input: CopyImageRequest$,
  output: CopyImageResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['Name', 'SourceImageId', 'SourceRegion'], 'ec2');
    const now = ctx.clock.now();
    if (input.ClientToken) {
      const existing = Object.values(state.images).find(
        (i) => i.region === region && i.clientToken === input.ClientToken,
      );
      if (existing) return { ImageId: existing.id };
    }
    const source = getImage(state, input.SourceRegion as string, input.SourceImageId as string, now);
    const sourceState = imageState(source, now);
    if (sourceState !== 'available') {
      throw simError(
        'InvalidAMIID.Unavailable',
        `The image ${source.id} is ${sourceState}; only available images can be copied.`,
      );
    }
    assertKmsKey(input.KmsKeyId, region);
    const minutes = ctx.rng.int(5, 15);
    const id = ec2Id('ami', ctx.rng.hex);
    const devices = source.devices.map((d) => {
      const sourceSnapshot = state.snapshots[d.snapshotId];
      const snapshot = sourceSnapshot
        ? copySnapshotRecord(state, ctx, sourceSnapshot, region, minutes, {
            encrypted: input.Encrypted ?? false,
            kmsKeyId: input.KmsKeyId,
            description: `Copied for DestinationAmi ${id} from SourceAmi ${source.id} for SourceSnapshot ${sourceSnapshot.id}. Task created on ${now.getTime()}.`,
            tags: [
              ...(input.CopyImageTags ? source.tags.map((t) => ({ ...t })) : []),
              ...tagsFor(input.TagSpecifications, 'snapshot'),
            ],
            canFail: false,
          })
        : undefined;
      return {
        ...d,
        snapshotId: snapshot?.id ?? d.snapshotId,
        encrypted: (input.Encrypted ?? false) || d.encrypted,
      };
    });
    const image: Ec2ImageRecord = {
      ...source,
      id,
      region,
      name: input.Name as string,
      description: input.Description ?? source.description,
      createdAt: now.toISOString(),
      phases: buildPhases(
        now,
        [['pending', minutes]],
        ctx.restoreShouldFail(input.Name as string) ? 'failed' : 'available',
      ),
      devices,
      sourceImageId: source.id,
      sourceRegion: source.region,
      ...(input.ClientToken ? { clientToken: input.ClientToken } : {}),
      tags: [
        ...(input.CopyImageTags ? source.tags.map((t) => ({ ...t })) : []),
        ...tagsFor(input.TagSpecifications, 'image'),
      ],
    };
    delete image.deregistered;
    state.images[id] = image;
    return { ImageId: id };
  },
});

/**
 * CopySnapshot, called in the destination region (`SourceRegion`, `SourceSnapshotId`; the SDK
 * adds `PresignedUrl`/`DestinationRegion`). At most `ec2.concurrentSnapshotCopies` (default 20)
 * copies run at once per destination region: beyond that `ResourceLimitExceeded`. The copy goes
 * `pending`, then `completed`, or `error` when a failing-restore fault names it (its new id or the
 * `Name` tag of its TagSpecifications).
 */
export const copySnapshot = defineOperation<CopySnapshotRequest, CopySnapshotResult, Ec2State>({
  input: CopySnapshotRequest$,
  output: CopySnapshotResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['SourceRegion', 'SourceSnapshotId'], 'ec2');
    const now = ctx.clock.now();
    const source = getSnapshot(state, input.SourceRegion as string, input.SourceSnapshotId as string);
    const sourceState = snapshotState(source, now);
    if (sourceState !== 'completed') {
      throw simError(
        'IncorrectState',
        `Snapshot ${source.id} is ${sourceState}; only completed snapshots can be copied.`,
      );
    }
    if (input.KmsKeyId && !input.Encrypted) {
      throw simError(
        'InvalidParameterDependency',
        'The parameter KmsKeyId requires the parameter Encrypted to be set.',
      );
    }
    assertKmsKey(input.KmsKeyId, region);
    const limit = ctx.quota('ec2.concurrentSnapshotCopies', DEFAULT_CONCURRENT_SNAPSHOT_COPIES);
    const running = Object.values(state.snapshots).filter(
      (s) => s.region === region && s.sourceSnapshotId !== undefined && phaseAt(s.phases, now) === 'pending',
    ).length;
    if (running >= limit) {
      throw simError(
        'ResourceLimitExceeded',
        `You have exceeded the maximum number of concurrent snapshot copies (${limit}) into ${region}. Wait for a copy to complete and retry.`,
      );
    }
    const tags = tagsFor(input.TagSpecifications, 'snapshot');
    const copy = copySnapshotRecord(state, ctx, source, region, ctx.rng.int(5, 20), {
      encrypted: input.Encrypted ?? false,
      kmsKeyId: input.KmsKeyId,
      description:
        input.Description ?? `[Copied ${source.id} from ${source.region}] ${source.description}`.trim(),
      tags,
      canFail: true,
    });
    return { SnapshotId: copy.id, Tags: tags.map((t) => ({ ...t })) };
  },
});

/** DeregisterImage: the AMI disappears; its snapshots stay. */
export const deregisterImage = defineOperation<DeregisterImageRequest, DeregisterImageResult, Ec2State>({
  input: DeregisterImageRequest$,
  output: DeregisterImageResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['ImageId'], 'ec2');
    const image = getImage(state, region, input.ImageId as string, ctx.clock.now());
    image.deregistered = true;
    return { Return: true };
  },
});

/** DeleteSnapshot: refused while a registered AMI uses the snapshot (`InvalidSnapshot.InUse`). */
export const deleteSnapshot = defineOperation<DeleteSnapshotRequest, undefined, Ec2State>({
  input: DeleteSnapshotRequest$,
  run(input, { state, region }) {
    requireQueryParams(input, ['SnapshotId'], 'ec2');
    const snapshot = getSnapshot(state, region, input.SnapshotId as string);
    const user = Object.values(state.images).find(
      (i) => !i.deregistered && i.devices.some((d) => d.snapshotId === snapshot.id),
    );
    if (user)
      throw simError(
        'InvalidSnapshot.InUse',
        `The snapshot ${snapshot.id} is currently in use by ${user.id}`,
      );
    delete state.snapshots[snapshot.id];
    return undefined;
  },
});

/** The EC2 copy and clean-up operations for images and snapshots, by action name. */
export const ec2CopyOperations: Record<string, SchemaOperation<Ec2State>> = {
  CopyImage: copyImage,
  CopySnapshot: copySnapshot,
  DeregisterImage: deregisterImage,
  DeleteSnapshot: deleteSnapshot,
};
