import { useEffect } from 'react';
import { ErrorPanel } from './components/error-panel';
import { Header } from './components/header';
import { Notices } from './components/notices';
import { StageRail } from './components/stage-rail';
import { ViewNav } from './components/view-nav';
import { connectEvents } from './store/events';
import { useStore } from './store/index';
import { views } from './views/registry';

/** The app frame: header, stage rail, navigation and the current screen. */
export function App() {
  const loadAppInfo = useStore((s) => s.loadAppInfo);
  const loadProcedure = useStore((s) => s.loadProcedure);
  const reloadProcedure = useStore((s) => s.reloadProcedure);
  const procedure = useStore((s) => s.procedure);
  const view = useStore((s) => s.view);

  useEffect(() => {
    void loadAppInfo();
    void loadProcedure();
    return connectEvents();
  }, [loadAppInfo, loadProcedure]);

  const Current = (views.find((v) => v.id === view) ?? views[0]!).component;

  return (
    <div className="app">
      <Header />
      <div className="app-body">
        <aside className="sidebar">
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
        <main className="main">
          <ViewNav />
          <Notices />
          {procedure.status === 'ready' || view !== 'procedure' ? <Current /> : null}
        </main>
      </div>
    </div>
  );
}
