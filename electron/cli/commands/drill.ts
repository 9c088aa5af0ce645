import { Command, Option } from 'commander';
import {
  drillRunInput,
  drillServices,
  type DrillRecord,
  type DrillServiceName,
  type DrillSweep,
} from '../../core/api/calls/drill';
import { drillPreview, type DrillPreviewStep } from '../../core/drill/drill-preview';
import { CliError, openCore, output, say, type GlobalOptions } from '../cli-core';

/** Parse `--services s3,rds` (PURE); a clear error for an unknown or missing name. */
export function parseDrillServices(text: string | undefined): DrillServiceName[] {
  const names = (text ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const known: readonly string[] = drillServices;
  const bad = names.filter((n) => !known.includes(n));
  if (bad.length > 0 || names.length === 0)
    throw new CliError(
      `--services: ${bad.length > 0 ? `unknown service ${bad.map((b) => `"${b}"`).join(', ')}` : 'no service named'}; use a comma-separated list of ${drillServices.join(', ')} (e.g. --services s3,rds).`,
    );
  return [...new Set(names)] as DrillServiceName[];
}

/** Parse repeated `--target service=name` (PURE). */
export function parseTargets(values: readonly string[]): Partial<Record<DrillServiceName, string>> {
  const targets: Partial<Record<DrillServiceName, string>> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    const service = v.slice(0, Math.max(eq, 0)).trim().toLowerCase();
    const name = v.slice(eq + 1).trim();
    if (eq < 1 || name === '' || !(drillServices as readonly string[]).includes(service))
      throw new CliError(
        `--target "${v}": expected SERVICE=NAME with SERVICE one of ${drillServices.join(', ')} (e.g. --target rds=orders-db).`,
      );
    targets[service as DrillServiceName] = name;
  }
  return targets;
}

function sweepText(sweep: DrillSweep): string[] {
  const lines: string[] = [];
  for (const c of sweep.cleanedUp)
    lines.push(`  removed (earlier drill ${c.drillId ?? '?'}): ${c.kind} ${c.id} in ${c.region}`);
  for (const l of sweep.leftovers)
    lines.push(
      `  NOT REMOVED ${l.kind} ${l.id} in ${l.region}: ${l.reason}\n    cost: ${l.costRisk}\n    remove: ${l.command}`,
    );
  for (const p of sweep.problems ?? []) lines.push(`  ! ${p}`);
  return lines;
}

/** The human text of a drill's dry run (PURE). */
export function previewText(steps: readonly DrillPreviewStep[]): string {
  return steps
    .flatMap((s) => [
      `${s.service.toUpperCase()} ${s.target}: creates ${s.creates}`,
      ...s.calls.map((c) => `  ${c}`),
      '',
    ])
    .join('\n')
    .trimEnd();
}

/** The human text of a drill record (PURE). */
export function drillText(r: DrillRecord): string {
  const lines = [
    `Drill ${r.id}  ${r.status.toUpperCase()}  (${r.mode}${r.scenario ? `, scenario ${r.scenario}` : ''}, ${r.quarter})`,
  ];
  for (const s of r.services) {
    lines.push(
      `${s.status === 'pass' ? 'PASS' : 'FAIL'}  ${s.service.padEnd(8)} ${s.target}  → ${s.region}  RTO ${s.rtoMinutes ?? '-'} min  RPO ${s.rpoMinutes ?? '-'} min`,
    );
    if (s.error) lines.push(`      stopped: ${s.error}`);
    for (const c of s.checks.filter((c) => c.status !== 'pass'))
      lines.push(
        `      ${c.status.toUpperCase()} ${c.title}: ${c.evidence}${c.fix ? `\n        fix: ${c.fix}` : ''}`,
      );
    for (const l of s.leftovers)
      lines.push(
        `      LEFT BEHIND ${l.kind} ${l.id}: ${l.reason}\n        cost: ${l.costRisk}\n        remove: ${l.command}`,
      );
  }
  const sweep = sweepText(r.sweep);
  if (sweep.length > 0) lines.push('Earlier drills:', ...sweep);
  lines.push(`Record: ${r.files.markdown}`, `        ${r.files.json}`);
  return lines.join('\n');
}

/** `dr-war-room drill --services s3,rds,ec2,dynamodb [--report-dir DIR]`: the quarterly backup tests; exits 1 when a test fails. */
export function drillCommand(): Command {
  return new Command('drill')
    .description(
      'Run the backup drill (restore tests) of the chosen services into the secondary region, verify, clean up what it created, and write the record. Exits 1 when a test fails.',
    )
    .option('--services <list>', `services to test (comma-separated: ${drillServices.join(',')})`)
    .option(
      '--target <service=name>',
      'what to test per service (repeatable), e.g. rds=orders-db; default: a production one',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--subnet-group <name>', 'the isolated DB subnet group for the RDS test restore')
    .option('--report-dir <dir>', 'write the record (Markdown + JSON) here too (default: <data-dir>/drills)')
    .option('--by <name>', 'who runs the drill (for the record; default: the scheduler)')
    .option('--check-reachability', 'also check DNS/TCP reachability of restored endpoints from this machine')
    .option('--dry-run', 'print what the drill would create and every AWS call, and send nothing')
    .option('--cleanup-only', 'only find and remove what earlier drills left behind')
    .addOption(
      new Option('--scenario <name>', 'drill an in-process tabletop account (exercise) instead of AWS'),
    )
    .option('--data-dir <dir>', 'where incidents, records and settings are kept')
    .option('--json', 'print the record as JSON on stdout')
    .action(
      async (
        opts: GlobalOptions & {
          services?: string;
          target: string[];
          subnetGroup?: string;
          reportDir?: string;
          by?: string;
          checkReachability?: boolean;
          cleanupOnly?: boolean;
          dryRun?: boolean;
          scenario?: string;
        },
      ) => {
        const core = await openCore(opts);
        try {
          if (opts.cleanupOnly) {
            say('Looking for resources earlier drills left behind…');
            const sweep = await core.drill.cleanup();
            output(opts, sweep, () => sweepText(sweep).join('\n') || 'Nothing left by earlier drills.');
            if (sweep.leftovers.length > 0)
              throw new CliError(
                `${sweep.leftovers.length} resource(s) could not be removed; see the commands above.`,
              );
            return;
          }
          const parsed = drillRunInput.safeParse({
            services: parseDrillServices(opts.services),
            targets: parseTargets(opts.target),
            ...(opts.subnetGroup ? { rdsSubnetGroup: opts.subnetGroup } : {}),
            by: opts.by ?? 'scheduler',
          });
          if (!parsed.success)
            throw new CliError(
              parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
            );
          if (opts.dryRun) {
            const steps = drillPreview(parsed.data, (await core.procedure.get()).regions);
            output(opts, steps, () => previewText(steps));
            return;
          }
          const seen = new Map<string, string>();
          const unsubscribe = core.events.subscribe((event) => {
            if (event.type !== 'drill.progress') return;
            for (const s of event.run.services) {
              const line = `${s.phase}: ${s.message}`;
              if (seen.get(s.service) === line) continue;
              seen.set(s.service, line);
              say(`  ${s.service.padEnd(8)} ${line}`);
            }
          });
          say(
            `Drilling ${parsed.data.services.join(', ')} ${core.mode.mode === 'TABLETOP' ? `in the tabletop account (${core.scenario?.name ?? ''})` : 'in AWS'}…`,
          );
          try {
            const record = await core.drill.run(parsed.data, {
              ...(opts.reportDir ? { reportDir: opts.reportDir } : {}),
              ...(opts.checkReachability ? { checkReachability: true } : {}),
            });
            output(opts, record, () => drillText(record));
            if (record.status !== 'pass') {
              const failed = record.services.filter((s) => s.status !== 'pass').map((s) => s.service);
              throw new CliError(
                `Drill ${record.id} FAILED (${failed.join(', ')}): see ${record.files.markdown}.`,
              );
            }
          } finally {
            unsubscribe();
          }
        } finally {
          await core.close();
        }
      },
    );
}
