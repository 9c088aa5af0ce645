import { describe, expect, it } from 'vitest';
import { createClock } from '../../../../electron/simulator/core/clock';
import { createRng } from '../../../../electron/simulator/core/rng';
import type { SimContext, SimRequest } from '../../../../electron/simulator/core/types';
import { stsService, stsScenarioSchema } from '../../../../electron/simulator/services/sts';

const ctx: SimContext = {
  accountId: '111122223333',
  requestId: 'req-1',
  clock: createClock(),
  rng: createRng(1),
  quota: (_k, fallback) => fallback,
  restoreShouldFail: () => false,
  replicationLagMs: () => 0,
  regionAvailable: () => true,
};

function post(body: string): SimRequest {
  return {
    method: 'POST',
    path: '/',
    rawQuery: '',
    query: {},
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from(body),
    hostname: 'sts.us-east-1.amazonaws.com',
    region: 'us-east-1',
    service: 'sts',
  };
}

describe('STS', () => {
  const state = stsService.fromScenario(
    { arn: 'arn:aws:sts::{accountId}:assumed-role/R/u', userId: 'AROA:u' },
    ctx,
  );

  it('fills the account id into the scenario ARN', () => {
    expect(state).toEqual({ arn: 'arn:aws:sts::111122223333:assumed-role/R/u', userId: 'AROA:u' });
  });

  it('answers GetCallerIdentity in the Query XML shape with the request id', async () => {
    const res = await stsService.handle(post('Action=GetCallerIdentity&Version=2011-06-15'), ctx, state, {
      state: () => undefined as never,
    });
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('<Account>111122223333</Account>');
    expect(String(res.body)).toContain('<RequestId>req-1</RequestId>');
  });

  it('answers an unknown or missing action with the Query error shape', async () => {
    const unknown = await stsService.handle(post('Action=AssumeRoot&Version=2011-06-15'), ctx, state, {
      state: () => undefined as never,
    });
    expect(unknown.status).toBe(400);
    expect(String(unknown.body)).toMatch(
      /<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/,
    );
    const missing = await stsService.handle(post(''), ctx, state, { state: () => undefined as never });
    expect(String(missing.body)).toContain('<Code>MissingAction</Code>');
  });

  it('encodes injected errors as Receiver for 5xx', () => {
    const res = stsService.encodeError({ code: 'ServiceUnavailable', message: 'down', status: 503 }, ctx);
    expect(res.status).toBe(503);
    expect(String(res.body)).toContain('<Type>Receiver</Type><Code>ServiceUnavailable</Code>');
  });

  it('validates its scenario section', () => {
    expect(stsScenarioSchema.safeParse({ arn: 'x' }).success).toBe(false);
    expect(stsScenarioSchema.safeParse({ arn: 'x', userId: 'y', extra: 1 }).success).toBe(false);
  });
});
