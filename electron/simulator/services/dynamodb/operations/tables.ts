import {
  DeleteTableInput$,
  DeleteTableOutput$,
  DescribeTableInput$,
  DescribeTableOutput$,
  DescribeTimeToLiveInput$,
  DescribeTimeToLiveOutput$,
  ListTablesInput$,
  ListTablesOutput$,
  ListTagsOfResourceInput$,
  ListTagsOfResourceOutput$,
  TagResourceInput$,
  UpdateTimeToLiveInput$,
  UpdateTimeToLiveOutput$,
  type DeleteTableInput,
  type DeleteTableOutput,
  type DescribeTableInput,
  type DescribeTableOutput,
  type DescribeTimeToLiveInput,
  type DescribeTimeToLiveOutput,
  type ListTablesInput,
  type ListTablesOutput,
  type ListTagsOfResourceInput,
  type ListTagsOfResourceOutput,
  type TagResourceInput,
  type UpdateTimeToLiveInput,
  type UpdateTimeToLiveOutput,
} from '@aws-sdk/client-dynamodb';
import { simError } from '../../../protocol/errors';
import { requireJsonParams } from '../../../protocol/json';
import { defineOperation, type SchemaOperation } from '../../../protocol/query-dispatch';
import { parseTableArn, type DynamoState, type TableRecord } from '../model';
import { findTable, tableStatus } from '../status';
import { tableView } from '../views';

/** DynamoDB's not-found error for a table. */
export function tableNotFound(name: string): Error {
  return simError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
}

/** The table a name or ARN refers to in the request's region, or `ResourceNotFoundException`. */
export function requireTable(state: DynamoState, region: string, nameOrArn: string, now: Date): TableRecord {
  const arn = parseTableArn(nameOrArn);
  if (arn && arn.region !== region) throw tableNotFound(nameOrArn);
  const table = findTable(state, region, arn ? arn.name : nameOrArn, now);
  if (!table) throw tableNotFound(arn ? arn.name : nameOrArn);
  return table;
}

/** ListTables: names in order, `ExclusiveStartTableName`/`Limit` (1–100) paging. */
export const listTables = defineOperation<ListTablesInput, ListTablesOutput, DynamoState>({
  input: ListTablesInput$,
  output: ListTablesOutput$,
  run(input, { state, region, ctx }) {
    const limit = input.Limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw simError(
        'ValidationException',
        `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`,
      );
    }
    const now = ctx.clock.now();
    const names = Object.values(state.tables)
      .filter((t) => t.region === region && tableStatus(t, now) !== undefined)
      .map((t) => t.name)
      .sort();
    const start = input.ExclusiveStartTableName
      ? names.findIndex((n) => n > (input.ExclusiveStartTableName as string))
      : 0;
    const from = start === -1 ? names.length : start;
    const page = names.slice(from, from + limit);
    const more = from + limit < names.length;
    return {
      TableNames: page,
      ...(more && page.length ? { LastEvaluatedTableName: page[page.length - 1] } : {}),
    };
  },
});

/** DescribeTable: the table's description (status, keys, indexes, items, replicas, restore summary, SSE). */
export const describeTable = defineOperation<DescribeTableInput, DescribeTableOutput, DynamoState>({
  input: DescribeTableInput$,
  output: DescribeTableOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['TableName']);
    const now = ctx.clock.now();
    return { Table: tableView(requireTable(state, region, input.TableName as string, now), now) };
  },
});

/** DeleteTable: `DELETING` for a minute, then gone; refused while the table is being created. */
export const deleteTable = defineOperation<DeleteTableInput, DeleteTableOutput, DynamoState>({
  input: DeleteTableInput$,
  output: DeleteTableOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['TableName']);
    const now = ctx.clock.now();
    const table = requireTable(state, region, input.TableName as string, now);
    const status = tableStatus(table, now);
    if (status !== 'ACTIVE') {
      throw simError(
        'ResourceInUseException',
        `Attempt to change a resource which is still in use: Table is being ${status === 'CREATING' ? 'created' : 'deleted'}: ${table.name}`,
      );
    }
    table.deletedAt = now.toISOString();
    return { TableDescription: tableView(table, now) };
  },
});

/** DescribeTimeToLive: whether TTL is on and on which attribute. */
export const describeTimeToLive = defineOperation<
  DescribeTimeToLiveInput,
  DescribeTimeToLiveOutput,
  DynamoState
>({
  input: DescribeTimeToLiveInput$,
  output: DescribeTimeToLiveOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['TableName']);
    const table = requireTable(state, region, input.TableName as string, ctx.clock.now());
    return {
      TimeToLiveDescription: table.ttlAttribute
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: table.ttlAttribute }
        : { TimeToLiveStatus: 'DISABLED' },
    };
  },
});

/** UpdateTimeToLive: turn TTL on for an attribute, or off (re-applying it after a restore). */
export const updateTimeToLive = defineOperation<UpdateTimeToLiveInput, UpdateTimeToLiveOutput, DynamoState>({
  input: UpdateTimeToLiveInput$,
  output: UpdateTimeToLiveOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['TableName', 'TimeToLiveSpecification']);
    // Present: checked just above.
    const spec = input.TimeToLiveSpecification as NonNullable<
      UpdateTimeToLiveInput['TimeToLiveSpecification']
    >;
    requireJsonParams(spec, ['Enabled', 'AttributeName']);
    const table = requireTable(state, region, input.TableName as string, ctx.clock.now());
    const attribute = spec.AttributeName as string;
    if (spec.Enabled) {
      if (table.ttlAttribute) throw simError('ValidationException', 'TimeToLive is already enabled');
      table.ttlAttribute = attribute;
    } else {
      if (!table.ttlAttribute) throw simError('ValidationException', 'TimeToLive is already disabled');
      if (table.ttlAttribute !== attribute) {
        throw simError(
          'ValidationException',
          `TimeToLive is enabled on attribute ${table.ttlAttribute}, not ${attribute}`,
        );
      }
      delete table.ttlAttribute;
    }
    return { TimeToLiveSpecification: { Enabled: spec.Enabled as boolean, AttributeName: attribute } };
  },
});

function tableByArn(state: DynamoState, region: string, arn: string, now: Date): TableRecord {
  const parsed = parseTableArn(arn);
  if (!parsed) {
    throw simError(
      'ValidationException',
      `Invalid TableArn: ${arn} is not a DynamoDB table ARN (arn:aws:dynamodb:<region>:<account>:table/<name>).`,
    );
  }
  const table = parsed.region === region ? findTable(state, region, parsed.name, now) : undefined;
  if (!table)
    throw simError(
      'ResourceNotFoundException',
      `Requested resource not found: ResourceArn: ${arn} not found`,
    );
  return table;
}

/** ListTagsOfResource: a table's tags by ARN. */
export const listTagsOfResource = defineOperation<
  ListTagsOfResourceInput,
  ListTagsOfResourceOutput,
  DynamoState
>({
  input: ListTagsOfResourceInput$,
  output: ListTagsOfResourceOutput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['ResourceArn']);
    return {
      Tags: tableByArn(state, region, input.ResourceArn as string, ctx.clock.now()).tags.map((t) => ({
        ...t,
      })),
    };
  },
});

/** TagResource: add or overwrite a table's tags by ARN. */
export const tagResource = defineOperation<TagResourceInput, undefined, DynamoState>({
  input: TagResourceInput$,
  run(input, { state, region, ctx }) {
    requireJsonParams(input, ['ResourceArn', 'Tags']);
    const table = tableByArn(state, region, input.ResourceArn as string, ctx.clock.now());
    for (const tag of input.Tags ?? []) {
      if (!tag.Key) throw simError('ValidationException', 'Tag keys must be between 1 and 128 characters.');
      const existing = table.tags.find((t) => t.Key === tag.Key);
      if (existing) existing.Value = tag.Value ?? '';
      else table.tags.push({ Key: tag.Key, Value: tag.Value ?? '' });
    }
    return undefined;
  },
});

/** The DynamoDB table operations, by operation name. */
export const dynamoTableOperations: Record<string, SchemaOperation<DynamoState>> = {
  ListTables: listTables,
  DescribeTable: describeTable,
  DeleteTable: deleteTable,
  DescribeTimeToLive: describeTimeToLive,
  UpdateTimeToLive: updateTimeToLive,
  ListTagsOfResource: listTagsOfResource,
  TagResource: tagResource,
};
