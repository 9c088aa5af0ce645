import type { OutputRef, ParamValue, RecoverService } from './types';

/** The `aws` CLI command group of each service. */
const CLI_SERVICE: Record<RecoverService, string> = {
  s3: 's3api',
  rds: 'rds',
  ec2: 'ec2',
  dynamodb: 'dynamodb',
};

/**
 * botocore's name transform (`RestoreDBInstanceToPointInTime` → `restore-db-instance-to-point-in-time`),
 * which is how the `aws` CLI names operations and options.
 */
export function cliName(apiName: string): string {
  return apiName
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/_/g, '-');
}

/** True for a value that is a reference to an earlier action's output. */
export function isOutputRef(value: unknown): value is OutputRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    '$ref' in value &&
    typeof (value as OutputRef).$ref === 'string'
  );
}

/** The shell variable an output reference is shown as (`ImageId` → `$IMAGE_ID`). */
export function refVariable(ref: OutputRef): string {
  return `$${cliName(ref.field).replace(/-/g, '_').toUpperCase()}`;
}

/** Quote one word for a POSIX shell. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=@,+%-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function jsonWithRefs(value: ParamValue): unknown {
  if (isOutputRef(value)) return refVariable(value);
  if (Array.isArray(value)) return value.map(jsonWithRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonWithRefs(v)]));
  }
  return value;
}

function renderValue(value: ParamValue): string[] {
  if (isOutputRef(value)) return [`"${refVariable(value)}"`];
  if (typeof value === 'string') return [shellQuote(value)];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || isOutputRef(v))) {
    return value.map((v) => (isOutputRef(v) ? `"${refVariable(v)}"` : shellQuote(v as string)));
  }
  return [shellQuote(JSON.stringify(jsonWithRefs(value)))];
}

/**
 * The exact `aws` CLI command equivalent to one SDK call: `aws rds restore-db-instance-to-point-in-time
 * --region us-west-2 --target-db-instance-identifier orders-db-dr …`. Booleans become
 * `--flag` / `--no-flag`, string lists are space separated, structures are JSON, and values
 * filled in at run time appear as shell variables (`"$IMAGE_ID"`).
 */
export function cliEquivalent(
  service: RecoverService,
  operation: string,
  region: string,
  params: Record<string, ParamValue>,
): string {
  const words = ['aws', CLI_SERVICE[service], cliName(operation), '--region', region];
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    const option = `--${cliName(name)}`;
    if (typeof value === 'boolean') {
      words.push(value ? option : `--no-${cliName(name)}`);
      continue;
    }
    words.push(option, ...renderValue(value));
  }
  return words.join(' ');
}
