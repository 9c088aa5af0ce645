import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRunbooks } from '../../../../electron/core/runbooks/load-runbooks';
import { createRunbookMarkdown } from '../../../../electron/core/runbooks/render-markdown';
import { RunbookCatalog } from '../../../../electron/core/runbooks/runbook-catalog';
import { RunbookSearch } from '../../../../electron/core/runbooks/runbook-search';

const bundled = path.resolve(__dirname, '../../../../runbooks');
let catalog: RunbookCatalog;

beforeAll(async () => {
  const md = createRunbookMarkdown();
  catalog = new RunbookCatalog(md, await loadRunbooks(md, { runbooksDir: bundled }));
});

const top = (query: string, n = 1) =>
  catalog
    .search(query)
    .slice(0, n)
    .map((hit) => hit.id);

describe('runbook search over the bundled runbooks', () => {
  it('ranks the runbook whose title matches first', () => {
    expect(top('version rollback')).toEqual(['s3-version-rollback']);
    expect(top('read replica promotion')).toEqual(['rds-read-replica-promotion']);
    expect(top('global table failover')).toEqual(['dynamodb-global-table-failover']);
    expect(top('compliance')).toEqual(['compliance-mapping']);
    expect(top('archived object glacier')).toEqual(['s3-archive-restore']);
    expect(top('ebs volume')).toEqual(['ec2-ebs-volume-recovery']);
  });

  it('finds runbooks by the commands they contain', () => {
    expect(top('copy-image')).toEqual(['ec2-ami-recovery']);
    expect(top('promote-read-replica')).toEqual(['rds-read-replica-promotion']);
    expect(top('source-db-instance-automated-backups-arn')).toEqual(['rds-pitr-cross-region']);
  });

  it('matches prefixes as the commander types', () => {
    expect(top('snaps', 3)).toEqual(expect.arrayContaining(['rds-snapshot-copy-restore']));
    expect(top('dynam', 4).every((id) => id.startsWith('dynamodb-'))).toBe(true);
    expect(top('compl')).toEqual(['compliance-mapping']);
    expect(top('glob')).toEqual(['dynamodb-global-table-failover']);
  });

  it('tolerates typos', () => {
    expect(top('snaphsot copy', 1)).toEqual(['rds-snapshot-copy-restore']);
    expect(top('replcia promoton')).toEqual(['rds-read-replica-promotion']);
    expect(top('dynamdb point in tme')).toEqual(['dynamodb-pitr-restore']);
    expect(top('complaince')).toEqual(['compliance-mapping']);
  });

  it('needs every term when it can, so more words narrow the results', () => {
    const broad = catalog.search('restore');
    const narrow = catalog.search('restore dynamodb backup');
    expect(narrow.length).toBeLessThan(broad.length);
    expect(narrow[0]!.id).toBe('dynamodb-backup-restore');
  });

  it('falls back to any term when no runbook has them all', () => {
    const hits = catalog.search('glacier zzzzqqqq');
    expect(hits[0]!.id).toBe('s3-archive-restore');
  });

  it('answers nothing for an empty query and honours the limit', () => {
    expect(catalog.search('   ')).toEqual([]);
    expect(catalog.search('aws', 3)).toHaveLength(3);
  });

  it('gives each hit a snippet around a matched term, and the matched terms', () => {
    const [hit] = catalog.search('InvalidObjectState');
    expect(hit!.terms).toContain('invalidobjectstate');
    expect(hit!.snippet.toLowerCase()).toContain('invalidobjectstate');
    expect(hit!.snippet.length).toBeLessThan(260);
    const scores = catalog.search('restore').map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('RunbookSearch on its own', () => {
  it('boosts the title over the body', () => {
    const search = new RunbookSearch([
      {
        id: 'a',
        title: 'Something else',
        summary: 's',
        keywords: [],
        service: 's3',
        stage: 'recover',
        text: 'failover failover failover',
      },
      {
        id: 'b',
        title: 'Failover',
        summary: 's',
        keywords: [],
        service: 's3',
        stage: 'recover',
        text: 'other words',
      },
    ]);
    expect(search.search('failover').map((h) => h.id)).toEqual(['b', 'a']);
  });

  it('uses the summary as the snippet when only the title matched', () => {
    const search = new RunbookSearch([
      {
        id: 'a',
        title: 'Zebra crossing',
        summary: 'The summary.',
        keywords: [],
        service: 'general',
        stage: 'assess',
        text: 'nothing here',
      },
    ]);
    expect(search.search('zebra')[0]!.snippet).toBe('The summary.');
  });
});

describe('odd queries', () => {
  it('answers nothing for punctuation only, and never throws on special characters', () => {
    expect(catalog.search('--- ... ///')).toEqual([]);
    for (const query of ['(', '[*]', '"', "'", '\\', '<bucket-name>', 'a'.repeat(200), '🙂 restore']) {
      expect(() => catalog.search(query)).not.toThrow();
    }
    expect(catalog.search('<bucket-name>').length).toBeGreaterThan(0);
  });
});
