import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './slices/app';
import { createProcedureSlice, type ProcedureSlice } from './slices/procedure';
import { createUiSlice, type UiSlice } from './slices/ui';
import { createIncidentSlice, type IncidentSlice } from './slices/incident';
import { createRunbooksSlice, type RunbooksSlice } from './slices/runbooks';
import { createSessionSlice, type SessionSlice } from './slices/session';
import { createRecoverSlice, type RecoverSlice } from './slices/recover';
import { createAssessSlice, type AssessSlice } from './slices/assess';
import { createValidateSlice, type ValidateSlice } from './slices/validate';
import { createDrillSlice, type DrillSlice } from './slices/drill';

/** The whole store: the intersection of its slices. */
export type StoreState = AppSlice &
  ProcedureSlice &
  UiSlice &
  IncidentSlice &
  RunbooksSlice &
  SessionSlice &
  RecoverSlice &
  AssessSlice &
  ValidateSlice &
  DrillSlice;

/** The one store of slices; components select what they need. */
export const useStore = create<StoreState>()((...args) => ({
  ...createAppSlice(...args),
  ...createProcedureSlice(...args),
  ...createUiSlice(...args),
  ...createIncidentSlice(...args),
  ...createRunbooksSlice(...args),
  ...createSessionSlice(...args),
  ...createRecoverSlice(...args),
  ...createAssessSlice(...args),
  ...createValidateSlice(...args),
  ...createDrillSlice(...args),
}));
