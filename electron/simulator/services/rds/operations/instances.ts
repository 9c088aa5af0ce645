import {
  DeleteDBInstanceMessage$,
  DeleteDBInstanceResult$,
  PromoteReadReplicaMessage$,
  PromoteReadReplicaResult$,
  type DeleteDBInstanceMessage,
  type DeleteDBInstanceResult,
  type PromoteReadReplicaMessage,
  type PromoteReadReplicaResult,
} from '@aws-sdk/client-rds';
import { simError } from '../../../protocol/errors';
import { buildPhases } from '../../../protocol/lifecycle';
import { defineOperation, requireQueryParams, type SchemaOperation } from '../../../protocol/query-dispatch';
import type { RdsState } from '../model';
import { instanceStatus } from '../status';
import { findInstance, instanceView, invalidateViewIndex } from '../views';
import { takeManualSnapshot } from './snapshots';

/** PromoteReadReplica: a read replica becomes a standalone instance (`modifying`, `backing-up`, `available`). */
export const promoteReadReplica = defineOperation<
  PromoteReadReplicaMessage,
  PromoteReadReplicaResult,
  RdsState
>({
  input: PromoteReadReplicaMessage$,
  output: PromoteReadReplicaResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['DBInstanceIdentifier']);
    const now = ctx.clock.now();
    const instance = findInstance(state, region, input.DBInstanceIdentifier as string, now);
    if (!instance)
      throw simError('DBInstanceNotFound', `DBInstance ${input.DBInstanceIdentifier} not found.`, 404);
    if (!instance.readReplicaSource) {
      throw simError('InvalidDBInstanceState', `DB Instance ${instance.id} is not a read replica.`);
    }
    const status = instanceStatus(instance, now);
    if (status !== 'available') {
      throw simError(
        'InvalidDBInstanceState',
        `DB Instance ${instance.id} is ${status}; a read replica can be promoted only when it is available.`,
      );
    }
    if (input.BackupRetentionPeriod !== undefined)
      instance.backupRetentionPeriod = input.BackupRetentionPeriod;
    if (instance.backupRetentionPeriod === 0) instance.backupRetentionPeriod = 1;
    delete instance.readReplicaSource;
    invalidateViewIndex(state);
    instance.phases = buildPhases(
      now,
      [
        ['modifying', ctx.rng.int(2, 5)],
        ['backing-up', ctx.rng.int(2, 4)],
      ],
      'available',
    );
    return { DBInstance: instanceView(state, instance, now, ctx.accountId) };
  },
});

/** DeleteDBInstance: needs SkipFinalSnapshot or FinalDBSnapshotIdentifier; shows `deleting`, then is gone. */
export const deleteDBInstance = defineOperation<DeleteDBInstanceMessage, DeleteDBInstanceResult, RdsState>({
  input: DeleteDBInstanceMessage$,
  output: DeleteDBInstanceResult$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['DBInstanceIdentifier']);
    const now = ctx.clock.now();
    const instance = findInstance(state, region, input.DBInstanceIdentifier as string, now);
    if (!instance)
      throw simError('DBInstanceNotFound', `DBInstance ${input.DBInstanceIdentifier} not found.`, 404);
    if (instance.deletedAt)
      throw simError('InvalidDBInstanceState', `DB Instance ${instance.id} is already being deleted.`);
    if (!input.SkipFinalSnapshot && !input.FinalDBSnapshotIdentifier) {
      throw simError(
        'InvalidParameterCombination',
        'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.',
      );
    }
    if (input.SkipFinalSnapshot && input.FinalDBSnapshotIdentifier) {
      throw simError(
        'InvalidParameterCombination',
        'Cannot specify both SkipFinalSnapshot and FinalDBSnapshotIdentifier.',
      );
    }
    if (input.FinalDBSnapshotIdentifier) {
      takeManualSnapshot(state, region, input.FinalDBSnapshotIdentifier, instance, now, ctx);
    }
    instance.deletedAt = now.toISOString();
    invalidateViewIndex(state);
    if (input.DeleteAutomatedBackups !== false) {
      for (const [arn, backup] of Object.entries(state.automatedBackups)) {
        if (backup.instanceArn === instance.arn && backup.region === region)
          delete state.automatedBackups[arn];
      }
    }
    return { DBInstance: instanceView(state, instance, now, ctx.accountId) };
  },
});

/** The RDS instance lifecycle operations, by action name. */
export const rdsInstanceOperations: Record<string, SchemaOperation<RdsState>> = {
  PromoteReadReplica: promoteReadReplica,
  DeleteDBInstance: deleteDBInstance,
};
