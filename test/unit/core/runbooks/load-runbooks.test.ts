import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProcedure } from '../../../../electron/core/runbooks/load-procedure';
import { loadRunbooks, type RunbookParseCache } from '../../../../electron/core/runbooks/load-runbooks';
import { createRunbookMarkdown } from '../../../../electron/core/runbooks/render-markdown';
import { RunbookCatalog } from '../../../../electron/core/runbooks/runbook-catalog';
import { EXPECTED_RUNBOOK_IDS } from '../../../support/runbook-ids';

const root = path.resolve(__dirname, '../../../..');
const bundled = path.join(root, 'runbooks');
const fixtures = path.join(root, 'test/fixtures/runbooks');
const md = createRunbookMarkdown();
const temps: string[] = [];

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the bundled runbooks', () => {
  it('all load, with no problem and no warning', async () => {
    const load = await loadRunbooks(md, { runbooksDir: bundled });
    expect(load.problems).toEqual([]);
    expect(load.runbooks.map((r) => r.meta.id).sort()).toEqual([...EXPECTED_RUNBOOK_IDS].sort());
    for (const runbook of load.runbooks) {
      expect(runbook.source).toBe('bundled');
      expect(runbook.file).toBe(`runbooks/procedures/${runbook.meta.id}.md`);
    }
  });

  it('are linked from every step of the DR procedure, and every link resolves', async () => {
    const [procedure, load] = await Promise.all([
      loadProcedure(bundled),
      loadRunbooks(md, { runbooksDir: bundled }),
    ]);
    const ids = new Set(load.runbooks.map((r) => r.meta.id));
    const steps = procedure.stages.flatMap((stage) => stage.steps);
    const unlinked = steps.filter((step) => !step.runbook).map((step) => step.id);
    expect(unlinked, 'every step deep-links its runbook').toEqual([]);
    const linked = steps.flatMap((step) => (step.runbook ? [step.runbook] : []));
    for (const id of linked) expect(ids, `step links ${id}`).toContain(id);
  });

  it('cover every service and every stage the reader browses by', async () => {
    const catalog = new RunbookCatalog(md, await loadRunbooks(md, { runbooksDir: bundled }));
    const list = catalog.list();
    expect(new Set(list.map((r) => r.service))).toEqual(new Set(['s3', 'rds', 'ec2', 'dynamodb', 'general']));
    expect(new Set(list.map((r) => r.stage))).toEqual(new Set(['assess', 'recover', 'validate', 'document']));
    expect(list[0]!.service).toBe('s3');
    expect(list.at(-1)!.service).toBe('general');
  });

  it('say where the organisation document is wrong, in the runbooks that correct it', async () => {
    const catalog = new RunbookCatalog(md, await loadRunbooks(md, { runbooksDir: bundled }));
    const rollback = catalog.get('s3-version-rollback');
    expect(rollback.markdown).toContain('InvalidObjectState');
    expect(rollback.commands.map((c) => c.operation)).toContain('s3api copy-object');
    expect(rollback.commands.map((c) => c.operation)).not.toContain('s3api restore-object');
    const cross = catalog.get('rds-pitr-cross-region');
    expect(cross.markdown).toContain('Where the organisation');
    expect(cross.commands.some((c) => c.raw.includes('--source-db-instance-automated-backups-arn'))).toBe(
      true,
    );
  });
});

describe('a folder with broken runbooks', () => {
  it('reports each broken file with its field and still loads the good one', async () => {
    const load = await loadRunbooks(md, { runbooksDir: path.join(fixtures, 'mixed') });
    expect(load.runbooks.map((r) => r.meta.id)).toEqual(['good-runbook']);
    const errors = load.problems.filter((p) => p.severity === 'error');
    const byFile = Object.fromEntries(errors.map((p) => [path.basename(p.file), p]));
    expect(Object.keys(byFile).sort()).toEqual([
      'bad-service.md',
      'bad-yaml.md',
      'missing-date.md',
      'no-front-matter.md',
      'wrong-name.md',
    ]);
    expect(byFile['bad-service.md']).toMatchObject({ field: 'service', line: 4 });
    expect(byFile['bad-service.md']!.message).toContain('runbooks/procedures/bad-service.md');
    expect(byFile['bad-service.md']!.message).toContain('must be one of s3, rds, ec2, dynamodb, general');
    expect(byFile['missing-date.md']).toMatchObject({ field: 'lastReviewed' });
    expect(byFile['wrong-name.md']).toMatchObject({ field: 'id' });
    expect(byFile['wrong-name.md']!.message).toContain('another-id.md');
    expect(byFile['no-front-matter.md']!.message).toContain('must start with front matter');
    expect(byFile['bad-yaml.md']!.message).toContain('not valid YAML');
  });

  it('warns about undeclared placeholders and links to missing runbooks, and loads the file anyway', async () => {
    const load = await loadRunbooks(md, { runbooksDir: path.join(fixtures, 'mixed') });
    const warnings = load.problems.filter((p) => p.severity === 'warning');
    expect(warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('<undeclared-region>'),
        expect.stringContaining('links to runbook "missing-runbook"'),
      ]),
    );
    const placeholderWarning = warnings.find((w) => w.message.includes('<undeclared-region>'))!;
    expect(placeholderWarning).toMatchObject({ field: 'placeholders', line: 22 });
  });

  it('reports a missing bundled folder instead of failing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-rb-'));
    temps.push(dir);
    const load = await loadRunbooks(md, { runbooksDir: dir });
    expect(load.runbooks).toEqual([]);
    expect(load.problems[0]!.message).toContain('folder is missing');
  });
});

describe('the organisation overlay', () => {
  it('replaces bundled runbooks by id, adds its own, and reports its broken files', async () => {
    const catalog = new RunbookCatalog(
      md,
      await loadRunbooks(md, { runbooksDir: bundled, overlayDir: path.join(fixtures, 'overlay') }),
    );
    const list = catalog.list();
    expect(list).toHaveLength(EXPECTED_RUNBOOK_IDS.length + 1);
    const rollback = list.find((r) => r.id === 's3-version-rollback')!;
    expect(rollback).toMatchObject({
      source: 'overlay',
      version: '3.1',
      title: 'Example Corp S3 rollback (organisation version)',
    });
    expect(list.find((r) => r.id === 'payments-ledger-failover')!.source).toBe('overlay');
    expect(list.find((r) => r.id === 'rds-backup-test')!.source).toBe('bundled');
    expect(catalog.problems).toHaveLength(1);
    expect(catalog.problems[0]).toMatchObject({ field: 'stage', severity: 'error' });
    expect(catalog.problems[0]!.file).toContain('broken-overlay.md');
    expect(catalog.search('zanzibar')[0]!.id).toBe('payments-ledger-failover');
    expect(catalog.search('change ticket')[0]!.id).toBe('s3-version-rollback');
    expect(catalog.get('payments-ledger-failover').links).toEqual(['dynamodb-global-table-failover']);
  });

  it('is optional: a data folder without runbooks/ changes nothing', async () => {
    const load = await loadRunbooks(md, {
      runbooksDir: bundled,
      overlayDir: path.join(os.tmpdir(), 'drwr-no-such-dir'),
    });
    expect(load.problems).toEqual([]);
    expect(load.runbooks).toHaveLength(EXPECTED_RUNBOOK_IDS.length);
  });

  it('keeps the bundled runbook when the overlay copy is broken', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-rb-'));
    temps.push(dir);
    await writeFile(path.join(dir, 'dr-procedure.md'), '---\nid: dr-procedure\ntitle: x\n---\n# x\n');
    const load = await loadRunbooks(md, { runbooksDir: bundled, overlayDir: dir });
    expect(load.runbooks.find((r) => r.meta.id === 'dr-procedure')!.source).toBe('bundled');
    expect(load.problems[0]!.file).toBe(path.join(dir, 'dr-procedure.md'));
  });

  it('reads a copy of the bundled folder the same way (install-independent paths)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-rb-'));
    temps.push(dir);
    await cp(path.join(bundled, 'procedures'), path.join(dir, 'procedures'), { recursive: true });
    const load = await loadRunbooks(md, { runbooksDir: dir });
    expect(load.runbooks).toHaveLength(EXPECTED_RUNBOOK_IDS.length);
  });
});

describe('unusual runbook files', () => {
  async function overlayWith(files: Record<string, string | Buffer>): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-rb-'));
    temps.push(dir);
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return dir;
  }

  const frontMatter = (id: string) =>
    `---\nid: ${id}\ntitle: T\nservice: general\nstage: assess\nversion: '1'\nlastReviewed: '2026-01-01'\nreviewCycle: annual\nsummary: S\n---\n`;

  it('reads Windows line endings and a byte-order mark', async () => {
    const text =
      `\uFEFF${frontMatter('crlf-runbook')}# T\r\n\r\n\`\`\`bash\r\naws sts get-caller-identity \\\r\n  --region us-west-2\r\n\`\`\`\r\n`.replace(
        /(?<!\r)\n/g,
        '\r\n',
      );
    const load = await loadRunbooks(md, {
      runbooksDir: bundled,
      overlayDir: await overlayWith({ 'crlf-runbook.md': text }),
    });
    expect(load.problems).toEqual([]);
    const runbook = load.runbooks.find((r) => r.meta.id === 'crlf-runbook')!;
    expect(runbook.blocks[0]!.content).toBe('aws sts get-caller-identity \\\n  --region us-west-2');
  });

  it('refuses a file over the size limit, naming it, and ignores hidden and non-Markdown files', async () => {
    const dir = await overlayWith({
      'huge.md': `${frontMatter('huge')}${'x'.repeat(1024 * 1024)}`,
      '.draft.md': 'not read',
      'notes.txt': 'not read',
    });
    const load = await loadRunbooks(md, { runbooksDir: bundled, overlayDir: dir });
    expect(load.problems).toHaveLength(1);
    expect(load.problems[0]!.message).toContain('huge.md: the file is');
    expect(load.problems[0]!.message).toContain('at most 1024 KB');
  });

  it('keeps a horizontal rule in the body (only the first --- pair is front matter)', async () => {
    const dir = await overlayWith({ 'ruled.md': `${frontMatter('ruled')}# T\n\nabove\n\n---\n\nbelow\n` });
    const catalog = new RunbookCatalog(md, await loadRunbooks(md, { runbooksDir: bundled, overlayDir: dir }));
    expect(catalog.get('ruled').html).toContain('<hr>');
  });
});

describe('reloading with a parse cache', () => {
  it('re-parses only edited files, drops deleted ones, and sees new ones', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-rb-'));
    temps.push(dir);
    const text = (id: string, title: string) =>
      `---\nid: ${id}\ntitle: ${title}\nservice: general\nstage: assess\nversion: '1'\nlastReviewed: '2026-01-01'\nreviewCycle: annual\nsummary: S\n---\n# ${title}\n`;
    await writeFile(path.join(dir, 'one.md'), text('one', 'First'));
    await writeFile(path.join(dir, 'two.md'), text('two', 'Second'));
    const cache: RunbookParseCache = new Map();
    const first = await loadRunbooks(md, { runbooksDir: bundled, overlayDir: dir }, cache);
    const again = await loadRunbooks(md, { runbooksDir: bundled, overlayDir: dir }, cache);
    const byId = (load: typeof first, id: string) => load.runbooks.find((r) => r.meta.id === id)!;
    expect(byId(again, 'one').tokens).toBe(byId(first, 'one').tokens);
    expect(byId(again, 'dr-procedure').tokens).toBe(byId(first, 'dr-procedure').tokens);

    await writeFile(path.join(dir, 'one.md'), text('one', 'First, edited at length'));
    await rm(path.join(dir, 'two.md'));
    await writeFile(path.join(dir, 'three.md'), text('three', 'Third'));
    const edited = await loadRunbooks(md, { runbooksDir: bundled, overlayDir: dir }, cache);
    expect(byId(edited, 'one').meta.title).toBe('First, edited at length');
    expect(edited.runbooks.some((r) => r.meta.id === 'two')).toBe(false);
    expect(byId(edited, 'three').meta.title).toBe('Third');
    expect([...cache.keys()].some((key) => key.endsWith('two.md'))).toBe(false);
  });
});
