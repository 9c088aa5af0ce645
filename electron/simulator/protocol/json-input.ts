import { NormalizedSchema } from '@smithy/core/schema';
import type { Schema } from '@smithy/types';
import { simError } from './errors';

/**
 * Check a parsed JSON 1.0 request body against the operation's input schema and convert its
 * timestamps (epoch seconds) into Dates. Unions and documents (DynamoDB AttributeValues) pass
 * through as sent. A member of the wrong JSON type raises `SerializationException`, as the
 * service's deserializer does.
 */
export function decodeJsonInput(schema: Schema, body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw simError('SerializationException', 'The request body must be a JSON object.');
  }
  return decodeStruct(NormalizedSchema.of(schema), body as Record<string, unknown>, '');
}

function decodeStruct(
  ns: NormalizedSchema,
  value: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, member] of ns.structIterator()) {
    if (!Object.hasOwn(value, name) || value[name] === null || value[name] === undefined) continue;
    out[name] = decodeValue(member, value[name], path ? `${path}.${name}` : name);
  }
  return out;
}

function decodeValue(ns: NormalizedSchema, value: unknown, path: string): unknown {
  if (ns.isUnionSchema() || ns.isDocumentSchema()) {
    return value;
  }
  if (ns.isStructSchema()) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw wrongType(path, 'an object');
    return decodeStruct(ns, value as Record<string, unknown>, path);
  }
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) throw wrongType(path, 'a list');
    const member = ns.getValueSchema();
    return value.map((item, i) => decodeValue(member, item, `${path}[${i}]`));
  }
  if (ns.isMapSchema()) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType(path, 'a map');
    const member = ns.getValueSchema();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        decodeValue(member, v, `${path}.${k}`),
      ]),
    );
  }
  if (ns.isTimestampSchema()) {
    const date =
      typeof value === 'number'
        ? new Date(value * 1000)
        : typeof value === 'string'
          ? new Date(value)
          : undefined;
    if (!date || Number.isNaN(date.getTime())) throw wrongType(path, 'a timestamp (epoch seconds)');
    return date;
  }
  if (ns.isBooleanSchema()) {
    if (typeof value !== 'boolean') throw wrongType(path, 'a boolean');
    return value;
  }
  if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(path, 'a number');
    return value;
  }
  if (ns.isBlobSchema()) {
    if (typeof value !== 'string') throw wrongType(path, 'a base64 string');
    return value;
  }
  if (typeof value !== 'string') throw wrongType(path, 'a string');
  return value;
}

function wrongType(path: string, expected: string): Error {
  return simError('SerializationException', `Unexpected value type for ${path}: expected ${expected}.`);
}
