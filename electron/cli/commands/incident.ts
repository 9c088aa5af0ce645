import { Argument, Command, Option } from 'commander';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IncidentView } from '../../core/api/calls/incident';
import type { Core } from '../../core/app/core';
import { describeEntry } from '../../core/incident/timeline';
import { missingRequiredSteps, stageOf, stageProgress } from '../../core/incident/transitions';
import { callCore, CliError, output, type GlobalOptions, withCore } from '../cli-core';

const STAGES = ['assess', 'activate', 'recover', 'validate', 'document'] as const;

function common(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'where incidents and records are kept')
    .option('--json', 'print machine-readable JSON on stdout');
}

/** The incident id given, or the active incident's. */
async function resolveId(core: Core, id: string | undefined): Promise<string> {
  if (id) return id;
  const active = await callCore(core, 'incident.active', {});
  if (!active)
    throw new CliError(
      'No incident is active: name one (see `dr-war-room incident list`) or declare one with `incident new`.',
    );
  return active.state.id;
}

/** The human status of an incident: stage, checklist, decisions, in-flight work, integrity. */
export function formatIncidentStatus(view: IncidentView): string {
  const s = view.state;
  const lines: string[] = [];
  lines.push(`${s.id}  ${s.title}${s.mode === 'TABLETOP' ? '  [EXERCISE]' : ''}`);
  lines.push(
    `  ${s.severity} · ${s.mode}${s.scenario ? ` (${s.scenario})` : ''} · commander ${s.roles.commander} · declared ${s.declaredAt}`,
  );
  lines.push(
    `  status ${s.status}${s.closedAt ? ` at ${s.closedAt}` : ''} · ${s.counts.entries} journal entries · journal ${view.integrity.status}`,
  );
  if (view.integrity.message) lines.push(`  ! ${view.integrity.message}`);
  lines.push('');
  for (const id of STAGES) {
    const stage = stageOf(s, id);
    const progress = stageProgress(s, id);
    const marker = id === s.stage ? '▶' : s.signOffs[id] ? '✓' : ' ';
    const signed = s.signOffs[id] ? ` signed off by ${s.signOffs[id]!.by}` : '';
    lines.push(`${marker} ${stage.title.padEnd(9)} ${progress.settled}/${progress.total}${signed}`);
    if (id !== s.stage) continue;
    for (const step of stage.steps) {
      const st = s.steps[step.id];
      const box =
        step.kind === 'note'
          ? '  ·'
          : st?.status === 'done'
            ? '[x]'
            : st?.status === 'skipped'
              ? '[-]'
              : '[ ]';
      const extra = st?.status === 'skipped' ? ` (skipped: ${st.reason ?? ''})` : '';
      lines.push(`    ${box} ${step.id}: ${step.title}${step.required ? '' : ' (optional)'}${extra}`);
    }
  }
  if (s.activation) {
    lines.push('');
    lines.push(
      `Activation: ${s.activation.decision.toUpperCase()} by ${s.activation.decidedBy}, approved by ${s.activation.approvedBy}`,
    );
  }
  const missing = s.status === 'open' ? missingRequiredSteps(s, s.stage) : [];
  if (missing.length > 0)
    lines.push(`\nTo leave ${stageOf(s, s.stage).title}: ${missing.map((m) => m.id).join(', ')}`);
  const inFlight = Object.values(s.inFlight);
  if (inFlight.length > 0) {
    lines.push('\nIn flight (started, not finished):');
    for (const op of inFlight) lines.push(`  #${op.seq} ${op.type} at ${op.at}`);
  }
  return lines.join('\n');
}

/** `dr-war-room incident …`: new, list, status, note, activate, step, advance, back, status-update, verify. */
export function incidentCommand(): Command {
  const incident = new Command('incident').description(
    'Declare and run incidents: the DR procedure stage by stage, with a crash-proof journal.',
  );

  incident.addCommand(
    common(new Command('new'))
      .description('Declare an incident (it becomes the active one).')
      .requiredOption('--title <title>', 'what is happening, in a few words')
      .option('--commander <name>', 'the incident commander (default: your user name)')
      .addOption(
        new Option('--severity <sev>', 'severity').choices(['SEV1', 'SEV2', 'SEV3', 'SEV4']).default('SEV1'),
      )
      .option('--tier <ids...>', 'recovery tiers of the backup policy that apply (default: all)')
      .option('--scenario <name>', 'declare a tabletop exercise on this scenario')
      .action(
        async (
          opts: GlobalOptions & {
            title: string;
            commander?: string;
            severity: 'SEV1';
            tier?: string[];
            scenario?: string;
          },
        ) => {
          const view = await withCore(opts, (core) =>
            callCore(core, 'incident.declare', {
              title: opts.title,
              severity: opts.severity,
              commander: opts.commander ?? os.userInfo().username,
              ...(opts.tier ? { tiers: opts.tier } : {}),
            }),
          );
          output(
            opts,
            view,
            () =>
              `Declared ${view.state.id} (${view.state.mode}): ${view.state.title}\nJournal: ${view.journalPath}`,
          );
        },
      ),
  );

  incident.addCommand(
    common(new Command('list'))
      .description('List the incidents of the data folder, newest first.')
      .action(async (opts: GlobalOptions) => {
        const list = await withCore(opts, (core) => callCore(core, 'incident.list', {}));
        output(opts, list, () =>
          list.length === 0
            ? 'No incidents yet. Declare one with `dr-war-room incident new --title "…"`.'
            : list
                .map(
                  (i) =>
                    `${i.active ? '*' : ' '} ${i.id}  ${i.status.padEnd(6)} ${i.stage.padEnd(8)} ${i.mode.padEnd(8)} ${i.severity}  ${i.title}${i.integrity === 'tampered' ? '  [TAMPERED]' : ''}`,
                )
                .join('\n'),
        );
      }),
  );

  incident.addCommand(
    common(new Command('status'))
      .description('Show an incident (default: the active one): stage, checklist, decisions, in-flight work.')
      .argument('[id]', 'incident id')
      .action(async (id: string | undefined, opts: GlobalOptions) => {
        const view = await withCore(opts, async (core) =>
          callCore(core, 'incident.get', { incidentId: await resolveId(core, id) }),
        );
        output(opts, view, () => formatIncidentStatus(view));
      }),
  );

  incident.addCommand(
    common(new Command('note'))
      .description('Add a note (or, with --decision, a decision) to the timeline.')
      .argument('<id>', 'incident id')
      .argument('<text...>', 'the note')
      .option('--decision', 'record it as a decision')
      .option('--by <name>', 'who writes it (default: the commander)')
      .action(
        async (id: string, text: string[], opts: GlobalOptions & { decision?: boolean; by?: string }) => {
          const entry = await withCore(opts, (core) =>
            callCore(core, 'incident.note', {
              incidentId: id,
              text: text.join(' '),
              kind: opts.decision ? 'decision' : 'note',
              ...(opts.by ? { by: opts.by } : {}),
            }),
          );
          output(opts, entry, () => `#${entry.seq} ${entry.time} ${entry.actor}: ${describeEntry(entry)}`);
        },
      ),
  );

  incident.addCommand(
    common(new Command('activate'))
      .description(
        'Record the activation decision: every criterion answered, go or no-go, who decided and approved.',
      )
      .argument('<id>', 'incident id')
      .addOption(new Option('--decision <d>', 'the decision').choices(['go', 'no-go']).makeOptionMandatory())
      .option(
        '--answer <id=text...>',
        'an answer per activation criterion, e.g. scope="S3 and RDS in us-east-1"',
      )
      .option('--decided-by <name>', 'who decided (default: the commander)')
      .requiredOption('--approved-by <name>', 'who approved')
      .option('--second-approver <name>', 'an optional second approver')
      .option('--scribe <name>', 'the scribe')
      .option('--owner <service=name...>', 'service owners, e.g. orders-db="Dee Park"')
      .action(
        async (
          id: string,
          opts: GlobalOptions & {
            decision: 'go' | 'no-go';
            answer?: string[];
            decidedBy?: string;
            approvedBy: string;
            secondApprover?: string;
            scribe?: string;
            owner?: string[];
          },
        ) => {
          const pairs = (values: string[] | undefined, what: string) =>
            (values ?? []).map((v) => {
              const eq = v.indexOf('=');
              if (eq <= 0) throw new CliError(`${what} "${v}" must look like key=value.`);
              return [v.slice(0, eq).trim(), v.slice(eq + 1).trim()] as const;
            });
          const criteria = Object.fromEntries(pairs(opts.answer, '--answer'));
          const serviceOwners = pairs(opts.owner, '--owner').map(([service, owner]) => ({ service, owner }));
          const view = await withCore(opts, async (core) => {
            const current = await callCore(core, 'incident.get', { incidentId: id });
            return callCore(core, 'incident.activate', {
              incidentId: id,
              decision: opts.decision,
              criteria,
              decidedBy: opts.decidedBy ?? current.state.roles.commander,
              approvedBy: opts.approvedBy,
              ...(opts.secondApprover ? { secondApprover: opts.secondApprover } : {}),
              roles: { ...(opts.scribe ? { scribe: opts.scribe } : {}), serviceOwners },
            });
          });
          output(opts, view, () => formatIncidentStatus(view));
        },
      ),
  );

  incident.addCommand(
    common(new Command('step'))
      .description('Mark a step done (or skip it with --skip REASON).')
      .argument('<id>', 'incident id')
      .argument('<step>', 'step id (see `incident status`)')
      .option('--evidence <text>', 'what proves it')
      .option('--skip <reason>', 'skip the step, with the reason')
      .option('--by <name>', 'who did it (default: the commander)')
      .action(
        async (
          id: string,
          step: string,
          opts: GlobalOptions & { evidence?: string; skip?: string; by?: string },
        ) => {
          const view = await withCore(opts, (core) =>
            opts.skip !== undefined
              ? callCore(core, 'incident.skipStep', {
                  incidentId: id,
                  stepId: step,
                  reason: opts.skip,
                  ...(opts.by ? { by: opts.by } : {}),
                })
              : callCore(core, 'incident.completeStep', {
                  incidentId: id,
                  stepId: step,
                  ...(opts.evidence ? { evidence: opts.evidence } : {}),
                  ...(opts.by ? { by: opts.by } : {}),
                }),
          );
          output(opts, view, () => formatIncidentStatus(view));
        },
      ),
  );

  incident.addCommand(
    common(new Command('advance'))
      .description('Sign off the current stage as the commander and move to the next one.')
      .argument('<id>', 'incident id')
      .option('--reason <text>', 'a note for the sign-off (required to stand down after a no-go)')
      .option('--by <name>', 'who signs off (must be the commander; default: the commander)')
      .addOption(
        new Option('--to <stage>', 'after a no-go decision: stand down straight to document').choices([
          'document',
        ]),
      )
      .action(async (id: string, opts: GlobalOptions & { reason?: string; by?: string; to?: 'document' }) => {
        const view = await withCore(opts, (core) =>
          callCore(core, 'incident.advance', {
            incidentId: id,
            signOff: true,
            ...(opts.to ? { to: opts.to } : {}),
            ...(opts.reason ? { reason: opts.reason } : {}),
            ...(opts.by ? { by: opts.by } : {}),
          }),
        );
        output(
          opts,
          view,
          () =>
            `${id} is now in ${stageOf(view.state, view.state.stage).title}.\n\n${formatIncidentStatus(view)}`,
        );
      }),
  );

  incident.addCommand(
    common(new Command('back'))
      .description('Go back to an earlier stage, with the reason.')
      .argument('<id>', 'incident id')
      .addArgument(new Argument('<stage>', 'the earlier stage').choices([...STAGES]))
      .requiredOption('--reason <text>', 'why')
      .action(
        async (id: string, stage: (typeof STAGES)[number], opts: GlobalOptions & { reason: string }) => {
          const view = await withCore(opts, (core) =>
            callCore(core, 'incident.goBack', { incidentId: id, to: stage, reason: opts.reason }),
          );
          output(opts, view, () => formatIncidentStatus(view));
        },
      ),
  );

  incident.addCommand(
    common(new Command('status-update'))
      .description('Draft the stakeholder update (text to paste anywhere); --sent records that it was sent.')
      .argument('[id]', 'incident id (default: the active one)')
      .option('--sent', 'journal the drafted update as sent')
      .action(async (id: string | undefined, opts: GlobalOptions & { sent?: boolean }) => {
        const draft = await withCore(opts, async (core) => {
          const incidentId = await resolveId(core, id);
          const d = await callCore(core, 'incident.statusDraft', { incidentId });
          if (opts.sent) await callCore(core, 'incident.statusUpdate', { incidentId, text: d.text });
          return d;
        });
        output(opts, draft, () => draft.text);
      }),
  );

  incident.addCommand(
    common(new Command('verify'))
      .description(
        "Re-verify an incident's journal hash chain, or an evidence pack folder; exits 2 when either fails.",
      )
      .argument('<id-or-folder>', 'incident id, or the path of an evidence pack')
      .action(async (target: string, opts: GlobalOptions) => {
        const isDir = await stat(target).then(
          (s) => s.isDirectory(),
          () => false,
        );
        if (isDir) {
          const result = await withCore(opts, (core) =>
            callCore(core, 'record.verifyEvidence', { dir: path.resolve(target) }),
          );
          output(opts, result, () =>
            result.ok
              ? `Evidence pack verified: ${result.files.length} files match the manifest; the journal (${result.journal.entries} entries) chains to ${result.journal.headHash ?? '-'}.`
              : `Evidence pack FAILED verification:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`,
          );
          if (!result.ok) process.exitCode = 2;
          return;
        }
        const result = await withCore(opts, (core) =>
          callCore(core, 'incident.verify', { incidentId: target }),
        );
        output(opts, result, () =>
          result.integrity.status === 'ok'
            ? `${target}: journal verified, ${result.entries} entries, head ${result.headHash ?? '-'}.`
            : `${target}: ${result.integrity.status.toUpperCase()}: ${result.integrity.message ?? ''}`,
        );
        if (result.integrity.status === 'tampered') process.exitCode = 2;
      }),
  );
  return incident;
}
