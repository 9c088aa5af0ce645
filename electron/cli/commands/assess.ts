import { Command, Option } from 'commander';
import {
  assessServices,
  type AssessServiceName,
  type AssessedResource,
  type AssessmentResult,
} from '../../core/api/calls/assess';
import { formatMinutes } from '../../core/assess/rpo';
import { callCore, CliError, openCore, output, say, type GlobalOptions } from '../cli-core';

const STATUS_ORDER: Record<AssessedResource['status'], number> = {
  'not-recoverable': 0,
  unknown: 1,
  'at-risk': 2,
  ready: 3,
  'out-of-scope': 4,
};

const STATUS_LABEL: Record<AssessedResource['status'], string> = {
  'not-recoverable': 'NOT RECOVERABLE',
  unknown: 'UNKNOWN',
  'at-risk': 'AT RISK',
  ready: 'ready',
  'out-of-scope': 'out of scope',
};

function minutes(value: number | null): string {
  return value === null ? '-' : formatMinutes(value);
}

/** Parse `--services s3,rds` (pure); throws a clear error for an unknown name. */
export function parseServices(text: string | undefined): AssessServiceName[] | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const known: readonly string[] = assessServices;
  const bad = names.filter((n) => !known.includes(n));
  if (bad.length > 0 || names.length === 0) {
    throw new CliError(
      `--services: ${bad.length > 0 ? `unknown service ${bad.map((b) => `"${b}"`).join(', ')}` : 'no service named'}; use a comma-separated list of ${assessServices.join(', ')}.`,
    );
  }
  return names as AssessServiceName[];
}

/**
 * The human text of an assessment (pure): region health, counts, the resources that need
 * attention (all with `all`), their best option with RPO/RTO and their gaps, and what is unknown.
 */
export function assessText(
  result: AssessmentResult,
  options: { all?: boolean; limit?: number } = {},
): string {
  const lines: string[] = [];
  const c = result.counts;
  lines.push(
    `Assessment ${result.scanId}  ${result.finishedAt}  (${(result.durationMs / 1000).toFixed(1)} s, ${result.calls.total} API calls${result.calls.throttled ? `, ${result.calls.throttled} throttled` : ''})`,
  );
  for (const r of result.regionHealth) {
    lines.push(
      `  ${r.role.padEnd(9)} ${r.region.padEnd(12)} ${r.status.toUpperCase()}${r.reason ? `: ${r.reason}` : ''}`,
    );
  }
  lines.push(
    `  ${c.total} resources: ${c.byStatus.ready} ready, ${c.byStatus['at-risk']} at risk, ${c.byStatus['not-recoverable']} not recoverable, ${c.byStatus.unknown} unknown, ${c.byStatus['out-of-scope']} out of scope` +
      ` · gaps: ${c.gaps.critical} critical, ${c.gaps.warning} warning`,
  );
  lines.push('');
  const sorted = [...result.resources].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.service.localeCompare(b.service) ||
      a.name.localeCompare(b.name),
  );
  const shown = options.all
    ? sorted
    : sorted.filter((r) => r.status !== 'ready' && r.status !== 'out-of-scope');
  const limit = options.all ? shown.length : (options.limit ?? 50);
  for (const r of shown.slice(0, limit)) {
    const best = r.options.find((o) => o.best);
    lines.push(
      `${STATUS_LABEL[r.status].padEnd(15)} ${r.service.padEnd(8)} ${r.region.padEnd(10)} ${r.name}  [${r.tier.id}, ${r.environment}]`,
    );
    lines.push(
      best
        ? `    best: ${best.title}: RPO ${minutes(best.rpoMinutes)}, RTO ~${minutes(best.rtoMinutes)}`
        : '    no usable recovery option',
    );
    for (const g of r.gaps) lines.push(`    ${g.severity.toUpperCase()}: ${g.message}\n      fix: ${g.fix}`);
    for (const u of r.unknowns) lines.push(`    unknown: ${u.fact}: ${u.reason}`);
  }
  if (shown.length > limit) lines.push(`… ${shown.length - limit} more (use --all or --json)`);
  const hidden = c.byStatus.ready + c.byStatus['out-of-scope'];
  if (!options.all && hidden > 0)
    lines.push(`${hidden} ready or out-of-scope resource(s) not listed (use --all).`);
  if (result.unknowns.length > 0) {
    lines.push('');
    lines.push('Not known:');
    for (const u of result.unknowns) lines.push(`  ${u.service} ${u.region}: ${u.fact}: ${u.reason}`);
  }
  if (result.journalError) lines.push(`\n! ${result.journalError}`);
  else if (result.incidentId) lines.push(`\nJournaled to ${result.incidentId}.`);
  return lines.join('\n');
}

/** `dr-war-room assess [--incident ID] [--services LIST] [--json]`: inventory and readiness of both regions. */
export function assessCommand(): Command {
  return new Command('assess')
    .description(
      'Inventory both regions and measure recovery readiness into the secondary region: options, achievable RPO, estimated RTO, policy gaps, and what is unknown.',
    )
    .option('--incident <id>', 'journal the result to this incident (default: the active incident, if any)')
    .option('--services <list>', `only these services (comma-separated: ${assessServices.join(',')})`)
    .option('--all', 'list every resource, not only those that need attention')
    .option('--strict', 'exit with code 2 when a resource is not recoverable or has a critical gap')
    .addOption(
      new Option('--scenario <name>', 'assess an in-process tabletop account (exercise) instead of AWS'),
    )
    .option('--data-dir <dir>', 'where incidents, records and settings are kept')
    .option('--json', 'print the whole result as JSON on stdout')
    .action(
      async (
        opts: GlobalOptions & {
          incident?: string;
          services?: string;
          all?: boolean;
          strict?: boolean;
          scenario?: string;
        },
      ) => {
        const services = parseServices(opts.services);
        const core = await openCore(opts);
        const seen = new Map<string, string>();
        const unsubscribe = core.events.subscribe((event) => {
          if (event.type !== 'assess.progress') return;
          // One line per lane when its health changes or its work is done so far: not a flood.
          const key = `${event.service}/${event.region}`;
          const state = `${event.status}:${event.done === event.total}`;
          if (seen.get(key) === state) return;
          seen.set(key, state);
          {
            say(
              `  ${event.service.padEnd(8)} ${event.region.padEnd(10)} ${event.done}/${event.total}${event.status !== 'healthy' ? `  ${event.status}${event.reason ? ` (${event.reason})` : ''}` : ''}`,
            );
          }
        });
        try {
          say(
            `Assessing ${core.mode.mode === 'TABLETOP' ? `the tabletop account (${core.scenario?.name ?? ''})` : 'AWS'}…`,
          );
          const result = await callCore(core, 'assess.run', {
            ...(opts.incident ? { incidentId: opts.incident } : {}),
            ...(services ? { services } : {}),
          });
          output(opts, result, () => assessText(result, { all: opts.all === true }));
          if (
            opts.strict &&
            (result.counts.byStatus['not-recoverable'] > 0 || result.counts.gaps.critical > 0)
          ) {
            throw new CliError(
              `${result.counts.byStatus['not-recoverable']} resource(s) not recoverable, ${result.counts.gaps.critical} critical gap(s).`,
              2,
            );
          }
        } finally {
          unsubscribe();
          await core.close();
        }
      },
    );
}
