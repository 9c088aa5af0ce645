import { ListTablesCommand, type ListTablesCommandOutput } from '@aws-sdk/client-dynamodb';
import {
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  type DescribeInstancesCommandOutput,
  type DescribeVolumesCommandOutput,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, type DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import {
  GetBucketLocationCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  type ListObjectVersionsCommandOutput,
} from '@aws-sdk/client-s3';
import type { DrillResource } from '../api/calls/drill';
import type { AwsClients } from '../aws/clients';
import { DRILL_OBJECT_PREFIX, incidentOfTags } from '../aws/tags';
import { DRILL_NAME_PREFIX, isDrillId } from './drill-id';
import { bucketRegion } from './s3-drill';

type Tags = { Key?: string | undefined; Value?: string | undefined }[] | undefined;

/** True when a resource looks like a drill's: a drill tag, or a drill name (PURE). */
export function looksLikeDrill(name: string | undefined, tags: Tags): boolean {
  return isDrillId(incidentOfTags(tags)) || (name ?? '').startsWith(DRILL_NAME_PREFIX);
}

function nameOf(tags: Tags): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}

function drillOf(tags: Tags): string | null {
  const id = incidentOfTags(tags);
  return isDrillId(id) ? id : null;
}

/**
 * Find what earlier drills may have left in the given regions: DB instances, EC2 instances and
 * volumes, DynamoDB tables with a drill tag or a drill name, and S3 object versions under the
 * drill prefix of every bucket. Candidates only: clean-up describes each again and deletes it
 * only when its tag proves it is a drill's.
 */
export async function findDrillLeftovers(
  clients: AwsClients,
  regions: readonly string[],
): Promise<DrillResource[]> {
  const found: DrillResource[] = [];
  for (const region of regions) {
    let marker: string | undefined;
    do {
      const page: DescribeDBInstancesCommandOutput = await clients
        .rds(region)
        .send(new DescribeDBInstancesCommand({ ...(marker ? { Marker: marker } : {}) }));
      for (const i of page.DBInstances ?? [])
        if (
          i.DBInstanceIdentifier &&
          i.DBInstanceStatus !== 'deleting' &&
          looksLikeDrill(i.DBInstanceIdentifier, i.TagList)
        )
          found.push({
            kind: 'rds-instance',
            region,
            id: i.DBInstanceIdentifier,
            drillId: drillOf(i.TagList),
          });
      marker = page.Marker;
    } while (marker);

    let token: string | undefined;
    do {
      const page: DescribeInstancesCommandOutput = await clients
        .ec2(region)
        .send(new DescribeInstancesCommand({ ...(token ? { NextToken: token } : {}) }));
      for (const r of page.Reservations ?? [])
        for (const i of r.Instances ?? [])
          if (
            i.InstanceId &&
            i.State?.Name !== 'terminated' &&
            i.State?.Name !== 'shutting-down' &&
            looksLikeDrill(nameOf(i.Tags), i.Tags)
          )
            found.push({ kind: 'ec2-instance', region, id: i.InstanceId, drillId: drillOf(i.Tags) });
      token = page.NextToken;
    } while (token);

    token = undefined;
    do {
      const page: DescribeVolumesCommandOutput = await clients
        .ec2(region)
        .send(new DescribeVolumesCommand({ ...(token ? { NextToken: token } : {}) }));
      for (const v of page.Volumes ?? [])
        if (v.VolumeId && v.State !== 'deleting' && looksLikeDrill(nameOf(v.Tags), v.Tags))
          found.push({ kind: 'ebs-volume', region, id: v.VolumeId, drillId: drillOf(v.Tags) });
      token = page.NextToken;
    } while (token);

    let start: string | undefined;
    do {
      const page: ListTablesCommandOutput = await clients
        .dynamodb(region)
        .send(new ListTablesCommand({ ...(start ? { ExclusiveStartTableName: start } : {}) }));
      for (const name of page.TableNames ?? [])
        if (name.startsWith(DRILL_NAME_PREFIX))
          found.push({ kind: 'dynamodb-table', region, id: name, drillId: null });
      start = page.LastEvaluatedTableName;
    } while (start);
  }

  const buckets = await clients.s3(regions[0] ?? 'us-east-1').send(new ListBucketsCommand({}));
  for (const b of buckets.Buckets ?? []) {
    if (!b.Name) continue;
    const bucket = b.Name;
    const region = bucketRegion(
      (await clients.s3(regions[0] ?? 'us-east-1').send(new GetBucketLocationCommand({ Bucket: bucket })))
        .LocationConstraint,
    );
    if (!regions.includes(region)) continue;
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    do {
      const page: ListObjectVersionsCommandOutput = await clients.s3(region).send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: DRILL_OBJECT_PREFIX,
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(versionMarker ? { VersionIdMarker: versionMarker } : {}),
        }),
      );
      for (const v of page.Versions ?? [])
        if (v.Key && v.VersionId)
          found.push({
            kind: 's3-object-version',
            region,
            id: v.VersionId,
            bucket,
            key: v.Key,
            drillId: null,
          });
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker);
  }
  return found;
}
