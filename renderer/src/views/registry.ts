import type { ComponentType } from 'react';
import type { AppMode } from '../../../electron/core/api/calls/app';
import { ProcedureView } from './procedure/procedure-view';
import { IncidentView } from './incident/incident-view';
import { TimelineView } from './timeline/timeline-view';
import { RecordView } from './record/record-view';
import { RunbooksView } from './runbooks/runbooks-view';
import { RecoverView } from './recover/recover-view';
import { AssessView } from './assess/assess-view';
import { ValidateView } from './validate/validate-view';
import { DrillView } from './drill/drill-view';
import { FacilitatorView } from './facilitator/facilitator-view';

/** One screen of the app, shown in the navigation. */
export interface ViewEntry {
  id: string;
  title: string;
  component: ComponentType;
  /** Shown only in these modes (every mode when absent). */
  modes?: readonly AppMode[];
}

/** The screens, in navigation order. Add yours with one line. */
export const views: ViewEntry[] = [
  { id: 'procedure', title: 'Procedure', component: ProcedureView },
  { id: 'incident', title: 'Incident', component: IncidentView },
  { id: 'assess', title: 'Assess', component: AssessView },
  { id: 'recover', title: 'Recover', component: RecoverView },
  { id: 'validate', title: 'Validate', component: ValidateView },
  { id: 'timeline', title: 'Timeline', component: TimelineView },
  { id: 'record', title: 'Record', component: RecordView },
  { id: 'runbooks', title: 'Runbooks', component: RunbooksView },
  { id: 'drills', title: 'Drills', component: DrillView },
  { id: 'facilitator', title: 'Facilitator', component: FacilitatorView, modes: ['TABLETOP'] },
];

/** The screens of a mode, in navigation order (only the every-mode ones while the mode is unknown). */
export function viewsFor(mode: AppMode | null): ViewEntry[] {
  return views.filter((v) => !v.modes || (mode !== null && v.modes.includes(mode)));
}
