import type { SsoSessionView } from '../api/calls/session';
import type { AppEvent } from '../api/events';

/** The last expiry notice given for one session (profile and expiry time). */
export type ExpiryMark = 'expiring' | 'expired';

/**
 * The notice a session's state calls for (PURE): `session.expiring` once while it is within the
 * warning window, `session.expired` once after it ends; null when that notice was already given
 * (`done`) or none is due.
 */
export function expiryNotice(
  session: SsoSessionView,
  profile: string,
  done: ExpiryMark | undefined,
): { mark: ExpiryMark; event: AppEvent } | null {
  if (session.state === 'expiring' && !done && session.expiresAt) {
    return {
      mark: 'expiring',
      event: {
        type: 'session.expiring',
        profile,
        expiresAt: session.expiresAt,
        secondsLeft: session.secondsLeft ?? 0,
      },
    };
  }
  if (session.state === 'expired' && done !== 'expired') {
    return { mark: 'expired', event: { type: 'session.expired', profile, during: null } };
  }
  return null;
}
