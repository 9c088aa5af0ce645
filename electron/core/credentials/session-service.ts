import path from 'node:path';
import type { AppMode } from '../api/calls/app';
import type {
  LoginStartView,
  LoginStateView,
  ProfilesView,
  ProfileView,
  SessionStatusView,
  SsoSessionView,
} from '../api/calls/session';
import { AppError } from '../api/errors';
import type { AppEvent } from '../api/events';
import { createAwsClients, type AwsClients, type SimulatorRequestHandler } from '../aws/clients';
import { SessionGate } from '../aws/session-gate';
import { SsoAccountAliases } from './account-alias';
import { awsConfigPaths } from './aws-config-paths';
import type { FlowTiming } from './device-flow';
import { expiryNotice, type ExpiryMark } from './expiry-notice';
import { callerIdentityInRegions } from './identity';
import { firstAnswer, identityView } from './identity-view';
import { LoginManager, type LoginTarget } from './login-manager';
import { loadProfiles, type ProfileInfo, type ProfilesResult } from './profiles';
import { loginCommand, toProfileView } from './profile-view';
import { TABLETOP_PROFILE, chooseProfile, loginTargetFor, noSuchProfile } from './session-choices';
import { readSessionSettings, writeSessionSettings } from './settings';
import { ensureTabletopToken, tabletopProfiles } from './tabletop-session';
import { EXPIRY_WARNING_SECONDS, sessionStateAt, ssoCacheKey, ssoSessionStatus } from './token-cache';
import { isAllowedVerificationUrl } from './verification-url';

/** How often the background watch re-checks the identity in both regions (a region coming back shows up). */
const IDENTITY_RECHECK_MS = 2 * 60 * 1000;

/** What the session service needs of the tabletop simulator. */
export interface TabletopAccount {
  readonly requestHandler: SimulatorRequestHandler;
  readonly accountAlias: string | undefined;
  state<T>(signingName: string): T;
}

/** Options of a {@link SessionService}. */
export interface SessionServiceOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  mode: AppMode;
  /** The DR procedure's regions. */
  regions: () => Promise<{ primary: string; secondary: string }>;
  emit: (event: AppEvent) => void;
  /** TABLETOP: the in-process simulator. */
  simulator?: () => Promise<TabletopAccount>;
  /** TABLETOP: approve a user code in the simulator. */
  approveTabletop?: (userCode: string) => Promise<void>;
  /** Clock and waiting of the login polling (tests). */
  timing?: FlowTiming;
  /** The current time (tests). */
  now?: () => Date;
}

interface Selection {
  profile: string | null;
  info: ProfileInfo | null;
  clients: AwsClients;
  gate: SessionGate;
}

/**
 * The AWS session of the app: which profile it acts as (remembered in `settings.json`), the
 * guarded clients every other service uses (`await core.session.clients()`), the identity in
 * both regions, the SSO session's expiry (with `session.expiring` / `session.expired` events),
 * the pause-on-expiry gate, and the in-app login. Nothing secret leaves this object.
 */
export class SessionService {
  private selection: Promise<Selection> | null = null;
  private lastStatus: SessionStatusView | null = null;
  private warned = new Map<string, ExpiryMark>();
  private watch: ReturnType<typeof setInterval> | null = null;
  private readonly logins: LoginManager;
  private readonly now: () => Date;
  private readonly aliases = new SsoAccountAliases();

  constructor(private readonly options: SessionServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.logins = new LoginManager({
      oidc: async (region) => (await this.selected()).clients.ssoOidc(region),
      emit: (login) => this.options.emit({ type: 'session.login', login }),
      onApproved: (target, expiresAt) => this.afterLogin(target, expiresAt),
      openUrl: (url) => {
        if (!isAllowedVerificationUrl(url)) return false;
        this.options.emit({ type: 'shell.request', action: 'openExternal', target: url });
        return true;
      },
      ...(options.approveTabletop ? { approveTabletop: options.approveTabletop } : {}),
      ...(options.timing ? { timing: options.timing } : {}),
    });
  }

  private get tabletop(): boolean {
    return this.options.mode === 'TABLETOP';
  }

  /** Where SSO tokens are cached: the AWS CLI's folder, or the exercise's own in tabletop. */
  private cacheDir(): string {
    return this.tabletop
      ? path.join(this.options.dataDir, 'tabletop', 'sso-cache')
      : awsConfigPaths(this.options.env).ssoCacheDir;
  }

  private async readProfiles(): Promise<ProfilesResult> {
    if (this.tabletop) return tabletopProfiles((await this.options.regions()).secondary);
    return loadProfiles(this.options.env);
  }

  private async choose(result: ProfilesResult): Promise<string | null> {
    if (this.tabletop) return TABLETOP_PROFILE;
    return chooseProfile(result, (await readSessionSettings(this.options.dataDir)).lastProfile);
  }

  private async build(profile: string | null, info: ProfileInfo | null): Promise<Selection> {
    const gate: SessionGate = new SessionGate({
      profile: profile ?? '(environment)',
      onExpired: (notice) =>
        this.options.emit({ type: 'session.expired', profile: notice.profile, during: notice.during }),
      onReopen: () => clients.refreshCredentials(),
    });
    let clients: AwsClients;
    if (this.tabletop) {
      if (!this.options.simulator)
        throw new AppError('INTERNAL', 'Tabletop mode needs the simulator, and none was given.');
      const sim = await this.options.simulator();
      clients = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler, sessionGate: gate });
      await ensureTabletopToken(
        this.cacheDir(),
        async () => (await this.options.regions()).secondary,
        this.now,
      );
    } else {
      clients = createAwsClients({
        mode: 'LIVE',
        env: this.options.env,
        sessionGate: gate,
        ...(profile ? { profile } : {}),
      });
    }
    return { profile, info, clients, gate };
  }

  private selected(): Promise<Selection> {
    this.selection ??= (async () => {
      const result = await this.readProfiles();
      const profile = await this.choose(result);
      return this.build(profile, result.profiles.find((p) => p.name === profile) ?? null);
    })();
    const pending = this.selection;
    pending.catch(() => {
      if (this.selection === pending) this.selection = null;
    });
    return pending;
  }

  /** The guarded AWS clients of the chosen profile (or of the simulator). Every AWS call of the app goes through them. */
  async clients(): Promise<AwsClients> {
    return (await this.selected()).clients;
  }

  /** The pause-on-expiry gate of the chosen profile. */
  async gate(): Promise<SessionGate> {
    return (await this.selected()).gate;
  }

  private async sessionOf(info: ProfileInfo | null): Promise<SsoSessionView | null> {
    if (!info?.sso) return null;
    const key = this.tabletop ? TABLETOP_PROFILE : ssoCacheKey(info.sso);
    if (!key) return null;
    return ssoSessionStatus(this.cacheDir(), key, this.now());
  }

  /** Every profile with its kind and session state, the file problems, and the chosen profile. */
  async profiles(): Promise<ProfilesView> {
    const result = await this.readProfiles();
    const views: ProfileView[] = await Promise.all(
      result.profiles.map(async (p) => {
        const view = toProfileView(p, await this.sessionOf(p));
        return this.tabletop ? { ...view, kind: 'tabletop' as const } : view;
      }),
    );
    const selection = await this.selected();
    return {
      mode: this.options.mode,
      profiles: views,
      issues: result.issues,
      selected: selection.profile,
      configFile: result.configFile,
      credentialsFile: result.credentialsFile,
    };
  }

  /**
   * Act as another profile; remembered for the next start unless `remember` is false. A missing
   * profile lists those that exist. Choosing the current profile again reads fresh credentials
   * and resumes work paused on an expired session (for profiles refreshed outside the app).
   */
  async select(profile: string, options: { remember?: boolean } = {}): Promise<SessionStatusView> {
    const result = await this.readProfiles();
    const info = result.profiles.find((p) => p.name === profile);
    if (!info) throw noSuchProfile(profile, result);
    const previous = this.selection ? await this.selection.catch(() => null) : null;
    if (previous && previous.profile === profile) {
      // The same profile again: read fresh credentials (refreshed outside the app) and resume paused work.
      previous.info = info;
      previous.clients.refreshCredentials();
      previous.gate.reopen();
    } else {
      previous?.gate.cancelWaiting(`The app now acts as profile "${profile}"; start the paused work again.`);
      this.selection = this.build(profile, info);
      await this.selection;
    }
    if (!this.tabletop && options.remember !== false) {
      await writeSessionSettings(this.options.dataDir, { lastProfile: profile });
    }
    this.warned.clear();
    const status = await this.status({ refresh: true });
    return status;
  }

  private async alias(selection: Selection, accountId: string): Promise<string | null> {
    if (this.tabletop) return (await this.options.simulator?.())?.accountAlias ?? null;
    return this.aliases.lookup({
      cacheDir: this.cacheDir(),
      profile: selection.profile,
      info: selection.info,
      clients: selection.clients,
      accountId,
    });
  }

  /** Who the app acts as, STS reachability in both regions, and the session expiry. */
  async status(input: { refresh?: boolean } = {}): Promise<SessionStatusView> {
    this.startWatch();
    const selection = await this.selected();
    const session = await this.sessionOf(selection.info);
    if (this.lastStatus && !input.refresh && this.lastStatus.profile === selection.profile) {
      return { ...this.lastStatus, session, paused: selection.gate.closed };
    }
    const regions = await callerIdentityInRegions(selection.clients, await this.options.regions());
    const answer = firstAnswer(regions);
    const identity = answer ? identityView(answer, await this.alias(selection, answer.accountId)) : null;
    const info = selection.info;
    const status: SessionStatusView = {
      mode: this.options.mode,
      profile: selection.profile,
      profileKind: this.tabletop ? 'tabletop' : (info?.kind ?? null),
      identity,
      regions,
      session,
      warnAtSeconds: EXPIRY_WARNING_SECONDS,
      paused: selection.gate.closed,
      canLogin: Boolean(info?.sso?.startUrl && info.sso.region),
      loginCommand: this.tabletop || !info ? null : loginCommand(info),
      checkedAt: this.now().toISOString(),
    };
    this.lastStatus = status;
    this.options.emit({ type: 'session.changed', status });
    return status;
  }

  /**
   * Compare the chosen profile's SSO session with the clock and emit `session.expiring` (once,
   * within 15 minutes) and `session.expired` (once) for each session.
   */
  async checkExpiry(): Promise<SsoSessionView | null> {
    const selection = await this.selected();
    const session = await this.sessionOf(selection.info);
    if (!session?.expiresAt || selection.profile === null) return session;
    const key = `${selection.profile}@${session.expiresAt}`;
    const notice = expiryNotice(session, selection.profile, this.warned.get(key));
    if (notice) {
      this.warned.set(key, notice.mark);
      this.options.emit(notice.event);
    }
    return session;
  }

  /**
   * Check the expiry every 30 seconds and the identity every 2 minutes in the background
   * (unref'd: never keeps a command alive).
   */
  startWatch(intervalMs = 30_000): void {
    if (this.watch) return;
    this.watch = setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.watch.unref();
  }

  /** One watch round: the expiry check, and a fresh identity check when the last is older than 2 minutes. */
  private async tick(): Promise<void> {
    await this.checkExpiry();
    const last = this.lastStatus ? Date.parse(this.lastStatus.checkedAt) : 0;
    if (this.now().getTime() - last >= IDENTITY_RECHECK_MS) await this.status({ refresh: true });
  }

  private async loginTarget(profile: string | undefined): Promise<LoginTarget> {
    const selection = await this.selected();
    return loginTargetFor(profile ?? selection.profile, await this.readProfiles(), {
      tabletop: this.tabletop,
      cacheDir: this.cacheDir(),
    });
  }

  private async afterLogin(target: LoginTarget, expiresAt: Date): Promise<void> {
    const selection = await this.selected();
    if (selection.profile === target.profile) {
      selection.clients.refreshCredentials();
      selection.gate.reopen();
    }
    this.warned.clear();
    const session = sessionStateAt(expiresAt, this.now());
    if (this.lastStatus && this.lastStatus.profile === target.profile) {
      this.lastStatus = { ...this.lastStatus, session, paused: selection.gate.closed };
    }
    await this.status({ refresh: true }).catch(() => undefined);
  }

  /** Start the SSO device login (default: the chosen profile). */
  loginStart(profile?: string): Promise<LoginStartView> {
    return this.loginTarget(profile).then((target) => this.logins.start(target));
  }

  /** The state of a login. */
  loginPoll(loginId: string): LoginStateView {
    return this.logins.poll(loginId);
  }

  /** Resolves when a login ends (the CLI waits on it). */
  loginWait(loginId: string): Promise<LoginStateView> {
    return this.logins.wait(loginId);
  }

  /** Ask the shell to open the verification page. */
  loginOpen(loginId: string): { opened: boolean; url: string } {
    return this.logins.open(loginId);
  }

  /** Stop waiting for a login. */
  loginCancel(loginId: string): LoginStateView {
    return this.logins.cancel(loginId);
  }

  /** Tabletop: approve a login's code in the simulator. */
  loginApproveTabletop(loginId: string): Promise<LoginStateView> {
    return this.logins.approveTabletop(loginId);
  }

  /** Stop the watch, cancel logins and paused work, close the clients. */
  async close(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
    this.logins.close();
    const selection = this.selection ? await this.selection.catch(() => null) : null;
    selection?.gate.cancelWaiting('The app is closing.');
    selection?.clients.destroy();
  }
}
