/**
 * The desktop app's side of the crash test: opens the tabletop account in the given data folder
 * (the app's real saving path) at 600x, starts a cross-region DynamoDB restore and prints
 * `ANSWERED <table>` once the SDK has its answer. With `seen`, it then describes the table until
 * it is ACTIVE and prints `SEEN <simulated time>`. Either way it then idles until killed.
 *
 * Usage: node --import tsx save-crash-child.ts <dataDir> <answered|seen>
 */
import {
  DescribeTableCommand,
  DynamoDBClient,
  RestoreTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import { openTabletopAccount } from '../../../electron/core/tabletop/tabletop-account';

async function main(): Promise<void> {
  const [dataDir, mode] = process.argv.slice(2);
  if (!dataDir || (mode !== 'answered' && mode !== 'seen')) {
    throw new Error('usage: save-crash-child.ts <dataDir> <answered|seen>');
  }
  const account = await openTabletopAccount({
    dataDir,
    scenario: 'healthy',
    speed: 600,
    onError: (message) => process.stderr.write(`${message}\n`),
  });
  const dynamo = new DynamoDBClient({
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: account.simulator.requestHandler,
    maxAttempts: 1,
  });
  const table = `orders-events-${mode}`;
  await dynamo.send(
    new RestoreTableToPointInTimeCommand({
      SourceTableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders-events',
      TargetTableName: table,
      UseLatestRestorableTime: true,
    }),
  );
  process.stdout.write(`ANSWERED ${table}\n`);
  if (mode === 'seen') {
    for (;;) {
      const out = await dynamo.send(new DescribeTableCommand({ TableName: table }));
      if (out.Table?.TableStatus === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    process.stdout.write(`SEEN ${account.simulator.clock.now().toISOString()}\n`);
  }
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
