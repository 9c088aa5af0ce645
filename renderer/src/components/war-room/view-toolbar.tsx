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
        aria-keyshortcuts="Control+K Meta+K"
        title="Command palette (Ctrl+K)"
      >
        <span aria-hidden="true">⌘</span> Commands
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={toggleTheme}
        aria-pressed={preferences.theme === 'light'}
        aria-keyshortcuts="Alt+T"
        title="Light theme (Alt+T)"
      >
        Light
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={togglePresentation}
        aria-pressed={preferences.presentation}
        aria-keyshortcuts="Alt+P"
        title="Presentation mode: large text (Alt+P)"
      >
        Large text
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
