import type { ActionKind } from '../../types';
import type { ActionRunner } from '../runner-context';
import { dynamodbReapply, dynamodbRestore, dynamodbVerifyReplica } from './dynamodb';
import { ec2AttachVolume, ec2CopyImage, ec2CopySnapshot, ec2CreateVolume, ec2RunInstance } from './ec2';
import { rdsCopySnapshot, rdsPromote, rdsRestore } from './rds';
import { s3CheckReplica, s3CopyVersions, s3RestoreArchived } from './s3';

/** The routine of every action kind. */
export const RUNNERS: Readonly<Record<ActionKind, ActionRunner>> = {
  's3.check-replica': s3CheckReplica,
  's3.copy-versions': s3CopyVersions,
  's3.restore-archived': s3RestoreArchived,
  'rds.restore-pitr': rdsRestore,
  'rds.restore-snapshot': rdsRestore,
  'rds.copy-snapshot': rdsCopySnapshot,
  'rds.promote-replica': rdsPromote,
  'ec2.copy-image': ec2CopyImage,
  'ec2.run-instance': ec2RunInstance,
  'ec2.copy-snapshot': ec2CopySnapshot,
  'ec2.create-volume': ec2CreateVolume,
  'ec2.attach-volume': ec2AttachVolume,
  'dynamodb.restore-pitr': dynamodbRestore,
  'dynamodb.restore-backup': dynamodbRestore,
  'dynamodb.verify-replica': dynamodbVerifyReplica,
  'dynamodb.reapply': dynamodbReapply,
};
