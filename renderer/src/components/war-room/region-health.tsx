import { useStore } from '../../store/index';
import { regionsAsSeen } from './region-health-state';

const symbol: Record<string, string> = { healthy: '●', degraded: '◐', down: '✕', unknown: '?' };

/** Both regions' health as last seen (the last assessment, or the STS identity check), in the header. */
export function RegionHealth() {
  const procedure = useStore((s) => s.procedure);
  const assessment = useStore((s) => s.assessment);
  const session = useStore((s) => s.session);
  if (procedure.status !== 'ready') return null;
  const seen = regionsAsSeen(
    procedure.value.regions,
    assessment.status === 'ready' && assessment.value ? assessment.value : null,
    session.status === 'ready' ? session.value : null,
  );
  return (
    <ul className="region-health" aria-label="Region health as last seen" data-testid="region-health">
      {seen.map((r) => {
        const when = r.seenAt ? new Date(r.seenAt).toLocaleTimeString() : null;
        const by = r.source === 'assessment' ? 'assessment' : r.source === 'sts' ? 'identity check' : '';
        const text = `${r.region} (${r.role}): ${r.status}${when ? `, ${by} at ${when}` : ''}${
          r.reason && r.status !== 'healthy' ? `. ${r.reason}` : ''
        }`;
        return (
          <li key={r.region} className={`region-pill region-${r.status}`} title={text} aria-label={text}>
            <span aria-hidden="true">{symbol[r.status]}</span> {r.region}
          </li>
        );
      })}
    </ul>
  );
}
