import type { Procedure } from '../runbooks/procedure-schema';
import type { ProcedureSnapshot } from './types';

/** The part of the DR procedure an incident keeps, so later edits of the file do not change it. */
export function snapshotProcedure(procedure: Procedure): ProcedureSnapshot {
  return {
    id: procedure.id,
    title: procedure.title,
    version: procedure.version,
    regions: { ...procedure.regions },
    criteria: procedure.activation.criteria.map((c) => ({
      id: c.id,
      question: c.question,
      hint: c.hint ?? null,
    })),
    stages: procedure.stages.map((stage) => ({
      id: stage.id,
      title: stage.title,
      summary: stage.summary,
      steps: stage.steps.map((step) => ({
        id: step.id,
        title: step.title,
        kind: step.kind,
        required: step.required,
        action: step.action ?? null,
        runbook: step.runbook ?? null,
        detail: step.detail ?? null,
      })),
    })),
  };
}
