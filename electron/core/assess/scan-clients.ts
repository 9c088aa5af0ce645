import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { S3Client } from '@aws-sdk/client-s3';
import type { AssessServiceName } from '../api/calls/assess';
import type { ScanScheduler } from './scheduler';

/** The SDK clients a scan reads with, per region (the guarded clients of `core/aws` in the app). */
export interface ScanClients {
  s3(region: string): S3Client;
  rds(region: string): RDSClient;
  ec2(region: string): EC2Client;
  dynamodb(region: string): DynamoDBClient;
}

/** The client type of each service. */
export interface ScanClientTypes {
  s3: S3Client;
  rds: RDSClient;
  ec2: EC2Client;
  dynamodb: DynamoDBClient;
}

interface Sender {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

interface CommandLike {
  readonly input: unknown;
}

function clientOf<S extends AssessServiceName>(
  clients: ScanClients,
  service: S,
  region: string,
): ScanClientTypes[S] {
  switch (service) {
    case 's3':
      return clients.s3(region) as ScanClientTypes[S];
    case 'rds':
      return clients.rds(region) as ScanClientTypes[S];
    case 'ec2':
      return clients.ec2(region) as ScanClientTypes[S];
    default:
      return clients.dynamodb(region) as ScanClientTypes[S];
  }
}

/**
 * Clients whose `send` goes through the scan's scheduler: the same SDK client objects (so the
 * SDK's paginators accept them), with every call bounded, memoised, retried on throttling,
 * timed out and sent through the fast-fail clients once its region is degraded.
 */
export function scheduledClients(
  scheduler: ScanScheduler,
  normal: ScanClients,
  fast: ScanClients,
): ScanClients {
  const cache = new Map<string, unknown>();
  function make<S extends AssessServiceName>(service: S, region: string): ScanClientTypes[S] {
    const key = `${service}/${region}`;
    const cached = cache.get(key);
    if (cached) return cached as ScanClientTypes[S];
    const base = clientOf(normal, service, region);
    // A child of the real client: `instanceof` still holds for the SDK paginators.
    const proxy = Object.create(base) as ScanClientTypes[S];
    const send = (command: CommandLike): Promise<unknown> => {
      const Ctor = (command as unknown as { constructor: new (input: unknown) => CommandLike }).constructor;
      const operation = Ctor.name.replace(/Command$/, '');
      let first = true;
      return scheduler.call(service, region, operation, command.input, (slot) => {
        // A command object is sent once; a retry after throttling sends a fresh one.
        const toSend = first ? command : new Ctor(command.input);
        first = false;
        const client = (slot.degraded ? clientOf(fast, service, region) : base) as unknown as Sender;
        return client.send(toSend, { abortSignal: slot.signal });
      });
    };
    Object.defineProperty(proxy, 'send', { value: send, enumerable: false });
    cache.set(key, proxy);
    return proxy;
  }
  return {
    s3: (region) => make('s3', region),
    rds: (region) => make('rds', region),
    ec2: (region) => make('ec2', region),
    dynamodb: (region) => make('dynamodb', region),
  };
}
