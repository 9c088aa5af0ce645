import { describe, expect, it } from 'vitest';
import {
  assertKeyMatchesSchema,
  itemKey,
  itemsAt,
  toAttribute,
} from '../../../../electron/simulator/services/dynamodb/items';
import type { ItemVersion, TableRecord } from '../../../../electron/simulator/services/dynamodb/model';
import { pitrWindow } from '../../../../electron/simulator/services/dynamodb/status';

const shape = {
  partitionKey: { name: 'pk', type: 'S' as const },
  sortKey: { name: 'sk', type: 'N' as const },
};

describe('DynamoDB item history', () => {
  const v = (pk: string, value: number, writtenAt: string, deleted = false): ItemVersion => {
    const item = { pk: { S: pk }, sk: { N: '1' }, value: { N: String(value) } };
    return { key: itemKey(shape, item), item, writtenAt, ...(deleted ? { deleted: true } : {}) };
  };
  const history = [
    v('a', 1, '2026-11-20T00:00:00Z'),
    v('a', 2, '2026-11-25T00:00:00Z'),
    v('b', 1, '2026-11-21T00:00:00Z'),
    v('b', 1, '2026-11-24T00:00:00Z', true),
    v('c', 1, '2026-11-26T00:00:00Z'),
  ];

  it('returns each key as it was at a point in time, deletions and later writes excluded', () => {
    const values = (t: string) =>
      itemsAt(history, new Date(t))
        .map((i) => `${i.pk?.S}=${i.value?.N}`)
        .sort();
    expect(values('2026-11-19T00:00:00Z')).toEqual([]);
    expect(values('2026-11-22T00:00:00Z')).toEqual(['a=1', 'b=1']);
    expect(values('2026-11-25T00:00:00Z')).toEqual(['a=2']);
    expect(values('2026-11-27T00:00:00Z')).toEqual(['a=2', 'c=1']);
  });

  it('converts plain values to AttributeValues and checks keys against the schema', () => {
    expect(toAttribute({ n: 1, s: 'x', b: true, l: [null] })).toEqual({
      M: { n: { N: '1' }, s: { S: 'x' }, b: { BOOL: true }, l: { L: [{ NULL: true }] } },
    });
    expect(() => assertKeyMatchesSchema(shape, { pk: { S: 'a' } })).toThrow(
      'The provided key element does not match the schema',
    );
    expect(() => assertKeyMatchesSchema(shape, { pk: { S: 'a' }, sk: { S: '1' } })).toThrow(
      'does not match the schema',
    );
    expect(() => assertKeyMatchesSchema(shape, { pk: { S: 'a' }, sk: { N: '1' } })).not.toThrow();
  });
});

describe('DynamoDB PITR window', () => {
  const table = {
    createdAt: '2025-01-01T00:00:00.000Z',
    pitr: { enabled: true, enabledAt: '2026-11-01T00:00:00.000Z', recoveryPeriodDays: 7 },
  } as TableRecord;

  it('covers the recovery period up to five minutes ago, never before PITR was enabled', () => {
    const window = pitrWindow(table, new Date('2026-11-26T10:00:00Z'));
    expect(window?.earliest.toISOString()).toBe('2026-11-19T10:00:00.000Z');
    expect(window?.latest.toISOString()).toBe('2026-11-26T09:55:00.000Z');
    const young = pitrWindow(
      { ...table, pitr: { ...table.pitr, recoveryPeriodDays: 35 } },
      new Date('2026-11-03T00:00:00Z'),
    );
    expect(young?.earliest.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(
      pitrWindow({ ...table, pitr: { enabled: false, recoveryPeriodDays: 35 } }, new Date()),
    ).toBeUndefined();
  });
});
