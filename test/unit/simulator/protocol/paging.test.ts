import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimServiceError } from '../../../../electron/simulator/protocol/errors';
import { applyFilters, paginate } from '../../../../electron/simulator/protocol/paging';

const limit = (value: number | undefined) => ({
  value,
  min: 20,
  max: 100,
  fallback: 100,
  name: 'MaxRecords',
});

describe('paginate', () => {
  it('walks every item exactly once, in order, for any list and page size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 400 }),
        fc.integer({ min: 20, max: 100 }),
        (items, size) => {
          const seen: number[] = [];
          let marker: string | undefined;
          let pages = 0;
          do {
            const page = paginate(items, marker, limit(size));
            seen.push(...page.items);
            marker = page.next;
            pages += 1;
            expect(page.items.length).toBeLessThanOrEqual(size);
          } while (marker);
          expect(seen).toEqual(items);
          expect(pages).toBe(Math.max(1, Math.ceil(items.length / size)));
        },
      ),
    );
  });

  it('rejects page sizes out of range and markers it did not issue', () => {
    expect(() => paginate([1], undefined, limit(5))).toThrow(/MaxRecords: it must be between 20 and 100/);
    expect(() => paginate([1], 'garbage', limit(20))).toThrow(SimServiceError);
    try {
      paginate([1], 'garbage', limit(20), 'InvalidNextToken');
    } catch (error) {
      expect((error as SimServiceError).code).toBe('InvalidNextToken');
    }
  });
});

describe('applyFilters', () => {
  const items = [
    { id: 'a', engine: 'postgres' },
    { id: 'b', engine: 'mysql' },
    { id: 'c', engine: 'postgres-aurora' },
  ];
  const valuesOf = (item: (typeof items)[number], name: string) =>
    name === 'engine' ? [item.engine] : name === 'id' ? [item.id] : undefined;

  it('matches any value of a filter and every filter, with * wildcards', () => {
    expect(
      applyFilters(items, [{ Name: 'engine', Values: ['postgres', 'mysql'] }], valuesOf).map((i) => i.id),
    ).toEqual(['a', 'b']);
    expect(
      applyFilters(items, [{ Name: 'engine', Values: ['postgres*'] }], valuesOf).map((i) => i.id),
    ).toEqual(['a', 'c']);
    expect(
      applyFilters(
        items,
        [
          { Name: 'engine', Values: ['postgres*'] },
          { Name: 'id', Values: ['c'] },
        ],
        valuesOf,
      ).map((i) => i.id),
    ).toEqual(['c']);
    expect(applyFilters(items, undefined, valuesOf)).toHaveLength(3);
  });

  it('names an unsupported filter', () => {
    expect(() => applyFilters(items, [{ Name: 'colour', Values: ['red'] }], valuesOf)).toThrow(
      "The filter 'colour' is not supported.",
    );
  });
});
