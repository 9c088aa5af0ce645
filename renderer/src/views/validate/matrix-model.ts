import type {
  CheckStatus,
  ResourceValidation,
  ValidationCheck,
  ValidationRun,
} from '../../../../electron/core/validate/types';
import type { ResourceOutcome } from '../../../../electron/core/record/types';

/** One column of the matrix: a check id and its short heading. */
export interface MatrixColumn {
  id: string;
  title: string;
}

/** One cell: the check, or null when the check does not apply to the resource. */
export interface MatrixRow {
  resource: ResourceValidation;
  cells: Array<ValidationCheck | null>;
}

/** The matrix: resources × checks (PURE). */
export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/** The order columns appear in: status first, then settings, integrity, reachability, findings. */
const ORDER = [
  'status',
  'status-checks',
  'versioning',
  'object-count',
  'checksums',
  'current-version',
  'item-count',
  'sample-items',
  'indexes',
  'engine',
  'engine-version',
  'class',
  'type',
  'storage',
  'size',
  'multi-az',
  'encryption',
  'subnet-group',
  'subnet',
  'availability-zone',
  'security-groups',
  'volumes',
  'endpoint',
  'restore-point',
  'pitr',
  'ttl',
  'streams',
  'auto-scaling',
  'tags',
];

/** Short column headings. */
const HEADINGS: Record<string, string> = {
  status: 'Status',
  'status-checks': 'Status checks',
  versioning: 'Versioning',
  'object-count': 'Count / bytes',
  checksums: 'Checksums',
  'current-version': 'Version current',
  'item-count': 'Item count',
  'sample-items': 'Sampled items',
  indexes: 'Indexes',
  engine: 'Engine',
  'engine-version': 'Version',
  class: 'Class',
  type: 'Type',
  storage: 'Storage',
  size: 'Size',
  'multi-az': 'Multi-AZ',
  encryption: 'Encryption',
  'subnet-group': 'Subnet group',
  subnet: 'Subnet',
  'availability-zone': 'AZ',
  'security-groups': 'Security groups',
  volumes: 'Volumes',
  endpoint: 'Endpoint',
  'restore-point': 'Restore point',
  pitr: 'PITR',
  ttl: 'TTL',
  streams: 'Streams',
  'auto-scaling': 'Auto scaling',
  tags: 'Tags',
};

function rank(id: string): number {
  const i = ORDER.indexOf(id);
  return i >= 0 ? i : ORDER.length;
}

/** Build the matrix of a run: every check id any resource has is a column (PURE). */
export function buildMatrix(run: ValidationRun): Matrix {
  const ids = new Map<string, string>();
  for (const r of run.resources) for (const c of r.checks) if (!ids.has(c.id)) ids.set(c.id, c.title);
  const columns = [...ids.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([id, title]) => ({ id, title: HEADINGS[id] ?? (id.startsWith('probe:') ? id.slice(6) : title) }));
  const rows = run.resources.map((resource) => ({
    resource,
    cells: columns.map((col) => resource.checks.find((c) => c.id === col.id) ?? null),
  }));
  return { columns, rows };
}

/** The words and glyph of a status (never colour alone). */
export const STATUS_TEXT: Record<CheckStatus, { label: string; glyph: string }> = {
  pass: { label: 'Pass', glyph: '✓' },
  warn: { label: 'Warn', glyph: '!' },
  fail: { label: 'Fail', glyph: '✗' },
  skipped: { label: 'Skipped', glyph: '–' },
};

/** The record's outcome rows (for the targets chart) from a run (PURE). */
export function outcomesOf(run: ValidationRun): ResourceOutcome[] {
  return run.resources.map((r) => ({
    resourceId: r.source,
    service: r.service,
    tier: r.tier,
    rtoTargetMinutes: r.rtoTargetMinutes,
    rpoTargetMinutes: r.rpoTargetMinutes,
    achievedRtoMinutes: r.achievedRtoMinutes,
    achievedRpoMinutes: r.achievedRpoMinutes,
    met: r.targetsMet,
    validated: r.status !== 'fail',
  }));
}

/** True when a DynamoDB resource has a finding the re-apply action fixes (PITR, TTL or tags not as the source). */
export function canReapply(r: ResourceValidation): boolean {
  return (
    r.service === 'dynamodb' &&
    r.strategy !== 'dynamodb-global-replica' &&
    r.checks.some((c) => (c.id === 'pitr' || c.id === 'ttl' || c.id === 'tags') && c.status === 'warn')
  );
}
