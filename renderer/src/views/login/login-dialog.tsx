import { ErrorPanel } from '../../components/error-panel';
import { formatCountdown, secondsUntil } from '../../components/identity/countdown';
import { useNow } from '../../components/identity/use-now';
import { useStore } from '../../store/index';
import { useDialogFocus } from './use-dialog-focus';
import './login.css';

/**
 * The in-app SSO login: the user code (large), the verification URL, "Open browser" (the main
 * process opens only AWS's verification page), the `aws sso login` alternative, and cancel.
 * Tabletop: the facilitator approves the code here instead.
 */
export function LoginDialog() {
  const login = useStore((s) => s.login);
  const cancelLogin = useStore((s) => s.cancelLogin);
  const closeLogin = useStore((s) => s.closeLogin);
  const startLogin = useStore((s) => s.startLogin);
  const openLoginBrowser = useStore((s) => s.openLoginBrowser);
  const approveTabletopLogin = useStore((s) => s.approveTabletopLogin);
  const transport = useStore((s) => (s.appInfo.status === 'ready' ? s.appInfo.value.transport : 'ipc'));
  const now = useNow(1000);
  const pending = login.phase === 'open' && login.login.state.state === 'pending';
  const focusKey = `${login.phase}:${login.phase === 'open' ? login.login.state.state : ''}`;
  const ref = useDialogFocus<HTMLDivElement>(() => void (pending ? cancelLogin() : closeLogin()), focusKey);
  if (login.phase === 'closed') return null;

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog login-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="login-title"
        tabIndex={-1}
      >
        <h2 id="login-title">Log in to AWS</h2>
        {login.phase === 'starting' && <p aria-live="polite">Starting the login…</p>}
        {login.phase === 'error' && (
          <ErrorPanel
            title="The login could not start"
            error={login.error}
            onRetry={() => void startLogin()}
            retryLabel="Try again"
          />
        )}
        {login.phase === 'open' && (
          <>
            <p className="muted">
              Profile <strong>{login.login.start.profile}</strong>
            </p>
            <p>
              {login.login.start.tabletop
                ? 'Tabletop: the code the participant would confirm in the browser:'
                : 'Confirm this code in the browser:'}
            </p>
            <output className="login-code" aria-label="User code" data-testid="login-user-code">
              {login.login.start.userCode}
            </output>
            {!login.login.start.tabletop && (
              <p>
                Verification page:{' '}
                <code className="login-url" data-testid="login-url">
                  {login.login.start.verificationUri}
                </code>
              </p>
            )}
            <p className="login-state" aria-live="polite" data-testid="login-state">
              {pending && login.login.start.tabletop
                ? 'Waiting for the facilitator to approve the code.'
                : login.login.state.message}
              {pending && (
                <span className="muted">
                  {' '}
                  The code works for {formatCountdown(secondsUntil(login.login.start.expiresAt, now))}.
                </span>
              )}
            </p>
            <div className="dialog-actions">
              {pending && login.login.start.canOpenBrowser && (
                <button
                  type="button"
                  className="button button-primary"
                  data-autofocus
                  onClick={() => void openLoginBrowser()}
                >
                  Open browser
                </button>
              )}
              {pending && login.login.start.tabletop && (
                <button
                  type="button"
                  className="button button-primary"
                  data-autofocus
                  onClick={() => void approveTabletopLogin()}
                >
                  Approve as facilitator
                </button>
              )}
              {pending ? (
                <button type="button" className="button" onClick={() => void cancelLogin()}>
                  Cancel login
                </button>
              ) : (
                <button type="button" className="button" data-autofocus onClick={closeLogin}>
                  Close
                </button>
              )}
            </div>
            {transport === 'http' && pending && login.login.start.canOpenBrowser && (
              <p className="muted">
                In browser mode, open{' '}
                <a href={login.login.start.verificationUriComplete} target="_blank" rel="noreferrer noopener">
                  the verification page
                </a>{' '}
                yourself.
              </p>
            )}
            {!login.login.start.tabletop && (
              <p className="muted">
                Or, in a terminal: <code>{login.login.start.cliCommand}</code>
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
