import type { RecoverService } from './types';

/** The default suffix of target names: the incident id in lower case (`-dr-20261126-01`). */
export function defaultNameSuffix(incidentId: string): string {
  return `-${incidentId.toLowerCase()}`;
}

const LIMITS: Record<RecoverService, number> = { rds: 63, dynamodb: 255, ec2: 128, s3: 63 };

/**
 * A target name derived from the source and the incident, valid for the service: RDS
 * identifiers are lower-case letters, digits and single hyphens (≤ 63, starting with a letter);
 * DynamoDB tables allow `._-`; EC2 names (AMI names, Name tags) up to 128 characters.
 */
export function deriveTargetName(service: RecoverService, source: string, suffix: string): string {
  const limit = LIMITS[service];
  if (service === 'rds') {
    let base = source.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    if (!/^[a-z]/.test(base)) base = `db-${base}`;
    const tail = suffix.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const name = `${base.slice(0, Math.max(1, limit - tail.length))}${tail}`;
    return name.replace(/-+/g, '-').replace(/-$/, '');
  }
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '-');
  const tail = clean(suffix);
  return `${clean(source).slice(0, Math.max(3, limit - tail.length))}${tail}`;
}

/** A 64-bit FNV-1a hash as 16 hex digits (pure, the same in Node and the browser). */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * The idempotency token of a create call: the same incident, resource and action always give
 * the same token (≤ 64 ASCII characters), so a resent call after a crash creates nothing new.
 * `attempt` > 0 after an explicit retry of a failed action.
 */
export function clientTokenFor(incidentId: string, actionId: string, attempt = 0): string {
  return `drwr-${stableHash(`${incidentId}|${actionId}`)}${attempt > 0 ? `-r${attempt}` : ''}`;
}
