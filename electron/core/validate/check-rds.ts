/**
 * RDS checks of a restored (or promoted) DB instance: available; engine, version, class,
 * storage, Multi-AZ, encryption, subnet group and security groups as planned; the endpoint
 * resolves and accepts a TCP connection (or is skipped with the reason); the restored point.
 */
import type { CheckContext } from './check-context';
import { check, expectSetting } from './compare';
import { resolveHost, tcpConnect } from './network';
import { errorText, requestIdOf, send } from './send';
import type { ValidationSubject } from './subjects';
import type { ValidationCheck } from './types';

interface DbInstance {
  DBInstanceStatus?: string;
  Engine?: string;
  EngineVersion?: string;
  DBInstanceClass?: string;
  AllocatedStorage?: number;
  MultiAZ?: boolean;
  StorageEncrypted?: boolean;
  KmsKeyId?: string;
  DBSubnetGroup?: { DBSubnetGroupName?: string };
  VpcSecurityGroups?: Array<{ VpcSecurityGroupId?: string; Status?: string }>;
  Endpoint?: { Address?: string; Port?: number };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** DNS and TCP checks of an endpoint (skipped with the reason when asked or in tabletop). */
export async function endpointChecks(
  ctx: CheckContext,
  host: string | undefined,
  port: number | undefined,
  what: string,
): Promise<ValidationCheck[]> {
  if (!host || !port)
    return [
      check('endpoint', `${what} endpoint reachable`, 'fail', 'AWS reports no endpoint address or port.', {
        fix: 'Wait until the resource is available, then validate again.',
      }),
    ];
  if (ctx.networkSkip)
    return [
      check(
        'endpoint',
        `${what} endpoint reachable`,
        'skipped',
        `skipped: ${ctx.networkSkip}; ${host}:${port} not resolved or connected.`,
      ),
    ];
  const dns = await resolveHost(host);
  if (!dns.ok)
    return [
      check('endpoint', `${what} endpoint reachable`, 'fail', dns.detail, {
        fix: 'Run the check from inside the VPC (or a peered network / VPN), or skip network checks with the reason.',
      }),
    ];
  const tcp = await tcpConnect(host, port);
  return [
    check(
      'endpoint',
      `${what} endpoint reachable`,
      tcp.ok ? 'pass' : 'fail',
      `${dns.detail}; ${tcp.detail}.`,
      {
        fix: 'Check the security groups (inbound from the application subnets on the port) and the route from where this check runs.',
      },
    ),
  ];
}

/** Checks of a restored DB instance. */
export async function checkRds(ctx: CheckContext, s: ValidationSubject): Promise<ValidationCheck[]> {
  let db: DbInstance | undefined;
  let requestId: string | null;
  try {
    const a = await send(ctx.clients, 'rds', s.targetRegion, 'DescribeDBInstances', {
      DBInstanceIdentifier: s.targetId,
    });
    requestId = requestIdOf(a);
    db = (a.DBInstances as DbInstance[] | undefined)?.[0];
  } catch (error) {
    return [
      check(
        'status',
        'Instance available',
        'fail',
        `DescribeDBInstances ${s.targetId} failed: ${errorText(error)}`,
        { fix: 'Check the target id in the endpoint map; the restore may have failed or been deleted.' },
      ),
    ];
  }
  if (!db)
    return [
      check('status', 'Instance available', 'fail', `${s.targetId} does not exist in ${s.targetRegion}.`),
    ];
  const d = s.assessed?.details ?? {};
  const p = s.planned;
  const promoted = s.strategy === 'rds-promote-replica';
  const checks: ValidationCheck[] = [
    check(
      'status',
      'Instance available',
      db.DBInstanceStatus === 'available' ? 'pass' : 'fail',
      `${s.targetId} is ${db.DBInstanceStatus ?? 'unknown'}.`,
      {
        fix: 'Wait for the instance to become available (aws rds wait db-instance-available), then validate again.',
        requestIds: [requestId],
      },
    ),
    expectSetting({
      id: 'engine',
      title: 'Engine as the source',
      expected: d.engine,
      actual: db.Engine,
      fix: 'The wrong source or snapshot was restored: restore again from the right one.',
    }),
    expectSetting({
      id: 'engine-version',
      title: 'Engine version as the source',
      expected: d.engineVersion,
      actual: db.EngineVersion,
      fix: 'Restore from a backup of the right version, or plan the upgrade with the application owner.',
    }),
    expectSetting({
      id: 'class',
      title: 'Instance class as planned',
      expected: promoted ? undefined : (str(p.DBInstanceClass) ?? d.instanceClass),
      actual: db.DBInstanceClass,
      fix: `Modify the class: aws rds modify-db-instance --db-instance-identifier ${s.targetId} --db-instance-class <planned> --apply-immediately --region ${s.targetRegion}`,
    }),
    expectSetting({
      id: 'storage',
      title: 'Storage at least the source’s',
      expected: d.allocatedStorageGiB,
      actual: db.AllocatedStorage,
      mode: 'atLeast',
      fix: 'Increase the allocated storage to the source’s size.',
    }),
    expectSetting({
      id: 'multi-az',
      title: 'Multi-AZ as planned',
      expected: typeof p.MultiAZ === 'boolean' ? p.MultiAZ : undefined,
      actual: db.MultiAZ,
      fix: `aws rds modify-db-instance --db-instance-identifier ${s.targetId} --multi-az --apply-immediately`,
    }),
    expectSetting({
      id: 'encryption',
      title: 'Encrypted as the source',
      expected: d.encrypted === true || typeof p.KmsKeyId === 'string' ? true : d.encrypted,
      actual: db.StorageEncrypted,
      fix: 'An unencrypted copy of encrypted data: restore again with a KMS key of the secondary region.',
    }),
    expectSetting({
      id: 'subnet-group',
      title: 'Subnet group as planned',
      expected: promoted ? undefined : str(p.DBSubnetGroupName),
      actual: db.DBSubnetGroup?.DBSubnetGroupName,
      fix: 'Restore into the planned subnet group (the subnet group cannot be changed in place across VPCs).',
    }),
    expectSetting({
      id: 'security-groups',
      title: 'Security groups as planned',
      expected: promoted
        ? undefined
        : Array.isArray(p.VpcSecurityGroupIds)
          ? (p.VpcSecurityGroupIds as string[])
          : undefined,
      actual: (db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? ''),
      mode: 'includes',
      fix: `aws rds modify-db-instance --db-instance-identifier ${s.targetId} --vpc-security-group-ids <planned> --apply-immediately`,
    }),
  ];
  checks.push(...(await endpointChecks(ctx, db.Endpoint?.Address, db.Endpoint?.Port, 'Database')));
  const rp = s.restoredPoint;
  checks.push(
    check(
      'restore-point',
      'Restored point in time known',
      rp.kind === 'unknown' ? 'warn' : 'pass',
      rp.kind === 'time'
        ? `${rp.what}: ${rp.at}.`
        : rp.kind === 'lag'
          ? `${rp.what}.`
          : `unknown: ${rp.why}.`,
      { fix: 'Record the restored time from the restore call or the engine’s logs.' },
    ),
  );
  return checks;
}
