import { Command } from 'commander';
import type { ReapplyResult } from '../../core/validate/types';
import { validationText } from '../../core/validate/validation-text';
import { callCore, CliError, openCore, output, say, type GlobalOptions } from '../cli-core';

/** Parse `--s3-sample` (PURE): a positive whole number or `all`. */
export function parseSample(text: string | undefined, flag: string): number | 'all' | undefined {
  if (text === undefined) return undefined;
  if (text.trim().toLowerCase() === 'all') return 'all';
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`${flag}: "${text}" is not a positive whole number or "all".`);
  return n;
}

/** The exit code of a validation (PURE): 2 when a check failed, else 0. */
export function validationExitCode(run: { passed: boolean }): number {
  return run.passed ? 0 : 2;
}

/** The text of a re-apply (PURE): the calls (dry run) or what was applied, and what was skipped. */
export function reapplyText(r: ReapplyResult): string {
  return [
    r.dryRun
      ? `Would re-apply on ${r.table} (${r.resourceId}); nothing was sent. Run again with --yes to send:`
      : `Re-applied on ${r.table} (${r.resourceId}):`,
    ...(r.dryRun
      ? r.planned.map((p) => `  ${p.setting}: ${p.cli}`)
      : r.applied.map((a) => `  ${a.setting}: ${a.detail}${a.requestId ? ` (request ${a.requestId})` : ''}`)),
    ...r.skipped.map((s) => `  ${s.setting}: skipped, ${s.reason}`),
  ].join('\n');
}

interface ValidateOptions extends GlobalOptions {
  incident?: string;
  s3Sample?: string;
  dynamodbSample?: string;
  skipNetwork?: string;
  only?: string;
  impactStart?: string;
  reapply?: string;
  yes?: boolean;
  verbose?: boolean;
  scenario?: string;
}

/**
 * `dr-war-room validate [--incident ID] [--json]`: prove every restored resource intact and
 * usable, measure the achieved RTO and RPO, journal the results; exit 2 when a check fails.
 */
export function validateCommand(): Command {
  return new Command('validate')
    .description(
      'Validate every restored resource of the incident (integrity, settings as planned, reachability, custom probes), measure the achieved RTO and RPO against the targets, and journal the results. Exits 2 when a check fails.',
    )
    .option('--incident <id>', 'the incident (default: the active incident)')
    .option('--s3-sample <n|all>', 'S3 objects whose checksums are verified per bucket (default 50)')
    .option('--dynamodb-sample <n>', 'DynamoDB items compared key by key per table (default 25)')
    .option(
      '--skip-network <reason>',
      'skip DNS/TCP checks of endpoints (e.g. "laptop outside the VPC"); the reason is recorded',
    )
    .option('--only <ids>', 'only these resources (comma-separated ids or source names)')
    .option('--impact-start <iso>', 'when the source stopped taking writes (the end of the data-loss window)')
    .option(
      '--reapply <resource>',
      're-apply PITR, TTL and tags on this restored table instead of validating (lists the calls; --yes sends them)',
    )
    .option('--yes', 'with --reapply: send the listed calls')
    .option('--verbose', 'list passed checks too')
    .option('--scenario <name>', 'validate in an in-process tabletop account (exercise)')
    .option('--data-dir <dir>', 'where incidents, records and settings are kept')
    .option('--json', 'print the whole result as JSON on stdout')
    .action(async (opts: ValidateOptions) => {
      const s3Sample = parseSample(opts.s3Sample, '--s3-sample');
      const dynamo = parseSample(opts.dynamodbSample, '--dynamodb-sample');
      if (dynamo === 'all') throw new CliError('--dynamodb-sample: give a number of items (at most 1000).');
      const core = await openCore(opts);
      try {
        const incident = opts.incident ? { incidentId: opts.incident } : {};
        if (opts.reapply) {
          const result = await callCore(core, 'validate.reapply', {
            ...incident,
            resourceId: opts.reapply,
            dryRun: opts.yes !== true,
          });
          output(opts, result, () => reapplyText(result));
          return;
        }
        say(`Validating the restored resources${opts.incident ? ` of ${opts.incident}` : ''}…`);
        const run = await callCore(core, 'validate.run', {
          ...incident,
          ...(s3Sample !== undefined ? { s3Sample } : {}),
          ...(dynamo !== undefined ? { dynamodbSample: dynamo } : {}),
          ...(opts.skipNetwork ? { skipNetwork: opts.skipNetwork } : {}),
          ...(opts.impactStart ? { impactStartedAt: opts.impactStart } : {}),
          ...(opts.only
            ? {
                only: opts.only
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              }
            : {}),
        });
        output(opts, run, () => validationText(run, { verbose: opts.verbose === true }));
        const code = validationExitCode(run);
        if (code !== 0)
          throw new CliError(
            `${run.counts.checks.fail} check(s) failed (see above); journaled to ${run.incidentId}.`,
            code,
          );
      } finally {
        await core.close();
      }
    });
}
