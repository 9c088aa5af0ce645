import { crc32 } from 'node:zlib';
import { DBInstanceMessage$, DescribeDBInstancesMessage$ } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import type { SimContext, SimRequest } from '../../../../electron/simulator/core/types';
import {
  createJsonHandler,
  createQueryHandler,
  defineOperation,
  ec2ErrorResponse,
  encodeXmlMembers,
  parseQueryRequest,
  queryErrorResponse,
  queryXmlResponse,
  requireJsonParams,
  requireQueryParams,
  simError,
} from '../../../../electron/simulator/protocol';
import { DescribeTable$, DescribeTableInput$ } from '@aws-sdk/client-dynamodb';

function request(body: string, headers: Record<string, string> = {}): SimRequest {
  return {
    method: 'POST',
    path: '/',
    rawQuery: '',
    query: {},
    headers,
    body: Buffer.from(body),
    hostname: 'localhost',
    region: 'us-east-1',
    service: 'rds',
  };
}

const ctx = { requestId: 'req-1' } as SimContext;

describe('Query envelopes', () => {
  it('parses Action, Version and the remaining parameters from a form body', () => {
    const q = parseQueryRequest(
      request('Action=DescribeDBInstances&Version=2014-10-31&Filters.Filter.1.Name=engine&X=a+b%2Fc'),
    );
    expect(q).toEqual({
      action: 'DescribeDBInstances',
      version: '2014-10-31',
      params: { 'Filters.Filter.1.Name': 'engine', X: 'a b/c' },
    });
  });

  it('wraps results and errors in the awsQuery envelopes', () => {
    const ok = queryXmlResponse({
      action: 'GetCallerIdentity',
      xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
      requestId: 'r',
      resultXml: '<Account>1</Account>',
    });
    expect(ok.status).toBe(200);
    expect(String(ok.body)).toContain(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId>',
    );
    const err = queryErrorResponse(
      { code: 'DBInstanceNotFound', message: 'DBInstance x not found.', status: 404 },
      'r',
    );
    expect(err.status).toBe(404);
    expect(String(err.body)).toContain(
      '<ErrorResponse><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance x not found.</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    );
  });

  it('writes the EC2 error envelope with RequestID', () => {
    const err = ec2ErrorResponse(
      { code: 'InvalidAMIID.NotFound', message: "The image id '[ami-1]' does not exist", status: 400 },
      'r',
    );
    expect(String(err.body)).toContain(
      '<Response><Errors><Error><Code>InvalidAMIID.NotFound</Code><Message>The image id &apos;[ami-1]&apos; does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>',
    );
  });

  it('serialises output members with the schema list member names', () => {
    const xml = encodeXmlMembers(DBInstanceMessage$, {
      DBInstances: [{ DBInstanceIdentifier: 'a', TagList: [{ Key: 'k', Value: 'v' }] }],
    });
    expect(xml).toBe(
      '<DBInstances><DBInstance><DBInstanceIdentifier>a</DBInstanceIdentifier><TagList><Tag><Key>k</Key><Value>v</Value></Tag></TagList></DBInstance></DBInstances>',
    );
    expect(encodeXmlMembers(DBInstanceMessage$, {})).toBe('');
  });

  it('dispatches operations and maps unknown actions, bad types, missing parameters and crashes', () => {
    const handle = createQueryHandler<{ calls: number }>({
      flavour: 'query',
      xmlns: 'urn:x',
      operations: {
        DescribeDBInstances: defineOperation<{ DBInstanceIdentifier?: string }, object, { calls: number }>({
          input: DescribeDBInstancesMessage$,
          output: DBInstanceMessage$,
          run: (input, call) => {
            call.state.calls += 1;
            requireQueryParams(input, ['DBInstanceIdentifier']);
            if (input.DBInstanceIdentifier === 'boom') throw new Error('kaput');
            return { DBInstances: [{ DBInstanceIdentifier: input.DBInstanceIdentifier }] };
          },
        }),
      },
    });
    const state = { calls: 0 };
    const account = { state: <T>() => ({}) as T };
    const ok = handle(request('Action=DescribeDBInstances&DBInstanceIdentifier=a'), ctx, state, account);
    expect(String(ok.body)).toContain('<DBInstanceIdentifier>a</DBInstanceIdentifier>');
    const unknown = handle(request('Action=Nope'), ctx, state, account);
    expect([unknown.status, String(unknown.body)]).toEqual([
      400,
      expect.stringContaining('<Code>InvalidAction</Code>'),
    ]);
    const missing = handle(request('Action=DescribeDBInstances'), ctx, state, account);
    expect(String(missing.body)).toContain('<Code>MissingParameter</Code>');
    const badType = handle(request('Action=DescribeDBInstances&MaxRecords=x'), ctx, state, account);
    expect(String(badType.body)).toContain('<Code>InvalidParameterValue</Code>');
    const crash = handle(
      request('Action=DescribeDBInstances&DBInstanceIdentifier=boom'),
      ctx,
      state,
      account,
    );
    expect(crash.status).toBe(500);
    expect(String(crash.body)).toContain('<Type>Receiver</Type>');
  });
});

describe('JSON 1.0', () => {
  const handle = createJsonHandler<object>({
    targetPrefix: 'DynamoDB_20120810',
    serviceNamespace: 'com.amazonaws.dynamodb.v20120810',
    operations: {
      DescribeTable: defineOperation<{ TableName?: string }, object, object>({
        input: DescribeTableInput$,
        output: DescribeTable$,
        run: (input) => {
          requireJsonParams(input, ['TableName']);
          if (input.TableName === 'gone')
            throw simError('ResourceNotFoundException', 'Requested resource not found');
          return { Table: { TableName: input.TableName, CreationDateTime: new Date(1_700_000_000_500) } };
        },
      }),
    },
  });
  const account = { state: <T>() => ({}) as T };
  const send = (target: string, body: string) =>
    handle(request(body, { 'x-amz-target': target }), ctx, {}, account);

  it('answers with epoch-second timestamps and a matching x-amz-crc32', () => {
    const res = send('DynamoDB_20120810.DescribeTable', '{"TableName":"t"}');
    expect(JSON.parse(String(res.body))).toEqual({
      Table: { TableName: 't', CreationDateTime: 1_700_000_000.5 },
    });
    expect(res.headers['x-amz-crc32']).toBe(String(crc32(Buffer.from(String(res.body)))));
  });

  it('maps errors to their __type', () => {
    const body = (target: string, json: string) =>
      JSON.parse(String(send(target, json).body)) as { __type: string; message: string };
    expect(body('DynamoDB_20120810.DescribeTable', '{"TableName":"gone"}').__type).toBe(
      'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
    );
    expect(body('DynamoDB_20120810.Nope', '{}').__type).toBe(
      'com.amazon.coral.service#UnknownOperationException',
    );
    expect(body('DynamoDB_20120810.DescribeTable', '{nope').__type).toBe(
      'com.amazon.coral.service#SerializationException',
    );
    expect(body('DynamoDB_20120810.DescribeTable', '{"TableName":5}').__type).toBe(
      'com.amazon.coral.service#SerializationException',
    );
    const missing = body('DynamoDB_20120810.DescribeTable', '{}');
    expect(missing.__type).toBe('com.amazon.coral.validate#ValidationException');
    expect(missing.message).toContain("Value null at 'tableName'");
  });
});
