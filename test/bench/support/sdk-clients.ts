import { EC2Client, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { RDSClient, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { HttpHandler } from '@smithy/protocol-http';
import { reuseSigner, type ClientWithSigner } from '../../../electron/core/aws/reuse-signer';

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

/** How the benchmark builds an SDK client. */
export interface ClientTuning {
  /**
   * Build clients as electron/core/aws builds tabletop ones: with the SDK's `cacheMiddleware`
   * (each command's middleware stack resolved once per client) and {@link reuseSigner} (one SigV4
   * signer per client instead of one per call). False: the SDK's defaults.
   */
  asApp?: boolean;
}

/** The config of a benchmark client: fixed credentials, no retries (a failing call fails the case). */
export function benchClientConfig(
  transport: Transport,
  region: string,
  { asApp = false }: ClientTuning = {},
) {
  return {
    region,
    credentials: BENCH_CREDENTIALS,
    maxAttempts: 1,
    cacheMiddleware: asApp,
    ...transport,
  } as const;
}

/** {@link reuseSigner} when the clients are built as the app builds them. */
export function tuned<C extends ClientWithSigner>(client: C, { asApp = false }: ClientTuning = {}): C {
  return asApp ? reuseSigner(client) : client;
}

/**
 * The simple describe calls of the benchmark, one per protocol: STS and RDS (AWS Query),
 * EC2 (EC2 Query), S3 (REST-XML), through clients built once.
 */
export function describeCalls(
  transport: Transport,
  region: string,
  tuning: ClientTuning = {},
): DescribeCall[] {
  const common = benchClientConfig(transport, region, tuning);
  const sts = tuned(new STSClient(common), tuning);
  const rds = tuned(new RDSClient(common), tuning);
  const ec2 = tuned(new EC2Client(common), tuning);
  const s3 = tuned(new S3Client({ ...common, forcePathStyle: true }), tuning);
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
