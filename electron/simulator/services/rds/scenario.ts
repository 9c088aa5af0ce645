import { z } from 'zod';
import type { SimContext } from '../../core/types';
import type { RegionReference } from '../../scenario/region-reference';
import { AGE_PATTERN, agoIso, buildPhases, parseAge, type Phase } from '../../protocol/lifecycle';
import {
  emptyRdsState,
  rdsArn,
  regionalKey,
  type RdsInstanceRecord,
  type RdsSnapshotRecord,
  type RdsState,
  type RdsTag,
} from './model';

const age = z.string().regex(AGE_PATTERN, 'must be an age such as 30m, 6h or 3d');
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be a region name like us-east-1');
const tags = z.record(z.string(), z.string()).default({});
const kmsArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/, 'must be a KMS key ARN');

/** A status an instance is in at the start of the exercise before it becomes available. */
const transition = z.object({ status: z.string().min(1), for: age }).strict();

/** A read replica of a scenario instance (same or another region). */
const replicaSchema = z
  .object({
    id: z.string().min(1),
    region,
    class: z.string().optional(),
    subnetGroup: z.string().default('default'),
    securityGroups: z.array(z.string()).default([]),
    kmsKeyId: kmsArn.optional(),
    transition: transition.optional(),
    tags,
  })
  .strict();

/** An RDS instance of a scenario. */
const instanceSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, 'must start with a letter and use letters, digits and hyphens'),
    region,
    engine: z.enum(['postgres', 'mysql', 'mariadb', 'oracle-ee', 'sqlserver-se']),
    engineVersion: z.string().min(1),
    class: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, 'must be an instance class like db.r6g.large'),
    storage: z.number().int().min(20).max(65536),
    storageType: z.enum(['gp2', 'gp3', 'io1', 'io2']).default('gp3'),
    multiAZ: z.boolean().default(false),
    encrypted: z.boolean().default(true),
    kmsKeyId: kmsArn.optional(),
    backupRetention: z.number().int().min(0).max(35),
    subnetGroup: z.string().default('default'),
    securityGroups: z.array(z.string().regex(/^sg-[0-9a-f]+$/, 'must be a security group id')).default([]),
    port: z.number().int().optional(),
    masterUsername: z.string().default('dbadmin'),
    dbName: z.string().optional(),
    age: age.default('180d'),
    transition: transition.optional(),
    tags,
    /** Automated backups replicated into another region. */
    replicateBackupsTo: z
      .object({
        region,
        retention: z.number().int().min(1).max(35).default(7),
        kmsKeyId: kmsArn.optional(),
        lag: age.default('5m'),
        /** Replication stopped this long ago (e.g. the source region failed): the window's end freezes. */
        stoppedAgo: age.optional(),
      })
      .strict()
      .optional(),
    readReplicas: z.array(replicaSchema).default([]),
  })
  .strict();

/** A DB snapshot of a scenario: taken in its region, or a copy of another region's snapshot. */
const snapshotSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, 'must start with a letter and use letters, digits and hyphens'),
    region,
    instance: z.string().min(1),
    /** The region the instance lives in (default: the snapshot's region). */
    instanceRegion: region.optional(),
    type: z.enum(['manual', 'automated']).default('manual'),
    age,
    /** For copies: the source snapshot in another region. */
    copiedFrom: z
      .object({ region, id: z.string().min(1) })
      .strict()
      .optional(),
    kmsKeyId: kmsArn.optional(),
    tags,
  })
  .strict();

/** A DB subnet group of a scenario. */
const subnetGroupSchema = z
  .object({
    name: z.string().min(1),
    region,
    description: z.string().default(''),
    vpcId: z.string().regex(/^vpc-[0-9a-f]+$/, 'must be a VPC id'),
    subnets: z
      .array(
        z
          .object({
            id: z.string().regex(/^subnet-[0-9a-f]+$/, 'must be a subnet id'),
            az: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** The `rds:` section of a scenario file; cross-references are checked with the path of the field at fault. */
export const rdsScenarioSchema = z
  .object({
    subnetGroups: z.array(subnetGroupSchema).default([]),
    instances: z.array(instanceSchema).default([]),
    snapshots: z.array(snapshotSchema).default([]),
  })
  .strict()
  .superRefine((section, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const instances = new Set<string>();
    const addInstance = (region: string, id: string, path: Array<string | number>) => {
      const key = regionalKey(region, id);
      if (instances.has(key))
        issue(path, `duplicate instance ${id} in ${region}; instance ids are unique per region`);
      instances.add(key);
    };
    section.instances.forEach((i, n) => {
      addInstance(i.region, i.id, ['instances', n, 'id']);
      i.readReplicas.forEach((rep, r) =>
        addInstance(rep.region, rep.id, ['instances', n, 'readReplicas', r, 'id']),
      );
    });
    const snapshots = new Set<string>();
    section.snapshots.forEach((s, n) => {
      const instanceRegion = s.copiedFrom?.region ?? s.instanceRegion ?? s.region;
      if (!instances.has(regionalKey(instanceRegion, s.instance))) {
        issue(
          ['snapshots', n, 'instance'],
          `snapshot ${s.id} names instance ${s.instance}, which is not in ${instanceRegion}; add it to rds.instances (or as a read replica) in ${instanceRegion}, or set instanceRegion`,
        );
      }
      if (
        s.copiedFrom &&
        !snapshots.has(regionalKey(s.copiedFrom.region, s.copiedFrom.id)) &&
        !snapshots.has(regionalKey(s.copiedFrom.region, `rds:${s.copiedFrom.id}`))
      ) {
        issue(
          ['snapshots', n, 'copiedFrom', 'id'],
          `snapshot ${s.id} is copied from ${s.copiedFrom.id} in ${s.copiedFrom.region}, which must be listed before it in rds.snapshots`,
        );
      }
      const key = regionalKey(s.region, s.type === 'automated' ? `rds:${s.id}` : s.id);
      if (snapshots.has(key)) issue(['snapshots', n, 'id'], `duplicate snapshot ${s.id} in ${s.region}`);
      snapshots.add(key);
    });
  });

/** The validated `rds:` section. */
export type RdsSection = z.infer<typeof rdsScenarioSchema>;

/** Every region the `rds:` section names, with its field path (each must be one of the scenario's regions). */
export function rdsScenarioRegions(section: RdsSection): RegionReference[] {
  const out: RegionReference[] = [];
  section.subnetGroups.forEach((g, n) => out.push({ path: ['subnetGroups', n, 'region'], region: g.region }));
  section.instances.forEach((i, n) => {
    out.push({ path: ['instances', n, 'region'], region: i.region });
    if (i.replicateBackupsTo)
      out.push({
        path: ['instances', n, 'replicateBackupsTo', 'region'],
        region: i.replicateBackupsTo.region,
      });
    i.readReplicas.forEach((rep, r) =>
      out.push({ path: ['instances', n, 'readReplicas', r, 'region'], region: rep.region }),
    );
  });
  section.snapshots.forEach((s, n) => {
    out.push({ path: ['snapshots', n, 'region'], region: s.region });
    if (s.instanceRegion) out.push({ path: ['snapshots', n, 'instanceRegion'], region: s.instanceRegion });
    if (s.copiedFrom)
      out.push({ path: ['snapshots', n, 'copiedFrom', 'region'], region: s.copiedFrom.region });
  });
  return out;
}
/** The `rds:` section as written (defaults optional), e.g. by the estate generator. */
export type RdsSectionInput = z.input<typeof rdsScenarioSchema>;

function tagList(map: Record<string, string>): RdsTag[] {
  return Object.entries(map).map(([Key, Value]) => ({ Key, Value }));
}

function lifecycle(now: Date, t: { status: string; for: string } | undefined): Phase[] {
  return t
    ? buildPhases(now, [[t.status, parseAge(t.for) / 60_000]], 'available')
    : [{ status: 'available' }];
}

const DEFAULT_PORTS: Record<string, number> = {
  postgres: 5432,
  mysql: 3306,
  mariadb: 3306,
  'oracle-ee': 1521,
  'sqlserver-se': 1433,
};

/** Build the RDS state a scenario describes, at the simulated start time. */
export function rdsFromScenario(section: RdsSection, ctx: SimContext): RdsState {
  const state = emptyRdsState();
  const now = ctx.clock.now();
  for (const g of section.subnetGroups) {
    state.subnetGroups[regionalKey(g.region, g.name)] = {
      name: g.name,
      region: g.region,
      description: g.description || `${g.name} subnets`,
      vpcId: g.vpcId,
      subnets: g.subnets.map((s) => ({ id: s.id, availabilityZone: s.az })),
    };
  }
  const azOf = (r: string, group: string): string =>
    state.subnetGroups[regionalKey(r, group)]?.subnets[
      ctx.rng.int(0, 1) % (state.subnetGroups[regionalKey(r, group)]?.subnets.length ?? 1)
    ]?.availabilityZone ?? `${r}a`;
  for (const i of section.instances) {
    const key = regionalKey(i.region, i.id);
    if (state.instances[key]) throw new Error(`rds.instances: duplicate instance ${i.id} in ${i.region}`);
    const createdAt = agoIso(now, i.age);
    const record: RdsInstanceRecord = {
      id: i.id,
      region: i.region,
      arn: rdsArn(i.region, ctx.accountId, 'db', i.id),
      dbiResourceId: `db-${ctx.rng.hex(26).toUpperCase()}`,
      engine: i.engine,
      engineVersion: i.engineVersion,
      instanceClass: i.class,
      allocatedStorage: i.storage,
      storageType: i.storageType,
      multiAZ: i.multiAZ,
      storageEncrypted: i.encrypted,
      ...(i.encrypted
        ? { kmsKeyId: i.kmsKeyId ?? `arn:aws:kms:${i.region}:${ctx.accountId}:key/${uuid(ctx)}` }
        : {}),
      backupRetentionPeriod: i.backupRetention,
      availabilityZone: azOf(i.region, i.subnetGroup),
      subnetGroupName: i.subnetGroup,
      vpcSecurityGroupIds: i.securityGroups,
      port: i.port ?? DEFAULT_PORTS[i.engine] ?? 5432,
      masterUsername: i.masterUsername,
      ...(i.dbName ? { dbName: i.dbName } : {}),
      createdAt,
      tags: tagList(i.tags),
      phases: lifecycle(now, i.transition),
    };
    state.instances[key] = record;
    const vpcId = state.subnetGroups[regionalKey(i.region, i.subnetGroup)]?.vpcId ?? 'vpc-00000000';
    const backupBase = {
      instanceId: i.id,
      instanceArn: record.arn,
      dbiResourceId: record.dbiResourceId,
      engine: i.engine,
      engineVersion: i.engineVersion,
      allocatedStorage: i.storage,
      instanceClass: i.class,
      encrypted: i.encrypted,
      instanceCreateTime: createdAt,
      availabilityZone: record.availabilityZone,
      vpcId,
      masterUsername: i.masterUsername,
      port: record.port,
      sourceRegion: i.region,
    };
    if (i.backupRetention > 0) {
      const arn = rdsArn(i.region, ctx.accountId, 'auto-backup', `ab-${ctx.rng.hex(26)}`);
      state.automatedBackups[arn] = {
        ...backupBase,
        arn,
        region: i.region,
        ...(record.kmsKeyId ? { kmsKeyId: record.kmsKeyId } : {}),
        backupRetentionPeriod: i.backupRetention,
        earliestTime: createdAt,
        lagMinutes: 5,
      };
    }
    if (i.replicateBackupsTo) {
      const r = i.replicateBackupsTo;
      const arn = rdsArn(r.region, ctx.accountId, 'auto-backup', `ab-${ctx.rng.hex(26)}`);
      state.automatedBackups[arn] = {
        ...backupBase,
        arn,
        region: r.region,
        ...(i.encrypted
          ? { kmsKeyId: r.kmsKeyId ?? `arn:aws:kms:${r.region}:${ctx.accountId}:key/${uuid(ctx)}` }
          : {}),
        backupRetentionPeriod: r.retention,
        earliestTime: createdAt,
        lagMinutes: parseAge(r.lag) / 60_000,
        ...(r.stoppedAgo ? { stoppedAt: agoIso(now, r.stoppedAgo) } : {}),
      };
    }
    for (const rep of i.readReplicas) {
      state.instances[regionalKey(rep.region, rep.id)] = {
        ...record,
        id: rep.id,
        region: rep.region,
        arn: rdsArn(rep.region, ctx.accountId, 'db', rep.id),
        dbiResourceId: `db-${ctx.rng.hex(26).toUpperCase()}`,
        instanceClass: rep.class ?? i.class,
        multiAZ: false,
        ...(i.encrypted
          ? { kmsKeyId: rep.kmsKeyId ?? `arn:aws:kms:${rep.region}:${ctx.accountId}:key/${uuid(ctx)}` }
          : {}),
        backupRetentionPeriod: 0,
        availabilityZone: azOf(rep.region, rep.subnetGroup),
        subnetGroupName: rep.subnetGroup,
        vpcSecurityGroupIds: rep.securityGroups,
        tags: tagList({ ...i.tags, ...rep.tags }),
        phases: lifecycle(now, rep.transition),
        readReplicaSource: rep.region === i.region ? i.id : record.arn,
      };
    }
  }
  for (const s of section.snapshots) snapshotFromScenario(state, s, ctx, now);
  return state;
}

function snapshotFromScenario(
  state: RdsState,
  s: RdsSection['snapshots'][number],
  ctx: SimContext,
  now: Date,
): void {
  const instanceRegion = s.copiedFrom?.region ?? s.instanceRegion ?? s.region;
  const instance = state.instances[regionalKey(instanceRegion, s.instance)];
  if (!instance)
    throw new Error(`rds.snapshots: ${s.id} names instance ${s.instance}, which is not in ${instanceRegion}`);
  const createdAt = agoIso(now, s.age);
  const source = s.copiedFrom
    ? (state.snapshots[regionalKey(s.copiedFrom.region, s.copiedFrom.id)] ??
      state.snapshots[regionalKey(s.copiedFrom.region, `rds:${s.copiedFrom.id}`)])
    : undefined;
  const id = s.type === 'automated' ? `rds:${s.id}` : s.id;
  if (s.copiedFrom && !source) {
    throw new Error(
      `rds.snapshots: ${s.id} is copied from ${s.copiedFrom.id}, which must be listed before it`,
    );
  }
  const record: RdsSnapshotRecord = {
    id,
    region: s.region,
    arn: rdsArn(s.region, ctx.accountId, 'snapshot', id),
    instanceId: instance.id,
    dbiResourceId: instance.dbiResourceId,
    engine: instance.engine,
    engineVersion: instance.engineVersion,
    allocatedStorage: instance.allocatedStorage,
    snapshotType: s.type,
    instanceClass: instance.instanceClass,
    createdAt,
    instanceCreateTime: instance.createdAt,
    phases: [{ status: 'available' }],
    encrypted: instance.storageEncrypted,
    ...(instance.storageEncrypted
      ? {
          kmsKeyId:
            s.kmsKeyId ??
            (s.region === instance.region
              ? instance.kmsKeyId
              : `arn:aws:kms:${s.region}:${ctx.accountId}:key/${uuid(ctx)}`),
        }
      : {}),
    port: instance.port,
    availabilityZone: instance.availabilityZone,
    vpcId:
      state.subnetGroups[regionalKey(instance.region, instance.subnetGroupName)]?.vpcId ?? 'vpc-00000000',
    masterUsername: instance.masterUsername,
    ...(source ? { sourceSnapshotArn: source.arn, sourceRegion: source.region } : {}),
    tags: tagList({ ...Object.fromEntries(instance.tags.map((t) => [t.Key, t.Value])), ...s.tags }),
  };
  state.snapshots[regionalKey(s.region, id)] = record;
}

function uuid(ctx: SimContext): string {
  const h = ctx.rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
