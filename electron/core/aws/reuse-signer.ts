import type { AuthScheme, RequestSigner } from '@smithy/types';

/** A built SDK v3 client whose resolved config holds the SigV4 signer factory. */
export interface ClientWithSigner {
  config: { signer: (authScheme?: AuthScheme) => Promise<RequestSigner> };
}

/**
 * Make a client build its SigV4 signer once per auth scheme instead of on every call.
 *
 * The SDK's default `signer` constructs a new `SignatureV4` for each request (copying the whole
 * client config into it), so the signing key it derives with four HMACs is never reused: about a
 * tenth of a simulated call's CPU. Every request is still signed in full; only the signer object,
 * and with it its signing-key cache, is kept. That cache is keyed by date, region, service and
 * credentials, and the signer asks the client's credential provider on every request, so
 * refreshed or rotated credentials are used as before. The region and service to sign for are
 * passed on each `sign()` call by the SDK, and schemes differing in them get their own signer.
 * A provider assigned to `client.config.credentials` after this call is not followed: the app
 * never does that, it refreshes through the provider the client was built with.
 */
export function reuseSigner<C extends ClientWithSigner>(client: C): C {
  const build = client.config.signer;
  const signers = new Map<string, Promise<RequestSigner>>();
  client.config.signer = (authScheme?: AuthScheme) => {
    const key = `${authScheme?.name ?? ''}|${authScheme?.signingName ?? ''}|${authScheme?.signingRegion ?? ''}`;
    let signer = signers.get(key);
    if (!signer) {
      signer = build(authScheme);
      // A failed build (no region yet, say) is not kept: the next call tries again.
      signer.catch(() => signers.delete(key));
      signers.set(key, signer);
    }
    return signer;
  };
  return client;
}
