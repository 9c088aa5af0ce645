import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemStatsAt } from '../../../../electron/simulator/services/dynamodb/item-stats';
import { itemKey, itemSize, itemsAt } from '../../../../electron/simulator/services/dynamodb/items';
import type { ItemVersion } from '../../../../electron/simulator/services/dynamodb/model';

const shape = { partitionKey: { name: 'pk', type: 'S' as const } };

function version(pk: string, text: string, writtenAt: string, deleted = false): ItemVersion {
  const item = { pk: { S: pk }, text: { S: text } };
  return { key: itemKey(shape, item), item, writtenAt, ...(deleted ? { deleted: true } : {}) };
}

/** The stats computed the direct way, with no cache. */
function direct(history: readonly ItemVersion[], time: Date) {
  const items = itemsAt(history, time);
  return { count: items.length, sizeBytes: items.reduce((sum, item) => sum + itemSize(item), 0) };
}

describe('DynamoDB table item stats', () => {
  it('counts and sizes the items live at a time, before and after every write', () => {
    const history = [
      version('a', 'one', '2026-11-20T00:00:00Z'),
      version('b', 'two', '2026-11-21T00:00:00Z'),
      version('a', 'one, longer', '2026-11-22T00:00:00Z'),
      version('b', '', '2026-11-23T00:00:00Z', true),
    ];
    for (const at of [
      '2026-11-19',
      '2026-11-20',
      '2026-11-21T12:00:00Z',
      '2026-11-22',
      '2026-11-24',
      '2027-01-01',
    ]) {
      const time = new Date(at);
      expect(itemStatsAt(history, time), at).toEqual(direct(history, time));
    }
    // Asked again after the cache settled, earlier times still get their own answer.
    expect(itemStatsAt(history, new Date('2026-11-21T12:00:00Z'))).toEqual({
      count: 2,
      sizeBytes: direct(history, new Date('2026-11-21T12:00:00Z')).sizeBytes,
    });
  });

  it('sees a version appended after the stats were cached', () => {
    const history = [version('a', 'one', '2026-11-20T00:00:00Z')];
    const later = new Date('2026-12-01T00:00:00Z');
    expect(itemStatsAt(history, later).count).toBe(1);
    history.push(version('b', 'two', '2026-11-25T00:00:00Z'));
    expect(itemStatsAt(history, later)).toEqual(direct(history, later));
    expect(itemStatsAt(history, later).count).toBe(2);
  });

  it('agrees with the direct count for any history and any sequence of times', () => {
    const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString();
    const arbVersion = fc
      .tuple(
        fc.constantFrom('a', 'b', 'c'),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
      )
      .map(([pk, text, d, deleted]) => version(pk, text, day(d), deleted));
    fc.assert(
      fc.property(
        fc.array(arbVersion, { maxLength: 12 }),
        fc.array(fc.integer({ min: -1, max: 22 }), { minLength: 1, maxLength: 6 }),
        (history, days) => {
          for (const d of days) {
            const time = new Date(day(d));
            expect(itemStatsAt(history, time)).toEqual(direct(history, time));
          }
        },
      ),
    );
  });
});
