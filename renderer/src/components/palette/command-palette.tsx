import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../store/index';
import { viewsFor } from '../../views/registry';
import { warRoomActions } from '../war-room/war-room-actions';
import { buildCommands, type PaletteCommand } from './commands';
import { rankMatches } from './fuzzy-match';

/** The palette's list is cut here; typing narrows it. */
const MAX_SHOWN = 60;

/**
 * The command palette (Ctrl/Cmd+K): every screen, stage, action, view setting and runbook, found by
 * typing. Arrow keys move, Enter runs, Escape closes and gives focus back.
 */
export function CommandPalette() {
  const open = useStore((s) => s.paletteOpen);
  if (!open) return null;
  return <PaletteDialog />;
}

function PaletteDialog() {
  const setOpen = useStore((s) => s.setPaletteOpen);
  const procedure = useStore((s) => s.procedure);
  const runbookList = useStore((s) => s.runbookList);
  const loadRunbooks = useStore((s) => s.loadRunbooks);
  const incident = useStore((s) => s.incident);
  const preferences = useStore((s) => s.preferences);
  const assessRunning = useStore((s) => s.assessScan !== null);
  const mode = useStore((s) => (s.appInfo.status === 'ready' ? s.appInfo.value.mode : null));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (runbookList.status === 'idle') void loadRunbooks();
  }, [runbookList.status, loadRunbooks]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  const commands = useMemo(
    () =>
      buildCommands({
        views: viewsFor(mode),
        stages: procedure.status === 'ready' ? procedure.value.stages : [],
        runbooks: runbookList.status === 'ready' ? runbookList.value : [],
        incident: incident ? { id: incident.id, readOnly: incident.readOnly } : null,
        theme: preferences.theme,
        presentation: preferences.presentation,
        assessRunning,
        actions: warRoomActions(),
      }),
    [procedure, runbookList, incident, preferences, assessRunning, mode],
  );
  const shown = useMemo(
    () =>
      rankMatches(query, commands, (c) => `${c.title} ${c.group} ${c.keywords ?? ''}`).slice(0, MAX_SHOWN),
    [query, commands],
  );
  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    list.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const close = () => setOpen(false);
  const run = (command: PaletteCommand | undefined) => {
    if (!command || command.disabledReason) return;
    close();
    command.run();
  };

  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-label="Type a command, a screen or a runbook"
          aria-activedescendant={shown[current] ? `palette-${current}` : undefined}
          placeholder="Type a command, a screen or a runbook…"
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((current + 1) % Math.max(1, shown.length));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((current - 1 + shown.length) % Math.max(1, shown.length));
            } else if (e.key === 'Home' && e.ctrlKey) {
              setActive(0);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              run(shown[current]);
            } else if (e.key === 'Tab') {
              e.preventDefault(); // the palette keeps focus; arrows move through the list
            }
          }}
        />
        <ul id="palette-list" ref={list} className="palette-list" role="listbox" aria-label="Commands">
          {shown.map((command, index) => (
            <li
              key={command.id}
              id={`palette-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === current}
              aria-disabled={command.disabledReason ? true : undefined}
              className={`palette-item ${index === current ? 'palette-active' : ''}`}
              onMouseMove={() => setActive(index)}
              onClick={() => run(command)}
            >
              <span className="palette-group">{command.group}</span>
              <span className="palette-title">{command.title}</span>
              {command.disabledReason && <span className="palette-why">{command.disabledReason}</span>}
              {command.shortcut && <kbd className="palette-key">{command.shortcut}</kbd>}
            </li>
          ))}
        </ul>
        {shown.length === 0 && (
          <p className="palette-empty" role="status">
            Nothing matches “{query}”. Try fewer letters, or “runbook”.
          </p>
        )}
        <p className="palette-hint muted">↑ ↓ to move · Enter to run · Escape to close</p>
      </div>
    </div>
  );
}
