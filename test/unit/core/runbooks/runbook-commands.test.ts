import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedRunbook } from '../../../../electron/core/runbooks/load-runbooks';
import { placeholderNames } from '../../../../electron/core/runbooks/placeholders';
import {
  awsOperation,
  shellWords,
  splitShellCommands,
} from '../../../../electron/core/runbooks/shell-commands';
import { awsCommandsOf, loadBundledRunbooks } from './bundled-aws-commands';

let runbooks: LoadedRunbook[];

function option(words: string[], name: string): string | undefined {
  const at = words.indexOf(name);
  return at >= 0 ? words[at + 1] : undefined;
}

beforeAll(async () => {
  runbooks = await loadBundledRunbooks();
});

describe('the commands in the bundled runbooks', () => {
  it('are all in bash blocks, one aws command per block, written over several lines', () => {
    const commands = awsCommandsOf(runbooks);
    expect(commands.length).toBeGreaterThan(50);
    for (const runbook of runbooks) {
      for (const block of runbook.blocks) {
        const hasAws = splitShellCommands(block.content).some((c) => awsOperation(c) !== null);
        if (!hasAws) continue;
        expect(block.language, `${runbook.meta.id}: ${block.content}`).toBe('bash');
        expect(splitShellCommands(block.content), block.content).toHaveLength(1);
        expect(block.content.split('\n').length, block.content).toBeGreaterThan(1);
        for (const line of block.content.split('\n').slice(0, -1))
          expect(line, block.content).toMatch(/ \\$/);
      }
    }
  });

  it('name their region with a placeholder, never a literal region', () => {
    for (const { runbook, command } of awsCommandsOf(runbooks)) {
      const words = shellWords(command);
      expect(option(words, '--region'), `${runbook}: ${command}`).toMatch(/^<(primary|secondary)-region>$/);
      expect(command, runbook).not.toMatch(
        /\b(us|eu|ap|sa|ca|me|af)-(east|west|north|south|central|northeast|southeast)-\d\b/,
      );
    }
  });

  it('declare every placeholder they use', () => {
    for (const runbook of runbooks) {
      const declared = new Set(runbook.meta.placeholders.map((p) => p.name));
      for (const block of runbook.blocks) {
        for (const name of placeholderNames(block.content))
          expect(declared, `${runbook.meta.id}: <${name}>`).toContain(name);
      }
    }
  });

  it('use the same placeholder names for the same things across runbooks', () => {
    const descriptions = new Map<string, Set<string>>();
    for (const runbook of runbooks) {
      for (const placeholder of runbook.meta.placeholders) {
        (
          descriptions.get(placeholder.name) ??
          descriptions.set(placeholder.name, new Set()).get(placeholder.name)!
        ).add(runbook.meta.id);
      }
    }
    const names = [...descriptions.keys()];
    for (const banned of [
      'bucket',
      'source-instance',
      'target-instance',
      'timestamp',
      'type',
      'az',
      'source-table',
      'target-table',
      'region',
    ]) {
      expect(names, `use a specific placeholder instead of <${banned}>`).not.toContain(banned);
    }
    expect(descriptions.get('bucket-name')!.size).toBeGreaterThan(3);
    expect(descriptions.get('restore-time')!.size).toBeGreaterThan(1);
  });

  it('never use restore-object as a version rollback, and roll back with copy-object and a versioned copy source', () => {
    for (const { runbook, command } of awsCommandsOf(runbooks)) {
      const words = shellWords(command);
      if (awsOperation(command) === 's3api restore-object') {
        expect(runbook).toBe('s3-archive-restore');
        expect(option(words, '--restore-request')).toMatch(/"Days"/);
      }
      if (awsOperation(command) === 's3api copy-object') {
        expect(option(words, '--copy-source'), command).toMatch(/\?versionId=<version-id>$/);
      }
    }
  });

  it('restore RDS across regions only from replicated automated backups or snapshot copies', () => {
    for (const { runbook, command } of awsCommandsOf(runbooks)) {
      const words = shellWords(command);
      const region = option(words, '--region');
      if (awsOperation(command) === 'rds restore-db-instance-to-point-in-time') {
        if (words.includes('--source-db-instance-identifier'))
          expect(region, runbook).toBe('<primary-region>');
        else expect(option(words, '--source-db-instance-automated-backups-arn'), runbook).toBeDefined();
        expect(words, runbook).toEqual(
          expect.arrayContaining([
            '--db-subnet-group-name',
            '--vpc-security-group-ids',
            '--db-instance-class',
          ]),
        );
      }
      if (awsOperation(command) === 'rds copy-db-snapshot') {
        expect(option(words, '--source-db-snapshot-identifier')).toMatch(
          /^arn:aws:rds:<primary-region>:<account-id>:snapshot:/,
        );
        expect(region).toBe('<secondary-region>');
      }
      if (['ec2 copy-image', 'ec2 copy-snapshot'].includes(awsOperation(command)!)) {
        expect(option(words, '--source-region')).toBe('<primary-region>');
        expect(region).toBe('<secondary-region>');
      }
      if (awsOperation(command) === 'ec2 run-instances') {
        expect(words, runbook).toEqual(
          expect.arrayContaining(['--subnet-id', '--security-group-ids', '--client-token']),
        );
      }
    }
  });

  it('delete only in backup tests, and only what the test created', () => {
    const deleting = awsCommandsOf(runbooks).filter(({ command }) =>
      /^(delete|terminate)-/.test(awsOperation(command)!.split(' ')[1]!),
    );
    expect(deleting.length).toBeGreaterThan(0);
    for (const { runbook, command } of deleting) {
      expect(runbook).toMatch(/-backup-test$/);
      expect(command).toMatch(/<test-[a-z-]+>/);
    }
  });
});
