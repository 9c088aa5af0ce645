import { useStore } from '../store/index';
import { ModeBadge } from './mode-badge';
import { IdentityBadge } from './identity/identity-badge';
import { IncidentClock } from './war-room/incident-clock';
import { RegionHealth } from './war-room/region-health';
import { ViewToolbar } from './war-room/view-toolbar';

/**
 * The always-visible header: the app and its mode; the open incident and its clock against the
 * RTO; both regions' health as last seen; the identity and SSO countdown; theme, presentation,
 * palette and help buttons.
 */
export function Header() {
  const appInfo = useStore((s) => s.appInfo);
  const incident = useStore((s) => s.incident);
  const setView = useStore((s) => s.setView);
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
      <div className="header-incident">
        {incident ? (
          <>
            <button
              type="button"
              className="incident-chip"
              onClick={() => setView('incident')}
              title={`${incident.state.id}: ${incident.state.title}`}
              data-testid="header-incident"
            >
              <span className="incident-chip-id">{incident.state.id}</span>
              <span className="incident-chip-title">{incident.state.title}</span>
              <span className="incident-chip-stage">{incident.state.stage}</span>
            </button>
            <IncidentClock />
          </>
        ) : (
          <span className="muted header-no-incident">No incident open</span>
        )}
      </div>
      <div className="header-slots">
        {regions && (
          <span
            className="regions visually-hidden"
            aria-label={`Failover from ${regions.primary} to ${regions.secondary}`}
          >
            {regions.primary} → {regions.secondary}
          </span>
        )}
        <RegionHealth />
        <IdentityBadge />
        <ViewToolbar />
      </div>
    </header>
  );
}
