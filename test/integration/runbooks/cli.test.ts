import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSetOptions } from '../../../electron/cli/commands/runbooks';
import { captureStdio, runCli } from '../../support/run-cli';

let dataDir: string;
let out: string;
let err: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'drwr-cli-rb-'));
  out = '';
  err = '';
  captureStdio({ stdout: (chunk) => (out += chunk), stderr: (chunk) => (err += chunk) });
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<void> {
  await runCli(dataDir, 'runbooks', ...args);
}

describe('dr-war-room runbooks', () => {
  it('list: every runbook, grouped by service', async () => {
    await run('list');
    expect(out).toMatch(/^S3\n {2}s3-/);
    for (const heading of ['RDS', 'EC2', 'DYNAMODB', 'GENERAL']) expect(out).toContain(`\n${heading}\n`);
    expect(out.match(/^ {2}[a-z0-9-]+ /gm)).toHaveLength(19);
  });

  it('list --json: the summaries', async () => {
    await run('list', '--json');
    const list = JSON.parse(out) as Array<{ id: string; reviewDue: string }>;
    expect(list).toHaveLength(19);
    expect(list.find((r) => r.id === 'dr-procedure')!.reviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('search: ranked hits with snippets, typo-tolerant', async () => {
    await run('search', 'promte', 'replcia');
    expect(out.split('\n')[0]).toMatch(
      /^rds-read-replica-promotion {2}Promote an RDS cross-region read replica/,
    );
  });

  it('search: says so when nothing matches', async () => {
    await run('search', 'qqqqzzzz');
    expect(out).toContain('No runbook matches "qqqqzzzz"');
  });

  it('show --set --commands: the filled aws commands ready to paste, and what is left to fill', async () => {
    await run(
      'show',
      'rds-pitr-cross-region',
      '--set',
      'db-instance-id=orders-db',
      '--set',
      '<target-db-instance-id>=orders-db-dr',
      '--commands',
    );
    expect(out).toContain(
      'aws rds describe-db-instance-automated-backups \\\n  --query "DBInstanceAutomatedBackups[?DBInstanceIdentifier==\'orders-db\']" \\\n  --region us-west-2',
    );
    expect(out).toContain('--target-db-instance-identifier orders-db-dr');
    expect(out).toContain('Placeholders still to fill (--set name=value):');
    expect(out).toContain('  <restore-time>  ');
    expect(out).not.toContain('  <db-instance-id>  ');
  });

  it('show: the whole runbook as text with its header', async () => {
    await run('show', 'dynamodb-global-table-failover');
    expect(out).toMatch(
      /^DynamoDB global table failover to the secondary replica\ndynamodb-global-table-failover · dynamodb · recover · version 1\.0/,
    );
    expect(out).toContain('--region us-west-2');
  });

  it('show: an unknown id and a malformed --set fail with what to do', async () => {
    await expect(run('show', 'no-such-runbook')).rejects.toThrow(
      /There is no runbook "no-such-runbook".*runbooks list/,
    );
    expect(() => parseSetOptions(['bucket'])).toThrow(/name=value/);
    expect(() => parseSetOptions(['Bad Name=x'])).toThrow(/placeholder name/);
    expect(parseSetOptions(['bucket-name=a=b', '<object-key>=k'])).toEqual({
      'bucket-name': 'a=b',
      'object-key': 'k',
    });
  });

  it('problems: names the broken overlay file and its field, and exits non-zero', async () => {
    await mkdir(path.join(dataDir, 'runbooks'));
    await writeFile(
      path.join(dataDir, 'runbooks', 'our-failover.md'),
      '---\nid: our-failover\ntitle: Ours\nservice: lambda\nstage: recover\nversion: "1"\nlastReviewed: "2026-01-01"\nreviewCycle: quarterly\nsummary: x\n---\n# Ours\n',
    );
    await run('problems');
    expect(out).toContain('our-failover.md: service (line 4)');
    expect(process.exitCode).toBe(1);
    out = '';
    await run('list');
    expect(err).toContain('1 runbook file did not load');
  });

  it('policy: the tiers and the rules per environment', async () => {
    await run('policy');
    expect(out).toContain('critical   RTO 120 min, RPO 15 min');
    expect(out).toContain('dynamodb  PITR true, 35 days');
  });
});
