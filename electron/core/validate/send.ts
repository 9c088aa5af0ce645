import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTagsOfResourceCommand,
  ScanCommand,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import {
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import { AppError } from '../api/errors';
import type { AwsClients } from '../aws/clients';
import type { RecoverService } from '../recover/types';

type CommandCtor = new (input: never) => object;

/**
 * The SDK commands validation sends: reads, plus the three re-apply writes of `validate.reapply`
 * (all in the operations registry; the guard refuses anything else).
 */
const COMMANDS: Record<RecoverService, Record<string, CommandCtor>> = {
  s3: {
    GetBucketVersioning: GetBucketVersioningCommand,
    GetObject: GetObjectCommand,
    HeadObject: HeadObjectCommand,
    ListObjectsV2: ListObjectsV2Command,
  },
  rds: { DescribeDBInstances: DescribeDBInstancesCommand },
  ec2: {
    DescribeInstances: DescribeInstancesCommand,
    DescribeInstanceStatus: DescribeInstanceStatusCommand,
    DescribeVolumes: DescribeVolumesCommand,
  },
  dynamodb: {
    DescribeContinuousBackups: DescribeContinuousBackupsCommand,
    DescribeTable: DescribeTableCommand,
    DescribeTimeToLive: DescribeTimeToLiveCommand,
    GetItem: GetItemCommand,
    ListTagsOfResource: ListTagsOfResourceCommand,
    Scan: ScanCommand,
    TagResource: TagResourceCommand,
    UpdateContinuousBackups: UpdateContinuousBackupsCommand,
    UpdateTimeToLive: UpdateTimeToLiveCommand,
  },
};

/** Every operation validation can send, by service (the registry test keeps them registered). */
export function validationOperations(): Array<{ service: RecoverService; operation: string }> {
  return Object.entries(COMMANDS).flatMap(([service, ops]) =>
    Object.keys(ops).map((operation) => ({ service: service as RecoverService, operation })),
  );
}

/** The only writes validation sends: `validate.reapply` on a restored table. */
export const REAPPLY_OPERATIONS: readonly string[] = [
  'UpdateContinuousBackups',
  'UpdateTimeToLive',
  'TagResource',
];

/** An SDK answer with its metadata. */
export type Answer = Record<string, unknown> & { $metadata?: { requestId?: string } };

interface Sender {
  send(command: object): Promise<unknown>;
}

/** Send one validation call through the guarded clients. */
export async function send(
  clients: AwsClients,
  service: RecoverService,
  region: string,
  operation: string,
  params: Record<string, unknown>,
): Promise<Answer> {
  const Ctor = COMMANDS[service][operation];
  if (!Ctor)
    throw new AppError('OPERATION_NOT_ALLOWED', `Validation does not send ${service} ${operation}.`, {
      service,
      operation,
    });
  const client = clients[service](region) as unknown as Sender;
  return (await client.send(new Ctor(params as never))) as Answer;
}

/** The request id of an answer (evidence). */
export function requestIdOf(answer: Answer | null | undefined): string | null {
  return answer?.$metadata?.requestId ?? null;
}

/** The AWS error code of a failure (`NoSuchKey`, `ResourceNotFoundException` …), or its message. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: string; Code?: string; message?: string };
    const code = e.Code ?? e.name ?? 'Error';
    return `${code}: ${e.message ?? ''}`.trim();
  }
  return String(error);
}

/** True when the error says the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  return /NotFound|NoSuchKey|NoSuchBucket|ResourceNotFoundException/.test(errorText(error));
}
