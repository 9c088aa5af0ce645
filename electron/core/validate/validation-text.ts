/**
 * A validation run as text (PURE): one block per resource with its checks, RTO/RPO against the
 * targets, application probes, what was not validated, and the totals. The CLI prints it; the
 * record and the evidence pack can quote it.
 */
import type { CheckStatus, ResourceValidation, ValidationCheck, ValidationRun } from './types';

const MARK: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };

function minutes(v: number | null): string {
  return v === null ? '?' : `${v} min`;
}

function checkLine(c: ValidationCheck): string[] {
  const lines = [`    ${MARK[c.status]}  ${c.title}: ${c.evidence}`];
  if (c.fix && c.status !== 'pass') lines.push(`          fix: ${c.fix}`);
  return lines;
}

/** RTO/RPO achieved against the targets, as one line. */
export function targetsLine(r: ResourceValidation): string {
  const rto = `RTO ${minutes(r.achievedRtoMinutes)} / target ${minutes(r.rtoTargetMinutes)}`;
  const rpo = `RPO ${minutes(r.achievedRpoMinutes)} / target ${minutes(r.rpoTargetMinutes)}`;
  const met =
    r.targetsMet === null ? 'targets: not all known' : r.targetsMet ? 'targets met' : 'TARGETS MISSED';
  return `${rto} · ${rpo} · ${met}`;
}

/** The human text of a validation run. */
export function validationText(run: ValidationRun, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [
    `Validation ${run.id} of ${run.incidentId} (${run.mode === 'TABLETOP' ? 'tabletop exercise' : 'live'})  ${run.finishedAt}`,
  ];
  for (const r of run.resources) {
    lines.push('');
    lines.push(
      `${r.status.toUpperCase().padEnd(4)}  ${r.service} ${r.source} → ${r.targetId}  [${r.strategy}, tier ${r.tier ?? '?'}]`,
    );
    lines.push(`      ${targetsLine(r)}`);
    lines.push(`      RPO basis: ${r.rpoBasis}`);
    for (const c of r.checks) if (options.verbose || c.status !== 'pass') lines.push(...checkLine(c));
    const passed = r.checks.filter((c) => c.status === 'pass').length;
    if (!options.verbose && passed > 0) lines.push(`    ${passed} check(s) passed (--verbose lists them)`);
  }
  if (run.probes.length > 0) {
    lines.push('');
    lines.push('Application probes:');
    for (const p of run.probes) lines.push(...checkLine(p));
  }
  if (run.notValidated.length > 0) {
    lines.push('');
    lines.push('Not validated:');
    for (const n of run.notValidated) lines.push(`    ${n.resourceId}: ${n.reason}`);
  }
  const c = run.counts;
  lines.push('');
  lines.push(
    `${run.resources.length} resources: ${c.pass} passed, ${c.warn} with warnings, ${c.fail} failed · checks: ${c.checks.pass} pass, ${c.checks.warn} warn, ${c.checks.fail} fail, ${c.checks.skipped} skipped`,
  );
  lines.push(
    run.passed
      ? 'No check failed.'
      : `${c.checks.fail} check(s) FAILED: do not hand over these resources until fixed and validated again.`,
  );
  return lines.join('\n');
}

/**
 * One line for the timeline and the record (PURE): totals, and each failed resource with its
 * failed checks (journaled as the entry's `summary`).
 */
export function runSummary(run: Pick<ValidationRun, 'resources' | 'probes' | 'counts'>): string {
  const c = run.counts;
  const failed = run.resources
    .filter((r) => r.status === 'fail')
    .map(
      (r) =>
        `${r.source}: ${r.checks
          .filter((x) => x.status === 'fail')
          .map((x) => x.id)
          .join(', ')}`,
    );
  const probes = run.probes.filter((p) => p.status === 'fail').map((p) => p.id);
  return [
    `${run.resources.length} resources validated: ${c.pass} passed, ${c.warn} with warnings, ${c.fail} failed`,
    failed.length > 0 ? `FAILED ${failed.join('; ')}` : '',
    probes.length > 0 ? `failed probes ${probes.join(', ')}` : '',
    `checks ${c.checks.pass} pass, ${c.checks.warn} warn, ${c.checks.fail} fail, ${c.checks.skipped} skipped`,
  ]
    .filter(Boolean)
    .join(' · ');
}
