import {
  CopyDBSnapshotMessage$,
  CopyDBSnapshotResult$,
  CreateDBSnapshotMessage$,
  CreateDBSnapshotResult$,
  type CopyDBSnapshotMessage,
  type CopyDBSnapshotResult,
  type CreateDBSnapshotMessage,
  type CreateDBSnapshotResult,
} from '@aws-sdk/client-rds';
import { simError } from '../../../protocol/errors';
import { buildPhases, phaseAt } from '../../../protocol/lifecycle';
import { defineOperation, requireQueryParams, type SchemaOperation } from '../../../protocol/query-dispatch';
import type { SimContext } from '../../../core/types';
import {
  parseRdsArn,
  rdsArn,
  regionalKey,
  type RdsInstanceRecord,
  type RdsSnapshotRecord,
  type RdsState,
  type RdsTag,
} from '../model';
import { instanceStatus, snapshotStatus } from '../status';
import { findInstance, snapshotView } from '../views';
import { assertKmsKeyInRegion } from './restore';
import { DEFAULT_CONCURRENT_COPIES } from '../../../core/quota-defaults';

function assertSnapshotId(id: string): void {
  if (!/^[a-zA-Z][a-zA-Z0-9-]{0,254}$/.test(id) || id.endsWith('-') || id.includes('--')) {
    throw simError(
      'InvalidParameterValue',
      `The parameter DBSnapshotIdentifier is not a valid identifier: '${id}'. It must begin with a letter, contain only letters, digits and hyphens, and not end with a hyphen or contain two consecutive hyphens.`,
    );
  }
}

/**
 * Store a manual snapshot of `instance` under `id` in `region` (CreateDBSnapshot, or the final
 * snapshot of DeleteDBInstance): `creating` for a few simulated minutes, the instance's tags
 * plus `extraTags`. `DBSnapshotAlreadyExists` if the identifier is taken.
 */
export function takeManualSnapshot(
  state: RdsState,
  region: string,
  id: string,
  instance: RdsInstanceRecord,
  now: Date,
  ctx: Pick<SimContext, 'accountId' | 'rng'>,
  extraTags: readonly RdsTag[] = [],
): RdsSnapshotRecord {
  if (state.snapshots[regionalKey(region, id)]) {
    throw simError(
      'DBSnapshotAlreadyExists',
      `Cannot create the snapshot because a snapshot with the identifier ${id} already exists.`,
    );
  }
  const group = state.subnetGroups[regionalKey(region, instance.subnetGroupName)];
  const snapshot: RdsSnapshotRecord = {
    id,
    region,
    arn: rdsArn(region, ctx.accountId, 'snapshot', id),
    instanceId: instance.id,
    dbiResourceId: instance.dbiResourceId,
    engine: instance.engine,
    engineVersion: instance.engineVersion,
    allocatedStorage: instance.allocatedStorage,
    snapshotType: 'manual',
    instanceClass: instance.instanceClass,
    createdAt: now.toISOString(),
    instanceCreateTime: instance.createdAt,
    phases: buildPhases(now, [['creating', ctx.rng.int(3, 8)]], 'available'),
    encrypted: instance.storageEncrypted,
    ...(instance.kmsKeyId ? { kmsKeyId: instance.kmsKeyId } : {}),
    port: instance.port,
    availabilityZone: instance.availabilityZone,
    vpcId: group?.vpcId ?? 'vpc-00000000',
    masterUsername: instance.masterUsername,
    tags: [...instance.tags.map((t) => ({ ...t })), ...extraTags.map((t) => ({ ...t }))],
  };
  state.snapshots[regionalKey(region, id)] = snapshot;
  return snapshot;
}

/** CreateDBSnapshot: a manual snapshot of an available instance, `creating` for a few simulated minutes. */
export const createDBSnapshot = defineOperation<CreateDBSnapshotMessage, CreateDBSnapshotResult, RdsState>({
  input: CreateDBSnapshotMessage$,
  output: CreateDBSnapshotResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['DBSnapshotIdentifier', 'DBInstanceIdentifier']);
    const now = ctx.clock.now();
    const id = input.DBSnapshotIdentifier as string;
    assertSnapshotId(id);
    const instance = findInstance(state, region, input.DBInstanceIdentifier as string, now);
    if (!instance)
      throw simError('DBInstanceNotFound', `DBInstance ${input.DBInstanceIdentifier} not found.`, 404);
    const status = instanceStatus(instance, now);
    if (status !== 'available') {
      throw simError(
        'InvalidDBInstanceState',
        `DBInstance ${instance.id} is ${status}; it must be available to take a snapshot.`,
      );
    }
    const snapshot = takeManualSnapshot(
      state,
      region,
      id,
      instance,
      now,
      ctx,
      (input.Tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' })),
    );
    return { DBSnapshot: snapshotView(snapshot, now) };
  },
});

/**
 * CopyDBSnapshot: within a region by identifier, or across regions with the full source ARN
 * (the SDK presigns `PreSignedUrl`). Encrypted cross-region copies need a `KmsKeyId` in the
 * destination region; at most `rds.concurrentSnapshotCopies` (default 5) copies may run at once.
 */
export const copyDBSnapshot = defineOperation<CopyDBSnapshotMessage, CopyDBSnapshotResult, RdsState>({
  input: CopyDBSnapshotMessage$,
  output: CopyDBSnapshotResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['SourceDBSnapshotIdentifier', 'TargetDBSnapshotIdentifier']);
    const now = ctx.clock.now();
    const sourceRef = input.SourceDBSnapshotIdentifier as string;
    const targetId = input.TargetDBSnapshotIdentifier as string;
    assertSnapshotId(targetId);
    const arn = parseRdsArn(sourceRef);
    if (arn && arn.kind !== 'snapshot') {
      throw simError(
        'InvalidParameterValue',
        `SourceDBSnapshotIdentifier must be a DB snapshot ARN; got '${sourceRef}'.`,
      );
    }
    const sourceRegion = arn ? arn.region : region;
    const crossRegion = sourceRegion !== region;
    const source = state.snapshots[regionalKey(sourceRegion, arn ? arn.id : sourceRef)];
    if (!source) throw simError('DBSnapshotNotFound', `DBSnapshot ${sourceRef} not found.`, 404);
    const sourceStatus = snapshotStatus(source, now);
    if (sourceStatus !== 'available') {
      throw simError(
        'InvalidDBSnapshotState',
        `DBSnapshot ${source.id} is ${sourceStatus}; only available snapshots can be copied.`,
      );
    }
    if (state.snapshots[regionalKey(region, targetId)]) {
      throw simError(
        'DBSnapshotAlreadyExists',
        `Cannot create the snapshot because a snapshot with the identifier ${targetId} already exists.`,
      );
    }
    if (source.encrypted && crossRegion && !input.KmsKeyId) {
      throw simError(
        'InvalidParameterValue',
        `The source snapshot is encrypted: a KmsKeyId in ${region} is required to copy it from ${sourceRegion}.`,
      );
    }
    if (input.KmsKeyId) assertKmsKeyInRegion(input.KmsKeyId, region);
    if (crossRegion) {
      const limit = ctx.quota('rds.concurrentSnapshotCopies', DEFAULT_CONCURRENT_COPIES);
      const running = Object.values(state.snapshots).filter(
        (s) =>
          s.region === region &&
          s.sourceRegion !== undefined &&
          s.sourceRegion !== region &&
          phaseAt(s.phases, now) === 'copying',
      ).length;
      if (running >= limit) {
        throw simError(
          'SnapshotQuotaExceeded',
          `Cannot copy more than ${limit} DB snapshots into ${region} at the same time; wait for a copy to finish and retry.`,
        );
      }
    }
    const minutes = crossRegion ? ctx.rng.int(10, 30) : ctx.rng.int(2, 5);
    const failing = ctx.restoreShouldFail(targetId);
    const copy: RdsSnapshotRecord = {
      ...source,
      id: targetId,
      region,
      arn: rdsArn(region, ctx.accountId, 'snapshot', targetId),
      snapshotType: 'manual',
      createdAt: now.toISOString(),
      phases: buildPhases(now, [['copying', minutes]], failing ? 'failed' : 'available'),
      ...(input.KmsKeyId ? { kmsKeyId: input.KmsKeyId } : {}),
      sourceSnapshotArn: source.arn,
      sourceRegion,
      tags: [
        ...(input.CopyTags ? source.tags.map((t) => ({ ...t })) : []),
        ...(input.Tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' })),
      ],
    };
    state.snapshots[regionalKey(region, targetId)] = copy;
    return { DBSnapshot: snapshotView(copy, now) };
  },
});

/** The RDS snapshot operations, by action name. */
export const rdsSnapshotOperations: Record<string, SchemaOperation<RdsState>> = {
  CreateDBSnapshot: createDBSnapshot,
  CopyDBSnapshot: copyDBSnapshot,
};
