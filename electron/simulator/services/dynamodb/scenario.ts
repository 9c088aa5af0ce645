import { z } from 'zod';
import type { SimContext } from '../../core/types';
import type { RegionReference } from '../../scenario/region-reference';
import { AGE_PATTERN, agoIso, buildPhases, parseAge } from '../../protocol/lifecycle';
import { itemKey, itemsAt, toAttribute } from './items';
import {
  emptyDynamoState,
  tableArn,
  tableKey,
  type DynamoState,
  type IndexRecord,
  type Item,
  type ItemVersion,
  type TableRecord,
} from './model';

const age = z.string().regex(AGE_PATTERN, 'must be an age such as 30m, 6h or 3d');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be a region name like us-east-1');
const keyAttribute = z
  .object({ name: z.string().min(1), type: z.enum(['S', 'N', 'B']).default('S') })
  .strict();
const indexSchema = z
  .object({
    name: z.string().min(3),
    partitionKey: keyAttribute,
    sortKey: keyAttribute.optional(),
    projection: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']).default('ALL'),
  })
  .strict();

const tableSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be 3-255 letters, digits, underscores, dots or dashes'),
    region,
    partitionKey: keyAttribute,
    sortKey: keyAttribute.optional(),
    gsis: z.array(indexSchema).default([]),
    lsis: z.array(indexSchema).default([]),
    billingMode: z.enum(['PAY_PER_REQUEST', 'PROVISIONED']).default('PAY_PER_REQUEST'),
    readCapacity: z.number().int().min(1).default(5),
    writeCapacity: z.number().int().min(1).default(5),
    /** Server-side encryption with a customer managed KMS key (omit for the AWS owned key). */
    kmsKeyArn: z.string().optional(),
    stream: z.enum(['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY']).optional(),
    ttlAttribute: z.string().optional(),
    pitr: z
      .union([
        z.literal(false),
        z
          .object({
            recoveryPeriodDays: z.number().int().min(1).max(35).default(35),
            enabledAgo: age.optional(),
          })
          .strict(),
      ])
      .default(false),
    age: age.default('365d'),
    /** Status at the start (e.g. CREATING for 10m) before ACTIVE. */
    transition: z
      .object({ status: z.string().min(1), for: age })
      .strict()
      .optional(),
    tags: z.record(z.string(), z.string()).default({}),
    /** Global table (2019.11.21) replicas in these other regions, holding the same items. */
    replicas: z.array(region).default([]),
    /** Items as plain values (strings, numbers, booleans, lists, maps); `_age` says when each was written. */
    items: z.array(z.record(z.string(), z.unknown())).default([]),
    /** Generated items, written evenly over the given period before now. */
    generatedItems: z
      .object({ count: z.number().int().min(0).max(100_000), over: age.default('7d') })
      .strict()
      .optional(),
    backups: z
      .array(
        z
          .object({
            name: z.string().min(3),
            age,
            type: z.enum(['USER', 'SYSTEM', 'AWS_BACKUP']).default('USER'),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

type TableSpec = z.infer<typeof tableSchema>;

/** The item's key, or undefined when it lacks a key attribute of the right type. */
function plainItemKey(t: TableSpec, plain: Record<string, unknown>): string | undefined {
  const { _age: _ignored, ...attrs } = plain;
  const item: Item = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, toAttribute(v)]));
  try {
    return itemKey({ partitionKey: t.partitionKey, ...(t.sortKey ? { sortKey: t.sortKey } : {}) }, item);
  } catch {
    return undefined;
  }
}

function keyNames(t: TableSpec): string {
  return [t.partitionKey, ...(t.sortKey ? [t.sortKey] : [])]
    .map((k) => `${k.name} (${k.type === 'S' ? 'a string' : k.type === 'N' ? 'a number' : 'binary'})`)
    .join(' and ');
}

/** The `dynamodb:` section of a scenario file; cross-references are checked with the path of the field at fault. */
export const dynamoScenarioSchema = z
  .object({ tables: z.array(tableSchema).default([]) })
  .strict()
  .superRefine((section, ctx) => {
    const seen = new Set<string>();
    section.tables.forEach((t, n) => {
      [t.region, ...t.replicas].forEach((r, k) => {
        if (seen.has(tableKey(r, t.name))) {
          ctx.addIssue({
            code: 'custom',
            path: k === 0 ? ['tables', n, 'name'] : ['tables', n, 'replicas', k - 1],
            message: `duplicate table ${t.name} in ${r}; a table name is unique per region (replicas included)`,
          });
        }
        seen.add(tableKey(r, t.name));
      });
      t.items.forEach((plain, i) => {
        if (plainItemKey(t, plain) === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['tables', n, 'items', i],
            message: `the item needs its key attributes: ${keyNames(t)}`,
          });
        }
      });
    });
  });

/** The validated `dynamodb:` section. */
export type DynamoSection = z.infer<typeof dynamoScenarioSchema>;

/** Every region the `dynamodb:` section names, with its field path (each must be one of the scenario's regions). */
export function dynamoScenarioRegions(section: DynamoSection): RegionReference[] {
  const out: RegionReference[] = [];
  section.tables.forEach((t, n) => {
    out.push({ path: ['tables', n, 'region'], region: t.region });
    t.replicas.forEach((r, k) => out.push({ path: ['tables', n, 'replicas', k], region: r }));
  });
  return out;
}
/** The `dynamodb:` section as written (defaults optional), e.g. by the estate generator. */
export type DynamoSectionInput = z.input<typeof dynamoScenarioSchema>;

function uuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function history(t: DynamoSection['tables'][number], now: Date, rng: SimContext['rng']): ItemVersion[] {
  const shape = { partitionKey: t.partitionKey, ...(t.sortKey ? { sortKey: t.sortKey } : {}) };
  const out: ItemVersion[] = [];
  t.items.forEach((plain, n) => {
    const { _age: itemAge, ...attrs } = plain;
    const item: Item = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, toAttribute(v)]));
    let key: string;
    try {
      key = itemKey(shape, item);
    } catch {
      throw new Error(
        `dynamodb.tables.${t.name}.items[${n}]: the item needs its key attributes (${[
          t.partitionKey,
          t.sortKey,
        ]
          .filter(Boolean)
          .map((k) => k?.name)
          .join(', ')})`,
      );
    }
    out.push({ key, item, writtenAt: agoIso(now, typeof itemAge === 'string' ? itemAge : '1d') });
  });
  if (t.generatedItems && t.generatedItems.count > 0) {
    const span = parseAge(t.generatedItems.over);
    for (let n = 0; n < t.generatedItems.count; n += 1) {
      const item: Item = {
        [t.partitionKey.name]:
          t.partitionKey.type === 'N' ? { N: String(n) } : { S: `${t.name}#${String(n).padStart(6, '0')}` },
        ...(t.sortKey ? { [t.sortKey.name]: t.sortKey.type === 'N' ? { N: '0' } : { S: 'v0' } } : {}),
        status: { S: rng.pick(['NEW', 'PAID', 'SHIPPED', 'CLOSED']) },
        amount: { N: String(rng.int(1, 50_000) / 100) },
      };
      const writtenAt = new Date(
        now.getTime() - span + Math.floor(((n + 1) / t.generatedItems.count) * (span - 60_000)),
      ).toISOString();
      out.push({ key: itemKey(shape, item), item, writtenAt });
    }
  }
  return out;
}

/** Build the DynamoDB state a scenario describes, at the simulated start time. */
export function dynamoFromScenario(section: DynamoSection, ctx: SimContext): DynamoState {
  const state = emptyDynamoState();
  const now = ctx.clock.now();
  for (const t of section.tables) {
    const regions = [t.region, ...t.replicas];
    const createdAt = agoIso(now, t.age);
    const items = history(t, now, ctx.rng);
    const gsis: IndexRecord[] = t.gsis.map((g) => ({ ...g }));
    const lsis: IndexRecord[] = t.lsis.map((l) => ({ ...l }));
    for (const r of regions) {
      if (state.tables[tableKey(r, t.name)])
        throw new Error(`dynamodb.tables: duplicate table ${t.name} in ${r}`);
      const record: TableRecord = {
        name: t.name,
        region: r,
        arn: tableArn(r, ctx.accountId, t.name),
        tableId: uuid(ctx.rng.hex(32)),
        createdAt,
        phases: t.transition
          ? buildPhases(now, [[t.transition.status, parseAge(t.transition.for) / 60_000]], 'ACTIVE')
          : [{ status: 'ACTIVE' }],
        partitionKey: t.partitionKey,
        ...(t.sortKey ? { sortKey: t.sortKey } : {}),
        gsis,
        lsis,
        billingMode: t.billingMode,
        readCapacity: t.readCapacity,
        writeCapacity: t.writeCapacity,
        ...(t.kmsKeyArn ? { sse: { kmsKeyArn: t.kmsKeyArn.replace(/:kms:[a-z0-9-]+:/, `:kms:${r}:`) } } : {}),
        ...(t.stream ? { stream: { viewType: t.stream, label: createdAt.replace(/Z$/, '') } } : {}),
        ...(t.ttlAttribute ? { ttlAttribute: t.ttlAttribute } : {}),
        tags: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })),
        pitr: t.pitr
          ? {
              enabled: true,
              enabledAt: agoIso(now, t.pitr.enabledAgo ?? t.age),
              recoveryPeriodDays: t.pitr.recoveryPeriodDays,
            }
          : { enabled: false, recoveryPeriodDays: 35 },
        replicaRegions: regions.filter((x) => x !== r),
        history: items.map((v) => ({ ...v })),
      };
      state.tables[tableKey(r, t.name)] = record;
    }
    for (const b of t.backups) {
      const at = agoIso(now, b.age);
      const stamp = `${Date.parse(at)}`.padStart(14, '0');
      const arn = `${tableArn(t.region, ctx.accountId, t.name)}/backup/${stamp}-${ctx.rng.hex(8)}`;
      const source = state.tables[tableKey(t.region, t.name)];
      state.backups[arn] = {
        arn,
        name: b.name,
        region: t.region,
        tableName: t.name,
        tableArn: source?.arn ?? '',
        tableId: source?.tableId ?? '',
        createdAt: at,
        type: b.type,
        phases: [{ status: 'AVAILABLE' }],
        partitionKey: t.partitionKey,
        ...(t.sortKey ? { sortKey: t.sortKey } : {}),
        gsis,
        lsis,
        billingMode: t.billingMode,
        items: itemsAt(items, new Date(at)),
      };
    }
  }
  return state;
}
