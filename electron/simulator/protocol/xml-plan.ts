import { NormalizedSchema } from '@smithy/core/schema';
import { dateToUtcString } from '@smithy/core/serde';
import type { Schema } from '@smithy/types';

/**
 * A compiled XML writer for one output structure: the same bytes the SDK's own
 * `XmlShapeSerializer` writes for that schema (element names, list member names, flattening,
 * timestamp formats, escaping), but with every schema decision taken once per schema instead of
 * on every call. Structures whose schema uses an XML feature this writer does not cover
 * (namespaces, attributes, unions, blobs, big decimals, documents, sparse collections) get no plan,
 * and the caller falls back to the SDK serializer.
 */

/** Writes one member's elements (empty string when the value is absent). */
type MemberWriter = (value: unknown) => string;

/** Writes the children of a structure value. */
interface StructBody {
  write(value: Record<string, unknown>): string;
}

/** Thrown while compiling when a schema uses a feature without a fast path. */
class Unsupported extends Error {}

const ELEMENT_ESCAPE_TEST = /[&"'<>\r\n\u0085\u2028]/;
const ELEMENT_ESCAPE_RE = /[&"'<>\r\n\u0085\u2028]/g;
const ELEMENT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#x0D;',
  '\n': '&#x0A;',
  '\u0085': '&#x85;',
  '\u2028': '&#x2028;',
};

/** Escape element text exactly as the SDK's XML builder does. */
export function escapeXmlText(text: string): string {
  return ELEMENT_ESCAPE_TEST.test(text)
    ? text.replace(ELEMENT_ESCAPE_RE, (c) => ELEMENT_ESCAPES[c] ?? c)
    : text;
}

function element(name: string, inner: string): string {
  return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

type Traits = Record<string, unknown>;

function merged(ns: NormalizedSchema): Traits {
  return ns.getMergedTraits() as Traits;
}

function xmlNameOf(traits: Traits): string | undefined {
  return typeof traits.xmlName === 'string' ? traits.xmlName : undefined;
}

function checkSupported(ns: NormalizedSchema): void {
  const traits = merged(ns);
  if (traits.xmlNamespace !== undefined || traits.xmlAttribute || traits.sparse || traits.httpPayload) {
    throw new Unsupported(`trait on ${ns.getName(true)}`);
  }
  if (ns.isUnionSchema() || ns.isBlobSchema() || ns.isBigDecimalSchema() || ns.isDocumentSchema()) {
    throw new Unsupported(`type of ${ns.getName(true)}`);
  }
  if (ns.isMemberSchema() && ns.isIdempotencyToken()) throw new Unsupported('idempotency token');
}

/** The text of a simple value, as the SDK's `writeSimple` gives it (or its error). */
function simpleText(ns: NormalizedSchema): (value: unknown, path: string) => string {
  if (ns.isTimestampSchema()) {
    const schema = ns.getSchema();
    const format = schema === 6 || schema === 7 ? schema : 5;
    return (value, path) => {
      if (!(value instanceof Date)) {
        throw new Error(`Unhandled schema-value pair ${path}=${String(value)}: a timestamp needs a Date.`);
      }
      if (format === 6) return dateToUtcString(value);
      if (format === 7) return String(value.getTime() / 1000);
      return value.toISOString().replace('.000Z', 'Z');
    };
  }
  if (ns.isBooleanSchema() || ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isStringSchema()) {
    return (value, path) => {
      if (value !== null && typeof value === 'object') {
        throw new Error(`Unhandled object value for the simple member ${path}.`);
      }
      return escapeXmlText(String(value));
    };
  }
  throw new Unsupported(`simple type of ${ns.getName(true)}`);
}

/** A writer for a value of `ns` placed in an element called `name` (simple values and structures). */
function namedValueWriter(ns: NormalizedSchema, name: string, cache: PlanCache): MemberWriter {
  if (ns.isStructSchema()) {
    const body = structBody(ns, cache);
    return (value) => element(name, body.write(value as Record<string, unknown>));
  }
  const text = simpleText(ns);
  const path = ns.getName(true) ?? name;
  return (value) => `<${name}>${text(value, path)}</${name}>`;
}

/** The SDK's `writeList`: a wrapper element (or flattened items) of the list member. */
function listWriter(listMember: NormalizedSchema, cache: PlanCache): MemberWriter {
  checkSupported(listMember);
  const listTraits = merged(listMember);
  const itemSchema = listMember.getValueSchema();
  checkSupported(itemSchema);
  const flat = Boolean(listTraits.xmlFlattened);
  const listName = xmlNameOf(listTraits) ?? listMember.getMemberName();
  const itemName = flat ? listName : (xmlNameOf(merged(itemSchema)) ?? 'member');
  let item: MemberWriter;
  if (itemSchema.isListSchema()) {
    const nested = listWriter(itemSchema, cache);
    item = (value) => nested(Array.isArray(value) ? value : [value]);
  } else if (itemSchema.isMapSchema()) {
    item = mapWriter(itemSchema, cache, false);
  } else {
    item = namedValueWriter(itemSchema, itemName, cache);
  }
  const items = (array: unknown): string => {
    let out = '';
    for (const value of array as Iterable<unknown>) if (value != null) out += item(value);
    return out;
  };
  return flat ? items : (array) => element(listName, items(array));
}

/** The SDK's `writeMap`: `entry` elements (or flattened entries) of key and value. */
function mapWriter(mapMember: NormalizedSchema, cache: PlanCache, containerIsMap: boolean): MemberWriter {
  checkSupported(mapMember);
  const mapTraits = merged(mapMember);
  const keySchema = mapMember.getKeySchema();
  const valueSchema = mapMember.getValueSchema();
  checkSupported(keySchema);
  checkSupported(valueSchema);
  const keyTag = xmlNameOf(merged(keySchema)) ?? 'key';
  const valueTag = xmlNameOf(merged(valueSchema)) ?? 'value';
  const flat = Boolean(mapTraits.xmlFlattened);
  const mapName = xmlNameOf(mapTraits) ?? mapMember.getMemberName();
  let valueElement: MemberWriter;
  if (valueSchema.isListSchema()) {
    const list = listWriter(valueSchema, cache);
    valueElement = (value) => element(valueTag, list(value));
  } else if (valueSchema.isMapSchema()) {
    const map = mapWriter(valueSchema, cache, true);
    valueElement = (value) => element(valueTag, map(value));
  } else if (valueSchema.isStructSchema()) {
    const structName = xmlNameOf(valueSchema.getMemberTraits() as Traits) ?? valueSchema.getMemberName();
    valueElement = namedValueWriter(valueSchema, structName, cache);
  } else {
    valueElement = namedValueWriter(valueSchema, valueTag, cache);
  }
  const entryName = flat ? mapName : 'entry';
  const entries = (map: unknown): string => {
    let out = '';
    const record = map as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (value != null) {
        out += `<${entryName}><${keyTag}>${escapeXmlText(key)}</${keyTag}>${valueElement(value)}</${entryName}>`;
      }
    }
    return out;
  };
  if (flat || containerIsMap) return entries;
  return (map) => element(mapName, entries(map));
}

/** The writer of one structure member (the SDK's `writeStruct` loop body). */
function memberWriter(member: NormalizedSchema, name: string, cache: PlanCache): MemberWriter {
  checkSupported(member);
  if (member.isListSchema()) return listWriter(member, cache);
  if (member.isMapSchema()) return mapWriter(member, cache, false);
  if (member.isStructSchema()) {
    const structName = xmlNameOf(member.getMemberTraits() as Traits) ?? name;
    return namedValueWriter(member, structName, cache);
  }
  return namedValueWriter(member, xmlNameOf(merged(member)) ?? name, cache);
}

type PlanCache = Map<unknown, StructBody>;

/** The children writer of a structure schema, shared by every place the structure appears (recursion-safe). */
function structBody(ns: NormalizedSchema, cache: PlanCache): StructBody {
  const key = ns.getSchema();
  const cached = cache.get(key);
  if (cached) return cached;
  const members: Array<{ name: string; write: MemberWriter }> = [];
  const body: StructBody = {
    write(value) {
      let out = '';
      for (const member of members) {
        const v = value[member.name];
        if (v != null) out += member.write(v);
      }
      return out;
    },
  };
  cache.set(key, body);
  const traits = merged(ns);
  if (traits.xmlNamespace !== undefined) throw new Unsupported(`namespace on ${ns.getName(true)}`);
  for (const [name, member] of ns.structIterator())
    members.push({ name, write: memberWriter(member, name, cache) });
  return body;
}

/** The compiled children writer of an output structure, or undefined when the SDK serializer must do it. */
export type XmlMembersPlan = (value: unknown) => string;

const plans = new WeakMap<object, XmlMembersPlan | null>();

/**
 * The compiled writer of an output structure's XML children (cached per schema), or undefined
 * when the schema uses an XML feature the plan does not cover.
 */
export function xmlMembersPlan(schema: Schema): XmlMembersPlan | undefined {
  const key = typeof schema === 'object' && schema !== null ? schema : undefined;
  if (key && plans.has(key)) return plans.get(key) ?? undefined;
  let plan: XmlMembersPlan | null = null;
  const ns = NormalizedSchema.of(schema);
  if (ns.isStructSchema() && !ns.isUnionSchema()) {
    try {
      const body = structBody(ns, new Map());
      plan = (value) => body.write((value ?? {}) as Record<string, unknown>);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
  }
  if (key) plans.set(key, plan);
  return plan ?? undefined;
}
