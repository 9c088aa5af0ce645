import { NormalizedSchema } from '@smithy/core/schema';
import type { Schema } from '@smithy/types';
import { simError } from './errors';

/** Which Query dialect a request uses: awsQuery (`X.member.N`) or EC2's flattened, capitalised one (`X.N`). */
export type QueryFlavour = 'query' | 'ec2';

/**
 * Decode flat Query parameters into the structure the operation's input schema describes
 * (the exact inverse of the SDK's Query serializer): lists, nested structures, numbers,
 * booleans and timestamps. Members the schema does not know are ignored, as AWS does.
 * A value of the wrong type raises `InvalidParameterValue` naming the parameter.
 */
export function decodeQueryInput(
  schema: Schema,
  params: Readonly<Record<string, string>>,
  flavour: QueryFlavour,
): Record<string, unknown> {
  const index = new Set(Object.keys(params));
  const decoded = decodeStruct(NormalizedSchema.of(schema), params, index, '', flavour);
  return decoded ?? {};
}

function memberKey(memberName: string, traits: Record<string, unknown>, flavour: QueryFlavour): string {
  const xmlName = typeof traits.xmlName === 'string' ? traits.xmlName : undefined;
  const ec2Name = typeof traits.ec2QueryName === 'string' ? traits.ec2QueryName : undefined;
  if (flavour === 'ec2') {
    if (ec2Name) return ec2Name;
    const key = xmlName ?? memberName;
    return key.charAt(0).toUpperCase() + key.slice(1);
  }
  return xmlName ?? memberName;
}

function hasPrefix(index: ReadonlySet<string>, prefix: string): boolean {
  if (index.has(prefix)) return true;
  const dotted = `${prefix}.`;
  for (const key of index) if (key.startsWith(dotted)) return true;
  return false;
}

function decodeValue(
  ns: NormalizedSchema,
  params: Readonly<Record<string, string>>,
  index: ReadonlySet<string>,
  key: string,
  flavour: QueryFlavour,
): unknown {
  if (ns.isStructSchema()) return decodeStruct(ns, params, index, key, flavour);
  if (ns.isListSchema()) return decodeList(ns, params, index, key, flavour);
  if (ns.isMapSchema()) return decodeMap(ns, params, index, key, flavour);
  const raw = params[key];
  if (raw === undefined) return undefined;
  if (ns.isBooleanSchema()) {
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    throw invalid(key, raw, 'a boolean (true or false)');
  }
  if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) throw invalid(key, raw, 'a number');
    return value;
  }
  if (ns.isTimestampSchema()) {
    const value = /^\d+(\.\d+)?$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
    if (Number.isNaN(value.getTime())) throw invalid(key, raw, 'an ISO 8601 timestamp');
    return value;
  }
  return raw;
}

function decodeStruct(
  ns: NormalizedSchema,
  params: Readonly<Record<string, string>>,
  index: ReadonlySet<string>,
  prefix: string,
  flavour: QueryFlavour,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let found = false;
  for (const [name, member] of ns.structIterator()) {
    const key = `${prefix ? `${prefix}.` : ''}${memberKey(name, member.getMergedTraits() as Record<string, unknown>, flavour)}`;
    if (!hasPrefix(index, key)) continue;
    const value = decodeValue(member, params, index, key, flavour);
    if (value !== undefined) {
      out[name] = value;
      found = true;
    }
  }
  return found || prefix === '' ? out : undefined;
}

function decodeList(
  ns: NormalizedSchema,
  params: Readonly<Record<string, string>>,
  index: ReadonlySet<string>,
  prefix: string,
  flavour: QueryFlavour,
): unknown[] | undefined {
  if (params[prefix] === '') return [];
  const member = ns.getValueSchema();
  const traits = member.getMergedTraits() as Record<string, unknown>;
  const flat = flavour === 'ec2' || Boolean((ns.getMergedTraits() as Record<string, unknown>).xmlFlattened);
  const itemPrefix = flat ? prefix : `${prefix}.${memberKey('member', traits, 'query')}`;
  const positions = new Set<number>();
  const head = `${itemPrefix}.`;
  for (const key of index) {
    if (!key.startsWith(head)) continue;
    const rest = key.slice(head.length);
    const n = Number(rest.split('.')[0]);
    if (Number.isInteger(n) && n > 0) positions.add(n);
  }
  if (positions.size === 0) return undefined;
  const out: unknown[] = [];
  for (const n of [...positions].sort((a, b) => a - b)) {
    const value = decodeValue(member, params, index, `${itemPrefix}.${n}`, flavour);
    if (value !== undefined) out.push(value);
  }
  return out;
}

function decodeMap(
  ns: NormalizedSchema,
  params: Readonly<Record<string, string>>,
  index: ReadonlySet<string>,
  prefix: string,
  flavour: QueryFlavour,
): Record<string, unknown> | undefined {
  const flat = Boolean((ns.getMergedTraits() as Record<string, unknown>).xmlFlattened);
  const entryPrefix = flat ? prefix : `${prefix}.entry`;
  const out: Record<string, unknown> = {};
  let found = false;
  for (let n = 1; hasPrefix(index, `${entryPrefix}.${n}`); n += 1) {
    const key = params[`${entryPrefix}.${n}.key`];
    if (key === undefined) continue;
    out[key] = decodeValue(ns.getValueSchema(), params, index, `${entryPrefix}.${n}.value`, flavour);
    found = true;
  }
  return found ? out : undefined;
}

function invalid(key: string, raw: string, expected: string): Error {
  return simError(
    'InvalidParameterValue',
    `Invalid value '${raw}' for parameter ${key}: expected ${expected}.`,
  );
}
