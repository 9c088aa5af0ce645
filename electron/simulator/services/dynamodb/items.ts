import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { simError } from '../../protocol/errors';
import type { Item, ItemVersion, TableRecord } from './model';

/** Convert a plain scenario value into an AttributeValue (string → S, number → N, boolean → BOOL, list → L, map → M). */
export function toAttribute(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toAttribute) };
  if (typeof value === 'object') {
    return {
      M: Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toAttribute(v)]),
      ),
    };
  }
  return { S: String(value) };
}

/** The canonical key string of an item (its key attributes, in key-schema order). */
export function itemKey(table: Pick<TableRecord, 'partitionKey' | 'sortKey'>, item: Item): string {
  const parts = [table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])].map((k) => {
    const value = item[k.name];
    const scalar = value && (k.type === 'S' ? value.S : k.type === 'N' ? value.N : value.B);
    if (scalar === undefined || scalar === null) {
      throw simError('ValidationException', 'The provided key element does not match the schema');
    }
    return [k.name, typeof scalar === 'string' ? scalar : Buffer.from(scalar).toString('base64')];
  });
  return JSON.stringify(parts);
}

/** Check that a request's Key names exactly the table's key attributes with the right types. */
export function assertKeyMatchesSchema(
  table: Pick<TableRecord, 'partitionKey' | 'sortKey'>,
  key: Item,
): void {
  const expected = [table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])];
  const names = Object.keys(key);
  if (
    names.length !== expected.length ||
    !expected.every((k) => key[k.name] !== undefined && k.type in (key[k.name] as object))
  ) {
    throw simError('ValidationException', 'The provided key element does not match the schema');
  }
}

/** The items as they were at `time`: the newest version of each key written at or before it, deletions removed. */
export function itemsAt(history: readonly ItemVersion[], time: Date): Item[] {
  const t = time.getTime();
  const latest = new Map<string, ItemVersion>();
  for (const version of history) {
    if (Date.parse(version.writtenAt) > t) continue;
    const seen = latest.get(version.key);
    if (!seen || Date.parse(seen.writtenAt) <= Date.parse(version.writtenAt))
      latest.set(version.key, version);
  }
  return [...latest.values()].filter((v) => !v.deleted).map((v) => v.item);
}

/** Rough item size in bytes (attribute names plus values), as DynamoDB sizes count them. */
export function itemSize(item: Item): number {
  return Buffer.byteLength(JSON.stringify(item), 'utf8');
}
