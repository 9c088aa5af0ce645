import type {
  AssessServiceName,
  AssessedResource,
  AssessmentCounts,
  InventoryCount,
  ReadinessStatus,
  RegionHealth,
  LaneHealth,
} from '../api/calls/assess';
import { assessServices } from '../api/calls/assess';
import type { BackupPolicy } from '../runbooks/backup-policy';
import { tierForTags } from '../runbooks/policy-for-tags';
import { listKey, type Inventory } from './inventory';
import { dynamodbSubjects } from './options-dynamodb';
import { ec2Subjects } from './options-ec2';
import { rdsSubjects } from './options-rds';
import { s3Subjects } from './options-s3';
import { policyGaps, readinessStatus, targetGaps } from './readiness';
import { chooseBest } from './recovery-options';
import type { OptionContext, Subject } from './subject';
import { classify, isCriticalTier } from './tier';

/** What {@link buildResources} needs besides the inventory. */
export interface BuildInput {
  policy: BackupPolicy;
  regions: { primary: string; secondary: string };
  now: Date;
  services: readonly AssessServiceName[];
  /** Lanes that did not answer (`service/region`). */
  unreachable: ReadonlySet<string>;
}

/** The option context over an inventory (pure). */
export function optionContext(inventory: Inventory, input: BuildInput): OptionContext {
  const lists: Record<AssessServiceName, string[]> = {
    s3: ['buckets'],
    rds: ['instances', 'snapshots', 'automated-backups'],
    ec2: ['instances', 'images', 'snapshots', 'volumes'],
    dynamodb: ['tables', 'backups'],
  };
  return {
    primary: input.regions.primary,
    secondary: input.regions.secondary,
    now: input.now,
    incomplete: (service, region) =>
      lists[service].some((l) => inventory.incomplete.has(listKey(service, region, l))),
    unreachable: (service, region) => input.unreachable.has(`${service}/${region}`),
  };
}

/** Classify a subject, choose its best option, and state its gaps and status (pure). */
export function assessSubject(subject: Subject, input: BuildInput): AssessedResource {
  const { policy, regions } = input;
  const c = classify(policy, subject.tags, subject.copyTags);
  const rules = policy.environments[c.environment];
  const rawTier = tierForTags(policy, subject.tags ?? subject.copyTags ?? undefined);
  const readinessInput = {
    role: subject.role,
    environment: c.environment,
    tier: c.tier,
    unmappedTierTag: rawTier.source === 'unknown' ? rawTier.tag : null,
    critical: isCriticalTier(policy, c.tier.id),
    imageOrVolume: subject.service === 'ec2',
    crossRegionRequired:
      subject.service === 's3'
        ? rules.s3.crossRegionReplication
        : subject.service === 'rds'
          ? rules.rds.crossRegionBackups
          : subject.service === 'dynamodb'
            ? rules.dynamodb.pitr
            : rules.ec2.ebsSnapshotMaxAgeHours !== null,
    primary: regions.primary,
    secondary: regions.secondary,
  };
  const options = chooseBest(subject.options, c.tier);
  const best = options.find((o) => o.best) ?? null;
  // An option whose prerequisites could not be checked leaves the decision open, not negative.
  const undecided =
    subject.optionsIncomplete || options.some((o) => o.prerequisites.some((p) => p.met === null));
  const gaps = [
    ...policyGaps(subject.policy, rules, readinessInput),
    ...targetGaps(best, readinessInput, undecided),
  ];
  const order = { critical: 0, warning: 1, info: 2 } as const;
  gaps.sort((a, b) => order[a.severity] - order[b.severity]);
  const unknowns = [...subject.unknowns];
  if (subject.tags === null) {
    unknowns.push({
      fact: 'tier and environment tags',
      reason: subject.copyTags
        ? `the resource's own tags could not be read; its copy's tags in ${regions.secondary} stand in (tier ${c.tier.id}${c.tier.source === 'inferred' ? '' : ' by default'}, environment ${c.environment}${c.environmentSource === 'inferred' ? '' : ' by default'})`
        : `the tags could not be read; the policy defaults apply (tier ${c.tier.id}, environment ${c.environment})`,
    });
  }
  return {
    id: subject.id,
    service: subject.service,
    kind: subject.kind,
    region: subject.region,
    name: subject.name,
    role: subject.role,
    observed: subject.observed,
    tier: c.tier,
    environment: c.environment,
    environmentSource: c.environmentSource,
    tags: subject.tags,
    facts: subject.facts,
    details: subject.details,
    options,
    bestOption: best?.kind ?? null,
    achievableRpoMinutes: best?.rpoMinutes ?? null,
    estimatedRtoMinutes: best?.rtoMinutes ?? null,
    status: readinessStatus(best, gaps, undecided, readinessInput.crossRegionRequired),
    gaps,
    unknowns,
  };
}

/** Every assessed resource of an inventory, primary region first, then by service and name (pure). */
export function buildResources(inventory: Inventory, input: BuildInput): AssessedResource[] {
  const ctx = optionContext(inventory, input);
  const want = new Set(input.services);
  const subjects: Subject[] = [
    ...(want.has('s3') ? s3Subjects(inventory.buckets, ctx) : []),
    ...(want.has('rds')
      ? rdsSubjects(
          {
            instances: inventory.dbInstances,
            snapshots: inventory.dbSnapshots,
            automatedBackups: inventory.automatedBackups,
            accountId: inventory.accountId,
          },
          ctx,
        )
      : []),
    ...(want.has('ec2')
      ? ec2Subjects(
          {
            instances: inventory.ec2Instances,
            images: inventory.images,
            snapshots: inventory.ebsSnapshots,
            volumes: inventory.volumes,
            accountId: inventory.accountId,
          },
          ctx,
        )
      : []),
    ...(want.has('dynamodb')
      ? dynamodbSubjects(
          { tables: inventory.tables, backups: inventory.tableBackups, accountId: inventory.accountId },
          ctx,
        )
      : []),
  ];
  const resources = subjects.map((s) => assessSubject(s, input));
  const serviceOrder = new Map(assessServices.map((s, i) => [s, i]));
  resources.sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1) ||
      (serviceOrder.get(a.service) ?? 0) - (serviceOrder.get(b.service) ?? 0) ||
      a.name.localeCompare(b.name),
  );
  return resources;
}

/** Counts by status, service, region, tier and gap severity (pure). */
export function countResources(resources: readonly AssessedResource[]): AssessmentCounts {
  const byStatus: Record<ReadinessStatus, number> = {
    ready: 0,
    'at-risk': 0,
    'not-recoverable': 0,
    unknown: 0,
    'out-of-scope': 0,
  };
  const byService: Record<AssessServiceName, number> = { s3: 0, rds: 0, ec2: 0, dynamodb: 0 };
  const byRegion: Record<string, number> = {};
  const byTier: Record<string, number> = {};
  const gaps = { critical: 0, warning: 0, info: 0 };
  for (const r of resources) {
    byStatus[r.status] += 1;
    byService[r.service] += 1;
    byRegion[r.region] = (byRegion[r.region] ?? 0) + 1;
    byTier[r.tier.id] = (byTier[r.tier.id] ?? 0) + 1;
    for (const g of r.gaps) gaps[g.severity] += 1;
  }
  return { total: resources.length, byStatus, byService, byRegion, byTier, gaps };
}

/** How many supporting copies each region holds (pure). */
export function inventoryCounts(
  inventory: Inventory,
  regions: { primary: string; secondary: string },
): InventoryCount[] {
  const out: InventoryCount[] = [];
  const add = (
    service: AssessServiceName,
    kind: string,
    list: string,
    items: ReadonlyArray<{ region: string }>,
    only?: string,
  ): void => {
    for (const region of [regions.primary, regions.secondary]) {
      if (only !== undefined && region !== only) continue;
      out.push({
        region,
        service,
        kind,
        count: items.filter((i) => i.region === region).length,
        complete: !inventory.incomplete.has(listKey(service, region, list)),
      });
    }
  };
  add('s3', 'bucket', 'buckets', inventory.buckets);
  add('rds', 'db-instance', 'instances', inventory.dbInstances);
  add('rds', 'db-snapshot', 'snapshots', inventory.dbSnapshots);
  add('rds', 'automated-backup', 'automated-backups', inventory.automatedBackups, regions.secondary);
  add('ec2', 'instance', 'instances', inventory.ec2Instances);
  add('ec2', 'ami', 'images', inventory.images);
  add('ec2', 'ebs-snapshot', 'snapshots', inventory.ebsSnapshots);
  add('ec2', 'ebs-volume', 'volumes', inventory.volumes, regions.primary);
  add('dynamodb', 'table', 'tables', inventory.tables);
  add('dynamodb', 'table-backup', 'backups', inventory.tableBackups);
  return out;
}

/** The health of each region from its lanes (pure): down when every lane is down, degraded when any is not healthy. */
export function regionHealth(
  lanes: readonly LaneHealth[],
  regions: { primary: string; secondary: string },
): RegionHealth[] {
  return [regions.primary, regions.secondary].map((region) => {
    const services = lanes.filter((l) => l.region === region);
    const down = services.filter((l) => l.status === 'down');
    const bad = services.filter((l) => l.status !== 'healthy');
    const status =
      services.length > 0 && down.length === services.length
        ? 'down'
        : bad.length > 0
          ? 'degraded'
          : 'healthy';
    const reason =
      bad.length === 0
        ? null
        : bad.map((l) => `${l.service}: ${l.status}${l.reason ? ` (${l.reason})` : ''}`).join('; ');
    return { region, role: region === regions.primary ? 'primary' : 'secondary', status, reason, services };
  });
}
