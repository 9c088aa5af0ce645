import { CopyObjectCommand, DeleteBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ModifyDBInstanceCommand } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../electron/core/api/errors';
import { createAwsClients } from '../../../../electron/core/aws/clients';
import { allowKinds, checkOperation } from '../../../../electron/core/aws/guard';
import { callerIdentityXml, fakeHandler } from './fake-handler';

const listBucketsXml =
  '<ListAllMyBucketsResult><Buckets></Buckets><Owner><ID>o</ID></Owner></ListAllMyBucketsResult>';

function tabletop(answer = listBucketsXml) {
  const handler = fakeHandler(() => ({ status: 200, body: answer }));
  return { handler, clients: createAwsClients({ mode: 'TABLETOP', simulator: handler }) };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error)).toBe(true);
  return error as { code: string; message: string; detail?: Record<string, unknown> };
}

describe('the operation guard', () => {
  it('refuses an unregistered command (DeleteBucket) before any request is sent', async () => {
    const { handler, clients } = tabletop();
    const error = await refusal(
      clients.s3('us-east-1').send(new DeleteBucketCommand({ Bucket: 'prod-data' })),
    );
    expect(error.code).toBe('OPERATION_NOT_ALLOWED');
    expect(error.message).toMatch(/s3 DeleteBucket.*not in the operations registry.*Nothing was sent/);
    expect(handler.requests).toHaveLength(0);
  });

  it('refuses an unregistered RDS command (ModifyDBInstance) without sending', async () => {
    const { handler, clients } = tabletop();
    const error = await refusal(
      clients.rds('us-east-1').send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'prod-db' })),
    );
    expect(error.code).toBe('OPERATION_NOT_ALLOWED');
    expect(handler.requests).toHaveLength(0);
  });

  it('lets a registered command through to the wire', async () => {
    const { handler, clients } = tabletop();
    const answer = await clients.s3('us-west-2').send(new ListBucketsCommand({}));
    expect(answer.Buckets).toEqual([]);
    expect(handler.requests).toHaveLength(1);
  });

  it('checks the command against its own service (an RDS command name on an STS client is refused)', () => {
    expect(() => checkOperation('sts', 'DescribeDBInstancesCommand')).toThrow(
      /not in the operations registry/,
    );
    expect(checkOperation('rds', 'DescribeDBInstancesCommand').kind).toBe('read');
    expect(() => checkOperation('rds', undefined)).toThrow(/unnamed command/);
  });

  it('applies a read-only policy: reads pass, a create is refused without sending', async () => {
    const { handler, clients } = tabletop();
    const readOnly = clients.withPolicy(allowKinds(['read'], 'The assessment'));
    await readOnly.s3('us-east-1').send(new ListBucketsCommand({}));
    expect(handler.requests).toHaveLength(1);
    const error = await refusal(
      readOnly
        .s3('us-west-2')
        .send(new CopyObjectCommand({ Bucket: 'b', Key: 'k', CopySource: 'b/k?versionId=1' })),
    );
    expect(error.code).toBe('OPERATION_NOT_ALLOWED');
    expect(error.message).toMatch(
      /The assessment may only send read operations, and CopyObject is a create operation/,
    );
    expect(error.detail).toMatchObject({ kind: 'create', service: 's3' });
    expect(handler.requests).toHaveLength(1);
  });

  it('keeps the policy on fast-fail clients and caches clients per region', async () => {
    const { clients } = tabletop(callerIdentityXml());
    const readOnly = clients.withPolicy(allowKinds(['read'], 'The scan'));
    expect(readOnly.fastFail().rds('us-east-1')).toBe(readOnly.fastFail().rds('us-east-1'));
    expect(clients.rds('us-east-1')).toBe(clients.rds('us-east-1'));
    expect(clients.rds('us-east-1')).not.toBe(clients.rds('us-west-2'));
    const error = await refusal(
      readOnly
        .fastFail()
        .rds('us-east-1')
        .send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'x' })),
    );
    expect(error.code).toBe('OPERATION_NOT_ALLOWED');
    const who = await readOnly.fastFail().sts('us-east-1').send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('123456789012');
  });

  it('refuses a region name that is not one', () => {
    const { clients } = tabletop();
    expect(() => clients.s3('mars-1')).toThrow(/not an AWS region name/);
  });

  it('requires the simulator in tabletop mode', () => {
    expect(() => createAwsClients({ mode: 'TABLETOP' })).toThrow(/need the simulator/);
  });
});

describe('policy views', () => {
  it('reuse their clients for the same policy (no new clients per scan)', () => {
    const { clients } = tabletop();
    const a = clients.withPolicy(allowKinds(['read'], 'The assessment'));
    const b = clients.withPolicy(allowKinds(['read'], 'The assessment'));
    expect(a).toBe(b);
    expect(a.fastFail().s3('us-east-1')).toBe(b.fastFail().s3('us-east-1'));
    expect(clients.withPolicy(allowKinds(['read', 'create'], 'Recovery'))).not.toBe(a);
  });
});
