import { useStore } from '../../store/index';

/** Header buttons: command palette, theme, presentation mode and the shortcut list. */
export function ViewToolbar() {
  const preferences = useStore((s) => s.preferences);
  const toggleTheme = useStore((s) => s.toggleTheme);
  const togglePresentation = useStore((s) => s.togglePresentation);
  const setPaletteOpen = useStore((s) => s.setPaletteOpen);
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  return (
    <div className="view-toolbar" role="group" aria-label="View">
      <button
        type="button"
        className="tool-button"
        onClick={() => setPaletteOpen(true)}
        aria-label="Command palette"
        aria-keyshortcuts="Control+K Meta+K"
        title="Command palette (Ctrl+K)"
      >
        Ctrl K
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={toggleTheme}
        aria-pressed={preferences.theme === 'light'}
        aria-keyshortcuts="Alt+T"
        aria-label="Light theme"
        title="Light theme (Alt+T)"
      >
        <span aria-hidden="true">{preferences.theme === 'light' ? '☀' : '☾'}</span>
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={togglePresentation}
        aria-pressed={preferences.presentation}
        aria-keyshortcuts="Alt+P"
        aria-label="Large text (presentation mode)"
        title="Presentation mode: large text (Alt+P)"
      >
        <span aria-hidden="true">A+</span>
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={() => setHelpOpen(true)}
        aria-keyshortcuts="Shift+?"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
    </div>
  );
}
