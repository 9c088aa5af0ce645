import { StandardRetryStrategy } from '@smithy/core/retry';
import type { AwsClients } from '../aws/clients';
import { allowKinds } from '../aws/guard';
import type { ScanClients } from './scan-clients';

/** Attempts per call the SDK makes for a scan (the scheduler retries throttling itself). */
export const SCAN_SDK_ATTEMPTS = 2;

interface RetryConfigurable {
  config: { retryStrategy: unknown };
}

/**
 * Give a scan's own SDK client the SDK's standard retry strategy instead of the adaptive one:
 * the scheduler already paces throttled calls (halving its concurrency), and the adaptive token
 * bucket would serialise a concurrent scan down to its minimum rate (0.5 calls a second) and
 * turn a little throttling into timeouts. Only clients made for the scan are changed.
 */
function standardRetries<C>(client: C): C {
  const strategy = new StandardRetryStrategy({ maxAttempts: SCAN_SDK_ATTEMPTS });
  (client as unknown as RetryConfigurable).config.retryStrategy = () => Promise.resolve(strategy);
  return client;
}

const cache = new WeakMap<AwsClients, ScanClients>();

/**
 * The clients a scan reads with, from the app's guarded clients: restricted to read operations,
 * with short timeouts and few attempts (the fast-fail flavour, so a dead region costs seconds,
 * not minutes), and standard SDK retries. One set per session clients, reused across scans.
 */
export function scanClientsFor(aws: AwsClients): ScanClients {
  const cached = cache.get(aws);
  if (cached) return cached;
  const view = aws.withPolicy(allowKinds(['read'], 'The assessment')).fastFail();
  const seen = new Set<string>();
  const once = <C>(key: string, client: C): C => {
    if (!seen.has(key)) {
      seen.add(key);
      standardRetries(client);
    }
    return client;
  };
  const clients: ScanClients = {
    s3: (region) => once(`s3/${region}`, view.s3(region)),
    rds: (region) => once(`rds/${region}`, view.rds(region)),
    ec2: (region) => once(`ec2/${region}`, view.ec2(region)),
    dynamodb: (region) => once(`dynamodb/${region}`, view.dynamodb(region)),
  };
  cache.set(aws, clients);
  return clients;
}
