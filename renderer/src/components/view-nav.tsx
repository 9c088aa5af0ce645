import { useStore } from '../store/index';
import { viewsFor } from '../views/registry';

/** The navigation between the app's screens. */
export function ViewNav() {
  const current = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const mode = useStore((s) => (s.appInfo.status === 'ready' ? s.appInfo.value.mode : null));
  return (
    <nav className="view-nav" aria-label="Screens">
      {viewsFor(mode).map((view) => (
        <button
          key={view.id}
          type="button"
          className={`nav-button ${view.id === current ? 'nav-current' : ''}`}
          aria-current={view.id === current ? 'page' : undefined}
          onClick={() => setView(view.id)}
        >
          {view.title}
        </button>
      ))}
    </nav>
  );
}
