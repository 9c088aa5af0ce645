import type { SsoOidcState } from './model';
import { SSO_OIDC_SIGNING_NAME } from './model';

/** What the approval hooks need of a simulator: read access to a service's live state. */
export interface SimulatorStateAccess {
  state<T>(signingName: string): T;
}

function oidcState(simulator: SimulatorStateAccess): SsoOidcState {
  return simulator.state<SsoOidcState>(SSO_OIDC_SIGNING_NAME);
}

function findPending(simulator: SimulatorStateAccess, userCode: string) {
  const wanted = userCode.trim().toUpperCase();
  const device = Object.values(oidcState(simulator).devices).find((d) => d.userCode === wanted);
  if (!device) {
    throw new Error(
      `No login is waiting for the user code "${userCode}": start the login first, or check the code.`,
    );
  }
  if (device.status !== 'pending') {
    throw new Error(`The login with user code "${wanted}" is already ${device.status}.`);
  }
  return device;
}

/** Approve a user code, as the user would on the verification page (tests, the tabletop UI). */
export function approveDeviceCode(simulator: SimulatorStateAccess, userCode: string): void {
  findPending(simulator, userCode).status = 'approved';
}

/** Deny a user code, as the user would by cancelling on the verification page. */
export function denyDeviceCode(simulator: SimulatorStateAccess, userCode: string): void {
  findPending(simulator, userCode).status = 'denied';
}

/** The user codes waiting for approval (the facilitator's view). */
export function pendingDeviceCodes(simulator: SimulatorStateAccess): string[] {
  return Object.values(oidcState(simulator).devices)
    .filter((d) => d.status === 'pending')
    .map((d) => d.userCode);
}

/** Expire every issued SSO token now (a facilitator practising "the session expired"). */
export function expireSsoTokens(simulator: SimulatorStateAccess, now: Date): number {
  const tokens = Object.values(oidcState(simulator).tokens);
  for (const token of tokens) token.expiresAt = new Date(now.getTime() - 1000).toISOString();
  return tokens.length;
}
