/**
 * The runbook a link points to, or null when it points anywhere else.
 * Accepted forms: `runbook:<id>`, and relative Markdown paths such as `s3-backup-test.md`,
 * `./s3-backup-test.md` or `../procedures/s3-backup-test.md` (a `#fragment` is ignored).
 */
export function runbookLinkTarget(href: string): string | null {
  const trimmed = href.trim();
  const withoutFragment = trimmed.split('#')[0]!;
  const runbook = /^runbook:([a-z0-9][a-z0-9-]*)$/.exec(withoutFragment);
  if (runbook) return runbook[1]!;
  if (/^[a-z][a-z0-9+.-]*:/i.test(withoutFragment) || withoutFragment.startsWith('//')) return null;
  const relative = /^(?:\.{1,2}\/)*(?:[\w.-]+\/)*([a-z0-9][a-z0-9-]*)\.md$/.exec(withoutFragment);
  return relative ? relative[1]! : null;
}
