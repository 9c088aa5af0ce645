import { useEffect, useRef } from 'react';
import { useStore } from '../store/index';
import { shortcutHelp } from './war-room/shortcuts';

/** The keyboard shortcuts (press ?): a dialog that Escape or its button closes, focus given back. */
export function HelpOverlay() {
  const open = useStore((s) => s.helpOpen);
  if (!open) return null;
  return <HelpDialog />;
}

function HelpDialog() {
  const setOpen = useStore((s) => s.setHelpOpen);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
      } else if (event.key === 'Tab') {
        event.preventDefault(); // one control: focus stays on it
        closeButton.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (previous && document.contains(previous)) previous.focus();
    };
  }, [setOpen]);

  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}>
      <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="help-table">
          <caption className="muted">
            Bare keys (N, /, ?) work when the cursor is not in a text field.
          </caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What it does</th>
            </tr>
          </thead>
          <tbody>
            {shortcutHelp.map((s) => (
              <tr key={s.keys}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeButton} type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
