import type { Core } from '../core';
import type { Handlers } from '../dispatch';

type IncidentCall =
  | 'incident.declare'
  | 'incident.list'
  | 'incident.get'
  | 'incident.open'
  | 'incident.active'
  | 'incident.timeline'
  | 'incident.activate'
  | 'incident.note'
  | 'incident.completeStep'
  | 'incident.skipStep'
  | 'incident.signOff'
  | 'incident.advance'
  | 'incident.goBack'
  | 'incident.statusDraft'
  | 'incident.statusUpdate'
  | 'incident.verify';

/** Handlers of the `incident.*` calls: thin wrappers over `core.incidents`. */
export function incidentHandlers(core: Core): Pick<Handlers, IncidentCall> {
  const incidents = core.incidents;
  return {
    'incident.declare': (input) => incidents.declare(input),
    'incident.list': () => incidents.list(),
    'incident.get': (input) => incidents.get(input.incidentId),
    'incident.open': (input) => incidents.open(input.incidentId),
    'incident.active': () => incidents.active(),
    'incident.timeline': (input) =>
      incidents.timeline(input.incidentId, {
        afterSeq: input.afterSeq,
        stage: input.stage,
        kinds: input.kinds,
      }),
    'incident.activate': (input) => incidents.activate(input.incidentId, input),
    'incident.note': (input) => incidents.note(input.incidentId, input.text, input.kind, input.by),
    'incident.completeStep': (input) =>
      incidents.completeStep(input.incidentId, input.stepId, input.evidence, input.by),
    'incident.skipStep': (input) =>
      incidents.skipStep(input.incidentId, input.stepId, input.reason, input.by),
    'incident.signOff': (input) => incidents.signOff(input.incidentId, input.stage, input.by, input.note),
    'incident.advance': (input) => incidents.advance(input.incidentId, input),
    'incident.goBack': (input) => incidents.goBack(input.incidentId, input.to, input.reason, input.by),
    'incident.statusDraft': (input) => incidents.statusDraft(input.incidentId),
    'incident.statusUpdate': (input) => incidents.statusUpdate(input.incidentId, input.text, input.by),
    'incident.verify': (input) => incidents.verify(input.incidentId),
  };
}
