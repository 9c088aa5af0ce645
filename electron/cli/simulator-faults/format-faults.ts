import type { FaultState, OutageMode } from '../../simulator/core/fault-state';
import { formatDuration } from './parse-fault-values';

const MODE_TEXT: Readonly<Record<OutageMode, string>> = {
  refused: 'connections refused',
  timeout: 'requests time out, no answer',
  '5xx': 'every call answers 503',
};

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}

/** The faults in force, one line each (indented), or a line saying there are none. */
export function formatFaults(faults: FaultState): string[] {
  const lines: string[] = [];
  for (const o of faults.regionOutages) {
    const scope = o.services && o.services.length > 0 ? o.services.join(', ') : 'all services';
    lines.push(`region ${o.region} down (${scope}): ${MODE_TEXT[o.mode]}`);
  }
  for (const t of faults.throttling) {
    const scope = [t.service ?? 'every service', t.region ? `in ${t.region}` : 'in every region'].join(' ');
    lines.push(`throttling: ${percent(t.rate)} of requests (${scope})`);
  }
  for (const name of faults.failingRestores) lines.push(`failing restore: ${name}`);
  for (const [key, value] of Object.entries(faults.quotas)) lines.push(`quota: ${key} = ${value}`);
  for (const l of faults.replicationLag)
    lines.push(`replication lag: ${l.sourceRegion} → ${l.destinationRegion} ${formatDuration(l.lagMs)}`);
  return lines.length > 0 ? lines.map((l) => `  ${l}`) : ['  (no faults in force)'];
}
