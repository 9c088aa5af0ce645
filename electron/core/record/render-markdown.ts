/** The record as Markdown (pure: the renderer uses it for the live preview). */
import type { LessonsRecord, ResourceOutcome } from './types';

const NOT_RECORDED = '_Not recorded._';

function minutes(value: number | null): string {
  if (value === null) return 'not measured';
  if (value < 60) return `${value} min`;
  return `${Math.floor(value / 60)} h ${String(value % 60).padStart(2, '0')} min`;
}

/** Escape text for a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function paragraph(text: string): string {
  return text.trim() === '' ? NOT_RECORDED : text.trim();
}

function bullets(items: string[]): string {
  return items.length === 0 ? NOT_RECORDED : items.map((i) => `- ${i.replaceAll('\n', ' ')}`).join('\n');
}

function met(r: ResourceOutcome): string {
  if (r.met === null) return 'not measured';
  return r.met ? 'met' : '**missed**';
}

/** Render the record as a Markdown document. */
export function renderRecordMarkdown(record: LessonsRecord): string {
  const f = record.facts;
  const out: string[] = [];
  out.push(`# ${record.title}`);
  out.push('');
  if (f.exercise) {
    out.push(
      `> **Tabletop exercise** on the simulated AWS account (scenario: ${f.scenario ?? 'unnamed'}). No real resources were changed.`,
    );
    out.push('');
  }
  out.push('| | |');
  out.push('| --- | --- |');
  out.push(`| Incident | ${cell(f.incidentId)} |`);
  out.push(`| Severity | ${f.severity} |`);
  out.push(`| Mode | ${f.mode}${f.scenario ? ` (${cell(f.scenario)})` : ''} |`);
  out.push(`| Declared | ${f.declaredAt} |`);
  out.push(`| Closed | ${f.closedAt ?? 'still open when saved'} |`);
  out.push(`| Duration | ${minutes(f.durationMinutes)} |`);
  out.push(`| Commander | ${cell(f.commander)} |`);
  out.push(`| Scribe | ${cell(f.roles.scribe ?? 'not assigned')} |`);
  out.push(`| Regions | ${f.regions.primary} → ${f.regions.secondary} |`);
  out.push(`| Procedure | ${cell(f.procedure.id)} v${cell(f.procedure.version)} |`);
  out.push(`| Record saved | ${record.savedAt} |`);
  out.push('');
  out.push('## Summary');
  out.push('');
  out.push(paragraph(record.summary));
  out.push('');
  out.push('## Impact');
  out.push('');
  out.push(paragraph(record.impact));
  out.push('');
  out.push('## Activation decision');
  out.push('');
  if (!f.activation) out.push('_No activation decision was recorded._');
  else {
    const a = f.activation;
    out.push(
      `**${a.decision === 'go' ? 'GO' : 'NO-GO'}** at ${a.at}, decided by ${a.decidedBy}, approved by ${a.approvedBy}${a.secondApprover ? ` and ${a.secondApprover}` : ''}.`,
    );
    out.push('');
    for (const c of a.criteria)
      out.push(`- **${c.question}** ${c.answer.replaceAll('\n', ' ') || '_(not answered)_'}`);
  }
  if (f.roles.serviceOwners.length > 0) {
    out.push('');
    out.push(
      'Service owners: ' + f.roles.serviceOwners.map((o) => `${o.service} (${o.owner})`).join(', ') + '.',
    );
  }
  out.push('');
  out.push('## Stages');
  out.push('');
  out.push('| Stage | Entered | Time spent | Signed off by |');
  out.push('| --- | --- | --- | --- |');
  for (const s of f.stages) {
    out.push(
      `| ${s.title} | ${s.enteredAt ?? 'not reached'} | ${s.minutes === null ? '-' : minutes(s.minutes)} | ${cell(s.signedOffBy ?? '-')} |`,
    );
  }
  if (f.skippedSteps.length > 0) {
    out.push('');
    out.push('Skipped steps:');
    out.push('');
    for (const s of f.skippedSteps)
      out.push(`- ${s.title} (${s.stepId}), by ${s.by}: ${s.reason.replaceAll('\n', ' ')}`);
  }
  out.push('');
  out.push('## Recovery targets against achieved');
  out.push('');
  if (f.targets.length > 0) {
    out.push(
      'Targets from the backup policy: ' +
        f.targets
          .map((t) => `${t.title}: RTO ${minutes(t.rtoMinutes)}, RPO ${minutes(t.rpoMinutes)}`)
          .join('; ') +
        '.',
    );
    out.push('');
  }
  if (f.resources.length === 0) out.push('_No resources were recovered or measured in this incident._');
  else {
    out.push(
      '| Resource | Service | Tier | RTO target | RTO achieved | RPO target | RPO achieved | Result | Validated |',
    );
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of f.resources) {
      out.push(
        `| ${cell(r.resourceId)} | ${cell(r.service ?? '-')} | ${cell(r.tier ?? '-')} | ${minutes(r.rtoTargetMinutes)} | ${minutes(r.achievedRtoMinutes)} | ${minutes(r.rpoTargetMinutes)} | ${minutes(r.achievedRpoMinutes)} | ${met(r)} | ${r.validated === null ? 'not validated' : r.validated ? 'yes' : '**failed**'} |`,
      );
    }
  }
  out.push('');
  out.push('## What went well');
  out.push('');
  out.push(bullets(record.wentWell));
  out.push('');
  out.push('## What went poorly');
  out.push('');
  out.push(bullets(record.wentPoorly));
  out.push('');
  out.push('## Root causes');
  out.push('');
  out.push(bullets(record.rootCauses));
  out.push('');
  out.push('## Action items');
  out.push('');
  if (record.actionItems.length === 0) out.push(NOT_RECORDED);
  else {
    out.push('| Action | Owner | Due |');
    out.push('| --- | --- | --- |');
    for (const a of record.actionItems) out.push(`| ${cell(a.title)} | ${cell(a.owner)} | ${a.due} |`);
  }
  out.push('');
  out.push('## Timeline');
  out.push('');
  out.push('| Time (UTC) | Stage | Kind | Who | What |');
  out.push('| --- | --- | --- | --- | --- |');
  for (const t of f.timeline)
    out.push(`| ${t.time} | ${t.stage} | ${t.kind} | ${cell(t.actor)} | ${cell(t.text)} |`);
  if (f.timelineOmitted > 0) {
    out.push('');
    out.push(
      `${f.timelineOmitted} further journal entries are not listed here; the journal in the evidence pack has every entry.`,
    );
  }
  out.push('');
  out.push('## AWS request ids of every change');
  out.push('');
  if (f.requestIds.length === 0) out.push('_No AWS changes were recorded in the journal._');
  else {
    out.push('| Time (UTC) | Service | Operation | Resource | Request id |');
    out.push('| --- | --- | --- | --- | --- |');
    for (const r of f.requestIds) {
      out.push(
        `| ${r.time} | ${cell(r.service ?? '-')} | ${cell(r.operation ?? '-')} | ${cell(r.resourceId ?? '-')} | \`${cell(r.requestId)}\` |`,
      );
    }
  }
  out.push('');
  out.push('---');
  out.push('');
  out.push(`Journal: ${f.journal.entries} entries, head hash \`${f.journal.headHash}\`.`);
  out.push('');
  return out.join('\n');
}
