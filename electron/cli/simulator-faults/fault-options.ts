import type { FaultChange, TabletopOutageMode } from '../../core/api/calls/tabletop';
import { faultChangeSchema } from '../../core/api/calls/tabletop';

/** The parsed options of `dr-war-room simulator faults` (values already checked one by one). */
export interface FaultOptions {
  clear?: boolean;
  regionDown?: string[];
  mode?: TabletopOutageMode;
  services?: string[];
  regionUp?: string[];
  /** Percent of requests (0..100). */
  throttle?: number;
  region?: string;
  service?: string;
  failRestore?: string[];
  allowRestore?: string[];
  quota?: Array<{ key: string; value: number }>;
  clearQuota?: string[];
  /** Lag in ms of exercise time. */
  replicationLag?: Array<{ sourceRegion: string; destinationRegion: string; lagMs: number }>;
}

/** The option that asks for each kind of change (for error messages). */
const OPTION_OF: Readonly<Record<FaultChange['kind'], string>> = {
  clearAll: '--clear',
  regionUp: '--region-up',
  regionDown: '--region-down',
  throttle: '--throttle',
  clearRestoreFailure: '--allow-restore',
  failRestore: '--fail-restore',
  setQuota: '--quota',
  clearQuota: '--clear-quota',
  replicationLag: '--replication-lag',
};

/**
 * The changes the options ask for (the app's own `FaultChange`s, validated with its schema), in
 * the order they apply: `--clear` first, then regions up, regions down, throttling, restores,
 * quotas, replication lag. Empty when the options only ask to show the faults. Throws, saying
 * which option to add or drop, for options that only make sense together.
 */
export function faultChangesFromOptions(options: FaultOptions): FaultChange[] {
  const down = options.regionDown ?? [];
  const up = options.regionUp ?? [];
  if ((options.mode !== undefined || options.services !== undefined) && down.length === 0)
    throw new Error('--mode and --services describe a --region-down: add --region-down REGION.');
  if ((options.region !== undefined || options.service !== undefined) && options.throttle === undefined)
    throw new Error(
      '--region and --service scope a --throttle rule: add --throttle RATE (use --region-down to fail a region).',
    );
  const both = down.find((r) => up.includes(r));
  if (both) throw new Error(`${both} is given to both --region-down and --region-up: choose one.`);
  const changes: unknown[] = [];
  if (options.clear) changes.push({ kind: 'clearAll' });
  for (const region of up) changes.push({ kind: 'regionUp', region });
  for (const region of down)
    changes.push({
      kind: 'regionDown',
      region,
      mode: options.mode ?? 'refused',
      ...(options.services ? { services: options.services } : {}),
    });
  if (options.throttle !== undefined)
    changes.push({
      kind: 'throttle',
      ratePercent: options.throttle,
      ...(options.region !== undefined ? { region: options.region } : {}),
      ...(options.service !== undefined ? { service: options.service } : {}),
    });
  for (const target of options.allowRestore ?? []) changes.push({ kind: 'clearRestoreFailure', target });
  for (const target of options.failRestore ?? []) changes.push({ kind: 'failRestore', target });
  for (const key of options.clearQuota ?? []) changes.push({ kind: 'clearQuota', key });
  for (const q of options.quota ?? []) changes.push({ kind: 'setQuota', key: q.key, value: q.value });
  for (const lag of options.replicationLag ?? [])
    changes.push({
      kind: 'replicationLag',
      sourceRegion: lag.sourceRegion,
      destinationRegion: lag.destinationRegion,
      lagMinutes: lag.lagMs / 60_000,
    });
  return changes.map((change) => {
    const parsed = faultChangeSchema.safeParse(change);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const kind = (change as { kind: FaultChange['kind'] }).kind;
    throw new Error(`${OPTION_OF[kind]}: ${issue?.message ?? 'not a valid value'}.`);
  });
}
