import { QueryShapeSerializer } from '@aws-sdk/core/protocols';
import { DescribeDBInstancesMessage$, RestoreDBInstanceToPointInTimeMessage$ } from '@aws-sdk/client-rds';
import { DescribeInstancesRequest$, RunInstancesRequest$ } from '@aws-sdk/client-ec2';
import type { Schema } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { parseFormEncoded } from '../../../../electron/simulator/protocol/form';
import { decodeQueryInput } from '../../../../electron/simulator/protocol/query-input';
import { SimServiceError } from '../../../../electron/simulator/protocol/errors';

/** Serialise like the SDK does, so the decoder is tested against the real wire format. */
function sdkEncode(schema: Schema, value: unknown, ec2: boolean): Record<string, string> {
  const serializer = new QueryShapeSerializer(
    ec2
      ? {
          capitalizeKeys: true,
          flattenLists: true,
          serializeEmptyLists: false,
          ec2: true,
          timestampFormat: { useTrait: true, default: 5 },
        }
      : { timestampFormat: { useTrait: true, default: 5 } },
  );
  serializer.write(schema, value);
  return parseFormEncoded(String(serializer.flush()).replace(/^&/, ''));
}

describe('decodeQueryInput (awsQuery)', () => {
  it('round-trips RDS filters, numbers and nested lists as the SDK sends them', () => {
    const input = {
      Filters: [
        { Name: 'engine', Values: ['postgres', 'mysql'] },
        { Name: 'db-instance-id', Values: ['orders'] },
      ],
      MaxRecords: 50,
      Marker: 'abc',
    };
    const params = sdkEncode(DescribeDBInstancesMessage$, input, false);
    expect(params['Filters.Filter.1.Values.Value.2']).toBe('mysql');
    expect(decodeQueryInput(DescribeDBInstancesMessage$, params, 'query')).toEqual(input);
  });

  it('decodes timestamps, booleans, tags and security group ids', () => {
    const input = {
      TargetDBInstanceIdentifier: 'orders-dr',
      SourceDBInstanceAutomatedBackupsArn: 'arn:aws:rds:us-west-2:1:auto-backup:ab-1',
      RestoreTime: new Date('2026-11-26T01:02:03Z'),
      MultiAZ: true,
      VpcSecurityGroupIds: ['sg-1', 'sg-2'],
      Tags: [{ Key: 'dr-war-room:incident', Value: 'inc-1' }],
    };
    const params = sdkEncode(RestoreDBInstanceToPointInTimeMessage$, input, false);
    expect(decodeQueryInput(RestoreDBInstanceToPointInTimeMessage$, params, 'query')).toEqual(input);
  });

  it('decodes an empty list sent as a bare key', () => {
    expect(decodeQueryInput(DescribeDBInstancesMessage$, { Filters: '' }, 'query')).toEqual({ Filters: [] });
  });

  it('rejects a wrong type with InvalidParameterValue naming the parameter', () => {
    try {
      decodeQueryInput(DescribeDBInstancesMessage$, { MaxRecords: 'lots' }, 'query');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SimServiceError);
      expect((error as SimServiceError).code).toBe('InvalidParameterValue');
      expect((error as SimServiceError).message).toContain('MaxRecords');
    }
  });
});

describe('decodeQueryInput (ec2Query)', () => {
  it('round-trips EC2 filters, ids and paging', () => {
    const input = {
      Filters: [{ Name: 'tag:Name', Values: ['web-1'] }],
      InstanceIds: ['i-1', 'i-2'],
      MaxResults: 10,
      NextToken: 't',
    };
    const params = sdkEncode(DescribeInstancesRequest$, input, true);
    expect(params['Filter.1.Value.1']).toBe('web-1');
    expect(params['InstanceId.2']).toBe('i-2');
    expect(decodeQueryInput(DescribeInstancesRequest$, params, 'ec2')).toEqual(input);
  });

  it('round-trips RunInstances tag specifications and block device mappings', () => {
    const input = {
      ImageId: 'ami-1',
      MinCount: 1,
      MaxCount: 1,
      ClientToken: 'tok',
      SecurityGroupIds: ['sg-1'],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, DeleteOnTermination: true } }],
    };
    const params = sdkEncode(RunInstancesRequest$, input, true);
    expect(decodeQueryInput(RunInstancesRequest$, params, 'ec2')).toEqual(input);
  });
});
