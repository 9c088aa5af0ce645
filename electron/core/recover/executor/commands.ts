import {
  DescribeBackupCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  AttachVolumeCommand,
  CopyImageCommand,
  CopySnapshotCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  AddTagsToResourceCommand,
  CopyDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  DescribeDBSubnetGroupsCommand,
  PromoteReadReplicaCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import {
  CopyObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  RestoreObjectCommand,
} from '@aws-sdk/client-s3';
import { AppError } from '../../api/errors';
import type { AwsClients } from '../../aws/clients';
import type { RecoverService } from '../types';

type CommandCtor = new (input: never) => object;

/** The SDK commands the recovery sends, by service and operation (each is in the operations registry). */
const COMMANDS: Record<RecoverService, Record<string, CommandCtor>> = {
  s3: {
    CopyObject: CopyObjectCommand,
    HeadObject: HeadObjectCommand,
    ListObjectVersions: ListObjectVersionsCommand,
    ListObjectsV2: ListObjectsV2Command,
    RestoreObject: RestoreObjectCommand,
  },
  rds: {
    AddTagsToResource: AddTagsToResourceCommand,
    CopyDBSnapshot: CopyDBSnapshotCommand,
    DescribeDBInstances: DescribeDBInstancesCommand,
    DescribeDBSnapshots: DescribeDBSnapshotsCommand,
    DescribeDBSubnetGroups: DescribeDBSubnetGroupsCommand,
    PromoteReadReplica: PromoteReadReplicaCommand,
    RestoreDBInstanceFromDBSnapshot: RestoreDBInstanceFromDBSnapshotCommand,
    RestoreDBInstanceToPointInTime: RestoreDBInstanceToPointInTimeCommand,
  },
  ec2: {
    AttachVolume: AttachVolumeCommand,
    CopyImage: CopyImageCommand,
    CopySnapshot: CopySnapshotCommand,
    CreateVolume: CreateVolumeCommand,
    DescribeImages: DescribeImagesCommand,
    DescribeInstanceStatus: DescribeInstanceStatusCommand,
    DescribeInstances: DescribeInstancesCommand,
    DescribeSecurityGroups: DescribeSecurityGroupsCommand,
    DescribeSnapshots: DescribeSnapshotsCommand,
    DescribeSubnets: DescribeSubnetsCommand,
    DescribeVolumes: DescribeVolumesCommand,
    RunInstances: RunInstancesCommand,
  },
  dynamodb: {
    DescribeBackup: DescribeBackupCommand,
    DescribeContinuousBackups: DescribeContinuousBackupsCommand,
    DescribeTable: DescribeTableCommand,
    ListTables: ListTablesCommand,
    ListTagsOfResource: ListTagsOfResourceCommand,
    RestoreTableFromBackup: RestoreTableFromBackupCommand,
    RestoreTableToPointInTime: RestoreTableToPointInTimeCommand,
    TagResource: TagResourceCommand,
    UpdateContinuousBackups: UpdateContinuousBackupsCommand,
    UpdateTimeToLive: UpdateTimeToLiveCommand,
  },
};

/** Parameters the SDK wants as `Date` (the plan keeps ISO strings). */
const DATE_PARAMS = new Set(['RestoreTime', 'RestoreDateTime']);

/** An SDK answer: the output fields and the `$metadata` every answer carries. */
export type SdkAnswer = Record<string, unknown> & {
  $metadata?: { requestId?: string; httpStatusCode?: number };
};

interface Sender {
  send(command: object, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/**
 * Send one call through the guarded clients (the guard refuses anything outside the registry
 * before it is serialised). Throws for an operation the recovery does not know.
 */
export async function sendCall(
  clients: AwsClients,
  service: RecoverService,
  region: string,
  operation: string,
  params: Record<string, unknown>,
): Promise<SdkAnswer> {
  const Ctor = COMMANDS[service][operation];
  if (!Ctor) {
    throw new AppError(
      'OPERATION_NOT_ALLOWED',
      `The recovery does not send ${service} ${operation}. Nothing was sent to AWS.`,
      { service, operation },
    );
  }
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined) continue;
    input[k] = DATE_PARAMS.has(k) && typeof v === 'string' ? new Date(v) : v;
  }
  const client = clients[service](region) as unknown as Sender;
  return (await client.send(new Ctor(input as never))) as SdkAnswer;
}
