import type { RecoverService } from '../types';
import { Semaphore } from './semaphore';

/**
 * The bound on AWS requests in flight, one per service endpoint (service and region). AWS
 * throttles each service's API per account and region, and the SDK keeps one connection pool
 * per client (service and region): a single bound across services only made RDS restores wait
 * behind EC2 launches that AWS would have taken at once.
 */
export class RequestLimits {
  private readonly endpoints = new Map<string, Semaphore>();

  constructor(readonly perEndpoint: number) {
    if (!Number.isInteger(perEndpoint) || perEndpoint < 1)
      throw new Error(`The request concurrency must be a whole number of at least 1 (got ${perEndpoint}).`);
  }

  /** The semaphore of one endpoint (created on first use). */
  of(service: RecoverService, region: string): Semaphore {
    const key = `${service}/${region}`;
    let semaphore = this.endpoints.get(key);
    if (!semaphore) {
      semaphore = new Semaphore(this.perEndpoint);
      this.endpoints.set(key, semaphore);
    }
    return semaphore;
  }

  /** Run one request inside its endpoint's bound. */
  run<T>(service: RecoverService, region: string, fn: () => Promise<T>): Promise<T> {
    return this.of(service, region).run(fn);
  }

  /** Requests in flight across every endpoint. */
  get inFlight(): number {
    let n = 0;
    for (const s of this.endpoints.values()) n += s.inUse;
    return n;
  }
}
