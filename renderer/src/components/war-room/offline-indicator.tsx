import { useEffect, useState } from 'react';
import { useStore } from '../../store/index';
import { offlineFromAws } from './region-health-state';

/**
 * The "offline from AWS" banner: shown when the browser reports no network, or when neither
 * region's STS answered the identity check; says what to do and re-checks on request.
 */
export function OfflineIndicator() {
  const session = useStore((s) => s.session);
  const loadSession = useStore((s) => s.loadSession);
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);

  const status = session.status === 'ready' ? session.value : null;
  const cutOff = offlineFromAws(status);
  if (online && !cutOff) return null;
  // What AWS said matters only when the network is up and AWS itself does not answer.
  const firstError = online ? status?.regions.find((r) => r.error)?.error?.message : undefined;
  return (
    <div className="offline-banner" role="alert" data-testid="offline-indicator">
      <strong>Offline from AWS.</strong>{' '}
      {!online
        ? 'This computer has no network connection.'
        : `Neither region's STS answered the identity check at ${new Date(status!.checkedAt).toLocaleTimeString()}.`}
      {firstError && <span className="offline-detail"> AWS said: {firstError}</span>}{' '}
      <span>
        AWS actions will fail until the connection is back: check the network or VPN, then re-check. Runbooks,
        notes and the record keep working offline.
      </span>{' '}
      <button
        type="button"
        className="button"
        disabled={checking}
        onClick={() => {
          setChecking(true);
          void loadSession(true).finally(() => setChecking(false));
        }}
      >
        {checking ? 'Checking…' : 'Check again'}
      </button>
    </div>
  );
}
