/** The activation decision (go or no-go) as journal entries, checked against the procedure's rules. Pure. */
import { ENTRY } from './entry-types';
import { requireAllowed } from './require-allowed';
import { canDecideActivation, stepsForAction } from './transitions';
import type { IncidentState, JournalAppend } from './types';

/** Input of {@link IncidentService.activate}. */
export interface ActivateInput {
  decision: 'go' | 'no-go';
  criteria: Record<string, string>;
  decidedBy: string;
  approvedBy: string;
  secondApprover?: string | undefined;
  rationale?: string | undefined;
  roles: {
    commander?: string | undefined;
    scribe?: string | undefined;
    serviceOwners: Array<{ service: string; owner: string }>;
  };
}

/**
 * The `activation.decided` entry (with the roles, keeping the current commander and scribe where
 * none are given) and a `step.completed` entry for every step bound to `incident.activate`.
 * Throws the rule's refusal as an `AppError` when the decision may not be taken now.
 */
export function activationEntries(state: IncidentState, input: ActivateInput): JournalAppend[] {
  requireAllowed(canDecideActivation(state, input.criteria));
  const by = input.decidedBy;
  return [
    {
      type: ENTRY.activationDecided,
      actor: by,
      data: {
        decision: input.decision,
        criteria: input.criteria,
        decidedBy: input.decidedBy,
        approvedBy: input.approvedBy,
        ...(input.secondApprover ? { secondApprover: input.secondApprover } : {}),
        ...(input.rationale ? { rationale: input.rationale } : {}),
        roles: {
          commander: input.roles.commander ?? state.roles.commander,
          scribe: input.roles.scribe ?? state.roles.scribe,
          serviceOwners: input.roles.serviceOwners,
        },
      },
    },
    ...stepsForAction(state, 'incident.activate').map((step) => ({
      type: ENTRY.stepCompleted,
      actor: by,
      data: { stepId: step.id, title: step.title, by, evidence: `Decision: ${input.decision}` },
    })),
  ];
}
