import { useEffect, useRef } from 'react';
import type { SessionStatusView } from '../../../../electron/core/api/calls/session';
import { useStore } from '../../store/index';
import { LoginDialog } from '../../views/login/login-dialog';
import { ProfilePicker } from '../../views/login/profile-picker';
import { describeCountdown, formatCountdown, secondsUntil } from './countdown';
import { useNow } from './use-now';
import './identity.css';

/** The countdown's state at a moment: `ok`, `warn` (15 minutes), `expired`, or `none` (pure). */
export function countdownState(status: SessionStatusView, nowMs: number): 'ok' | 'warn' | 'expired' | 'none' {
  const expiresAt = status.session?.expiresAt;
  if (!expiresAt) return status.session?.state === 'missing' ? 'expired' : 'none';
  const left = secondsUntil(expiresAt, nowMs);
  if (left <= 0) return 'expired';
  return left <= status.warnAtSeconds ? 'warn' : 'ok';
}

/**
 * Always in the header: who the app acts as (account id, alias, role), whether each region's
 * STS answers, and the session's expiry counting down (amber at 15 minutes, red when expired,
 * with a Log in button). Opens the profile picker and hosts the login dialog.
 */
export function IdentityBadge() {
  const session = useStore((s) => s.session);
  const mode = useStore((s) => (s.appInfo.status === 'ready' ? s.appInfo.value.mode : null));
  const alert = useStore((s) => s.sessionAlert);
  const loadSession = useStore((s) => s.loadSession);
  const loadProfiles = useStore((s) => s.loadProfiles);
  const startLogin = useStore((s) => s.startLogin);
  const openProfilePicker = useStore((s) => s.openProfilePicker);
  const dismissAlert = useStore((s) => s.dismissSessionAlert);
  const selectProfile = useStore((s) => s.selectProfile);
  const now = useNow(1000);
  const pickerShown = useRef(false);

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  // The profile picker on start (LIVE with a choice to make), the remembered profile preselected.
  useEffect(() => {
    if (mode !== 'LIVE' || pickerShown.current) return;
    pickerShown.current = true;
    void loadProfiles().then(() => {
      const profiles = useStore.getState().profiles;
      if (profiles.status === 'ready' && profiles.value.profiles.length > 1) openProfilePicker();
    });
  }, [mode, loadProfiles, openProfilePicker]);

  if (session.status === 'idle' || session.status === 'loading') {
    return (
      <div className="identity" data-testid="identity-badge">
        <span className="muted">Checking the AWS identity…</span>
      </div>
    );
  }
  if (session.status === 'error') {
    return (
      <div className="identity" data-testid="identity-badge">
        <button
          type="button"
          className="identity-button identity-problem"
          onClick={openProfilePicker}
          title={session.error.message}
        >
          AWS identity unknown: choose a profile
        </button>
        <ProfilePicker />
        <LoginDialog />
      </div>
    );
  }

  const status = session.value;
  const id = status.identity;
  const state = countdownState(status, now);
  const left = status.session?.expiresAt ? secondsUntil(status.session.expiresAt, now) : null;
  const needsLogin = status.canLogin && (state === 'warn' || state === 'expired' || status.paused);
  const who = id
    ? `Account ${id.accountId}${id.accountAlias ? ` (${id.accountAlias})` : ''}, role ${id.role ?? 'unknown'}, profile ${status.profile ?? 'from the environment'}`
    : `Identity unknown for profile ${status.profile ?? 'from the environment'}`;

  return (
    <div className="identity" data-testid="identity-badge">
      <button
        type="button"
        className={`identity-button${id ? '' : ' identity-problem'}`}
        onClick={openProfilePicker}
        aria-label={`${who}. Change the AWS profile`}
        title={id?.arn ?? 'STS did not answer in either region'}
      >
        {id ? (
          <>
            <span className="identity-alias" data-testid="identity-account">
              {id.accountAlias ? `${id.accountAlias} · ` : ''}
              {id.accountId}
            </span>
            <span className="identity-role" data-testid="identity-role">
              {id.role ?? ''}
            </span>
          </>
        ) : (
          <span>Identity unknown ({status.profile ?? 'environment'})</span>
        )}
      </button>
      <span className="region-reach" role="group" aria-label="STS reachability by region">
        {status.regions.map((r) => (
          <span
            key={r.region}
            role="img"
            className={`reach reach-${r.reachable ? 'ok' : 'down'}`}
            title={
              r.reachable ? `${r.region}: STS answers` : `${r.region}: ${r.error?.message ?? 'no answer'}`
            }
            aria-label={`${r.region} ${r.reachable ? 'answers' : 'does not answer'}`}
          >
            {r.region} {r.reachable ? '✓' : '✗'}
          </span>
        ))}
      </span>
      {left !== null && (
        <span
          className={`session-countdown countdown-${state}`}
          role="timer"
          aria-label={describeCountdown(left)}
          title={`Session expires ${status.session?.expiresAt ?? ''} (${new Date(status.session?.expiresAt ?? 0).toLocaleString()})`}
          data-testid="session-countdown"
        >
          {state === 'expired' ? 'Session expired' : `Session ${formatCountdown(left)}`}
        </span>
      )}
      {left === null && status.session?.state === 'missing' && (
        <span className="session-countdown countdown-expired" data-testid="session-countdown">
          Not logged in
        </span>
      )}
      {status.paused && (
        <span className="session-paused" role="status">
          AWS work paused
        </span>
      )}
      {needsLogin && (
        <button type="button" className="button button-primary" onClick={() => void startLogin()}>
          Log in
        </button>
      )}
      {alert && (
        <div className={`session-alert session-alert-${alert.kind}`} role="alert">
          {alert.kind === 'expiring'
            ? `The AWS session of ${alert.profile} expires in less than 15 minutes. Log in again now to avoid a pause.`
            : `The AWS session of ${alert.profile} expired${alert.during ? ` during ${alert.during}` : ''}. AWS work is paused until you log in; it resumes by itself afterwards.`}
          {status.canLogin ? (
            <button type="button" className="button button-primary" onClick={() => void startLogin()}>
              Log in
            </button>
          ) : (
            status.profile && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => void selectProfile(status.profile ?? '')}
                title="After refreshing this profile's credentials outside the app"
              >
                Retry with fresh credentials
              </button>
            )
          )}
          <button
            type="button"
            className="link-button"
            onClick={dismissAlert}
            aria-label="Dismiss the session warning"
          >
            Dismiss
          </button>
        </div>
      )}
      <ProfilePicker />
      <LoginDialog />
    </div>
  );
}
