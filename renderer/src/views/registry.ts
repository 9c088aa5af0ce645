import type { ComponentType } from 'react';
import { ProcedureView } from './procedure/procedure-view';
import { IncidentView } from './incident/incident-view';
import { TimelineView } from './timeline/timeline-view';
import { RecordView } from './record/record-view';
import { RunbooksView } from './runbooks/runbooks-view';
import { RecoverView } from './recover/recover-view';
import { AssessView } from './assess/assess-view';
import { ValidateView } from './validate/validate-view';
import { DrillView } from './drill/drill-view';

/** One screen of the app, shown in the navigation. */
export interface ViewEntry {
  id: string;
  title: string;
  component: ComponentType;
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
];
