import { EC2Client, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { RDSClient, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { HttpHandler } from '@smithy/protocol-http';

/** Fixed, fake credentials: the simulator does not check signatures' secrets. */
export const BENCH_CREDENTIALS = { accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'bench-not-a-secret' };

/** Where the SDK clients send their requests: the in-process simulator, or an HTTP endpoint. */
export type Transport = { requestHandler: HttpHandler } | { endpoint: string };

/** One simple describe call per wire protocol, through the real SDK v3 clients. */
export interface DescribeCall {
  /** `sts:GetCallerIdentity` */
  name: string;
  /** The wire protocol exercised. */
  protocol: string;
  send(): Promise<unknown>;
}

/**
 * The simple describe calls of the benchmark, one per protocol: STS and RDS (AWS Query),
 * EC2 (EC2 Query), S3 (REST-XML), through clients built once. No retries, so a failing call
 * fails the case. `cacheMiddleware` resolves each command's middleware stack once per client
 * (the SDK's default is to resolve it on every call).
 */
export function describeCalls(
  transport: Transport,
  region: string,
  { cacheMiddleware = false }: { cacheMiddleware?: boolean } = {},
): DescribeCall[] {
  const common = { region, credentials: BENCH_CREDENTIALS, maxAttempts: 1, cacheMiddleware, ...transport };
  const sts = new STSClient(common);
  const rds = new RDSClient(common);
  const ec2 = new EC2Client(common);
  const s3 = new S3Client({ ...common, forcePathStyle: true });
  return [
    {
      name: 'sts:GetCallerIdentity',
      protocol: 'Query',
      send: () => sts.send(new GetCallerIdentityCommand({})),
    },
    {
      name: 'rds:DescribeDBInstances',
      protocol: 'Query',
      send: () => rds.send(new DescribeDBInstancesCommand({ MaxRecords: 20 })),
    },
    {
      name: 'ec2:DescribeVolumes',
      protocol: 'EC2 Query',
      send: () => ec2.send(new DescribeVolumesCommand({ MaxResults: 20 })),
    },
    { name: 's3:ListBuckets', protocol: 'REST-XML', send: () => s3.send(new ListBucketsCommand({})) },
  ];
}
