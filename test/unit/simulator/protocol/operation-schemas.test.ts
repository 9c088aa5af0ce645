import * as Dynamo from '@aws-sdk/client-dynamodb';
import * as Ec2 from '@aws-sdk/client-ec2';
import * as Rds from '@aws-sdk/client-rds';
import { NormalizedSchema } from '@smithy/core/schema';
import { describe, expect, it } from 'vitest';
import type { SchemaOperation } from '../../../../electron/simulator/protocol/query-dispatch';
import { dynamoBackupOperations } from '../../../../electron/simulator/services/dynamodb/operations/backups';
import { dynamoItemOperations } from '../../../../electron/simulator/services/dynamodb/operations/items';
import { dynamoRestoreOperations } from '../../../../electron/simulator/services/dynamodb/operations/restore';
import { dynamoTableOperations } from '../../../../electron/simulator/services/dynamodb/operations/tables';
import { ec2CopyOperations } from '../../../../electron/simulator/services/ec2/operations/copies';
import { ec2DescribeOperations } from '../../../../electron/simulator/services/ec2/operations/describe';
import { ec2InstanceOperations } from '../../../../electron/simulator/services/ec2/operations/instances';
import { ec2NetworkOperations } from '../../../../electron/simulator/services/ec2/operations/network';
import { ec2VolumeOperations } from '../../../../electron/simulator/services/ec2/operations/volumes';
import { rdsDescribeOperations } from '../../../../electron/simulator/services/rds/operations/describe';
import { rdsInstanceOperations } from '../../../../electron/simulator/services/rds/operations/instances';
import { rdsRestoreOperations } from '../../../../electron/simulator/services/rds/operations/restore';
import { rdsSnapshotOperations } from '../../../../electron/simulator/services/rds/operations/snapshots';

/** The SDK's operation schema: `[9, namespace, name, traits, input, output]`. */
type OperationSchemaTuple = readonly [number, string, string, unknown, () => unknown, () => unknown];

function schemaName(schema: unknown): string {
  return NormalizedSchema.of(schema as Parameters<typeof NormalizedSchema.of>[0]).getName() ?? String(schema);
}

const services: Array<[string, Record<string, unknown>, Record<string, SchemaOperation<never>>]> = [
  [
    'rds',
    Rds,
    { ...rdsDescribeOperations, ...rdsSnapshotOperations, ...rdsRestoreOperations, ...rdsInstanceOperations },
  ],
  [
    'ec2',
    Ec2,
    {
      ...ec2DescribeOperations,
      ...ec2NetworkOperations,
      ...ec2CopyOperations,
      ...ec2InstanceOperations,
      ...ec2VolumeOperations,
    },
  ],
  [
    'dynamodb',
    Dynamo,
    {
      ...dynamoTableOperations,
      ...dynamoBackupOperations,
      ...dynamoRestoreOperations,
      ...dynamoItemOperations,
    },
  ],
];

describe('operation tables', () => {
  for (const [service, sdk, operations] of services) {
    it(`${service}: every operation decodes and encodes with the SDK's own input and output shapes`, () => {
      for (const [name, op] of Object.entries(operations)) {
        const schema = sdk[`${name}$`] as OperationSchemaTuple | undefined;
        expect(schema, `${service}:${name} is not an SDK operation`).toBeDefined();
        if (!schema) continue;
        expect(schemaName(op.input), `${service}:${name} input`).toBe(schemaName(schema[4]()));
        const output = schema[5]();
        if (output === 'unit') expect(op.output, `${service}:${name} output`).toBeUndefined();
        else expect(schemaName(op.output), `${service}:${name} output`).toBe(schemaName(output));
      }
    });
  }
});
