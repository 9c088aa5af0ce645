import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createAwsClients } from '../../../../electron/core/aws/clients';
import { SessionGate, type SessionExpiredNotice } from '../../../../electron/core/aws/session-gate';
import { callerIdentityXml, fakeHandler, queryErrorXml } from './fake-handler';

/** Let pending promise callbacks run (no timers involved). */
async function settle(rounds = 200): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Run the event loop until a condition holds (fails after many idle rounds, never on time). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100_000; i += 1) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

function expiredThenOk(expiredAnswers: number) {
  return fakeHandler((_req, index) =>
    index < expiredAnswers
      ? {
          status: 403,
          body: queryErrorXml('ExpiredToken', 'The security token included in the request is expired'),
        }
      : { status: 200, body: callerIdentityXml() },
  );
}

describe('the session gate', () => {
  it('pauses a request on an expired token, emits session.expired once, and retries it with fresh credentials after reopen', async () => {
    const notices: SessionExpiredNotice[] = [];
    let reads = 0;
    const handler = expiredThenOk(1);
    const gate: SessionGate = new SessionGate({
      profile: 'prod-commander',
      onExpired: (n) => notices.push(n),
      onReopen: () => clients.refreshCredentials(),
    });
    const clients = createAwsClients({
      mode: 'TABLETOP',
      simulator: handler,
      sessionGate: gate,
      credentials: async () => {
        reads += 1;
        return {
          accessKeyId: `AKIDTEST${reads}`,
          secretAccessKey: 'canary-secret',
          expiration: new Date(Date.now() + 3_600_000),
        };
      },
    });
    const sts = clients.sts('us-east-1');
    let settled = false;
    const pending = sts.send(new GetCallerIdentityCommand({})).finally(() => {
      settled = true;
    });
    await until(() => gate.closed, 'the gate closes');
    await settle();
    expect(notices).toEqual([
      { type: 'session.expired', profile: 'prod-commander', during: 'sts GetCallerIdentity' },
    ]);
    expect(settled).toBe(false);
    expect(handler.requests).toHaveLength(1);

    // A second request started while paused waits before sending anything.
    const second = sts.send(new GetCallerIdentityCommand({}));
    await until(() => gate.waiting === 2, 'the second request waits');
    expect(handler.requests).toHaveLength(1);

    gate.reopen();
    const [first, next] = await Promise.all([pending, second]);
    expect(first.Account).toBe('123456789012');
    expect(next.Account).toBe('123456789012');
    expect(handler.requests).toHaveLength(3);
    expect(notices).toHaveLength(1);
    expect(gate.closed).toBe(false);
    // The first request was signed with the first credentials; the retries with fresh ones.
    expect(handler.requests[0]?.headers['authorization']).toMatch(/Credential=AKIDTEST1\//);
    expect(handler.requests[1]?.headers['authorization']).toMatch(/Credential=AKIDTEST2\//);
    expect(handler.requests[2]?.headers['authorization']).toMatch(/Credential=AKIDTEST2\//);
  });

  it('pauses when the SDK cannot read credentials because the SSO session expired', async () => {
    let expired = true;
    const handler = expiredThenOk(0);
    const gate: SessionGate = new SessionGate({ profile: 'p', onReopen: () => clients.refreshCredentials() });
    const clients = createAwsClients({
      mode: 'TABLETOP',
      simulator: handler,
      sessionGate: gate,
      credentials: async () => {
        if (expired) {
          throw Object.assign(
            new Error(
              'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
            ),
            { name: 'CredentialsProviderError' },
          );
        }
        return { accessKeyId: 'AKIDFRESH', secretAccessKey: 's' };
      },
    });
    const pending = clients.sts('us-west-2').send(new GetCallerIdentityCommand({}));
    await until(() => gate.closed, 'the gate closes');
    await settle();
    expect(handler.requests).toHaveLength(0);
    expired = false;
    gate.reopen();
    expect((await pending).Account).toBe('123456789012');
    expect(handler.requests[0]?.headers['authorization']).toMatch(/Credential=AKIDFRESH\//);
  });

  it('gives up with SESSION_EXPIRED when every login round still meets an expired session', async () => {
    const handler = fakeHandler(() => ({
      status: 400,
      body: queryErrorXml('ExpiredToken', 'The security token included in the request is expired'),
    }));
    const gate = new SessionGate({ profile: 'p' });
    const sts = createAwsClients({ mode: 'TABLETOP', simulator: handler, sessionGate: gate }).sts(
      'us-east-1',
    );
    const pending = sts.send(new GetCallerIdentityCommand({})).then(
      () => null,
      (e: unknown) => e as { code?: string; message: string },
    );
    for (let i = 0; i < 5; i += 1) {
      await until(() => gate.closed, 'the gate closes');
      gate.reopen();
    }
    const error = await pending;
    expect(error?.code).toBe('SESSION_EXPIRED');
    expect(error?.message).toMatch(/still expired after 5 logins/);
    expect(handler.requests).toHaveLength(6);
  });

  it('passes other errors straight through without pausing', async () => {
    const handler = fakeHandler(() => ({ status: 403, body: queryErrorXml('AccessDenied', 'not allowed') }));
    const gate = new SessionGate({ profile: 'p' });
    const sts = createAwsClients({ mode: 'TABLETOP', simulator: handler, sessionGate: gate }).sts(
      'us-east-1',
    );
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(gate.closed).toBe(false);
  });

  it('cancels paused requests on request', async () => {
    const handler = fakeHandler(() => ({ status: 400, body: queryErrorXml('ExpiredToken', 'expired') }));
    const gate = new SessionGate({ profile: 'p' });
    const sts = createAwsClients({ mode: 'TABLETOP', simulator: handler, sessionGate: gate }).sts(
      'us-east-1',
    );
    const pending = sts.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e as { code: string });
    await until(() => gate.waiting === 1, 'the request waits');
    gate.cancelWaiting('The incident was closed.');
    expect(await pending).toMatchObject({ code: 'CANCELLED' });
  });
});

describe('ungated clients', () => {
  it('fail at once on an expired session instead of pausing (for identity checks)', async () => {
    const handler = fakeHandler(() => ({ status: 400, body: queryErrorXml('ExpiredToken', 'expired') }));
    const gate = new SessionGate({ profile: 'p' });
    const clients = createAwsClients({ mode: 'TABLETOP', simulator: handler, sessionGate: gate });
    await expect(
      clients.ungated().fastFail().sts('us-east-1').send(new GetCallerIdentityCommand({})),
    ).rejects.toMatchObject({
      name: 'ExpiredToken',
    });
    expect(gate.closed).toBe(false);
  });
});
