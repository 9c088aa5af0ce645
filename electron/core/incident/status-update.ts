/**
 * The stakeholder status update, drafted from the incident's state as plain text to paste into
 * whatever still works (mail, SMS, a bridge call). Pure.
 */
import { missingRequiredSteps, stageOf, stageProgress } from './transitions';
import type { IncidentState } from './types';

/** Minutes between two ISO times, rounded down. */
export function minutesBetween(from: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 60_000));
}

/** "2 h 05 min" for people. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} h ${String(m).padStart(2, '0')} min`;
}

/** The time left against each tier's RTO, strictest first. */
export function rtoStatus(
  state: IncidentState,
  now: Date,
): Array<{ tier: string; rtoMinutes: number; remainingMinutes: number }> {
  const elapsed = minutesBetween(state.declaredAt, now);
  return [...state.targets]
    .sort((a, b) => a.rtoMinutes - b.rtoMinutes)
    .map((t) => ({ tier: t.title, rtoMinutes: t.rtoMinutes, remainingMinutes: t.rtoMinutes - elapsed }));
}

/** Draft the stakeholder update: stage, what is restored, what is next, and the ETA against the RTO. */
export function draftStatusUpdate(state: IncidentState, now: Date): string {
  const stage = stageOf(state, state.stage);
  const progress = stageProgress(state, state.stage);
  const elapsed = minutesBetween(state.declaredAt, now);
  const lines: string[] = [];
  const exercise = state.mode === 'TABLETOP' ? ' [EXERCISE - NOT A REAL INCIDENT]' : '';
  lines.push(`STATUS UPDATE ${state.id}${exercise}: ${state.title}`);
  lines.push(
    `As of ${now.toISOString().replace(/\.\d{3}Z$/, 'Z')} (${formatMinutes(elapsed)} since declared). Severity ${state.severity}.`,
  );
  lines.push(
    `Commander: ${state.roles.commander}${state.roles.scribe ? `; scribe: ${state.roles.scribe}` : ''}.`,
  );
  lines.push('');
  if (state.status === 'closed') {
    lines.push(`Status: CLOSED at ${state.closedAt ?? ''}. The lessons-learned record follows.`);
  } else {
    lines.push(
      `Stage: ${stage.title} (${progress.settled} of ${progress.total} steps done). ${stage.summary}`,
    );
  }
  if (state.activation) {
    lines.push(
      `Failover decision: ${state.activation.decision === 'go' ? 'GO' : 'NO-GO'} (${state.activation.decidedBy}, approved by ${state.activation.approvedBy}), failing over from ${state.procedure.regions.primary} to ${state.procedure.regions.secondary}.`,
    );
  }
  const resources = Object.values(state.resources);
  const restored = resources.filter((r) => r.restoredAt !== null);
  const validated = resources.filter((r) => r.validationOk === true);
  lines.push('');
  if (restored.length === 0) lines.push('Restored so far: nothing yet.');
  else {
    lines.push(`Restored so far (${restored.length}, ${validated.length} validated):`);
    for (const r of restored.slice(0, 20)) {
      lines.push(
        `- ${r.resourceId}${r.service ? ` (${r.service})` : ''}${r.validationOk === true ? ': validated' : r.validationOk === false ? ': VALIDATION FAILED' : ''}`,
      );
    }
    if (restored.length > 20) lines.push(`- … and ${restored.length - 20} more`);
  }
  const inFlight = Object.values(state.inFlight);
  if (inFlight.length > 0)
    lines.push(`In progress: ${inFlight.length} operation${inFlight.length > 1 ? 's' : ''}.`);
  if (state.status !== 'closed') {
    const next = missingRequiredSteps(state, state.stage);
    lines.push('');
    lines.push(next.length > 0 ? 'Next:' : `Next: sign off ${stage.title} and move on.`);
    for (const step of next.slice(0, 5)) lines.push(`- ${step.title}`);
  }
  const rto = rtoStatus(state, now);
  lines.push('');
  if (rto.length === 0) lines.push('RTO: no recovery targets were recorded for this incident.');
  for (const t of rto) {
    lines.push(
      t.remainingMinutes >= 0
        ? `RTO ${t.tier}: target ${formatMinutes(t.rtoMinutes)}, ${formatMinutes(t.remainingMinutes)} remaining.`
        : `RTO ${t.tier}: target ${formatMinutes(t.rtoMinutes)}, EXCEEDED by ${formatMinutes(-t.remainingMinutes)}.`,
    );
  }
  lines.push('');
  lines.push('Next update within 30 minutes or on any change.');
  return lines.join('\n');
}
