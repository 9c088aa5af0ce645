import {
  GetItemInput$,
  GetItemOutput$,
  ScanInput$,
  ScanOutput$,
  type GetItemInput,
  type GetItemOutput,
  type ScanInput,
  type ScanOutput,
} from '@aws-sdk/client-dynamodb';
import { simError } from '../../../protocol/errors';
import { requireJsonParams } from '../../../protocol/json';
import { defineOperation, type SchemaOperation } from '../../../protocol/query-dispatch';
import { assertKeyMatchesSchema, itemKey, itemsAt } from '../items';
import type { DynamoState, Item, TableRecord } from '../model';
import { tableStatus } from '../status';
import { requireTable } from './tables';

function requireActive(table: TableRecord, now: Date): void {
  const status = tableStatus(table, now);
  if (status !== 'ACTIVE') {
    throw simError(
      'ResourceNotFoundException',
      `Requested resource not found: Table: ${table.name} is ${status}`,
    );
  }
}

function keyOf(table: TableRecord, item: Item): Item {
  const out: Item = {};
  for (const k of [table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])]) {
    const value = item[k.name];
    if (value) out[k.name] = value;
  }
  return out;
}

/** GetItem: the current item with this key (validated against the key schema), or no Item. */
export const getItem = defineOperation<GetItemInput, GetItemOutput, DynamoState>({
  input: GetItemInput$,
  output: GetItemOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['TableName', 'Key']);
    const now = ctx.clock.now();
    const table = requireTable(state, region, input.TableName as string, now);
    requireActive(table, now);
    const key = input.Key as Item;
    assertKeyMatchesSchema(table, key);
    const wanted = itemKey(table, key);
    const item = itemsAt(table.history, now).find((i) => itemKey(table, i) === wanted);
    return item ? { Item: item } : {};
  },
});

/** Scan: every current item in key order, `Limit`/`ExclusiveStartKey` paging, `Select: COUNT`. */
export const scan = defineOperation<ScanInput, ScanOutput, DynamoState>({
  input: ScanInput$,
  output: ScanOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['TableName']);
    if (input.FilterExpression || input.ScanFilter || input.Segment !== undefined) {
      throw simError(
        'ValidationException',
        'The simulator supports Scan without filters or segments; filter the items on the client.',
      );
    }
    if (input.Limit !== undefined && (!Number.isInteger(input.Limit) || input.Limit < 1)) {
      throw simError(
        'ValidationException',
        `1 validation error detected: Value '${input.Limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`,
      );
    }
    const now = ctx.clock.now();
    const table = requireTable(state, region, input.TableName as string, now);
    requireActive(table, now);
    const items = itemsAt(table.history, now)
      .map((item) => ({ item, key: itemKey(table, item) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    let start = 0;
    if (input.ExclusiveStartKey) {
      assertKeyMatchesSchema(table, input.ExclusiveStartKey as Item);
      const after = itemKey(table, input.ExclusiveStartKey as Item);
      start = items.findIndex((i) => i.key > after);
      if (start === -1) start = items.length;
    }
    const limit = input.Limit ?? items.length;
    const page = items.slice(start, start + limit);
    const more = start + limit < items.length;
    const last = page[page.length - 1];
    return {
      ...(input.Select === 'COUNT' ? {} : { Items: page.map((p) => p.item) }),
      Count: page.length,
      ScannedCount: page.length,
      ...(more && last ? { LastEvaluatedKey: keyOf(table, last.item) } : {}),
    };
  },
});

/** The DynamoDB item operations, by operation name. */
export const dynamoItemOperations: Record<string, SchemaOperation<DynamoState>> = {
  GetItem: getItem,
  Scan: scan,
};
