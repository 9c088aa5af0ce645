/** A value the XML writer understands: nested objects become elements, arrays repeat their element. */
export type XmlValue = string | number | boolean | Date | undefined | null | XmlObject | XmlValue[];
/** An element's children by name (insertion order is output order). */
export interface XmlObject {
  [name: string]: XmlValue;
}

const NEEDS_ESCAPE = /[&<>"'\r]/;

/** Escape text for XML content and attribute values. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function writeValue(name: string, value: XmlValue, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) writeValue(name, item, out);
    return;
  }
  if (value instanceof Date) {
    out.push(`<${name}>${value.toISOString()}</${name}>`);
    return;
  }
  if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [child, childValue] of Object.entries(value)) writeValue(child, childValue, out);
    out.push(`</${name}>`);
    return;
  }
  out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
}

/**
 * Serialise a document: `<?xml …?>` then the root element with an optional `xmlns`.
 * Undefined and null members are left out; Dates are ISO 8601.
 */
export function toXmlDocument(root: string, value: XmlObject, xmlns?: string): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(xmlns ? `<${root} xmlns="${escapeXml(xmlns)}">` : `<${root}>`);
  for (const [child, childValue] of Object.entries(value)) writeValue(child, childValue, out);
  out.push(`</${root}>`);
  return out.join('');
}
