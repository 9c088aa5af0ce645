import { Command } from 'commander';
import type {
  RunbookDocument,
  RunbookProblem,
  RunbookSearchHit,
  RunbookSummary,
} from '../../core/api/calls/runbooks';
import { fillPlaceholders } from '../../core/runbooks/placeholders';
import { callCore, CliError, output, say, type GlobalOptions, withCore } from '../cli-core';

function common(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'the data folder (its runbooks/ folder overlays the bundled runbooks)')
    .option('--json', 'print machine-readable JSON on stdout');
}

/** Parse repeated `--set name=value` options into placeholder values. */
export function parseSetOptions(pairs: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = (eq > 0 ? pair.slice(0, eq) : '').trim().replace(/^<(.*)>$/, '$1');
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      throw new CliError(
        `--set ${pair}: write it as name=value with a placeholder name such as bucket-name (for example --set bucket-name=orders-data).`,
      );
    }
    values[name] = pair.slice(eq + 1);
  }
  return values;
}

/** The human listing of runbooks: one line each, grouped by service. */
export function formatRunbookList(list: readonly RunbookSummary[]): string {
  const width = Math.max(...list.map((r) => r.id.length), 2);
  const lines: string[] = [];
  let service = '';
  for (const runbook of list) {
    if (runbook.service !== service) {
      if (lines.length > 0) lines.push('');
      service = runbook.service;
      lines.push(service.toUpperCase());
    }
    const origin = runbook.source === 'overlay' ? '  (organisation)' : '';
    lines.push(`  ${runbook.id.padEnd(width)}  ${runbook.stage.padEnd(8)}  ${runbook.title}${origin}`);
  }
  return lines.join('\n');
}

/** The human search results: id, title, and the snippet. */
export function formatSearchHits(query: string, hits: readonly RunbookSearchHit[]): string {
  if (hits.length === 0)
    return `No runbook matches "${query}". Try fewer or shorter words, or \`runbooks list\`.`;
  return hits
    .map((hit) => `${hit.id}  ${hit.title}  [${hit.service}, ${hit.stage}]\n    ${hit.snippet}`)
    .join('\n');
}

/** A runbook as terminal text: its header, the Markdown with placeholders filled, and the unfilled ones. */
export function formatRunbook(doc: RunbookDocument, commandsOnly = false): string {
  const values = Object.fromEntries(
    doc.placeholders.flatMap((p) => (p.value === null ? [] : [[p.name, p.value]])),
  );
  const unfilled = doc.placeholders.filter((p) => p.value === null);
  const footer =
    unfilled.length === 0
      ? []
      : [
          '',
          'Placeholders still to fill (--set name=value):',
          ...unfilled.map((p) => `  <${p.name}>  ${p.description}`),
        ];
  if (commandsOnly) {
    return [...doc.commands.filter((c) => c.isAws).map((c) => c.text), ...footer]
      .join('\n\n')
      .replace(/\n\n\n/g, '\n\n');
  }
  const header = `${doc.title}\n${doc.id} · ${doc.service} · ${doc.stage} · version ${doc.version} · reviewed ${doc.lastReviewed} (next review ${doc.reviewDue})${doc.source === 'overlay' ? ' · organisation runbook' : ''}`;
  return [header, '', fillPlaceholders(doc.markdown.trim(), values), ...footer].join('\n');
}

function formatProblems(problems: readonly RunbookProblem[]): string {
  if (problems.length === 0) return 'Every runbook loaded without problems.';
  return problems.map((p) => `${p.severity === 'error' ? 'ERROR  ' : 'warning'}  ${p.message}`).join('\n');
}

function warnAboutProblems(problems: readonly RunbookProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0)
    say(
      `${errors} runbook file${errors > 1 ? 's' : ''} did not load: see \`dr-war-room runbooks problems\`.`,
    );
}

/** `dr-war-room runbooks list | search QUERY | show ID [--set name=value …] | problems | policy`. */
export function runbooksCommand(): Command {
  const runbooks = new Command('runbooks').description(
    'The offline runbooks: list them, search them, show one with its placeholders filled.',
  );

  runbooks.addCommand(
    common(new Command('list'))
      .description('List every runbook by service and stage.')
      .action(async (opts: GlobalOptions) => {
        await withCore(opts, async (core) => {
          const list = await callCore(core, 'runbooks.list', {});
          warnAboutProblems(await callCore(core, 'runbooks.problems', {}));
          output(opts, list, () => formatRunbookList(list));
        });
      }),
  );

  runbooks.addCommand(
    common(new Command('search'))
      .description('Full-text search: ranked, prefix and typo-tolerant.')
      .argument('<query...>', 'words to search for')
      .option('--limit <n>', 'at most this many results', '10')
      .action(async (words: string[], opts: GlobalOptions & { limit: string }) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
          throw new CliError(`--limit ${opts.limit}: give a whole number from 1 to 100.`);
        }
        const query = words.join(' ');
        await withCore(opts, async (core) => {
          const hits = await callCore(core, 'runbooks.search', { query, limit });
          output(opts, hits, () => formatSearchHits(query, hits));
        });
      }),
  );

  runbooks.addCommand(
    common(new Command('show'))
      .description('Show one runbook, with placeholders filled from --set and the DR procedure regions.')
      .argument('<id>', 'the runbook id (see `runbooks list`)')
      .option(
        '--set <name=value>',
        'fill a placeholder, e.g. --set bucket-name=orders-data (repeatable)',
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      )
      .option('--commands', 'print only the aws commands, filled, ready to paste')
      .action(async (id: string, opts: GlobalOptions & { set: string[]; commands?: boolean }) => {
        const values = parseSetOptions(opts.set);
        await withCore(opts, async (core) => {
          const doc = await callCore(core, 'runbooks.get', { id, values });
          for (const warning of new Set(doc.commands.flatMap((c) => c.warnings))) say(`warning: ${warning}`);
          output(opts, doc, () => formatRunbook(doc, opts.commands === true));
        });
      }),
  );

  runbooks.addCommand(
    common(new Command('problems'))
      .description('Runbook files that did not load, and why (file, field, line).')
      .action(async (opts: GlobalOptions) => {
        await withCore(opts, async (core) => {
          const problems = await callCore(core, 'runbooks.problems', {});
          output(opts, problems, () => formatProblems(problems));
          if (problems.some((p) => p.severity === 'error')) process.exitCode = 1;
        });
      }),
  );

  runbooks.addCommand(
    common(new Command('policy'))
      .description('The backup policy: tiers with RTO/RPO, and rules per environment and service.')
      .action(async (opts: GlobalOptions) => {
        await withCore(opts, async (core) => {
          const policy = await callCore(core, 'runbooks.policy', {});
          output(opts, policy, () =>
            [
              `Backup policy ${policy.version} (reviewed ${policy.lastReviewed}, ${policy.reviewCycle})`,
              '',
              'Tiers (tag ' + policy.tierTag.key + ', default ' + policy.tierTag.default + '):',
              ...policy.tiers.map(
                (t) => `  ${t.id.padEnd(10)} RTO ${t.rtoMinutes} min, RPO ${t.rpoMinutes} min  ${t.title}`,
              ),
              '',
              ...Object.entries(policy.environments).flatMap(([env, rules]) => [
                `${env}:`,
                `  s3        versioning ${rules.s3.versioning}, cross-region replication ${rules.s3.crossRegionReplication}, retention ${rules.s3.retentionDays} days`,
                `  rds       retention ${rules.rds.backupRetentionDays} days, Multi-AZ ${rules.rds.multiAz}, log backups every ${rules.rds.logBackupIntervalMinutes} min, cross-region backups ${rules.rds.crossRegionBackups}`,
                `  ec2       AMI max age ${rules.ec2.amiMaxAgeHours.critical} h critical / ${rules.ec2.amiMaxAgeHours.standard} h standard, EBS snapshot max age ${rules.ec2.ebsSnapshotMaxAgeHours ?? 'not required'}${rules.ec2.ebsSnapshotMaxAgeHours ? ' h' : ''}, retention ${rules.ec2.retentionDays} days`,
                `  dynamodb  PITR ${rules.dynamodb.pitr}${rules.dynamodb.pitrRecoveryPeriodDays ? `, ${rules.dynamodb.pitrRecoveryPeriodDays} days` : ''}`,
              ]),
            ].join('\n'),
          );
        });
      }),
  );

  return runbooks;
}
