/**
 * Find the malformed lines of an AWS config or credentials file, with line numbers. The SDK's
 * own INI loader (used for the actual parsing) is lenient: it skips bad lines silently, drops
 * misnamed sections, and gives up on the whole file for a few names. This scan says what it
 * skipped, so the user can fix the file while the other profiles still list.
 */

/** One problem in an AWS config or credentials file. */
export interface ConfigIssue {
  /** The file's path. */
  file: string;
  /** 1-based line number. */
  line: number;
  /** What is wrong and how to fix it. */
  message: string;
  /** The profile (or sso-session) whose section holds the line, if any. */
  section?: string;
  /** True when the SDK refuses the whole file for this line (the app then reads the file without it). */
  fatal?: boolean;
}

/** Which of the two files a text comes from (they name sections differently). */
export type ConfigFileKind = 'config' | 'credentials';

const NAME_RE = /^[\w\-@+.%:/]+$/;
const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
const BLOCKED = new Set(['__proto__']);

function stripComment(line: string): string {
  return (line.split(/(^|\s)[;#]/)[0] ?? '').trim();
}

interface SectionState {
  name: string | undefined;
  fatal: boolean;
}

function sectionHeader(
  inner: string,
  kind: ConfigFileKind,
  push: (message: string, extra?: Partial<ConfigIssue>) => void,
): SectionState {
  const name = inner.trim();
  if (name === '') {
    push('the section header is empty: write [profile NAME] (config file) or [NAME] (credentials file).');
    return { name: undefined, fatal: false };
  }
  const parts = name.split(/\s+/);
  if (kind === 'credentials') {
    if (parts.length > 1 && parts[0] === 'profile') {
      push(`in the credentials file, write [${parts.slice(1).join(' ')}], not [${name}].`, {
        section: parts.slice(1).join(' '),
      });
      return { name: parts.slice(1).join(' '), fatal: false };
    }
    if (BLOCKED.has(name)) {
      push(`"${name}" is not allowed as a profile name; the SDK refuses the whole file because of it.`, {
        fatal: true,
      });
      return { name, fatal: true };
    }
    if (!NAME_RE.test(name)) {
      push(
        `the profile name "${name}" has characters the AWS SDK does not accept (use letters, digits and - _ . @ + % : /).`,
        {
          section: name,
        },
      );
    }
    return { name, fatal: false };
  }
  if (name === 'default') return { name: 'default', fatal: false };
  if (parts.length === 1) {
    push(`in the config file, profile sections are written [profile ${name}]; [${name}] is ignored.`, {
      section: name,
    });
    return { name: undefined, fatal: false };
  }
  const [type = '', ...rest] = parts;
  const sectionName = rest.join(' ');
  if (!SECTION_TYPES.has(type)) {
    push(`unknown section type "${type}": use [profile NAME], [sso-session NAME] or [services NAME].`);
    return { name: undefined, fatal: false };
  }
  if (BLOCKED.has(sectionName)) {
    push(`"${sectionName}" is not allowed as a ${type} name; the SDK refuses the whole file because of it.`, {
      fatal: true,
    });
    return { name: sectionName, fatal: true };
  }
  if (rest.length > 1 || !NAME_RE.test(sectionName)) {
    push(
      `the ${type} name "${sectionName}" has characters the AWS SDK does not accept (no spaces; letters, digits and - _ . @ + % : /); the section is ignored.`,
      { section: sectionName },
    );
    return { name: undefined, fatal: false };
  }
  return { name: type === 'profile' ? sectionName : `${type} ${sectionName}`, fatal: false };
}

/** Scan one file's text for the lines the SDK would skip or choke on (pure). */
export function scanConfigText(text: string, file: string, kind: ConfigFileKind): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  let section: SectionState = { name: undefined, fatal: false };
  let seenSection = false;
  let subSection = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const push = (message: string, extra: Partial<ConfigIssue> = {}) => {
      issues.push({
        file,
        line,
        message,
        ...(section.name !== undefined && extra.section === undefined ? { section: section.name } : {}),
        ...extra,
      });
    };
    const content = stripComment(raw);
    if (content === '') return;
    if (content.startsWith('[')) {
      subSection = false;
      if (!content.endsWith(']')) {
        push(`the section header "${content}" is not closed with "]".`);
        section = { name: undefined, fatal: false };
        seenSection = true;
        return;
      }
      section = { name: undefined, fatal: false };
      section = sectionHeader(content.slice(1, -1), kind, (message, extra = {}) =>
        issues.push({ file, line, message, ...extra }),
      );
      seenSection = true;
      return;
    }
    if (!seenSection) {
      push(`"${content.slice(0, 40)}" comes before any [section]: move it under a profile.`);
      return;
    }
    const eq = content.indexOf('=');
    if (eq === -1) {
      push(`expected "key = value", found "${content.slice(0, 40)}".`);
      return;
    }
    if (eq === 0) {
      push('a setting has no name before "=".');
      return;
    }
    const value = content.slice(eq + 1).trim();
    const indented = raw.trimStart() !== raw;
    if (value === '') {
      subSection = true;
      return;
    }
    if (indented && !subSection) {
      push('an indented setting that belongs to no "key =" block above it; remove the indentation.');
    }
    if (!indented) subSection = false;
  });
  return issues;
}

/**
 * The text with the sections the SDK would refuse commented out, so the rest of the file can
 * still be parsed by the SDK's loader (pure).
 */
export function withoutFatalSections(text: string, issues: readonly ConfigIssue[]): string {
  const fatalLines = new Set(issues.filter((i) => i.fatal).map((i) => i.line));
  if (fatalLines.size === 0) return text;
  let skipping = false;
  return text
    .split(/\r?\n/)
    .map((raw, index) => {
      const content = stripComment(raw);
      if (content.startsWith('[')) skipping = fatalLines.has(index + 1);
      return skipping ? `# ${raw}` : raw;
    })
    .join('\n');
}
