import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, startSimulatorServer } from '../../../electron/simulator';
import type { Simulator, SimulatorServer } from '../../../electron/simulator';
import type { RawHttpRequest } from '../../../electron/simulator/core/router';
import { runAwsCli } from '../../support/aws-cli';

/** A SigV4 Authorization header whose credential scope names `service` in us-east-1. */
function signedFor(service: string): string {
  return `AWS4-HMAC-SHA256 Credential=test/20261126/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=x`;
}

function request(over: Partial<RawHttpRequest> & { service: string }): RawHttpRequest {
  const { service, ...rest } = over;
  return {
    method: 'POST',
    hostname: '127.0.0.1',
    path: '/',
    rawQuery: '',
    body: Buffer.alloc(0),
    ...rest,
    headers: { authorization: signedFor(service), ...(rest.headers ?? {}) },
  };
}

let sim: Simulator;
let server: SimulatorServer;
beforeAll(async () => {
  sim = await createSimulator({ scenario: 'healthy', realNow: () => 0 });
  server = await startSimulatorServer(sim, { port: 0 });
});
afterAll(async () => {
  await server.close();
  sim.close();
});

describe('a service the simulator does not model (raw requests)', () => {
  it('answers the JSON protocol (x-amz-target) in JSON with x-amzn-errortype, echoing the JSON version', async () => {
    const kms = await sim.handle(
      request({
        service: 'kms',
        headers: { 'X-Amz-Target': 'TrentService.ListKeys', 'Content-Type': 'application/x-amz-json-1.1' },
        body: Buffer.from('{}'),
      }),
    );
    expect(kms.status).toBe(400);
    expect(kms.headers).toMatchObject({
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': expect.stringMatching(/^UnrecognizedClientException:/) as string,
      'x-amzn-requestid': expect.any(String) as string,
    });
    expect(JSON.parse(String(kms.body))).toEqual({
      __type: 'com.amazon.coral.service#UnrecognizedClientException',
      message: expect.stringContaining('does not model the service "kms"') as string,
    });
    const sqs = await sim.handle(
      request({
        service: 'sqs',
        headers: { 'x-amz-target': 'AmazonSQS.ListQueues' },
        body: Buffer.from('{}'),
      }),
    );
    expect(sqs.headers['content-type']).toBe('application/json');
    expect(sqs.headers['x-amzn-errortype']).toMatch(/^UnrecognizedClientException:/);
  });

  it('answers REST-JSON (a JSON content type, or a REST call to a REST-JSON service such as Lambda) in JSON', async () => {
    const lambda = await sim.handle(
      request({ service: 'lambda', method: 'GET', path: '/2015-03-31/functions/' }),
    );
    expect(lambda.headers['content-type']).toBe('application/json');
    expect(lambda.headers['x-amzn-errortype']).toMatch(/^UnrecognizedClientException:/);
    expect(JSON.parse(String(lambda.body))).toMatchObject({
      message: expect.stringContaining('"lambda"') as string,
    });
    const posted = await sim.handle(
      request({
        service: 'route53',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{}'),
      }),
    );
    expect(posted.headers['content-type']).toBe('application/json');
  });

  it('keeps XML for the Query protocol, REST-XML services and requests it cannot identify', async () => {
    const sns = await sim.handle(
      request({
        service: 'sns',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: Buffer.from('Action=ListTopics&Version=2010-03-31'),
      }),
    );
    const route53 = await sim.handle(
      request({ service: 'route53', method: 'GET', path: '/2013-04-01/hostedzone' }),
    );
    const cloudwatch = await sim.handle(
      request({ service: 'monitoring', method: 'GET', rawQuery: 'Action=ListMetrics&Version=2010-08-01' }),
    );
    for (const answer of [sns, route53, cloudwatch]) {
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('text/xml');
      expect(answer.headers['x-amzn-errortype']).toBeUndefined();
      expect(String(answer.body)).toContain('<Code>UnrecognizedClientException</Code>');
    }
    const anonymous = await sim.handle({
      method: 'GET',
      hostname: '127.0.0.1',
      path: '/nothing',
      rawQuery: '',
      headers: {},
      body: Buffer.alloc(0),
    });
    expect(anonymous.headers['content-type']).toBe('text/xml');
    expect(String(anonymous.body)).toContain('Cannot tell which AWS service GET /nothing is for');
  });
});

describe('a service the simulator does not model (the real aws CLI)', () => {
  it.each([
    ['lambda', 'list-functions', 'ListFunctions'],
    ['kms', 'list-keys', 'ListKeys'],
    ['logs', 'describe-log-groups', 'DescribeLogGroups'],
    ['sns', 'list-topics', 'ListTopics'],
  ])('aws %s %s prints the error code and the message', async (service, command, operation) => {
    const result = await runAwsCli(server.url, 'us-east-1', [service, command]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      `An error occurred (UnrecognizedClientException) when calling the ${operation} operation: The simulator does not model the service "${service}"`,
    );
  });
});
