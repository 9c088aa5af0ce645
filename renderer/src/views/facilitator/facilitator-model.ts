import type {
  FaultChange,
  FaultsInForce,
  TabletopOutageMode,
  TabletopQuotaChoice,
} from '../../../../electron/core/api/calls/tabletop';

/** A parsed form field: the value, or what is wrong and what to enter instead. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** How each outage mode shows to the facilitator. */
export const OUTAGE_MODE_TITLE: Readonly<Record<TabletopOutageMode, string>> = {
  refused: 'Connection refused',
  timeout: 'Timeout (no answer)',
  '5xx': '503 ServiceUnavailable',
};

function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A throttling rate typed as a percent (`25`, `12.5`, `25 %`). */
export function parsePercent(text: string): Parsed<number> {
  const n = parseNumber(text);
  return n !== null && n <= 100
    ? { ok: true, value: n }
    : { ok: false, message: 'Enter a throttling rate from 0 to 100 % (0 stops throttling).' };
}

/** Replication lag typed in minutes (0 removes it, at most a week). */
export function parseLagMinutes(text: string): Parsed<number> {
  const n = parseNumber(text.replace(/\s*min(utes)?$/i, ''));
  return n !== null && n <= 10_080
    ? { ok: true, value: n }
    : { ok: false, message: 'Enter the lag in minutes, from 0 (no extra lag) to 10080 (a week).' };
}

/** A quota value: a whole number from 0 to 1,000,000. */
export function parseQuotaValue(text: string): Parsed<number> {
  const trimmed = text.trim();
  return /^\d{1,7}$/.test(trimmed) && Number(trimmed) <= 1_000_000
    ? { ok: true, value: Number(trimmed) }
    : { ok: false, message: 'Enter the quota as a whole number from 0 to 1000000.' };
}

/** The quota key of a choice: the key itself, or the prefix and the instance type typed beside it. */
export function quotaKeyOf(choice: TabletopQuotaChoice, suffix: string): Parsed<string> {
  if (!choice.prefix) return { ok: true, value: choice.key };
  const type = suffix.trim();
  return /^[a-z0-9-]+\.[a-z0-9]+$/.test(type)
    ? { ok: true, value: `${choice.key}${type}` }
    : { ok: false, message: 'Enter an EC2 instance type such as m5.large.' };
}

/** A restore target name as the simulator matches it (the target's name or id). */
export function parseRestoreTarget(text: string): Parsed<string> {
  const name = text.trim();
  if (name === '') return { ok: false, message: 'Enter the name (or id) of the restore target.' };
  if (name.length > 255) return { ok: false, message: 'The restore target name is at most 255 characters.' };
  return { ok: true, value: name };
}

/** One fault in force as the panel lists it, with the change that switches it off. */
export interface FaultRow {
  key: string;
  /** What is in force, in words. */
  text: string;
  /** The button's label. */
  offLabel: string;
  off: FaultChange;
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))} %`;
}

function minutes(ms: number): string {
  return `${Number((ms / 60_000).toFixed(2))} min`;
}

/**
 * The faults in force as rows (outages, throttling, failing restores, quotas, replication lag),
 * each with the change that switches it off; `title` names a service. Pure.
 */
export function faultRows(
  faults: FaultsInForce,
  title: (service: string) => string,
  quotas: readonly TabletopQuotaChoice[],
): FaultRow[] {
  const rows: FaultRow[] = [];
  for (const o of faults.regionOutages) {
    const which = o.services && o.services.length > 0 ? o.services.map(title).join(', ') : 'every service';
    rows.push({
      key: `outage:${o.region}`,
      text: `${o.region} down for ${which}: ${OUTAGE_MODE_TITLE[o.mode]}`,
      offLabel: `Bring ${o.region} back up`,
      off: { kind: 'regionUp', region: o.region },
    });
  }
  for (const t of faults.throttling) {
    const scope = `${t.service === undefined ? 'every service' : title(t.service)} in ${t.region ?? 'every region'}`;
    rows.push({
      key: `throttle:${t.region ?? '*'}:${t.service ?? '*'}`,
      text: `${percent(t.rate)} of requests to ${scope} throttled`,
      offLabel: `Stop throttling ${scope}`,
      off: {
        kind: 'throttle',
        ratePercent: 0,
        ...(t.region === undefined ? {} : { region: t.region }),
        ...(t.service === undefined ? {} : { service: t.service }),
      },
    });
  }
  for (const target of faults.failingRestores) {
    rows.push({
      key: `restore:${target}`,
      text: `The restore into "${target}" fails`,
      offLabel: `Let the restore into ${target} succeed`,
      off: { kind: 'clearRestoreFailure', target },
    });
  }
  for (const [key, value] of Object.entries(faults.quotas)) {
    const known = quotas.find((q) => (q.prefix ? key.startsWith(q.key) : q.key === key));
    const fallback =
      known === undefined
        ? ''
        : known.defaultValue === null
          ? ' (default: unlimited)'
          : ` (default: ${known.defaultValue})`;
    rows.push({
      key: `quota:${key}`,
      text: `Quota ${key} is ${value}${fallback}`,
      offLabel: `Set quota ${key} back to its default`,
      off: { kind: 'clearQuota', key },
    });
  }
  for (const l of faults.replicationLag) {
    rows.push({
      key: `lag:${l.sourceRegion}:${l.destinationRegion}`,
      text: `S3 replication ${l.sourceRegion} → ${l.destinationRegion} lags ${minutes(l.lagMs)} more`,
      offLabel: `Remove the replication lag from ${l.sourceRegion} to ${l.destinationRegion}`,
      off: {
        kind: 'replicationLag',
        sourceRegion: l.sourceRegion,
        destinationRegion: l.destinationRegion,
        lagMinutes: 0,
      },
    });
  }
  return rows;
}

/** Plan strategies whose restore target the simulator's failing-restore switch matches by name. */
const FAILABLE_STRATEGIES: ReadonlySet<string> = new Set([
  'rds-pitr-cross-region',
  'rds-snapshot-restore',
  'rds-snapshot-copy-restore',
  'ec2-ami-launch',
  'ec2-ami-copy-launch',
  'dynamodb-pitr-cross-region',
  'dynamodb-backup-restore',
]);

/** The part of a recovery plan the restore suggestions read. */
export interface PlanTargets {
  chains: ReadonlyArray<{ strategy: string; targetName: string; resource: { name: string } }>;
}

/**
 * The restore targets of the open incident's recovery plan that can be made to fail (restores,
 * snapshot copies, AMI copies and launches; not replica promotions or S3 fail-overs), each with
 * its source, without duplicates. Pure.
 */
export function restoreTargetSuggestions(
  plan: PlanTargets | null,
): Array<{ target: string; source: string }> {
  const seen = new Set<string>();
  const out: Array<{ target: string; source: string }> = [];
  for (const chain of plan?.chains ?? []) {
    if (!FAILABLE_STRATEGIES.has(chain.strategy) || seen.has(chain.targetName)) continue;
    seen.add(chain.targetName);
    out.push({ target: chain.targetName, source: chain.resource.name });
  }
  return out;
}
