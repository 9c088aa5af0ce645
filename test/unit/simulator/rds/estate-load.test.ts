import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createSimulator, generateEstate } from '../../../../electron/simulator';

describe('the generated 10,000-resource estate', () => {
  it('loads, and the RDS, EC2 and DynamoDB sections answer describe calls', async () => {
    const sim = await createSimulator({
      scenarioData: generateEstate({ resources: 10_000, seed: 3 }),
      realNow: () => 0,
    });
    try {
      const options = {
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        requestHandler: sim.requestHandler,
      };
      const rds = await new RDSClient(options).send(new DescribeDBInstancesCommand({ MaxRecords: 100 }));
      expect(rds.DBInstances).toHaveLength(100);
      expect(rds.Marker).toBeDefined();
      const ec2 = await new EC2Client(options).send(new DescribeInstancesCommand({ MaxResults: 50 }));
      expect(ec2.Reservations?.flatMap((r) => r.Instances ?? [])).toHaveLength(50);
      const ddb = await new DynamoDBClient(options).send(new ListTablesCommand({ Limit: 100 }));
      expect(ddb.TableNames).toHaveLength(100);
    } finally {
      sim.close();
    }
  });
});
