import {
  AddTagsToResourceMessage$,
  DBInstanceAutomatedBackupMessage$,
  DBInstanceMessage$,
  DBSnapshotMessage$,
  DBSubnetGroupMessage$,
  DescribeDBInstanceAutomatedBackupsMessage$,
  DescribeDBInstancesMessage$,
  DescribeDBSnapshotsMessage$,
  DescribeDBSubnetGroupsMessage$,
  ListTagsForResourceMessage$,
  TagListMessage$,
  type AddTagsToResourceMessage,
  type DBInstanceAutomatedBackupMessage,
  type DBInstanceMessage,
  type DBSnapshotMessage,
  type DBSubnetGroupMessage,
  type DescribeDBInstanceAutomatedBackupsMessage,
  type DescribeDBInstancesMessage,
  type DescribeDBSnapshotsMessage,
  type DescribeDBSubnetGroupsMessage,
  type ListTagsForResourceMessage,
  type TagListMessage,
} from '@aws-sdk/client-rds';
import { simError } from '../../../protocol/errors';
import { applyFilters, paginate } from '../../../protocol/paging';
import { defineOperation, requireQueryParams, type SchemaOperation } from '../../../protocol/query-dispatch';
import { parseRdsArn, regionalKey, type RdsInstanceRecord, type RdsState, type RdsTag } from '../model';
import { instanceStatus } from '../status';
import {
  automatedBackupStatus,
  automatedBackupView,
  buildViewIndex,
  findInstance,
  instanceView,
  snapshotView,
  subnetGroupView,
} from '../views';

const PAGE = { min: 20, max: 100, fallback: 100, name: 'MaxRecords' };

/** DescribeDBInstances: one instance by identifier, or all in the region with Filters and Marker paging. */
export const describeDBInstances = defineOperation<DescribeDBInstancesMessage, DBInstanceMessage, RdsState>({
  input: DescribeDBInstancesMessage$,
  output: DBInstanceMessage$,
  run(input, { state, region, ctx }) {
    const now = ctx.clock.now();
    let instances: RdsInstanceRecord[];
    if (input.DBInstanceIdentifier) {
      const found = findInstance(state, region, input.DBInstanceIdentifier, now);
      if (!found)
        throw simError('DBInstanceNotFound', `DBInstance ${input.DBInstanceIdentifier} not found.`, 404);
      instances = [found];
    } else {
      instances = Object.values(state.instances).filter(
        (i) => i.region === region && instanceStatus(i, now) !== undefined,
      );
    }
    instances = applyFilters(instances, input.Filters, (i, name) => {
      switch (name) {
        case 'db-instance-id':
          return [i.id, i.arn];
        case 'dbi-resource-id':
          return [i.dbiResourceId];
        case 'engine':
          return [i.engine];
        case 'db-cluster-id':
          return [];
        case 'domain':
          return [];
        default:
          return undefined;
      }
    });
    const page = paginate(instances, input.Marker, { ...PAGE, value: input.MaxRecords });
    const index = buildViewIndex(state);
    return {
      DBInstances: page.items.map((i) => instanceView(state, i, now, ctx.accountId, index)),
      ...(page.next ? { Marker: page.next } : {}),
    };
  },
});

/** DescribeDBSnapshots: by identifier, instance, type and Filters, with Marker paging. */
export const describeDBSnapshots = defineOperation<DescribeDBSnapshotsMessage, DBSnapshotMessage, RdsState>({
  input: DescribeDBSnapshotsMessage$,
  output: DBSnapshotMessage$,
  run(input, { state, region, ctx }) {
    const now = ctx.clock.now();
    let snapshots = Object.values(state.snapshots).filter((s) => s.region === region);
    if (input.DBSnapshotIdentifier) {
      const arn = parseRdsArn(input.DBSnapshotIdentifier);
      const id = arn ? arn.id : input.DBSnapshotIdentifier;
      snapshots = snapshots.filter((s) => s.id === id);
      if (snapshots.length === 0)
        throw simError('DBSnapshotNotFound', `DBSnapshot ${input.DBSnapshotIdentifier} not found.`, 404);
    }
    if (input.DBInstanceIdentifier)
      snapshots = snapshots.filter((s) => s.instanceId === input.DBInstanceIdentifier);
    if (input.SnapshotType) snapshots = snapshots.filter((s) => s.snapshotType === input.SnapshotType);
    if (input.DbiResourceId) snapshots = snapshots.filter((s) => s.dbiResourceId === input.DbiResourceId);
    snapshots = applyFilters(snapshots, input.Filters, (s, name) => {
      switch (name) {
        case 'db-instance-id':
          return [s.instanceId];
        case 'db-snapshot-id':
          return [s.id, s.arn];
        case 'dbi-resource-id':
          return [s.dbiResourceId];
        case 'snapshot-type':
          return [s.snapshotType];
        case 'engine':
          return [s.engine];
        default:
          return undefined;
      }
    });
    const page = paginate(snapshots, input.Marker, { ...PAGE, value: input.MaxRecords });
    return {
      DBSnapshots: page.items.map((s) => snapshotView(s, now)),
      ...(page.next ? { Marker: page.next } : {}),
    };
  },
});

/** DescribeDBInstanceAutomatedBackups: the region's automated backups (own and replicated) with their RestoreWindow. */
export const describeDBInstanceAutomatedBackups = defineOperation<
  DescribeDBInstanceAutomatedBackupsMessage,
  DBInstanceAutomatedBackupMessage,
  RdsState
>({
  input: DescribeDBInstanceAutomatedBackupsMessage$,
  output: DBInstanceAutomatedBackupMessage$,
  run(input, { state, region, ctx }) {
    const now = ctx.clock.now();
    let backups = Object.values(state.automatedBackups).filter((b) => b.region === region);
    if (input.DBInstanceAutomatedBackupsArn) {
      backups = backups.filter((b) => b.arn === input.DBInstanceAutomatedBackupsArn);
      if (backups.length === 0) {
        throw simError(
          'DBInstanceAutomatedBackupNotFound',
          `Automated backups ${input.DBInstanceAutomatedBackupsArn} not found in ${region}.`,
          404,
        );
      }
    }
    if (input.DBInstanceIdentifier)
      backups = backups.filter((b) => b.instanceId === input.DBInstanceIdentifier);
    if (input.DbiResourceId) backups = backups.filter((b) => b.dbiResourceId === input.DbiResourceId);
    // Filter the records (the filtered fields are the record's own or its status) and build
    // views of the requested page only: a view per record per page made paging quadratic.
    const filtered = applyFilters(backups, input.Filters, (b, name) => {
      switch (name) {
        case 'status':
          return [automatedBackupStatus(state, b, now)];
        case 'db-instance-id':
          return [b.instanceId, b.instanceArn];
        case 'dbi-resource-id':
          return [b.dbiResourceId];
        default:
          return undefined;
      }
    });
    const page = paginate(filtered, input.Marker, { ...PAGE, value: input.MaxRecords });
    const index = buildViewIndex(state);
    return {
      DBInstanceAutomatedBackups: page.items.map((b) => automatedBackupView(state, b, now, index)),
      ...(page.next ? { Marker: page.next } : {}),
    };
  },
});

/** DescribeDBSubnetGroups: one by name, or all in the region. */
export const describeDBSubnetGroups = defineOperation<
  DescribeDBSubnetGroupsMessage,
  DBSubnetGroupMessage,
  RdsState
>({
  input: DescribeDBSubnetGroupsMessage$,
  output: DBSubnetGroupMessage$,
  run(input, { state, region, ctx }) {
    let groups = Object.values(state.subnetGroups).filter((g) => g.region === region);
    if (input.DBSubnetGroupName) {
      groups = groups.filter((g) => g.name === input.DBSubnetGroupName);
      if (groups.length === 0) {
        throw simError(
          'DBSubnetGroupNotFoundFault',
          `DB subnet group '${input.DBSubnetGroupName}' does not exist.`,
          404,
        );
      }
    }
    const page = paginate(groups, input.Marker, { ...PAGE, value: input.MaxRecords });
    return {
      DBSubnetGroups: page.items.map((g) => subnetGroupView(g, ctx.accountId)),
      ...(page.next ? { Marker: page.next } : {}),
    };
  },
});

/** The tag list of the instance or snapshot an ARN names, in the request's region. */
function taggable(state: RdsState, region: string, resourceName: string, now: Date): RdsTag[] {
  const arn = parseRdsArn(resourceName);
  if (!arn) {
    throw simError(
      'InvalidParameterValue',
      `The parameter ResourceName must be an RDS ARN; got '${resourceName}'.`,
    );
  }
  if (arn.region !== region) {
    throw simError(
      'InvalidParameterValue',
      `The resource ${resourceName} is in ${arn.region}; send the request to that region.`,
    );
  }
  if (arn.kind === 'db') {
    const instance = state.instances[regionalKey(region, arn.id)];
    if (!instance || instanceStatus(instance, now) === undefined)
      throw simError('DBInstanceNotFound', `DBInstance ${arn.id} not found.`, 404);
    return instance.tags;
  }
  if (arn.kind === 'snapshot') {
    const snapshot = state.snapshots[regionalKey(region, arn.id)];
    if (!snapshot) throw simError('DBSnapshotNotFound', `DBSnapshot ${arn.id} not found.`, 404);
    return snapshot.tags;
  }
  throw simError('InvalidParameterValue', `Tagging ${arn.kind} resources is not supported by the simulator.`);
}

/** ListTagsForResource: the tags of an instance or snapshot by ARN. */
export const listTagsForResource = defineOperation<ListTagsForResourceMessage, TagListMessage, RdsState>({
  input: ListTagsForResourceMessage$,
  output: TagListMessage$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['ResourceName']);
    return {
      TagList: taggable(state, region, input.ResourceName as string, ctx.clock.now()).map((t) => ({ ...t })),
    };
  },
});

/** AddTagsToResource: add or overwrite tags on an instance or snapshot by ARN. */
export const addTagsToResource = defineOperation<AddTagsToResourceMessage, undefined, RdsState>({
  input: AddTagsToResourceMessage$,
  run(input, { state, region, ctx }) {
    requireQueryParams(input, ['ResourceName', 'Tags']);
    const tags = taggable(state, region, input.ResourceName as string, ctx.clock.now());
    mergeTags(tags, input.Tags ?? []);
    return undefined;
  },
});

/** Merge tags into a list in place: same key overwrites, new keys append. */
export function mergeTags(
  target: RdsTag[],
  tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }>,
): void {
  for (const tag of tags) {
    if (!tag.Key) throw simError('InvalidParameterValue', 'Every tag needs a Key.');
    const existing = target.find((t) => t.Key === tag.Key);
    if (existing) existing.Value = tag.Value ?? '';
    else target.push({ Key: tag.Key, Value: tag.Value ?? '' });
  }
}

/** The RDS read and tagging operations, by action name. */
export const rdsDescribeOperations: Record<string, SchemaOperation<RdsState>> = {
  DescribeDBInstances: describeDBInstances,
  DescribeDBSnapshots: describeDBSnapshots,
  DescribeDBInstanceAutomatedBackups: describeDBInstanceAutomatedBackups,
  DescribeDBSubnetGroups: describeDBSubnetGroups,
  ListTagsForResource: listTagsForResource,
  AddTagsToResource: addTagsToResource,
};
