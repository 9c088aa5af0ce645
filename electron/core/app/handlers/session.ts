import type { Core } from '../core';
import type { Handlers } from '../dispatch';

/** Handlers of the `session.*` calls (profiles, identity, expiry, in-app login). */
export function sessionHandlers(
  core: Core,
): Pick<
  Handlers,
  | 'session.profiles'
  | 'session.select'
  | 'session.status'
  | 'session.login.start'
  | 'session.login.poll'
  | 'session.login.open'
  | 'session.login.cancel'
  | 'session.login.approveTabletop'
> {
  return {
    'session.profiles': () => core.session.profiles(),
    'session.select': (input) => core.session.select(input.profile, { remember: input.remember !== false }),
    'session.status': (input) => core.session.status(input.refresh ? { refresh: true } : {}),
    'session.login.start': (input) => core.session.loginStart(input.profile),
    'session.login.poll': (input) => core.session.loginPoll(input.loginId),
    'session.login.open': (input) => core.session.loginOpen(input.loginId),
    'session.login.cancel': (input) => core.session.loginCancel(input.loginId),
    'session.login.approveTabletop': (input) => core.session.loginApproveTabletop(input.loginId),
  };
}
