import { randomUUID } from 'node:crypto';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { LoginStartView, LoginStateView } from '../api/calls/session';
import { AppError, isAppError } from '../api/errors';
import {
  pollForToken,
  realTiming,
  startDeviceAuthorization,
  type DeviceAuthorization,
  type FlowTiming,
} from './device-flow';
import { cliTime, writeSsoToken, type SsoTokenFile } from './token-cache';

/** What a login is for: a profile's SSO settings and where its token goes. */
export interface LoginTarget {
  profile: string;
  startUrl: string;
  ssoRegion: string;
  /** The sso-session name (null for legacy profiles): the cache key and the token format depend on it. */
  sessionName: string | null;
  scopes: string[];
  /** Where the token is written (`~/.aws/sso/cache`, or the exercise's own folder in tabletop). */
  cacheDir: string;
  /** The cache key (sso-session name or start URL). */
  cacheKey: string;
  tabletop: boolean;
  /** The AWS CLI alternative shown beside the code. */
  cliCommand: string;
}

/** Options of a {@link LoginManager}. */
export interface LoginManagerOptions {
  /** The guarded SSO OIDC client of a region. */
  oidc: (region: string) => Promise<SSOOIDCClient>;
  /** Report a login's state (becomes a `session.login` event). */
  emit: (login: LoginStateView) => void;
  /** After the token is written: refresh credentials, reopen the session gate, re-check identity. */
  onApproved: (target: LoginTarget, sessionExpiresAt: Date) => Promise<void>;
  /** Ask the shell to open a verification URL; false when it is not allowed. */
  openUrl: (url: string) => boolean;
  /** Tabletop: approve a user code in the simulator. */
  approveTabletop?: (userCode: string) => Promise<void>;
  timing?: FlowTiming;
}

interface PendingLogin {
  id: string;
  target: LoginTarget;
  auth: DeviceAuthorization;
  view: LoginStateView;
  controller: AbortController;
  done: Promise<LoginStateView>;
}

const MESSAGES: Record<LoginStateView['state'], string> = {
  pending: 'Waiting for you to approve the code in the browser.',
  approved: 'Logged in. AWS work that was paused resumes now.',
  expired: 'The code expired before it was approved. Start the login again.',
  denied: 'The request was denied in the browser. Start the login again if that was a mistake.',
  cancelled: 'The login was cancelled.',
  failed: 'The login failed.',
};

/**
 * The in-app SSO logins: starts the device flow, polls in the background, writes the token in
 * the AWS CLI's format when approved, and reports every state change. Device codes, client
 * secrets and tokens stay inside this object.
 */
export class LoginManager {
  private readonly logins = new Map<string, PendingLogin>();
  private readonly timing: FlowTiming;

  constructor(private readonly options: LoginManagerOptions) {
    this.timing = options.timing ?? realTiming;
  }

  /** Start a login (cancelling an earlier pending one for the same profile). */
  async start(target: LoginTarget): Promise<LoginStartView> {
    for (const login of this.logins.values()) {
      if (login.target.profile === target.profile && login.view.state === 'pending')
        this.finish(login, 'cancelled');
    }
    const oidc = await this.options.oidc(target.ssoRegion);
    const auth = await startDeviceAuthorization(
      oidc,
      {
        startUrl: target.startUrl,
        region: target.ssoRegion,
        scopes: target.scopes,
        clientName: 'dr-war-room',
      },
      this.timing,
    );
    const id = randomUUID();
    const controller = new AbortController();
    const login: PendingLogin = {
      id,
      target,
      auth,
      controller,
      view: {
        loginId: id,
        profile: target.profile,
        state: 'pending',
        message: MESSAGES.pending,
        sessionExpiresAt: null,
      },
      done: Promise.resolve(null as unknown as LoginStateView),
    };
    this.logins.set(id, login);
    login.done = this.run(login, oidc);
    this.options.emit(login.view);
    return {
      loginId: id,
      profile: target.profile,
      userCode: auth.userCode,
      verificationUri: auth.verificationUri,
      verificationUriComplete: auth.verificationUriComplete,
      expiresAt: new Date(auth.expiresAt).toISOString(),
      intervalSeconds: auth.intervalSeconds,
      cliCommand: target.cliCommand,
      canOpenBrowser: !target.tabletop,
      tabletop: target.tabletop,
    };
  }

  private async run(login: PendingLogin, oidc: SSOOIDCClient): Promise<LoginStateView> {
    try {
      const outcome = await pollForToken(oidc, login.auth, {
        signal: login.controller.signal,
        timing: this.timing,
      });
      if (outcome.kind !== 'approved') return this.finish(login, outcome.kind);
      const expiresAt = new Date(outcome.expiresAt);
      await writeSsoToken(login.target.cacheDir, login.target.cacheKey, this.tokenFile(login, outcome));
      await this.options.onApproved(login.target, expiresAt);
      return this.finish(login, 'approved', { sessionExpiresAt: expiresAt.toISOString() });
    } catch (error) {
      const message = isAppError(error) ? error.message : `The login failed: ${(error as Error).message}`;
      return this.finish(login, 'failed', { message });
    }
  }

  private tokenFile(
    login: PendingLogin,
    outcome: { accessToken: string; expiresAt: number; refreshToken: string | null },
  ): SsoTokenFile {
    const base: SsoTokenFile = {
      startUrl: login.target.startUrl,
      region: login.target.ssoRegion,
      accessToken: outcome.accessToken,
      expiresAt: cliTime(new Date(outcome.expiresAt)),
    };
    if (login.target.sessionName === null) return base;
    // sso-session profiles: the SDK and the CLI refresh the token with these.
    return {
      ...base,
      clientId: login.auth.clientId,
      clientSecret: login.auth.clientSecret,
      ...(login.auth.registrationExpiresAt
        ? { registrationExpiresAt: cliTime(new Date(login.auth.registrationExpiresAt)) }
        : {}),
      ...(outcome.refreshToken ? { refreshToken: outcome.refreshToken } : {}),
    };
  }

  private finish(
    login: PendingLogin,
    state: LoginStateView['state'],
    extra: { message?: string; sessionExpiresAt?: string } = {},
  ): LoginStateView {
    if (login.view.state !== 'pending') return login.view;
    if (state !== 'approved') login.controller.abort();
    login.view = {
      ...login.view,
      state,
      message: extra.message ?? MESSAGES[state],
      sessionExpiresAt: extra.sessionExpiresAt ?? null,
    };
    this.options.emit(login.view);
    return login.view;
  }

  private get(loginId: string): PendingLogin {
    const login = this.logins.get(loginId);
    if (!login) throw new AppError('NOT_FOUND', `There is no login "${loginId}": start a new login.`);
    return login;
  }

  /** The current state of a login. */
  poll(loginId: string): LoginStateView {
    return this.get(loginId).view;
  }

  /** Resolves when the login ends (approved, expired, denied, cancelled or failed). */
  wait(loginId: string): Promise<LoginStateView> {
    return this.get(loginId).done;
  }

  /** Ask the shell to open the verification page (only allowlisted URLs are opened). */
  open(loginId: string): { opened: boolean; url: string } {
    const login = this.get(loginId);
    const url = login.auth.verificationUriComplete;
    if (login.target.tabletop) return { opened: false, url };
    return { opened: this.options.openUrl(url), url };
  }

  /** Stop waiting for a login. */
  cancel(loginId: string): LoginStateView {
    return this.finish(this.get(loginId), 'cancelled');
  }

  /** Tabletop: approve the login's user code in the simulator; the background poll then completes it. */
  async approveTabletop(loginId: string): Promise<LoginStateView> {
    const login = this.get(loginId);
    if (!login.target.tabletop || !this.options.approveTabletop) {
      throw new AppError(
        'FORBIDDEN',
        'Only a tabletop login can be approved inside the app; approve a real login in the browser.',
      );
    }
    if (login.view.state !== 'pending') return login.view;
    await this.options.approveTabletop(login.auth.userCode);
    return login.view;
  }

  /** Cancel every pending login (the app is closing). */
  close(): void {
    for (const login of this.logins.values()) this.finish(login, 'cancelled');
  }
}
