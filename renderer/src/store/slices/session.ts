import type { StateCreator } from 'zustand';
import type {
  LoginStartView,
  LoginStateView,
  ProfilesView,
  SessionStatusView,
} from '../../../../electron/core/api/calls/session';
import type { AppEvent } from '../../../../electron/core/api/events';
import type { ErrorValue } from '../../../../electron/core/api/result';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** A login in progress: what to show (the code and URL) and its state. Never a token. */
export interface LoginInProgress {
  start: LoginStartView;
  state: LoginStateView;
}

/** The AWS session as the UI knows it: identity, expiry, profiles, the login dialog. */
export interface SessionSlice {
  session: Loadable<SessionStatusView>;
  profiles: Loadable<ProfilesView>;
  /** The login dialog: closed (null), starting, or showing a login. */
  login:
    | { phase: 'closed' }
    | { phase: 'starting'; profile: string | null }
    | { phase: 'open'; login: LoginInProgress }
    | {
        phase: 'error';
        error: ErrorValue;
      };
  /** A session warning to show until acted on. */
  sessionAlert: {
    kind: 'expiring' | 'expired';
    profile: string;
    expiresAt: string | null;
    during: string | null;
  } | null;
  /** The profile picker dialog. */
  profilePickerOpen: boolean;
  loadSession(refresh?: boolean): Promise<void>;
  loadProfiles(): Promise<void>;
  selectProfile(profile: string): Promise<boolean>;
  openProfilePicker(): void;
  closeProfilePicker(): void;
  startLogin(profile?: string): Promise<void>;
  openLoginBrowser(): Promise<void>;
  cancelLogin(): Promise<void>;
  approveTabletopLogin(): Promise<void>;
  closeLogin(): void;
  dismissSessionAlert(): void;
  applySessionEvent(event: AppEvent): void;
}

/** Creates the session slice. */
export const createSessionSlice: StateCreator<StoreState, [], [], SessionSlice> = (set, get) => ({
  session: idle,
  profiles: idle,
  login: { phase: 'closed' },
  sessionAlert: null,
  profilePickerOpen: false,

  async loadSession(refresh = false) {
    if (get().session.status !== 'ready') set({ session: { status: 'loading' } });
    const result = await api.session.status(refresh ? { refresh: true } : {});
    set({ session: fromResult(result) });
  },

  async loadProfiles() {
    if (get().profiles.status !== 'ready') set({ profiles: { status: 'loading' } });
    set({ profiles: fromResult(await api.session.profiles({})) });
  },

  async selectProfile(profile) {
    set({ session: { status: 'loading' } });
    const result = await api.session.select({ profile });
    set({ session: fromResult(result), sessionAlert: null });
    if (result.ok) {
      set({ profilePickerOpen: false });
      void get().loadProfiles();
    }
    return result.ok;
  },

  openProfilePicker() {
    set({ profilePickerOpen: true });
    void get().loadProfiles();
  },

  closeProfilePicker() {
    set({ profilePickerOpen: false });
  },

  async startLogin(profile) {
    set({ login: { phase: 'starting', profile: profile ?? null } });
    const result = await api.session['login.start'](profile ? { profile } : {});
    if (!result.ok) {
      set({ login: { phase: 'error', error: result.error } });
      return;
    }
    const start = result.value;
    set({
      login: {
        phase: 'open',
        login: {
          start,
          state: {
            loginId: start.loginId,
            profile: start.profile,
            state: 'pending',
            message: 'Waiting for you to approve the code in the browser.',
            sessionExpiresAt: null,
          },
        },
      },
    });
  },

  async openLoginBrowser() {
    const login = get().login;
    if (login.phase !== 'open') return;
    const result = await api.session['login.open']({ loginId: login.login.start.loginId });
    if (!result.ok) get().pushNotice('error', result.error.message);
  },

  async cancelLogin() {
    const login = get().login;
    if (login.phase === 'open' && login.login.state.state === 'pending') {
      await api.session['login.cancel']({ loginId: login.login.start.loginId });
    }
    set({ login: { phase: 'closed' } });
  },

  async approveTabletopLogin() {
    const login = get().login;
    if (login.phase !== 'open') return;
    const result = await api.session['login.approveTabletop']({ loginId: login.login.start.loginId });
    if (!result.ok) get().pushNotice('error', result.error.message);
  },

  closeLogin() {
    set({ login: { phase: 'closed' } });
  },

  dismissSessionAlert() {
    set({ sessionAlert: null });
  },

  applySessionEvent(event) {
    switch (event.type) {
      case 'session.changed':
        set({ session: { status: 'ready', value: event.status } });
        break;
      case 'session.expiring':
        set({
          sessionAlert: {
            kind: 'expiring',
            profile: event.profile,
            expiresAt: event.expiresAt,
            during: null,
          },
        });
        break;
      case 'session.expired': {
        const current = get().session;
        set({
          sessionAlert: { kind: 'expired', profile: event.profile, expiresAt: null, during: event.during },
          ...(current.status === 'ready'
            ? {
                session: {
                  status: 'ready',
                  value: { ...current.value, paused: event.during !== null || current.value.paused },
                },
              }
            : {}),
        });
        break;
      }
      case 'session.login': {
        const login = get().login;
        if (login.phase === 'open' && login.login.start.loginId === event.login.loginId) {
          set({ login: { phase: 'open', login: { ...login.login, state: event.login } } });
        }
        if (event.login.state === 'approved') {
          set({ sessionAlert: null });
          void get().loadSession();
          void get().loadProfiles();
        }
        break;
      }
      default:
        break;
    }
  },
});
