import { randomBytes } from 'node:crypto';
import type { DrillServiceName } from '../api/calls/drill';

/** Every drill id starts with this (and so does the `dr-war-room:incident` tag of what a drill creates). */
export const DRILL_ID_PREFIX = 'drill-';

/** The name prefix of every resource a drill creates (instances, tables, volumes' Name tag). */
export const DRILL_NAME_PREFIX = 'drwr-drill-';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A new drill id from the time and a random suffix (PURE given `suffix`): `drill-20261126-041500-ab12`. */
export function drillId(at: Date, suffix: string = randomBytes(2).toString('hex')): string {
  const d = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const t = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return `${DRILL_ID_PREFIX}${d}-${t}-${suffix}`;
}

/** True when a tag value names a drill (what sweeps look for). */
export function isDrillId(value: string | undefined): value is string {
  return typeof value === 'string' && /^drill-\d{8}-\d{6}-[0-9a-z]+$/.test(value);
}

/**
 * The name of what a drill creates for one service (PURE): `drwr-drill-rds-20261126041500ab12`.
 * Letters, digits and hyphens, under 63 characters, starting with a letter: valid as an RDS
 * instance id, a DynamoDB table name and an EC2 Name tag.
 */
export function drillResourceName(id: string, service: DrillServiceName): string {
  const compact = id.slice(DRILL_ID_PREFIX.length).replace(/-/g, '');
  return `${DRILL_NAME_PREFIX}${service}-${compact}`;
}

/** The calendar quarter of a time (PURE): `2026-Q4`. */
export function quarterOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`"${iso}" is not a time: expected ISO 8601 UTC.`);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}
