/** `<name>` placeholders: lower-case letters, digits and hyphens between angle brackets. */
export const PLACEHOLDER_PATTERN = /<([a-z][a-z0-9-]*)>/g;

/** A piece of text: literal, or a placeholder (with its value when known). */
export type PlaceholderPart =
  { kind: 'text'; text: string } | { kind: 'placeholder'; name: string; value: string | null };

/**
 * Split text into literal parts and placeholders. `isPlaceholder` decides which `<name>` forms count
 * (all of them in code; in prose only declared names, so `<br>` stays text).
 */
export function splitPlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
  isPlaceholder: (name: string) => boolean = () => true,
): PlaceholderPart[] {
  const parts: PlaceholderPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1]!;
    if (!isPlaceholder(name)) continue;
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : null;
    parts.push({ kind: 'placeholder', name, value });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** Fill the placeholders that have values; the others stay as `<name>`. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return splitPlaceholders(text, values)
    .map((part) => (part.kind === 'text' ? part.text : (part.value ?? `<${part.name}>`)))
    .join('');
}

/** The distinct placeholder names in a text, in order of first use. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!))];
}

/** Characters that make a value unsafe to paste unquoted into a shell command. */
const SHELL_SPECIAL = /[^A-Za-z0-9._:/@+=,%-]/;

/** True when a value contains characters a shell would interpret (spaces, quotes, `;`, `$` …). */
export function needsShellCare(value: string): boolean {
  return SHELL_SPECIAL.test(value);
}
