import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, startSimulatorServer } from '../../../electron/simulator';
import type { Simulator } from '../../../electron/simulator';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

const scenarioData = {
  name: 'sts-test',
  title: 'STS test',
  accountId: '111122223333',
  regions: ['us-east-1', 'us-west-2'],
  sts: { arn: 'arn:aws:sts::{accountId}:assumed-role/Commander/alice', userId: 'AROAEXAMPLE:alice' },
};

describe('STS through the real SDK', () => {
  let sim: Simulator | undefined;
  afterEach(() => sim?.close());

  it('answers GetCallerIdentity with the scenario identity in-process', async () => {
    sim = await createSimulator({ scenarioData });
    const sts = new STSClient({ region: 'us-west-2', credentials, requestHandler: sim.requestHandler });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('111122223333');
    expect(out.Arn).toBe('arn:aws:sts::111122223333:assumed-role/Commander/alice');
    expect(out.UserId).toBe('AROAEXAMPLE:alice');
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers over HTTP with an endpoint', async () => {
    sim = await createSimulator({ scenarioData });
    const server = await startSimulatorServer(sim, { port: 0 });
    try {
      const sts = new STSClient({ region: 'us-east-1', credentials, endpoint: server.url });
      const out = await sts.send(new GetCallerIdentityCommand({}));
      expect(out.Account).toBe('111122223333');
    } finally {
      await server.close();
    }
  });

  it('gives Throttling in the Query shape when throttled', async () => {
    sim = await createSimulator({ scenarioData });
    sim.faults.throttle(1, { service: 'sts' });
    const sts = new STSClient({
      region: 'us-east-1',
      credentials,
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
    const error = await sts.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'Throttling', $metadata: { httpStatusCode: 400 } });
  });

  it('fails like a refused connection during a refused outage', async () => {
    sim = await createSimulator({ scenarioData });
    sim.faults.regionDown('us-east-1', 'refused');
    const sts = new STSClient({
      region: 'us-east-1',
      credentials,
      requestHandler: sim.requestHandler,
      maxAttempts: 1,
    });
    const error = await sts.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    const west = new STSClient({ region: 'us-west-2', credentials, requestHandler: sim.requestHandler });
    await expect(west.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
      Account: '111122223333',
    });
  });
});
