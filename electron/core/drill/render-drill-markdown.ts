import type { DrillCheck, DrillLeftover, DrillRecord } from '../api/calls/drill';

const MARK: Record<DrillCheck['status'], string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skipped: 'SKIPPED',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function leftoverLines(items: readonly DrillLeftover[]): string[] {
  return items.flatMap((l) => [
    `- **${l.kind} ${l.bucket ? `s3://${l.bucket}/${l.key ?? ''} version ` : ''}${l.id}** in ${l.region}: ${l.reason}`,
    `  - Cost risk: ${l.costRisk}`,
    `  - Remove it (after checking it is the drill's): \`${l.command}\``,
  ]);
}

/** The drill record as Markdown (PURE): summary, per-service results and checks, clean-up, SOC 2 mapping. */
export function renderDrillMarkdown(r: DrillRecord): string {
  const lines: string[] = [
    `# Backup drill ${r.id}`,
    '',
    `- Result: **${r.status.toUpperCase()}**`,
    `- Started: ${r.startedAt}  ·  finished: ${r.finishedAt}  (quarter ${r.quarter})`,
    `- Mode: ${r.mode}${r.scenario ? ` (tabletop scenario "${r.scenario}": a simulated account, not AWS)` : ''}`,
    `- Run by: ${r.by ?? 'not given'}  ·  AWS identity: ${r.identity ?? 'unknown'}`,
    `- Regions: primary ${r.regions.primary}, restores in ${r.regions.secondary}`,
    '',
    '## Results',
    '',
    '| Service | Target | Result | Recovery point | Actual RPO (min) | Actual RTO (min) | Left behind |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.services.map(
      (s) =>
        `| ${s.service} | ${cell(s.target)} | ${s.status.toUpperCase()} | ${s.recoveryPoint ? cell(`${s.recoveryPoint.kind} ${s.recoveryPoint.id}${s.recoveryPoint.time ? ` (${s.recoveryPoint.time})` : ''}`) : '-'} | ${s.rpoMinutes ?? '-'} | ${s.rtoMinutes ?? '-'} | ${s.leftovers.length} |`,
    ),
    '',
    'Actual RTO: from the restore request to the restored copy verified usable. Actual RPO: the age of the recovery point when the restore started.',
  ];
  for (const s of r.services) {
    lines.push('', `## ${s.service.toUpperCase()}: ${s.target} (${s.region})`, '');
    if (s.error) lines.push(`Stopped early: ${s.error}`, '');
    lines.push('| Check | Result | Evidence | Fix |', '| --- | --- | --- | --- |');
    for (const c of s.checks)
      lines.push(`| ${cell(c.title)} | ${MARK[c.status]} | ${cell(c.evidence)} | ${cell(c.fix ?? '')} |`);
    if (s.created.length > 0) {
      lines.push('', 'Created by the test (each tagged `dr-war-room:incident` = the drill id):', '');
      for (const c of s.created)
        lines.push(`- ${c.kind} ${c.bucket ? `s3://${c.bucket}/${c.key ?? ''} version ` : ''}${c.id}`);
    }
    if (s.leftovers.length > 0) lines.push('', '### Left behind', '', ...leftoverLines(s.leftovers));
  }
  lines.push('', '## Clean-up of earlier drills', '');
  if (r.sweep.cleanedUp.length === 0 && r.sweep.leftovers.length === 0)
    lines.push('Nothing left by earlier drills was found.');
  for (const c of r.sweep.cleanedUp)
    lines.push(
      `- Removed ${c.kind} ${c.bucket ? `s3://${c.bucket}/${c.key ?? ''} version ` : ''}${c.id} in ${c.region} (tag ${c.drillId ?? '?'})`,
    );
  if (r.sweep.leftovers.length > 0)
    lines.push('', '### Not removed', '', ...leftoverLines(r.sweep.leftovers));
  for (const p of r.sweep.problems ?? []) lines.push(`- Search incomplete: ${p}`);
  lines.push('', '## Compliance mapping', '');
  for (const m of r.compliance) {
    lines.push(`### ${m.control}: ${m.status.toUpperCase()}`, '', m.requirement, '');
    for (const e of m.evidence) lines.push(`- ${e}`);
  }
  lines.push('');
  return lines.join('\n');
}
