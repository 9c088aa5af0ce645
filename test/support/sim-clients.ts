import type { Simulator } from '../../electron/simulator';

/** Test credentials: the simulator checks none, the SDK only needs some to sign. */
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

/** The SDK v3 client configuration that sends every request to the in-process simulator. */
export interface SimClientConfig {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  requestHandler: Simulator['requestHandler'];
  /** One attempt: a test sees the simulator's answer, not the SDK's retries. */
  maxAttempts: number;
}

/** The configuration of an SDK v3 client in `region` answered by `sim`, with no retries. */
export function simClientConfig(sim: Pick<Simulator, 'requestHandler'>, region: string): SimClientConfig {
  return { region, credentials: { ...TEST_CREDENTIALS }, requestHandler: sim.requestHandler, maxAttempts: 1 };
}

/**
 * An SDK v3 client of any service in `region` answered by `sim`, with no retries:
 * `simClient(RDSClient, sim, 'us-west-2')`.
 */
export function simClient<C>(
  Client: new (config: SimClientConfig) => C,
  sim: Pick<Simulator, 'requestHandler'>,
  region: string,
): C {
  return new Client(simClientConfig(sim, region));
}
