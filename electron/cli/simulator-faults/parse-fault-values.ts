import { InvalidArgumentError } from 'commander';
import type { OutageMode } from '../../simulator/core/fault-state';
import { outageModeSchema } from '../../simulator/core/fault-state';

const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const SERVICE_RE = /^[a-z0-9-]+$/;
const QUOTA_KEY_RE = /^[a-z0-9-]+\.[A-Za-z0-9.-]+$/;
const DURATION_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** A region name (`us-east-1`). */
export function parseRegion(value: string): string {
  if (!REGION_RE.test(value))
    throw new InvalidArgumentError(`"${value}" is not a region name like us-east-1`);
  return value;
}

/** How a failing region fails: refused, timeout or 5xx. */
export function parseOutageMode(value: string): OutageMode {
  const parsed = outageModeSchema.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError(
      `must be refused (connections refused), timeout (no answer) or 5xx (503 errors), not "${value}"`,
    );
  return parsed.data;
}

/** One service's signing name (`s3`, `rds`, `ec2`, `dynamodb`, `sts`). */
export function parseService(value: string): string {
  if (!SERVICE_RE.test(value))
    throw new InvalidArgumentError(`"${value}" is not a service name like s3, rds, ec2, dynamodb or sts`);
  return value;
}

/** A comma-separated list of services (`s3,rds`). */
export function parseServiceList(value: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0) throw new InvalidArgumentError('must list services, comma-separated, e.g. s3,rds');
  return [...new Set(names.map(parseService))];
}

/**
 * A throttling rate as a percentage of requests: a fraction from 0 to 1 (`0.25`) or a percentage
 * (`25%`); 0 removes the rule.
 */
export function parseRate(value: string): number {
  const text = value.trim();
  const isPercent = text.endsWith('%');
  const digits = isPercent ? text.slice(0, -1) : text;
  const number = /^\d+(\.\d+)?$|^\.\d+$/.test(digits) ? Number(digits) : Number.NaN;
  const percent = isPercent ? number : Math.round(number * 100 * 1e6) / 1e6;
  if (!Number.isFinite(percent) || percent < 0 || percent > 100)
    throw new InvalidArgumentError(
      'must be a fraction from 0 to 1 (0.25) or a percentage (25%); 0 removes the rule',
    );
  return percent;
}

/** A duration with a unit (`500ms`, `30s`, `15m`, `2h`; `0` alone), in ms. */
export function parseDuration(value: string): number {
  const match = /^(\d+)(ms|s|m|h)?$/.exec(value.trim());
  const amount = match ? Number(match[1]) : Number.NaN;
  const unit = match?.[2];
  if (!match || (unit === undefined && amount !== 0))
    throw new InvalidArgumentError(`"${value}" is not a duration like 30s, 15m or 1h (0 removes the lag)`);
  return amount * (unit ? (DURATION_UNITS[unit] ?? 1) : 1);
}

/** `KEY=N`: a quota such as `ec2.concurrentSnapshotCopies=5`. */
export function parseQuota(value: string): { key: string; value: number } {
  const eq = value.indexOf('=');
  const key = eq < 0 ? '' : value.slice(0, eq).trim();
  const amount = eq < 0 ? Number.NaN : Number(value.slice(eq + 1).trim() || Number.NaN);
  if (!QUOTA_KEY_RE.test(key) || !Number.isInteger(amount) || amount < 0)
    throw new InvalidArgumentError(
      `"${value}" is not KEY=N with a whole number N ≥ 0, e.g. ec2.concurrentSnapshotCopies=5`,
    );
  return { key, value: amount };
}

/** `SOURCE:DESTINATION=DURATION`: extra S3 replication lag, e.g. `us-east-1:us-west-2=15m`. */
export function parseReplicationLag(value: string): {
  sourceRegion: string;
  destinationRegion: string;
  lagMs: number;
} {
  const match = /^([^:=]+):([^:=]+)=(.+)$/.exec(value.trim());
  if (!match?.[1] || !match[2] || !match[3])
    throw new InvalidArgumentError(
      `"${value}" is not SOURCE:DESTINATION=DURATION, e.g. us-east-1:us-west-2=15m`,
    );
  return {
    sourceRegion: parseRegion(match[1]),
    destinationRegion: parseRegion(match[2]),
    lagMs: parseDuration(match[3]),
  };
}

/** Show a duration in ms the way {@link parseDuration} reads it (`900000` → `15m`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
