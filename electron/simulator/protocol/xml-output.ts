import { XmlShapeSerializer } from '@aws-sdk/core/protocols';
import type { Schema } from '@smithy/types';
import { xmlMembersPlan } from './xml-plan';

/**
 * Serialise a value into the XML children of an output structure, following the schema's
 * XML traits (element names, list member names, flattening, timestamps as ISO 8601), i.e. the
 * exact shape the SDK's awsQuery / ec2Query deserializers read. Returns the inner XML without
 * the structure's own root element. A compiled writer per schema does it (the same bytes as the
 * SDK serializer, see `xml-plan.ts`); schemas it does not cover go through the SDK's serializer.
 */
export function encodeXmlMembers(schema: Schema, value: unknown): string {
  const plan = xmlMembersPlan(schema);
  return plan ? plan(value) : encodeXmlMembersWithSdk(schema, value);
}

/** {@link encodeXmlMembers} through the SDK's own `XmlShapeSerializer` (the reference the compiled writer matches). */
export function encodeXmlMembersWithSdk(schema: Schema, value: unknown): string {
  const serializer = new XmlShapeSerializer({
    serviceNamespace: 'simulator',
    xmlNamespace: '',
    timestampFormat: { useTrait: true, default: 5 },
  });
  serializer.write(schema, value ?? {});
  const xml = String(serializer.flush());
  const open = xml.indexOf('>');
  if (open === -1 || xml.charAt(open - 1) === '/') return '';
  const close = xml.lastIndexOf('</');
  return close > open ? xml.slice(open + 1, close) : '';
}

const NEEDS_ESCAPE = /[&<>"']/;

/** Escape text for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
