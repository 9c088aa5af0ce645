import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** A credential provider that can be told to forget what it handed out (after a new login). */
export interface RefreshableCredentials {
  /** Give this to SDK clients as `credentials`. */
  readonly provider: AwsCredentialIdentityProvider;
  /**
   * Forget the cached credentials: the next request of every client (whose SDK cache holds
   * our identity objects) asks for fresh ones, e.g. read from the new SSO token.
   */
  invalidate(): void;
}

type IssuedIdentity = { -readonly [K in keyof AwsCredentialIdentity]: AwsCredentialIdentity[K] };

const NO_EXPIRY_REFRESH_MS = 12 * 60 * 60 * 1000;
const MAX_TRACKED = 256;

/**
 * Wrap a provider factory so cached credentials can be invalidated. The SDK memoises each
 * client's identity until it nears `expiration`; we give every identity an expiration (long
 * ones get 12 hours) and, on {@link RefreshableCredentials.invalidate}, set the issued ones to
 * the past, so every client refreshes on its next request.
 */
export function createRefreshableCredentials(
  factory: () => AwsCredentialIdentityProvider,
): RefreshableCredentials {
  let inner: AwsCredentialIdentityProvider | null = null;
  let issued: IssuedIdentity[] = [];
  const provider: AwsCredentialIdentityProvider = async (options) => {
    inner ??= factory();
    const identity = await inner(options);
    const copy: IssuedIdentity = {
      ...identity,
      expiration: identity.expiration ?? new Date(Date.now() + NO_EXPIRY_REFRESH_MS),
    };
    issued.push(copy);
    if (issued.length > MAX_TRACKED) issued = issued.slice(-MAX_TRACKED);
    return copy;
  };
  return {
    provider,
    invalidate() {
      inner = null;
      for (const identity of issued) identity.expiration = new Date(0);
      issued = [];
    },
  };
}
