import {
  DescribeAvailabilityZonesRequest$,
  DescribeAvailabilityZonesResult$,
  DescribeSecurityGroupsRequest$,
  DescribeSecurityGroupsResult$,
  DescribeSubnetsRequest$,
  DescribeSubnetsResult$,
  type DescribeAvailabilityZonesRequest,
  type DescribeAvailabilityZonesResult,
  type DescribeSecurityGroupsRequest,
  type DescribeSecurityGroupsResult,
  type DescribeSubnetsRequest,
  type DescribeSubnetsResult,
} from '@aws-sdk/client-ec2';
import { simError } from '../../../protocol/errors';
import { paginate } from '../../../protocol/paging';
import { defineOperation, type SchemaOperation } from '../../../protocol/query-dispatch';
import { filterEc2, type Ec2FilterTable } from '../filters';
import { ec2PageLimit, notFound } from '../lookup';
import type { Ec2SecurityGroupRecord, Ec2State, Ec2SubnetRecord, Ec2ZoneRecord } from '../model';
import { securityGroupView, subnetView, zoneView } from '../views';

/** DescribeAvailabilityZones filters. */
const ZONE_FILTERS: Ec2FilterTable<Ec2ZoneRecord> = {
  'zone-name': (z) => [z.name],
  'zone-id': (z) => [z.zoneId],
  'region-name': (z) => [z.region],
  state: () => ['available'],
  'zone-type': () => ['availability-zone'],
};

/** DescribeSubnets filters. */
const SUBNET_FILTERS: Ec2FilterTable<Ec2SubnetRecord> = {
  'subnet-id': (s) => [s.id],
  'vpc-id': (s) => [s.vpcId],
  'availability-zone': (s) => [s.availabilityZone],
  'cidr-block': (s) => [s.cidrBlock],
  state: () => ['available'],
};

/** DescribeSecurityGroups filters. */
const SECURITY_GROUP_FILTERS: Ec2FilterTable<Ec2SecurityGroupRecord> = {
  'group-id': (g) => [g.id],
  'group-name': (g) => [g.name],
  'vpc-id': (g) => [g.vpcId],
  description: (g) => [g.description],
};

/** DescribeAvailabilityZones: the region's zones, by name or id and Filters. */
export const describeAvailabilityZones = defineOperation<
  DescribeAvailabilityZonesRequest,
  DescribeAvailabilityZonesResult,
  Ec2State
>({
  input: DescribeAvailabilityZonesRequest$,
  output: DescribeAvailabilityZonesResult$,
  run(input, { state, region }) {
    let zones = Object.values(state.zones).filter((z) => z.region === region);
    if (input.ZoneNames?.length) {
      const missing = input.ZoneNames.filter((n) => !zones.some((z) => z.name === n));
      if (missing.length)
        throw simError(
          'InvalidParameterValue',
          `The zone '${missing.join(', ')}' does not exist in ${region}.`,
        );
      zones = zones.filter((z) => input.ZoneNames?.includes(z.name));
    }
    if (input.ZoneIds?.length) zones = zones.filter((z) => input.ZoneIds?.includes(z.zoneId));
    zones = filterEc2(zones, input.Filters, ZONE_FILTERS);
    return { AvailabilityZones: zones.map(zoneView) };
  },
});

/** DescribeSubnets: by ids and Filters (`vpc-id`, `availability-zone`, tags). */
export const describeSubnets = defineOperation<DescribeSubnetsRequest, DescribeSubnetsResult, Ec2State>({
  input: DescribeSubnetsRequest$,
  output: DescribeSubnetsResult$,
  run(input, { state, region, ctx }) {
    let subnets = Object.values(state.subnets).filter((s) => s.region === region);
    if (input.SubnetIds?.length) {
      const missing = input.SubnetIds.filter((id) => state.subnets[id]?.region !== region);
      if (missing.length) throw notFound('subnet', missing);
      subnets = input.SubnetIds.map((id) => state.subnets[id]).filter((s) => s !== undefined);
    }
    subnets = filterEc2(subnets, input.Filters, SUBNET_FILTERS, (s) => s.tags);
    const page = paginate(subnets, input.NextToken, ec2PageLimit(input.MaxResults, 5, 1000));
    return {
      Subnets: page.items.map((s) => subnetView(state, s, ctx.accountId)),
      ...(page.next ? { NextToken: page.next } : {}),
    };
  },
});

/** DescribeSecurityGroups: by ids or names and Filters (`vpc-id`, `group-name`, tags). */
export const describeSecurityGroups = defineOperation<
  DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsResult,
  Ec2State
>({
  input: DescribeSecurityGroupsRequest$,
  output: DescribeSecurityGroupsResult$,
  run(input, { state, region, ctx }) {
    let groups = Object.values(state.securityGroups).filter((g) => g.region === region);
    if (input.GroupIds?.length) {
      const missing = input.GroupIds.filter((id) => state.securityGroups[id]?.region !== region);
      if (missing.length) throw notFound('group', missing);
      groups = groups.filter((g) => input.GroupIds?.includes(g.id));
    }
    if (input.GroupNames?.length) {
      const missing = input.GroupNames.filter((n) => !groups.some((g) => g.name === n));
      if (missing.length)
        throw simError(
          'InvalidGroup.NotFound',
          `The security group '${missing.join(', ')}' does not exist in default VPC`,
        );
      groups = groups.filter((g) => input.GroupNames?.includes(g.name));
    }
    groups = filterEc2(groups, input.Filters, SECURITY_GROUP_FILTERS, (g) => g.tags);
    const page = paginate(groups, input.NextToken, ec2PageLimit(input.MaxResults, 5, 1000));
    return {
      SecurityGroups: page.items.map((g) => securityGroupView(g, ctx.accountId)),
      ...(page.next ? { NextToken: page.next } : {}),
    };
  },
});

/** The EC2 network describe operations, by action name. */
export const ec2NetworkOperations: Record<string, SchemaOperation<Ec2State>> = {
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeSubnets: describeSubnets,
  DescribeSecurityGroups: describeSecurityGroups,
};
