import { useState } from 'react';
import type { ProfileView } from '../../../../electron/core/api/calls/session';
import { ErrorPanel } from '../../components/error-panel';
import { formatCountdown } from '../../components/identity/countdown';
import { useStore } from '../../store/index';
import { useDialogFocus } from './use-dialog-focus';
import './login.css';

const KIND_LABEL: Record<ProfileView['kind'], string> = {
  'sso-session': 'SSO',
  'sso-legacy': 'SSO (legacy)',
  static: 'access keys',
  'assume-role': 'assumed role',
  'credential-process': 'credential process',
  'config-only': 'no credentials',
  tabletop: 'tabletop identity',
};

/** A profile's SSO session in a few words (pure). */
export function sessionWords(profile: ProfileView): string {
  const s = profile.session;
  if (!s) return '';
  if (s.state === 'missing') return 'not logged in';
  if (s.state === 'unreadable') return 'token cache unreadable';
  if (s.state === 'expired') return 'session expired';
  return `session ${formatCountdown(s.secondsLeft ?? 0)} left`;
}

/** Choose the AWS profile the app acts as (on start, and from the header); the choice is remembered. */
export function ProfilePicker() {
  const open = useStore((s) => s.profilePickerOpen);
  if (!open) return null;
  return <ProfilePickerDialog />;
}

function ProfilePickerDialog() {
  const profiles = useStore((s) => s.profiles);
  const session = useStore((s) => s.session);
  const selectProfile = useStore((s) => s.selectProfile);
  const close = useStore((s) => s.closeProfilePicker);
  const loadProfiles = useStore((s) => s.loadProfiles);
  const startLogin = useStore((s) => s.startLogin);
  const current = profiles.status === 'ready' ? profiles.value.selected : null;
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = choice ?? current;
  const chosenProfile =
    profiles.status === 'ready' ? profiles.value.profiles.find((p) => p.name === chosen) : undefined;
  const ref = useDialogFocus<HTMLDivElement>(close, profiles.status);

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog profile-picker"
        role="dialog"
        aria-modal="true"
        aria-labelledby="profile-picker-title"
        tabIndex={-1}
      >
        <h2 id="profile-picker-title">Which AWS profile should the app act as?</h2>
        {profiles.status === 'loading' && <p>Reading the AWS config files…</p>}
        {profiles.status === 'error' && (
          <ErrorPanel
            title="The AWS profiles could not be read"
            error={profiles.error}
            onRetry={() => void loadProfiles()}
          />
        )}
        {profiles.status === 'ready' && (
          <>
            {profiles.value.profiles.length === 0 && (
              <p>
                No profiles in <code>{profiles.value.configFile}</code>. Add one with{' '}
                <code>aws configure sso</code>.
              </p>
            )}
            <fieldset className="profile-list">
              <legend className="muted">Profiles from {profiles.value.configFile}</legend>
              {profiles.value.profiles.map((p) => (
                <label key={p.name} className="profile-option">
                  <input
                    type="radio"
                    name="aws-profile"
                    value={p.name}
                    checked={chosen === p.name}
                    onChange={() => setChoice(p.name)}
                    {...(chosen === p.name ? { 'data-autofocus': true } : {})}
                  />
                  <span className="profile-name">{p.name}</span>
                  <span className="muted">
                    {KIND_LABEL[p.kind]}
                    {p.accountId ? ` · ${p.accountId}` : ''}
                    {p.roleName ? ` · ${p.roleName}` : ''}
                    {p.region ? ` · ${p.region}` : ''}
                    {sessionWords(p) ? ` · ${sessionWords(p)}` : ''}
                  </span>
                  {(p.missing.length > 0 || p.problems.length > 0) && (
                    <span className="profile-problem">
                      {p.missing.length > 0 ? `Missing: ${p.missing.join(', ')}. ` : ''}
                      {p.problems.join(' ')}
                    </span>
                  )}
                </label>
              ))}
            </fieldset>
            {profiles.value.issues.length > 0 && (
              <div className="config-issues" role="note">
                <h3>Problems in the AWS config files (the other profiles still work)</h3>
                <ul>
                  {profiles.value.issues.map((i) => (
                    <li key={`${i.file}:${i.line}`}>
                      <code>
                        {i.file}:{i.line}
                      </code>{' '}
                      {i.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {session.status === 'error' && (
              <ErrorPanel title="That profile did not work" error={session.error} />
            )}
            <div className="dialog-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={!chosen || busy}
                onClick={() => {
                  if (!chosen) return;
                  setBusy(true);
                  void selectProfile(chosen).finally(() => setBusy(false));
                }}
              >
                {chosen ? `Continue as ${chosen}` : 'Choose a profile'}
              </button>
              {chosenProfile && chosenProfile.ssoStartUrl && chosenProfile.ssoRegion && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    close();
                    void startLogin(chosenProfile.kind === 'tabletop' ? undefined : chosenProfile.name);
                  }}
                >
                  Log in to {chosenProfile.name}
                </button>
              )}
              <button type="button" className="button" onClick={close}>
                Cancel
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
