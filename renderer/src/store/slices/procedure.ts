import type { StateCreator } from 'zustand';
import type { Procedure } from '../../../../electron/core/runbooks/procedure-schema';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** The DR procedure as the core loaded it (or the error naming the broken file and field). */
export interface ProcedureSlice {
  procedure: Loadable<Procedure>;
  loadProcedure(): Promise<void>;
  reloadProcedure(): Promise<void>;
}

/** Creates the procedure slice. */
export const createProcedureSlice: StateCreator<StoreState, [], [], ProcedureSlice> = (set) => ({
  procedure: idle,
  async loadProcedure() {
    set({ procedure: { status: 'loading' } });
    set({ procedure: fromResult(await api.procedure.get()) });
  },
  async reloadProcedure() {
    set({ procedure: { status: 'loading' } });
    set({ procedure: fromResult(await api.procedure.reload()) });
  },
});
