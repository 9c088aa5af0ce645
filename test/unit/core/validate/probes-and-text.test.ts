import { describe, expect, it } from 'vitest';
import { parseSample, reapplyText, validationExitCode } from '../../../../electron/cli/commands/validate';
import { CliError } from '../../../../electron/cli/cli-core';
import { recoveryMappingSchema } from '../../../../electron/core/recover/mapping-schema';
import { probeSchema } from '../../../../electron/core/validate/probe-schema';
import { fillAddress } from '../../../../electron/core/validate/run-probes';
import type { ResourceValidation, ValidationRun } from '../../../../electron/core/validate/types';
import { countRun } from '../../../../electron/core/validate/run-counts';
import { runSummary, validationText } from '../../../../electron/core/validate/validation-text';

describe('probes in the mapping file', () => {
  it('accepts HTTP(S) and TCP probes and refuses incomplete ones with a clear message', () => {
    expect(
      probeSchema.safeParse({ name: 'h', type: 'https', url: 'https://orders.internal/health' }).success,
    ).toBe(true);
    expect(
      probeSchema.safeParse({
        name: 't',
        type: 'tcp',
        host: '{address}',
        port: 5432,
        resourceId: 'orders-db',
      }).success,
    ).toBe(true);
    const noPort = probeSchema.safeParse({ name: 't', type: 'tcp', host: 'db' });
    expect(noPort.success).toBe(false);
    expect(noPort.error?.issues[0]?.message).toBe('a tcp probe needs host and port');
    const wrongScheme = probeSchema.safeParse({ name: 'h', type: 'https', url: 'http://x/health' });
    expect(wrongScheme.error?.issues[0]?.message).toBe('url must start with https://');
    expect(probeSchema.safeParse({ name: 'h', type: 'ftp', url: 'ftp://x' }).success).toBe(false);
  });

  it('is an optional section of the recovery mapping', () => {
    expect(recoveryMappingSchema.parse({}).probes).toBeUndefined();
    expect(
      recoveryMappingSchema.parse({ probes: [{ name: 'h', type: 'http', url: 'http://x/' }] }).probes,
    ).toHaveLength(1);
  });

  it('fills {address} with the recovered address, or says it cannot', () => {
    expect(fillAddress('http://{address}:8080/health', '10.0.1.5')).toBe('http://10.0.1.5:8080/health');
    expect(fillAddress('http://fixed/health', undefined)).toBe('http://fixed/health');
    expect(fillAddress('{address}', undefined)).toBeNull();
  });
});

function resource(
  status: ResourceValidation['status'],
  checks: ResourceValidation['checks'],
): ResourceValidation {
  return {
    resourceId: `rds:${status}`,
    service: 'rds',
    kind: 'db-instance',
    source: `db-${status}`,
    targetId: `db-${status}-dr`,
    strategy: 'rds-pitr-cross-region',
    tier: 'critical',
    checks,
    status,
    achievedRtoMinutes: 95,
    achievedRpoMinutes: 5,
    rpoBasis: 'restored to the latest restorable time 09:40 → outage assessed at 09:45',
    rtoTargetMinutes: 120,
    rpoTargetMinutes: 15,
    targetsMet: true,
  };
}

describe('validation text, counts and exit code', () => {
  const failing = resource('fail', [
    {
      id: 'class',
      title: 'Instance class as planned',
      status: 'fail',
      evidence: 'target has db.t3.micro; planned db.r6g.large.',
      fix: 'Modify the class.',
    },
    {
      id: 'endpoint',
      title: 'Database endpoint reachable',
      status: 'skipped',
      evidence: 'skipped: tabletop endpoint.',
    },
    { id: 'engine', title: 'Engine as the source', status: 'pass', evidence: 'postgres = planned postgres.' },
  ]);
  const fine = resource('pass', [
    { id: 'status', title: 'Instance available', status: 'pass', evidence: 'available.' },
  ]);
  const counts = countRun([failing, fine], []);
  const run: ValidationRun = {
    id: 'VAL-1',
    incidentId: 'DR-20261126-01',
    startedAt: '2026-11-26T11:00:00Z',
    finishedAt: '2026-11-26T11:01:00Z',
    mode: 'TABLETOP',
    options: { s3Sample: 50, dynamodbSample: 25, skipNetwork: null, only: [] },
    resources: [failing, fine],
    probes: [],
    notValidated: [
      { resourceId: 'rds:billing', reason: 'its recovery chain was blocked by a planning problem' },
    ],
    counts,
    passed: counts.checks.fail === 0,
  };

  it('counts resources and checks by status', () => {
    expect(counts).toEqual({ pass: 1, warn: 0, fail: 1, checks: { pass: 2, warn: 0, fail: 1, skipped: 1 } });
  });

  it('lists failing and skipped checks with the fix, targets, what was not validated, and totals', () => {
    const text = validationText(run);
    expect(text).toContain('FAIL  rds db-fail → db-fail-dr  [rds-pitr-cross-region, tier critical]');
    expect(text).toContain('RTO 95 min / target 120 min · RPO 5 min / target 15 min · targets met');
    expect(text).toContain(
      '    FAIL  Instance class as planned: target has db.t3.micro; planned db.r6g.large.',
    );
    expect(text).toContain('          fix: Modify the class.');
    expect(text).toContain('    SKIP  Database endpoint reachable: skipped: tabletop endpoint.');
    expect(text).not.toContain('Engine as the source');
    expect(text).toContain('rds:billing: its recovery chain was blocked');
    expect(text).toContain('1 check(s) FAILED');
    expect(validationText(run, { verbose: true })).toContain('PASS  Engine as the source');
  });

  it('sums a run up in one line for the timeline and the record', () => {
    expect(runSummary(run)).toBe(
      '2 resources validated: 1 passed, 0 with warnings, 1 failed · FAILED db-fail: class · checks 2 pass, 0 warn, 1 fail, 1 skipped',
    );
  });

  it('exits 2 when a check failed, 0 otherwise', () => {
    expect(validationExitCode(run)).toBe(2);
    expect(validationExitCode({ passed: true })).toBe(0);
  });

  it('shows a re-apply dry run as the aws CLI commands it would send, and says nothing was sent', () => {
    const base = { incidentId: 'DR-20261126-01', resourceId: 'dynamodb:carts', table: 'carts-dr' };
    const planned = [
      {
        setting: 'pitr' as const,
        operation: 'UpdateContinuousBackups',
        cli: 'aws dynamodb update-continuous-backups …',
        detail: 'on',
      },
    ];
    const skipped = [{ setting: 'ttl' as const, reason: 'TTL already on expiresAt' }];
    expect(reapplyText({ ...base, dryRun: true, planned, applied: [], skipped })).toBe(
      'Would re-apply on carts-dr (dynamodb:carts); nothing was sent. Run again with --yes to send:\n  pitr: aws dynamodb update-continuous-backups …\n  ttl: skipped, TTL already on expiresAt',
    );
    expect(
      reapplyText({
        ...base,
        dryRun: false,
        planned,
        applied: [{ setting: 'pitr', detail: 'on', requestId: 'r-1' }],
        skipped: [],
      }),
    ).toBe('Re-applied on carts-dr (dynamodb:carts):\n  pitr: on (request r-1)');
  });

  it('parses sample sizes and refuses nonsense', () => {
    expect(parseSample(undefined, '--s3-sample')).toBeUndefined();
    expect(parseSample('ALL', '--s3-sample')).toBe('all');
    expect(parseSample('20', '--s3-sample')).toBe(20);
    expect(() => parseSample('0', '--s3-sample')).toThrow(CliError);
    expect(() => parseSample('1.5', '--s3-sample')).toThrow(/not a positive whole number/);
  });
});
