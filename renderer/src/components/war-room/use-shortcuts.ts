import { useEffect } from 'react';
import { useStore } from '../../store/index';
import { isEditable, shortcutFor } from './shortcuts';
import { warRoomActions } from './war-room-actions';

/** Listen for the app's keyboard shortcuts on the document (see `shortcuts.ts` for the keys). */
export function useShortcuts(): void {
  useEffect(() => {
    const actions = warRoomActions();
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor({
        key: event.key,
        code: event.code,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        editable: isEditable(event.target),
      });
      if (!action) return;
      const state = useStore.getState();
      // While a dialog of its own is open, only the palette toggle acts.
      const modalOpen = document.querySelector('[aria-modal="true"]') !== null;
      if (modalOpen && action.kind !== 'palette') return;
      event.preventDefault();
      switch (action.kind) {
        case 'palette':
          state.setPaletteOpen(!state.paletteOpen);
          break;
        case 'help':
          state.setHelpOpen(true);
          break;
        case 'notes':
          actions.note();
          break;
        case 'search':
          actions.searchRunbooks();
          break;
        case 'theme':
          actions.toggleTheme();
          break;
        case 'presentation':
          actions.togglePresentation();
          break;
        case 'stage': {
          const procedure = state.procedure;
          const stage = procedure.status === 'ready' ? procedure.value.stages[action.index] : undefined;
          if (stage) actions.selectStage(stage.id);
          break;
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
