import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../../../electron/core/api/calls/app';
import { api } from '../../api/client';
import { fromResult, idle, type Loadable } from '../loadable';
import type { StoreState } from '../index';

/** The app's identity: mode, version, scenario. */
export interface AppSlice {
  appInfo: Loadable<AppInfo>;
  loadAppInfo(): Promise<void>;
}

/** Creates the app slice. */
export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set) => ({
  appInfo: idle,
  async loadAppInfo() {
    set({ appInfo: { status: 'loading' } });
    set({ appInfo: fromResult(await api.app.info()) });
  },
});
