import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { actionLine, runSummary } from '../../core/recover/plan-text';
import { endpointMapText } from '../../core/recover/endpoint-map';
import { reduceRun } from '../../core/recover/run-reducer';
import type { RecoveryPlan } from '../../core/recover/types';
import { callCore, CliError, openCore, output, say, type GlobalOptions } from '../cli-core';

/** Read and minimally check a plan file (JSON written by `plan --out`). */
export async function readPlanFile(file: string): Promise<RecoveryPlan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `${file}: cannot read the plan (${(error as NodeJS.ErrnoException).code ?? String(error)}). Make one with \`dr-war-room plan --out FILE\`.`,
    );
  }
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch {
    throw new CliError(`${file}: not a plan (not JSON). Make one with \`dr-war-room plan --out FILE\`.`);
  }
  const p = plan as Partial<RecoveryPlan>;
  if (!p || typeof p.id !== 'string' || typeof p.incidentId !== 'string' || !Array.isArray(p.chains)) {
    throw new CliError(
      `${file}: not a recovery plan (id, incidentId and chains are required). Make one with \`dr-war-room plan --out FILE\`.`,
    );
  }
  return p as RecoveryPlan;
}

async function askConfirmation(incidentId: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new CliError(
      `Confirmation needed: run in a terminal and type ${incidentId}, or pass --yes to confirm non-interactively.`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(`Type the incident id (${incidentId}) to start the recovery: `);
  } finally {
    rl.close();
  }
}

/** `dr-war-room recover --plan FILE [--yes]`: confirm and run a plan, live progress on stderr. */
export function recoverCommand(): Command {
  return new Command('recover')
    .description(
      'Run a recovery plan made by `plan --out FILE`: confirm by typing the incident id (or --yes), then watch it run; resumes a run interrupted by a crash.',
    )
    .requiredOption('--plan <file>', 'the plan file')
    .option('--yes', 'confirm without the prompt (the plan file names the incident)')
    .option('--scenario <name>', 'run against an in-process tabletop account (exercise)')
    .option('--data-dir <dir>', 'where incidents, records and settings are kept')
    .option('--json', 'print the final run and endpoint map as JSON on stdout')
    .action(async (opts: GlobalOptions & { plan: string; yes?: boolean; scenario?: string }) => {
      const file = path.resolve(opts.plan);
      const plan = await readPlanFile(file);
      const core = await openCore(opts);
      const incidentId = plan.incidentId;
      let run = (await callCore(core, 'recover.status', { incidentId })).run;
      const unsubscribe = core.events.subscribe((event) => {
        if (
          event.type !== 'incident.entry' ||
          event.incidentId !== incidentId ||
          !event.entry.type.startsWith('recover.')
        )
          return;
        run = reduceRun(run, event.entry);
        if (event.entry.type === 'recover.action.state') {
          const id = typeof event.entry.data.actionId === 'string' ? event.entry.data.actionId : '';
          const a = run.actions[id];
          if (a && run.plan) say(actionLine(run.plan, a));
        }
      });
      try {
        if (!run.plan || run.plan.id !== plan.id) {
          throw new CliError(
            `${file} is plan ${plan.id}, but the latest plan journaled for ${incidentId} is ${run.plan?.id ?? 'none'}: build the plan again with \`dr-war-room plan --out FILE\`.`,
          );
        }
        if (run.confirmedAt) {
          say(
            `Plan ${plan.id} was confirmed at ${run.confirmedAt}; re-attaching to the run (nothing is created twice).`,
          );
          await callCore(core, 'recover.resume', { incidentId });
        } else {
          const typed = opts.yes ? incidentId : await askConfirmation(incidentId);
          say(`Starting ${plan.chains.length} chain(s), ${plan.callCount} calls…`);
          await callCore(core, 'recover.confirm', { incidentId, planId: plan.id, typed });
        }
        const final = await core.recover.settled(incidentId);
        const map = await callCore(core, 'recover.endpointMap', { incidentId });
        say(runSummary(final));
        output(
          opts,
          { run: final, endpointMap: map.rows },
          () => `Endpoint map (old → new):\n${endpointMapText(map.rows)}`,
        );
        if (final.status !== 'completed')
          throw new CliError(
            `The recovery ended ${final.status}: see the failures above; retry them in the app or fix and run \`recover --plan\` again.`,
            2,
          );
      } finally {
        unsubscribe();
        await core.close();
      }
    });
}
