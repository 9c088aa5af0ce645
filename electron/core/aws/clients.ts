import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { HttpHandler, HttpRequest } from '@smithy/protocol-http';
import type { AwsCredentialIdentityProvider, HttpHandlerOptions, MiddlewareStack } from '@smithy/types';
import type { AppMode } from '../api/calls/app';
import { awsConfigPaths } from '../credentials/aws-config-paths';
import { GUARD_MIDDLEWARE_NAME, operationGuardMiddleware, type OperationPolicy } from './guard';
import type { AwsService } from './operations';
import { createRefreshableCredentials, type RefreshableCredentials } from './refreshable-credentials';
import { SESSION_GATE_MIDDLEWARE_NAME, type SessionGate } from './session-gate';
import { endpointFor } from './endpoints';
import { reuseSigner, type ClientWithSigner } from './reuse-signer';

/** The fixed, fake credentials of tabletop mode (the simulator accepts any signature). */
export const TABLETOP_CREDENTIALS = {
  accessKeyId: 'AKIDTABLETOPEXAMPLE',
  secretAccessKey: 'tabletop-secret-not-a-real-key',
} as const;

/** Timeouts and retries of one flavour of clients. */
export interface ClientTuning {
  /** Give up on a request that gets no answer after this many ms (per attempt). */
  requestTimeoutMs: number;
  /** Give up connecting after this many ms (live mode). */
  connectionTimeoutMs: number;
  /** Attempts per call, first one included (the SDK's adaptive retry). */
  maxAttempts: number;
}

/** Generous defaults for recovery work (restores are slow, AWS is busy during an outage). */
export const DEFAULT_TUNING: ClientTuning = {
  requestTimeoutMs: 60_000,
  connectionTimeoutMs: 5_000,
  maxAttempts: 8,
};

/** Short timeouts and few retries, for scans that must not hang on a dead region. */
export const FAST_FAIL_TUNING: ClientTuning = {
  requestTimeoutMs: 4_000,
  connectionTimeoutMs: 2_000,
  maxAttempts: 2,
};

/** The in-process request handler a tabletop simulator offers (`createSimulator().requestHandler`). */
export type SimulatorRequestHandler = Pick<HttpHandler, 'handle'>;

/** Options of {@link createAwsClients}. */
export interface AwsClientsOptions {
  mode: AppMode;
  /** LIVE: the AWS profile to act as (the node provider chain's default when absent). */
  profile?: string;
  /** The environment to read `AWS_CONFIG_FILE`, `AWS_ENDPOINT_URL`… from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** TABLETOP: the simulator's request handler (required in TABLETOP). */
  simulator?: SimulatorRequestHandler;
  /** Replace the credential provider (tests; in any mode). */
  credentials?: AwsCredentialIdentityProvider;
  /** Timeouts and retries (default {@link DEFAULT_TUNING}). */
  tuning?: Partial<ClientTuning>;
  /** A restriction on top of the registry (e.g. read-only for the assessment). */
  policy?: OperationPolicy;
  /** Pause-on-expiry gate shared by every client of this session. */
  sessionGate?: SessionGate;
}

/** The SDK clients the app may use, all guarded, cached per region. */
export interface AwsClients {
  readonly mode: AppMode;
  /** The profile the clients act as (undefined in tabletop or with the default chain). */
  readonly profile: string | undefined;
  s3(region: string): S3Client;
  rds(region: string): RDSClient;
  ec2(region: string): EC2Client;
  dynamodb(region: string): DynamoDBClient;
  sts(region: string): STSClient;
  /** The SSO portal (GetRoleCredentials, ListAccounts): bearer-token calls, no credentials. */
  sso(region: string): SSOClient;
  /** SSO OIDC (the device-authorization login): unsigned calls. */
  ssoOidc(region: string): SSOOIDCClient;
  /** The same account and credentials with short timeouts and few retries (scans of a failing region). */
  fastFail(): AwsClients;
  /**
   * The same clients without the session gate: an expired session fails at once instead of
   * pausing (identity checks and the session status must answer, never wait for a login).
   */
  ungated(): AwsClients;
  /**
   * The same account and credentials, restricted further by a policy (e.g. `allowKinds(['read'], …)`).
   * Cached per policy function: the same policy gives the same clients.
   */
  withPolicy(policy: OperationPolicy): AwsClients;
  /** Forget cached credentials (after a login) so the next call reads fresh ones. */
  refreshCredentials(): void;
  /** Close every client's connections. */
  destroy(): void;
}

interface DestroyableClient {
  destroy(): void;
}

interface Shared {
  mode: AppMode;
  profile: string | undefined;
  env: NodeJS.ProcessEnv;
  credentials: RefreshableCredentials;
  simulator: SimulatorRequestHandler | undefined;
  sessionGate: SessionGate | undefined;
  views: Set<ClientsView>;
}

/** Wrap the simulator's handler so a tuning's request timeout applies to in-process calls too. */
function tabletopHandler(simulator: SimulatorRequestHandler, tuning: ClientTuning): HttpHandler {
  const config: Record<string, unknown> = {};
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    handle: (request: HttpRequest, options: HttpHandlerOptions = {}) =>
      simulator.handle(request, { requestTimeout: tuning.requestTimeoutMs, ...options }),
    updateHttpClientConfig(key: never, value: never) {
      config[key] = value;
    },
    httpHandlerConfigs: () => config as never,
    destroy: () => undefined,
  };
}

class ClientsView implements AwsClients {
  private readonly cache = new Map<string, DestroyableClient>();
  private fast: ClientsView | undefined;
  private ungatedView: ClientsView | undefined;
  private readonly policyViews = new Map<OperationPolicy, ClientsView>();

  constructor(
    private readonly shared: Shared,
    private readonly tuning: ClientTuning,
    private readonly policy: OperationPolicy | undefined,
    private readonly gated = true,
  ) {
    shared.views.add(this);
  }

  get mode(): AppMode {
    return this.shared.mode;
  }

  get profile(): string | undefined {
    return this.shared.profile;
  }

  private common(service: AwsService, region: string) {
    const { shared, tuning } = this;
    const endpoint = shared.mode === 'LIVE' ? endpointFor(service, shared.env) : undefined;
    return {
      region,
      maxAttempts: tuning.maxAttempts,
      retryMode: 'adaptive',
      // Tabletop only: resolve each command's middleware stack once per client (about 20 % more
      // simulated calls a second). The guard and the session gate are installed when the client
      // is built, so the cache holds them. Not live: cached handlers share one context object
      // between concurrent calls, which is harmless against the one simulator endpoint but not
      // worth the doubt against per-bucket S3 endpoints for a fraction of a millisecond.
      cacheMiddleware: shared.mode === 'TABLETOP',
      ...(endpoint ? { endpoint } : {}),
      requestHandler:
        shared.mode === 'TABLETOP' && shared.simulator
          ? tabletopHandler(shared.simulator, tuning)
          : { requestTimeout: tuning.requestTimeoutMs, connectionTimeout: tuning.connectionTimeoutMs },
    } as const;
  }

  private get<C extends DestroyableClient>(service: AwsService, region: string, build: () => C): C {
    if (!/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/.test(region)) {
      throw new Error(`"${region}" is not an AWS region name (expected something like us-west-2).`);
    }
    const key = `${service}/${region}`;
    const cached = this.cache.get(key);
    if (cached) return cached as C;
    const client = build();
    this.cache.set(key, client);
    return client;
  }

  /** Add the guard (and the session gate) to a new client's stack. */
  private install<
    C extends { middlewareStack: Pick<MiddlewareStack<I, O>, 'add'> },
    I extends object,
    O extends object,
  >(service: AwsService, client: C & { middlewareStack: Pick<MiddlewareStack<I, O>, 'add'> }): C {
    client.middlewareStack.add(operationGuardMiddleware<I, O>(service, this.policy), {
      step: 'initialize',
      name: GUARD_MIDDLEWARE_NAME,
      priority: 'high',
      override: true,
    });
    if (this.gated && this.shared.sessionGate && service !== 'sso-oidc') {
      client.middlewareStack.add(this.shared.sessionGate.middleware<I, O>(service), {
        step: 'initialize',
        name: SESSION_GATE_MIDDLEWARE_NAME,
        priority: 'low',
        override: true,
      });
    }
    return client;
  }

  /** {@link install} for a SigV4-signed client, which also keeps its signer ({@link reuseSigner}). */
  private signed<
    C extends ClientWithSigner & { middlewareStack: Pick<MiddlewareStack<I, O>, 'add'> },
    I extends object,
    O extends object,
  >(service: AwsService, client: C): C {
    return this.install<C, I, O>(service, reuseSigner(client));
  }

  s3(region: string): S3Client {
    return this.get('s3', region, () => {
      const common = this.common('s3', region);
      return this.signed(
        's3',
        new S3Client({
          ...common,
          credentials: this.shared.credentials.provider,
          forcePathStyle: 'endpoint' in common || this.shared.mode === 'TABLETOP',
        }),
      );
    });
  }

  rds(region: string): RDSClient {
    return this.get('rds', region, () =>
      this.signed(
        'rds',
        new RDSClient({ ...this.common('rds', region), credentials: this.shared.credentials.provider }),
      ),
    );
  }

  ec2(region: string): EC2Client {
    return this.get('ec2', region, () =>
      this.signed(
        'ec2',
        new EC2Client({ ...this.common('ec2', region), credentials: this.shared.credentials.provider }),
      ),
    );
  }

  dynamodb(region: string): DynamoDBClient {
    return this.get('dynamodb', region, () =>
      this.signed(
        'dynamodb',
        new DynamoDBClient({
          ...this.common('dynamodb', region),
          credentials: this.shared.credentials.provider,
        }),
      ),
    );
  }

  sts(region: string): STSClient {
    return this.get('sts', region, () =>
      this.signed(
        'sts',
        new STSClient({ ...this.common('sts', region), credentials: this.shared.credentials.provider }),
      ),
    );
  }

  sso(region: string): SSOClient {
    return this.get('sso', region, () => this.install('sso', new SSOClient(this.common('sso', region))));
  }

  ssoOidc(region: string): SSOOIDCClient {
    return this.get('sso-oidc', region, () =>
      this.install('sso-oidc', new SSOOIDCClient(this.common('sso-oidc', region))),
    );
  }

  fastFail(): AwsClients {
    this.fast ??= new ClientsView(this.shared, { ...FAST_FAIL_TUNING }, this.policy, this.gated);
    return this.fast;
  }

  ungated(): AwsClients {
    this.ungatedView ??= new ClientsView(this.shared, this.tuning, this.policy, false);
    return this.ungatedView;
  }

  withPolicy(policy: OperationPolicy): AwsClients {
    const cached = this.policyViews.get(policy);
    if (cached) return cached;
    const outer = this.policy;
    const combined: OperationPolicy = outer ? (op) => outer(op) ?? policy(op) : policy;
    const view = new ClientsView(this.shared, this.tuning, combined, this.gated);
    this.policyViews.set(policy, view);
    return view;
  }

  refreshCredentials(): void {
    this.shared.credentials.invalidate();
  }

  destroy(): void {
    for (const view of this.shared.views) view.destroyOwn();
  }

  private destroyOwn(): void {
    for (const client of this.cache.values()) client.destroy();
    this.cache.clear();
  }
}

function liveCredentials(
  options: AwsClientsOptions,
  env: NodeJS.ProcessEnv,
): () => AwsCredentialIdentityProvider {
  if (options.credentials) {
    const fixed = options.credentials;
    return () => fixed;
  }
  const paths = awsConfigPaths(env);
  return () =>
    fromNodeProviderChain({
      ...(options.profile ? { profile: options.profile } : {}),
      filepath: paths.credentialsFile,
      configFilepath: paths.configFile,
      ignoreCache: true,
    });
}

/**
 * Build the app's AWS clients. LIVE: credentials from the profile through the SDK's provider
 * chain (SSO, static keys, assume-role, credential_process), adaptive retries, and the
 * endpoints AWS resolves or `AWS_ENDPOINT_URL[_SERVICE]`. TABLETOP: the same clients answered
 * in-process by the simulator, with fixed fake credentials. Every client refuses operations
 * outside the registry before anything is sent; this factory is the only way app code gets one.
 */
export function createAwsClients(options: AwsClientsOptions): AwsClients {
  const env = options.env ?? process.env;
  if (options.mode === 'TABLETOP' && !options.simulator) {
    throw new Error(
      'Tabletop clients need the simulator: pass createAwsClients({ mode: "TABLETOP", simulator }).',
    );
  }
  const credentials =
    options.mode === 'TABLETOP' && !options.credentials
      ? createRefreshableCredentials(() => async () => ({ ...TABLETOP_CREDENTIALS }))
      : createRefreshableCredentials(liveCredentials(options, env));
  const shared: Shared = {
    mode: options.mode,
    profile: options.mode === 'LIVE' ? options.profile : undefined,
    env,
    credentials,
    simulator: options.simulator,
    sessionGate: options.sessionGate,
    views: new Set(),
  };
  return new ClientsView(shared, { ...DEFAULT_TUNING, ...options.tuning }, options.policy);
}
