import type { ComponentType } from 'react';
import { ProcedureView } from './procedure/procedure-view';

/** One screen of the app, shown in the navigation. */
export interface ViewEntry {
  id: string;
  title: string;
  component: ComponentType;
}

/** The screens, in navigation order. Add yours with one line. */
export const views: ViewEntry[] = [{ id: 'procedure', title: 'Procedure', component: ProcedureView }];
