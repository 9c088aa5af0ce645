import type { AwsClients } from '../aws/clients';
import { incidentOfTags } from '../aws/tags';
import { sendCall } from './executor/commands';
import { errorCode } from './executor/runner-context';
import { Semaphore } from './executor/semaphore';
import type { NetworkTargets, RecoveryPlan, TargetFacts } from './types';

type Tags = Array<{ Key?: string; Value?: string }> | undefined;

function notFound(error: unknown): boolean {
  return /NotFound|ResourceNotFoundException/.test(errorCode(error));
}

/** The network targets of the secondary region the plan builder offers (read calls; empty lists when a lookup fails). */
export async function listNetworkTargets(clients: AwsClients, region: string): Promise<NetworkTargets> {
  const [groups, sgs, subnets] = await Promise.allSettled([
    sendCall(clients, 'rds', region, 'DescribeDBSubnetGroups', {}),
    sendCall(clients, 'ec2', region, 'DescribeSecurityGroups', {}),
    sendCall(clients, 'ec2', region, 'DescribeSubnets', {}),
  ]);
  return {
    subnetGroups:
      groups.status === 'fulfilled'
        ? ((groups.value.DBSubnetGroups as Array<{ DBSubnetGroupName?: string }> | undefined) ?? [])
            .map((g) => g.DBSubnetGroupName ?? '')
            .filter(Boolean)
        : [],
    securityGroups:
      sgs.status === 'fulfilled'
        ? (
            (sgs.value.SecurityGroups as
              Array<{ GroupId?: string; GroupName?: string; VpcId?: string }> | undefined) ?? []
          ).map((g) => ({ id: g.GroupId ?? '', name: g.GroupName ?? '', vpcId: g.VpcId ?? '' }))
        : [],
    subnets:
      subnets.status === 'fulfilled'
        ? (
            (subnets.value.Subnets as
              Array<{ SubnetId?: string; AvailabilityZone?: string; VpcId?: string }> | undefined) ?? []
          ).map((x) => ({
            id: x.SubnetId ?? '',
            availabilityZone: x.AvailabilityZone ?? '',
            vpcId: x.VpcId ?? '',
          }))
        : [],
    checked: [groups, sgs, subnets].every((r) => r.status === 'fulfilled'),
  };
}

/**
 * Look up, with read calls in the secondary region, what the planner checks before anything
 * runs: the target names a preliminary plan would create (taken? by this incident?), and the
 * subnet groups, subnets and security groups the mapping names. A lookup that fails leaves
 * `checked` false and the plan says it could not verify.
 */
export async function gatherTargetFacts(clients: AwsClients, draft: RecoveryPlan): Promise<TargetFacts> {
  const region = draft.regions.secondary;
  const facts: TargetFacts = {
    existing: {},
    subnetGroups: [],
    subnets: [],
    securityGroups: [],
    checked: false,
  };
  const limit = new Semaphore(16);
  const lookups: Array<Promise<void>> = [];
  const services = new Set(draft.chains.map((c) => c.resource.service));
  for (const chain of draft.chains) {
    for (const action of chain.actions) {
      const t = action.target;
      if (!t || !('adoptBy' in action.idempotency) || action.idempotency.adoptBy !== 'name') continue;
      lookups.push(
        limit.run(async () => {
          try {
            if (t.type === 'db-instance') {
              const a = await sendCall(clients, 'rds', region, 'DescribeDBInstances', {
                DBInstanceIdentifier: t.name,
              });
              const db = (
                a.DBInstances as Array<{ DBInstanceIdentifier?: string; TagList?: Tags }> | undefined
              )?.[0];
              if (db)
                facts.existing[`rds:${t.name}`] = {
                  incident: incidentOfTags(db.TagList) ?? null,
                  id: db.DBInstanceIdentifier ?? t.name,
                };
            } else if (t.type === 'db-snapshot') {
              const a = await sendCall(clients, 'rds', region, 'DescribeDBSnapshots', {
                DBSnapshotIdentifier: t.name,
              });
              const s = (
                a.DBSnapshots as Array<{ DBSnapshotIdentifier?: string; TagList?: Tags }> | undefined
              )?.[0];
              if (s)
                facts.existing[`rds:${t.name}`] = { incident: incidentOfTags(s.TagList) ?? null, id: t.name };
            } else if (t.type === 'table') {
              const a = await sendCall(clients, 'dynamodb', region, 'DescribeTable', { TableName: t.name });
              const table = a.Table as { TableArn?: string } | undefined;
              if (table) {
                let incident: string | null = null;
                if (table.TableArn) {
                  const tags = await sendCall(clients, 'dynamodb', region, 'ListTagsOfResource', {
                    ResourceArn: table.TableArn,
                  });
                  incident = incidentOfTags(tags.Tags as Tags) ?? null;
                }
                facts.existing[`dynamodb:${t.name}`] = { incident, id: table.TableArn ?? t.name };
              }
            }
          } catch (error) {
            if (!notFound(error)) throw error;
          }
        }),
      );
    }
  }
  if (services.has('rds')) {
    lookups.push(
      (async () => {
        const a = await sendCall(clients, 'rds', region, 'DescribeDBSubnetGroups', {});
        facts.subnetGroups = ((a.DBSubnetGroups as Array<{ DBSubnetGroupName?: string }> | undefined) ?? [])
          .map((g) => g.DBSubnetGroupName ?? '')
          .filter(Boolean);
      })(),
    );
  }
  if (services.has('rds') || services.has('ec2')) {
    lookups.push(
      (async () => {
        const a = await sendCall(clients, 'ec2', region, 'DescribeSecurityGroups', {});
        facts.securityGroups = ((a.SecurityGroups as Array<{ GroupId?: string }> | undefined) ?? [])
          .map((g) => g.GroupId ?? '')
          .filter(Boolean);
      })(),
    );
  }
  if (services.has('ec2')) {
    lookups.push(
      (async () => {
        const a = await sendCall(clients, 'ec2', region, 'DescribeSubnets', {});
        facts.subnets = (
          (a.Subnets as Array<{ SubnetId?: string; AvailabilityZone?: string }> | undefined) ?? []
        ).map((s) => ({ id: s.SubnetId ?? '', availabilityZone: s.AvailabilityZone ?? '' }));
      })(),
    );
  }
  const results = await Promise.allSettled(lookups);
  facts.checked = results.every((r) => r.status === 'fulfilled');
  return facts;
}
