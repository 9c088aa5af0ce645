import type {
  RunbookDocument,
  RunbookSearchHit,
  RunbookSummary,
} from '../../../../electron/core/api/calls/runbooks';
import { fillPlaceholders, placeholderNames } from '../../../../electron/core/runbooks/placeholders';
import {
  createRunbookMarkdown,
  renderRunbookHtml,
  sectionsOf,
} from '../../../../electron/core/runbooks/render-markdown';
import type { RunbooksSlice } from '../../../../renderer/src/store/slices/runbooks';

const md = createRunbookMarkdown();

interface FixtureRunbook {
  summary: RunbookSummary;
  placeholders: Array<{ name: string; description: string }>;
  markdown: string;
}

function summary(
  id: string,
  title: string,
  service: RunbookSummary['service'],
  stage: RunbookSummary['stage'],
): RunbookSummary {
  return {
    id,
    title,
    service,
    stage,
    version: '1.0',
    lastReviewed: '2026-11-20',
    reviewCycle: 'quarterly',
    reviewDue: '2027-02-20',
    summary: `${title}: summary.`,
    keywords: [],
    source: 'bundled',
    file: `runbooks/procedures/${id}.md`,
  };
}

/** Three small runbooks standing in for the library. */
export const FIXTURES: FixtureRunbook[] = [
  {
    summary: summary('s3-version-rollback', 'Roll an S3 object back', 's3', 'recover'),
    placeholders: [
      { name: 'bucket-name', description: 'The bucket.' },
      { name: 'version-id', description: 'The version.' },
      { name: 'primary-region', description: 'The region.' },
    ],
    markdown: [
      '# Roll an S3 object back',
      '',
      'See [the archive runbook](runbook:s3-archive-restore) and [a site](https://example.com).',
      '',
      '## Steps',
      '',
      '```bash',
      'aws s3api copy-object \\',
      '  --bucket <bucket-name> \\',
      '  --copy-source "<bucket-name>/k?versionId=<version-id>" \\',
      '  --region <primary-region>',
      '```',
      '',
      '## Verify',
      '',
      'Check it.',
      '',
      '## Steps',
      '',
      'Again.',
      '',
    ].join('\n'),
  },
  {
    summary: summary('s3-archive-restore', 'Restore an archived S3 object', 's3', 'recover'),
    placeholders: [{ name: 'bucket-name', description: 'The bucket.' }],
    markdown:
      '# Restore an archived S3 object\n\n```bash\naws s3api restore-object \\\n  --bucket <bucket-name>\n```\n',
  },
  {
    summary: summary('rds-backup-test', 'RDS backup test', 'rds', 'validate'),
    placeholders: [],
    markdown: '# RDS backup test\n\nNo commands.\n',
  },
];

/** A service runbook opened from a procedure step (the S3 failover), for the "Fill for" tests. */
export const FAILOVER_FIXTURE: FixtureRunbook = {
  summary: summary('s3-cross-region-failover', 'Fail over S3 to the replica bucket', 's3', 'recover'),
  placeholders: [
    { name: 'bucket-name', description: 'The source bucket.' },
    { name: 'replica-bucket-name', description: 'The replica bucket.' },
    { name: 'object-key', description: 'A recent object.' },
    { name: 'version-id', description: 'A version to check.' },
    { name: 'primary-region', description: 'The failed region.' },
    { name: 'secondary-region', description: 'The recovery region.' },
  ],
  markdown: [
    '# Fail over S3 to the replica bucket',
    '',
    '```bash',
    'aws s3api get-bucket-replication --bucket <bucket-name> --region <primary-region>',
    '```',
    '',
    '```bash',
    'aws s3api head-object --bucket <replica-bucket-name> --key <object-key> --version-id <version-id> --region <secondary-region>',
    '```',
    '',
  ].join('\n'),
};

/** A general runbook (no service), opened from a step with the incident's values only. */
export const GENERAL_FIXTURE: FixtureRunbook = {
  summary: summary('dr-procedure', 'The DR procedure', 'general', 'assess'),
  placeholders: [
    { name: 'incident-id', description: 'The incident.' },
    { name: 'primary-region', description: 'The failed region.' },
    { name: 'secondary-region', description: 'The recovery region.' },
  ],
  markdown: '# The DR procedure\n\n```bash\necho <incident-id> <primary-region> <secondary-region>\n```\n',
};

/** What `runbooks.get` answers for a fixture, rendered with the real renderer. */
export function documentFor(id: string, values: Record<string, string>): RunbookDocument {
  const fixture = [...FIXTURES, FAILOVER_FIXTURE, GENERAL_FIXTURE].find((f) => f.summary.id === id);
  if (!fixture) throw new Error(`no fixture ${id}`);
  const tokens = md.parse(fixture.markdown, {});
  const blocks = tokens.filter((t) => t.type === 'fence').map((t) => t.content.replace(/\n$/, ''));
  return {
    ...fixture.summary,
    placeholders: fixture.placeholders.map((p) => ({ ...p, value: values[p.name] ?? null })),
    markdown: fixture.markdown,
    html: renderRunbookHtml(md, tokens, {
      values,
      declared: new Set(fixture.placeholders.map((p) => p.name)),
      descriptions: {},
      knownIds: new Set(FIXTURES.map((f) => f.summary.id)),
    }),
    commands: blocks.map((raw, index) => ({
      index,
      language: 'bash',
      text: fillPlaceholders(raw, values),
      raw,
      isAws: true,
      operation: raw.split(/\s+/).slice(1, 3).join(' '),
      unfilled: placeholderNames(raw).filter((name) => !(name in values)),
      warnings: [],
    })),
    links: [],
    sections: sectionsOf(tokens),
  };
}

/** What `runbooks.search` answers: fixtures whose title contains every word. */
export function hitsFor(query: string): RunbookSearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return FIXTURES.filter((f) => words.every((w) => f.summary.title.toLowerCase().includes(w))).map(
    (f, index) => ({
      id: f.summary.id,
      title: f.summary.title,
      service: f.summary.service,
      stage: f.summary.stage,
      summary: f.summary.summary,
      score: 10 - index,
      snippet: `A snippet about ${f.summary.title}`,
      terms: words,
    }),
  );
}

/** The reader's store fields as the app starts: no library, no search, nothing open or filled. */
export function idleReader(): Pick<
  RunbooksSlice,
  | 'runbookList'
  | 'runbookQuery'
  | 'runbookHits'
  | 'openRunbookId'
  | 'openRunbook'
  | 'runbookValues'
  | 'runbookFill'
> {
  return {
    runbookList: { status: 'idle' },
    runbookQuery: '',
    runbookHits: { status: 'idle' },
    openRunbookId: null,
    openRunbook: { status: 'idle' },
    runbookValues: {},
    runbookFill: null,
  };
}
