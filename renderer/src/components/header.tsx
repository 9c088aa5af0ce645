import { useStore } from '../store/index';
import { ModeBadge } from './mode-badge';
import { IdentityBadge } from './identity/identity-badge';

/** The always-visible header: the app, its mode, and (as other parts land) incident, clock and identity. */
export function Header() {
  const appInfo = useStore((s) => s.appInfo);
  const procedure = useStore((s) => s.procedure);
  const regions = procedure.status === 'ready' ? procedure.value.regions : null;
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">DR War Room</span>
        {appInfo.status === 'ready' && (
          <ModeBadge mode={appInfo.value.mode} reason={appInfo.value.modeReason} />
        )}
        {appInfo.status === 'ready' && appInfo.value.scenario && (
          <span className="scenario" title="Tabletop scenario">
            Scenario: {appInfo.value.scenario.title}
          </span>
        )}
      </div>
      <div className="header-slots">
        {regions && (
          <span className="regions" aria-label={`Failover from ${regions.primary} to ${regions.secondary}`}>
            {regions.primary} → {regions.secondary}
          </span>
        )}
        <IdentityBadge />
      </div>
    </header>
  );
}
