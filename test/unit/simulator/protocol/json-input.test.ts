import { RestoreTableToPointInTimeInput$, ScanInput$ } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { SimServiceError } from '../../../../electron/simulator/protocol/errors';
import { decodeJsonInput } from '../../../../electron/simulator/protocol/json-input';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof SimServiceError ? error.code : 'other';
  }
  return undefined;
}

describe('decodeJsonInput', () => {
  it('turns epoch-second timestamps into Dates and passes AttributeValues through', () => {
    const decoded = decodeJsonInput(RestoreTableToPointInTimeInput$, {
      SourceTableArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/orders',
      TargetTableName: 'orders-dr',
      RestoreDateTime: 1_795_686_000.5,
      Unknown: 'ignored',
    });
    expect(decoded).toEqual({
      SourceTableArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/orders',
      TargetTableName: 'orders-dr',
      RestoreDateTime: new Date(1_795_686_000_500),
    });
    const scan = decodeJsonInput(ScanInput$, {
      TableName: 't',
      Limit: 5,
      ExclusiveStartKey: { pk: { S: 'a' } },
    });
    expect(scan.ExclusiveStartKey).toEqual({ pk: { S: 'a' } });
  });

  it('answers SerializationException for wrong JSON types and non-object bodies', () => {
    expect(codeOf(() => decodeJsonInput(ScanInput$, { TableName: 5 }))).toBe('SerializationException');
    expect(codeOf(() => decodeJsonInput(ScanInput$, { TableName: 't', Limit: '5' }))).toBe(
      'SerializationException',
    );
    expect(codeOf(() => decodeJsonInput(ScanInput$, { TableName: 't', ConsistentRead: 'yes' }))).toBe(
      'SerializationException',
    );
    expect(codeOf(() => decodeJsonInput(ScanInput$, { TableName: 't', AttributesToGet: 'a' }))).toBe(
      'SerializationException',
    );
    expect(codeOf(() => decodeJsonInput(ScanInput$, [1, 2]))).toBe('SerializationException');
    expect(codeOf(() => decodeJsonInput(ScanInput$, null))).toBe('SerializationException');
  });
});
