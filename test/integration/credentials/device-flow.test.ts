import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../electron/core/aws/clients';
import {
  pollForToken,
  startDeviceAuthorization,
  type FlowTiming,
} from '../../../electron/core/credentials/device-flow';
import { createSimulator, type Simulator } from '../../../electron/simulator';
import {
  approveDeviceCode,
  denyDeviceCode,
  pendingDeviceCodes,
} from '../../../electron/simulator/services/sso-oidc';

const START_URL = 'https://d-9067642ac7.awsapps.com/start';

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

/** Simulated time: sleeping advances the simulator's clock instead of waiting. */
function simTiming(
  onSleep: (call: number) => void = () => undefined,
  advance = true,
): FlowTiming & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => sim.clock.now().getTime(),
    sleep: async (ms) => {
      sleeps.push(ms);
      if (advance) sim.clock.advance(ms);
      onSleep(sleeps.length);
    },
  };
}

describe('the SSO device authorization flow against the simulator', () => {
  it('registers, shows a user code, and gets a token once the user approves', async () => {
    const oidc = clients.ssoOidc('us-east-1');
    const timing = simTiming((call) => {
      if (call === 3) approveDeviceCode(sim, auth.userCode);
    });
    const auth = await startDeviceAuthorization(oidc, { startUrl: START_URL, region: 'us-east-1' }, timing);
    expect(auth.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(auth.verificationUri).toBe('https://device.sso.us-east-1.amazonaws.com/');
    expect(auth.verificationUriComplete).toContain(auth.userCode);
    expect(pendingDeviceCodes(sim)).toEqual([auth.userCode]);
    const outcome = await pollForToken(oidc, auth, { timing });
    expect(outcome.kind).toBe('approved');
    if (outcome.kind !== 'approved') return;
    expect(outcome.accessToken).toMatch(/^sim-access-/);
    expect(outcome.refreshToken).toMatch(/^sim-refresh-/);
    expect(outcome.expiresAt - timing.now()).toBe(8 * 3600 * 1000);
    // Two pending answers, then the token: one poll per interval.
    expect(timing.sleeps).toEqual([5000, 5000, 5000]);
  });

  it('times out cleanly when the user never approves', async () => {
    const oidc = clients.ssoOidc('us-west-2');
    const timing = simTiming();
    const auth = await startDeviceAuthorization(oidc, { startUrl: START_URL, region: 'us-west-2' }, timing);
    const outcome = await pollForToken(oidc, auth, { timing });
    expect(outcome).toEqual({ kind: 'expired' });
    // 600 s of code lifetime at 5 s per poll: bounded, and it stopped at the expiry.
    expect(timing.sleeps.length).toBe(120);
    expect(timing.now()).toBeGreaterThanOrEqual(auth.expiresAt);
  });

  it('slows down when told to, then still succeeds', async () => {
    const oidc = clients.ssoOidc('us-east-1');
    let advance = false;
    const slowDowns: number[] = [];
    const timing: FlowTiming & { sleeps: number[] } = {
      sleeps: [],
      now: () => sim.clock.now().getTime(),
      sleep: async (ms) => {
        timing.sleeps.push(ms);
        // The second wait is cut short (a too-eager client), which earns a slow_down.
        if (advance || timing.sleeps.length !== 2) sim.clock.advance(ms);
        if (timing.sleeps.length === 3) {
          advance = true;
          approveDeviceCode(sim, auth.userCode);
        }
      },
    };
    const auth = await startDeviceAuthorization(oidc, { startUrl: START_URL, region: 'us-east-1' }, timing);
    const outcome = await pollForToken(oidc, auth, { timing, onSlowDown: (s) => slowDowns.push(s) });
    expect(slowDowns).toEqual([10]);
    expect(timing.sleeps).toEqual([5000, 5000, 10000]);
    expect(outcome.kind).toBe('approved');
  });

  it('reports a denied request, and stops when cancelled', async () => {
    const oidc = clients.ssoOidc('us-east-1');
    const timing = simTiming((call) => {
      if (call === 1) denyDeviceCode(sim, auth.userCode);
    });
    const auth = await startDeviceAuthorization(oidc, { startUrl: START_URL, region: 'us-east-1' }, timing);
    expect(await pollForToken(oidc, auth, { timing })).toEqual({ kind: 'denied' });

    const controller = new AbortController();
    const timing2 = simTiming((call) => {
      if (call === 2) controller.abort();
    });
    const auth2 = await startDeviceAuthorization(oidc, { startUrl: START_URL, region: 'us-east-1' }, timing2);
    expect(await pollForToken(oidc, auth2, { timing: timing2, signal: controller.signal })).toEqual({
      kind: 'cancelled',
    });
    expect(() => approveDeviceCode(sim, 'ZZZZ-ZZZZ')).toThrow(
      /No login is waiting for the user code "ZZZZ-ZZZZ"/,
    );
  });

  it('says a login is impossible, and what to do, when the region of Identity Center is down', async () => {
    const outage = await createSimulator({ scenario: 'us-east-1-outage', speed: 1 });
    const outageClients = createAwsClients({
      mode: 'TABLETOP',
      simulator: outage.requestHandler,
      tuning: { maxAttempts: 1 },
    });
    try {
      await expect(
        startDeviceAuthorization(outageClients.ssoOidc('us-east-1'), {
          startUrl: START_URL,
          region: 'us-east-1',
        }),
      ).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/Identity Center.*us-east-1.*break-glass/),
      });
      const auth = await startDeviceAuthorization(outageClients.ssoOidc('us-west-2'), {
        startUrl: START_URL,
        region: 'us-west-2',
      });
      expect(auth.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    } finally {
      outageClients.destroy();
      outage.close();
    }
  });

  it('refuses a non-https start URL with a clear error', async () => {
    const oidc = clients.ssoOidc('us-east-1');
    await expect(
      startDeviceAuthorization(
        oidc,
        { startUrl: 'http://not-https.example', region: 'us-east-1' },
        simTiming(),
      ),
    ).rejects.toMatchObject({ code: 'AWS_ERROR' });
  });
});
