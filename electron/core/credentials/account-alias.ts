import type { AwsClients } from '../aws/clients';
import { ssoAccountName } from './identity';
import type { ProfileInfo } from './profiles';
import { readSsoToken, ssoCacheKey } from './token-cache';

/**
 * The display names of SSO accounts (IAM Identity Center's ListAccounts with the cached token),
 * remembered per profile and account. A nicety: any failure gives null and the header shows the
 * account id alone.
 */
export class SsoAccountAliases {
  private readonly cache = new Map<string, string | null>();

  /** The account's name as the profile's SSO portal lists it, or null (not SSO, no token, no answer). */
  async lookup(input: {
    cacheDir: string;
    profile: string | null;
    info: ProfileInfo | null;
    clients: AwsClients;
    accountId: string;
  }): Promise<string | null> {
    const sso = input.info?.sso;
    const key = sso ? ssoCacheKey(sso) : null;
    if (!sso?.region || !key) return null;
    const cacheKey = `${input.profile}/${input.accountId}`;
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey) ?? null;
    try {
      const token = await readSsoToken(input.cacheDir, key);
      if (!token) return null;
      const name = await ssoAccountName(input.clients, sso.region, token.accessToken, input.accountId);
      this.cache.set(cacheKey, name);
      return name;
    } catch {
      // The alias is a nicety: without it the header shows the account id alone.
      return null;
    }
  }
}
