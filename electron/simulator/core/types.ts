import type { ZodType } from 'zod';
import type { Rng, SimErrorShape } from './plain-types';

export type { Rng, SimErrorShape } from './plain-types';

/**
 * The simulator's plug-in contract: the router turns an HTTP request into a {@link SimRequest},
 * picks the {@link ServiceSimulator} by the SigV4 credential scope (or the path for unsigned
 * SSO calls), and the service answers with a {@link SimResponse} in its own wire protocol.
 */

/** A parsed HTTP request as the simulator's services see it. */
export interface SimRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The URL path, percent-decoded segments kept as sent (`/bucket/key%20x`). */
  path: string;
  /** The raw query string without `?`. */
  rawQuery: string;
  /** Query parameters; repeated keys keep the last value (use rawQuery when order matters). */
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The request body. */
  body: Buffer;
  /** The Host header without the port. */
  hostname: string;
  /** Region from the SigV4 scope, the host name, or the simulator's default. */
  region: string;
  /** Service signing name from the SigV4 scope (`s3`, `rds`, `ec2`, `dynamodb`, `sts`, `sso`, `sso-oauth`, `awsssoportal`). */
  service: string;
  /** The access key id that signed the request, when signed. */
  accessKeyId?: string;
}

/** What a service answers. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /**
   * The body is an operation's streaming payload (S3 GetObject): the in-process handler hands it
   * to the SDK as a stream, as the SDK's stream mixin needs. Other bodies go as bytes.
   */
  streaming?: boolean;
}

/** The simulated clock: real elapsed time multiplied by the exercise speed. */
export interface SimClock {
  /** Current simulated time. */
  now(): Date;
  /** Current speed factor (1 to 600). */
  speed(): number;
  setSpeed(speed: number): void;
  /** Jump the simulated clock forward (tests, facilitator). */
  advance(ms: number): void;
}

/** Everything a service may use while answering one request. */
export interface SimContext {
  accountId: string;
  /** Request id to put into the response (header and body, as the protocol does). */
  requestId: string;
  clock: SimClock;
  rng: Rng;
  /** Returns the quota configured for a key, or the default given. */
  quota(key: string, fallback: number): number;
  /** True when the facilitator made this target's restore fail (by target name or id). */
  restoreShouldFail(targetName: string): boolean;
  /** Extra replication lag in ms for a region pair's S3 replication, if a fault sets one. */
  replicationLagMs(sourceRegion: string, destinationRegion: string): number;
  /** True unless a fault makes this region's APIs (optionally of one service) unreachable. */
  regionAvailable(region: string, service?: string): boolean;
}

/** One simulated AWS service. Its state must be plain JSON so the account can be saved and reloaded. */
export interface ServiceSimulator<State = unknown, Section = unknown> {
  /** The SigV4 signing name this service answers (`rds`, `ec2`, `dynamodb`, `s3`, `sts`, …). */
  readonly signingName: string;
  /** A fresh empty state. */
  emptyState(): State;
  /**
   * The zod schema of this service's section of a scenario file (the key is the signing name,
   * e.g. `rds:`). The scenario loader validates the section with it and reports errors as
   * `<file>: rds.instances[2].engine: <message>`.
   */
  readonly scenarioSchema: ZodType<Section>;
  /** Build the initial state from a validated scenario section (resources already existing at t0). */
  fromScenario(section: Section, ctx: SimContext): State;
  /** Answer one request. Unknown operations answer the protocol's unknown-action error, never throw. */
  handle(
    req: SimRequest,
    ctx: SimContext,
    state: State,
    account: SimAccountView,
  ): SimResponse | Promise<SimResponse>;
  /**
   * Encode an error in this service's wire protocol (S3 REST-XML, Query XML, JSON 1.0 …).
   * The router uses it for injected faults (throttling, 5xx), for a {@link SimServiceError}
   * thrown by `handle`, and for unexpected exceptions (500 `InternalFailure`).
   */
  encodeError(error: SimErrorShape, ctx: SimContext): SimResponse;
}

/**
 * Read access to the other services' state, for cross-service facts
 * (e.g. EC2 RunInstances checking an AMI, DynamoDB restoring by source table ARN in another region).
 */
export interface SimAccountView {
  /** The state of another service, by signing name. */
  state<T>(signingName: string): T;
}
