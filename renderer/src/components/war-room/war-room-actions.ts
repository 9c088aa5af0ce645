import type { StageId } from '../../../../electron/core/runbooks/procedure-schema';
import { useStore } from '../../store/index';
import type { CommandContext } from '../palette/commands';
import { focusWhenPresent } from './focus-when-present';

/** The selector of the notes box in the sidebar (owned by the incident screen). */
export const NOTES_SELECTOR = '#notes-box-text';
/** The selector of the runbook search field (owned by the runbooks screen). */
export const SEARCH_SELECTOR = '#rb-search-input';

/**
 * The actions the keyboard and the palette reach, reading the store when they run (so one object
 * serves every render). Each goes to the screen that owns the thing and lets it do the work.
 */
export function warRoomActions(): CommandContext['actions'] {
  const store = () => useStore.getState();
  return {
    setView: (id) => store().setView(id),
    selectStage: (id) => store().selectStage(id as StageId),
    declare: () => {
      if (store().incident) store().leaveIncident();
      store().request('declare', 'incident');
    },
    note: () => {
      const incident = store().incident;
      if (!incident) {
        store().setView('incident');
        store().pushNotice('info', 'Open or declare an incident first: notes belong to an incident.');
        return;
      }
      void focusWhenPresent(NOTES_SELECTOR);
    },
    runAssessment: () => {
      store().setView('assess');
      if (!store().assessScan) void store().runAssessment();
    },
    buildPlan: () => store().setView('recover'),
    searchRunbooks: () => {
      store().setView('runbooks');
      void focusWhenPresent(SEARCH_SELECTOR);
    },
    openRunbook: (id) => {
      store().setView('runbooks');
      void store().showRunbook(id);
    },
    toggleTheme: () => store().toggleTheme(),
    togglePresentation: () => store().togglePresentation(),
    help: () => store().setHelpOpen(true),
    exportRecord: () => store().setView('record'),
    recheckIdentity: () => void store().loadSession(true),
    chooseProfile: () => store().openProfilePicker(),
    login: () => void store().startLogin(),
  };
}
