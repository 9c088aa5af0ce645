import { useEffect } from 'react';
import { ErrorPanel } from './components/error-panel';
import { Header } from './components/header';
import { HelpOverlay } from './components/help-overlay';
import { Notices } from './components/notices';
import { CommandPalette } from './components/palette/command-palette';
import { StageRail } from './components/stage-rail';
import { ViewNav } from './components/view-nav';
import { OfflineIndicator } from './components/war-room/offline-indicator';
import { applyPreferences } from './components/war-room/preferences';
import { useBackgroundNotices } from './components/war-room/use-background-notices';
import { useShortcuts } from './components/war-room/use-shortcuts';
import { connectEvents } from './store/events';
import { useStore } from './store/index';
import { views } from './views/registry';
// The frame's styles in cascade order (the war-room rules refine app.css).
import './styles/theme.css';
import './styles/app.css';
import './styles/war-room.css';

/** The app frame: header, stage rail, navigation, the current screen, and the palette and help overlays. */
export function App() {
  const loadAppInfo = useStore((s) => s.loadAppInfo);
  const loadProcedure = useStore((s) => s.loadProcedure);
  const reloadProcedure = useStore((s) => s.reloadProcedure);
  const procedure = useStore((s) => s.procedure);
  const view = useStore((s) => s.view);
  const preferences = useStore((s) => s.preferences);
  const browserMode = useStore((s) => s.appInfo.status === 'ready' && s.appInfo.value.transport === 'http');

  useEffect(() => {
    void loadAppInfo();
    void loadProcedure();
    return connectEvents();
  }, [loadAppInfo, loadProcedure]);

  useEffect(() => applyPreferences(preferences), [preferences]);
  useShortcuts();
  useBackgroundNotices(browserMode);

  const current = views.find((v) => v.id === view) ?? views[0]!;
  const Current = current.component;

  return (
    <div className="app">
      <a className="skip-link" href="#main-content">
        Skip to the screen
      </a>
      <Header />
      <OfflineIndicator />
      <div className="app-body">
        <aside className="sidebar" aria-label="Procedure and notes">
          {procedure.status === 'ready' && <StageRail procedure={procedure.value} />}
          {procedure.status === 'loading' && <p className="muted">Loading the procedure…</p>}
          {procedure.status === 'error' && (
            <ErrorPanel
              title="The DR procedure file could not be loaded"
              error={procedure.error}
              onRetry={() => void reloadProcedure()}
              retryLabel="Reload the file"
            />
          )}
        </aside>
        <main className="main" id="main-content" tabIndex={-1} aria-label={current.title}>
          <ViewNav />
          <Notices />
          {procedure.status === 'ready' || view !== 'procedure' ? <Current /> : null}
        </main>
      </div>
      <CommandPalette />
      <HelpOverlay />
    </div>
  );
}
