import type {
  AssessServiceName,
  AssessedResource,
  ReadinessStatus,
} from '../../../../electron/core/api/calls/assess';
import { formatMinutes } from '../../../../electron/core/assess/rpo';

/** The filters of the assessment table (`all` lets everything through). */
export interface AssessFilters {
  service: AssessServiceName | 'all';
  region: string;
  tier: string;
  status: ReadinessStatus | 'all';
  /** Case-insensitive text matched against the name and the id. */
  text: string;
}

/** No filter. */
export const NO_FILTERS: AssessFilters = {
  service: 'all',
  region: 'all',
  tier: 'all',
  status: 'all',
  text: '',
};

/** The columns the table sorts by. */
export type SortKey = 'status' | 'name' | 'service' | 'region' | 'tier' | 'rpo' | 'rto' | 'gaps';

/** A sort: column and direction. */
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** Worst first: what needs attention comes to the top. */
export const STATUS_RANK: Record<ReadinessStatus, number> = {
  'not-recoverable': 0,
  unknown: 1,
  'at-risk': 2,
  ready: 3,
  'out-of-scope': 4,
};

/** How each status is said on screen. */
export const STATUS_LABEL: Record<ReadinessStatus, string> = {
  'not-recoverable': 'Not recoverable',
  unknown: 'Unknown',
  'at-risk': 'At risk',
  ready: 'Ready',
  'out-of-scope': 'Out of scope',
};

/** How each service is named on screen. */
export const SERVICE_LABEL: Record<AssessServiceName, string> = {
  s3: 'S3',
  rds: 'RDS',
  ec2: 'EC2',
  dynamodb: 'DynamoDB',
};

/** The resources that pass the filters (pure). */
export function filterResources(
  resources: readonly AssessedResource[],
  filters: AssessFilters,
): AssessedResource[] {
  const text = filters.text.trim().toLowerCase();
  return resources.filter(
    (r) =>
      (filters.service === 'all' || r.service === filters.service) &&
      (filters.region === 'all' || r.region === filters.region) &&
      (filters.tier === 'all' || r.tier.id === filters.tier) &&
      (filters.status === 'all' || r.status === filters.status) &&
      (text === '' || r.name.toLowerCase().includes(text) || r.id.toLowerCase().includes(text)),
  );
}

function tierRank(r: AssessedResource): number {
  return r.tier.rpoMinutes;
}

function value(r: AssessedResource, key: SortKey): number | string {
  switch (key) {
    case 'status':
      return STATUS_RANK[r.status];
    case 'name':
      return r.name.toLowerCase();
    case 'service':
      return r.service;
    case 'region':
      return r.region;
    case 'tier':
      return tierRank(r);
    case 'rpo':
      return r.achievableRpoMinutes ?? Number.POSITIVE_INFINITY;
    case 'rto':
      return r.estimatedRtoMinutes ?? Number.POSITIVE_INFINITY;
    case 'gaps':
      return -r.gaps.filter((g) => g.severity !== 'info').length;
  }
}

/** The resources in the table's order (pure, stable): the column, then worst status, then name. */
export function sortResources(resources: readonly AssessedResource[], sort: SortState): AssessedResource[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return resources
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const va = value(a.r, sort.key);
      const vb = value(b.r, sort.key);
      if (va !== vb) return (va < vb ? -1 : 1) * sign;
      const s = STATUS_RANK[a.r.status] - STATUS_RANK[b.r.status];
      if (s !== 0) return s;
      const n = a.r.name.localeCompare(b.r.name);
      return n !== 0 ? n : a.i - b.i;
    })
    .map((x) => x.r);
}

/** The next sort when a column header is pressed: same column flips, a new one starts ascending. */
export function nextSort(current: SortState, key: SortKey): SortState {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** Minutes as the table shows them (`—` when unknown). */
export function showMinutes(minutes: number | null): string {
  return minutes === null ? '—' : formatMinutes(minutes);
}

/** Elapsed ms as `12.3 s` or `2 min 05 s`. */
export function showElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/** The distinct values a filter can take, from the resources (pure). */
export function filterChoices(resources: readonly AssessedResource[]): {
  regions: string[];
  tiers: string[];
} {
  const regions = [...new Set(resources.map((r) => r.region))].sort();
  const tiers = [...new Map(resources.map((r) => [r.tier.id, r.tier.rpoMinutes]))]
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
  return { regions, tiers };
}
