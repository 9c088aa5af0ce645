import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAwsClients,
  describeAwsError,
  isExpiredSessionError,
  type AwsClients,
} from '../../../electron/core/aws';
import {
  pollForToken,
  startDeviceAuthorization,
  type FlowTiming,
} from '../../../electron/core/credentials/device-flow';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import { approveDeviceCode, expireSsoTokens } from '../../../electron/simulator/services/sso-oidc';

let sim: Simulator;
let clients: AwsClients;

beforeEach(async () => {
  sim = await createSimulator({ scenario: 'healthy', speed: 1, realNow: () => 0 });
  clients = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
});

afterEach(() => {
  clients.destroy();
  sim.close();
});

async function token(): Promise<string> {
  const oidc = clients.ssoOidc('us-west-2');
  const timing: FlowTiming = {
    now: () => sim.clock.now().getTime(),
    sleep: async (ms) => {
      sim.clock.advance(ms);
      approveDeviceCode(sim, auth.userCode);
    },
  };
  const auth = await startDeviceAuthorization(
    oidc,
    { startUrl: 'https://d-1.awsapps.com/start', region: 'us-west-2' },
    timing,
  );
  const outcome = await pollForToken(oidc, auth, { timing });
  if (outcome.kind !== 'approved') throw new Error(`login ended ${outcome.kind}`);
  return outcome.accessToken;
}

describe('the simulated SSO portal', () => {
  it('answers the account name, the roles and role credentials for an issued token', async () => {
    const accessToken = await token();
    const portal = clients.sso('us-west-2');
    const accounts = await portal.send(new ListAccountsCommand({ accessToken }));
    expect(accounts.accountList).toEqual([
      expect.objectContaining({ accountId: sim.accountId, accountName: expect.any(String) }),
    ]);
    const roles = await portal.send(new ListAccountRolesCommand({ accessToken, accountId: sim.accountId }));
    expect(roles.roleList?.map((r) => r.roleName)).toContain('IncidentCommander');
    const creds = await portal.send(
      new GetRoleCredentialsCommand({ accessToken, accountId: sim.accountId, roleName: 'IncidentCommander' }),
    );
    expect(creds.roleCredentials?.accessKeyId).toMatch(/^ASIASIM/);
    expect(creds.roleCredentials?.expiration).toBe(sim.clock.now().getTime() + 3_600_000);
  });

  it('refuses an unknown or expired token the way AWS does, which the app reads as an expired session', async () => {
    const accessToken = await token();
    expect(expireSsoTokens(sim, sim.clock.now())).toBe(1);
    const portal = clients.sso('us-west-2');
    const error = await portal
      .send(
        new GetRoleCredentialsCommand({
          accessToken,
          accountId: sim.accountId,
          roleName: 'IncidentCommander',
        }),
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ name: 'UnauthorizedException', $metadata: { httpStatusCode: 401 } });
    expect(isExpiredSessionError(error)).toBe(true);
    expect(describeAwsError(error, { service: 'sso', operation: 'GetRoleCredentials' }).code).toBe(
      'SESSION_EXPIRED',
    );
    const forbidden = await portal
      .send(
        new GetRoleCredentialsCommand({
          accessToken: await token(),
          accountId: sim.accountId,
          roleName: 'Admin',
        }),
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(forbidden).toMatchObject({ name: 'ForbiddenException' });
  });
});
