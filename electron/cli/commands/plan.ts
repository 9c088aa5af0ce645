import path from 'node:path';
import { Command } from 'commander';
import { writeFileAtomic } from '../../core/fs/write-file-atomic';
import { planText } from '../../core/recover/plan-text';
import type { ResourceSelection } from '../../core/recover/types';
import { callCore, CliError, openCore, output, say, type GlobalOptions } from '../cli-core';

/** Parse `--only a,b,c` into a selection (pure); an empty list is an error. */
export function parseOnly(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw new CliError('--only: name at least one resource (names or ids, comma-separated).');
  return ids;
}

/** `dr-war-room plan [--incident ID] [--only IDS] --out FILE`: the dry run, journaled and written to a file. */
export function planCommand(): Command {
  return new Command('plan')
    .description(
      'Build the recovery plan (dry run): every AWS call with its aws CLI equivalent, estimated RTO, and every problem found. Journals it and writes it to a file for `recover --plan`.',
    )
    .requiredOption('--out <file>', 'write the plan (JSON) here')
    .option('--incident <id>', 'the incident (default: the active one)')
    .option(
      '--only <ids>',
      'only these resources (names or ids, comma-separated); default: every recoverable resource',
    )
    .option('--fresh', 'run a fresh assessment first')
    .option('--scenario <name>', 'plan against an in-process tabletop account (exercise)')
    .option('--data-dir <dir>', 'where incidents, records and settings are kept')
    .option('--json', 'print the plan as JSON on stdout')
    .action(
      async (
        opts: GlobalOptions & {
          out: string;
          incident?: string;
          only?: string;
          fresh?: boolean;
          scenario?: string;
        },
      ) => {
        const only = parseOnly(opts.only);
        const core = await openCore(opts);
        try {
          say('Reading the assessment and the recovery mapping…');
          const view = await callCore(core, 'recover.resources', {
            ...(opts.incident ? { incidentId: opts.incident } : {}),
            fresh: opts.fresh === true,
          });
          const ids =
            only ??
            view.resources
              .filter((r) => r.kind !== 'volume' && r.options.some((o) => o.available))
              .map((r) => r.id);
          if (ids.length === 0)
            throw new CliError(
              'Nothing to recover: the assessment found no resource with an available recovery option.',
            );
          const selection: ResourceSelection[] = ids.map((resourceId) => ({ resourceId }));
          say(`Planning ${ids.length} resource(s) and checking the targets in ${view.regions.secondary}…`);
          const plan = await callCore(core, 'recover.plan', {
            incidentId: view.incidentId,
            selection,
            fresh: false,
          });
          const file = path.resolve(opts.out);
          await writeFileAtomic(file, `${JSON.stringify(plan, null, 2)}\n`);
          output(opts, plan, () => planText(plan));
          say(`Plan written to ${file} and journaled to ${plan.incidentId}.`);
          if (!plan.runnable)
            throw new CliError('The plan has blocking problems (listed above): fix them and plan again.', 2);
        } finally {
          await core.close();
        }
      },
    );
}
