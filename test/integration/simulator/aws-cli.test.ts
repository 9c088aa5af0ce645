import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, startSimulatorServer } from '../../../electron/simulator';
import type { FaultState, Simulator, SimulatorServer } from '../../../electron/simulator';
import { awsCliPresent, runAwsCli } from '../../support/aws-cli';

/**
 * The real `aws` CLI against `dr-war-room simulator` (the same server, in-process, on port 0):
 * every `aws` command of the organisation's procedures document, with real ids from the default
 * scenario, and where the document is wrong (per the API notes) the test shows it.
 */

const DOC = path.resolve('test/fixtures/reference/aws-backup-recovery-procedures.md');
const PRIMARY = 'us-east-1';
const SECONDARY = 'us-west-2';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

/** The `aws …` commands in the document's code blocks, continuation lines joined. */
function extractAwsCommands(markdown: string): string[] {
  const commands: string[] = [];
  const blocks = markdown.match(/```[a-z]*\n[\s\S]*?```/g) ?? [];
  for (const block of blocks) {
    const lines = block.split('\n').slice(1, -1);
    let current = '';
    for (const raw of lines) {
      const line = raw.trim();
      if (!current && !line.startsWith('aws ')) continue;
      current += `${line.replace(/\\$/, '').trim()} `;
      if (!line.endsWith('\\')) {
        commands.push(current.trim());
        current = '';
      }
    }
  }
  return commands;
}

/** `service operation` of a command, and its `--options`. */
function shapeOf(command: string): { op: string; options: string[] } {
  const words = command.split(/\s+/);
  return { op: `${words[1]} ${words[2]}`, options: words.filter((w) => w.startsWith('--')).sort() };
}

async function runAws(url: string, region: string, args: string[]): Promise<CliResult> {
  const run = await runAwsCli(url, region, args, { AWS_RETRY_MODE: 'standard' });
  let json: Record<string, unknown> = {};
  if (run.stdout.trim()) {
    try {
      json = JSON.parse(run.stdout) as Record<string, unknown>;
    } catch {
      json = {};
    }
  }
  return { ...run, json };
}

type Row = Record<string, unknown>;
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

describe('the aws CLI against dr-war-room simulator', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  let outage: FaultState;
  let workDir: string;
  const aws = (region: string, ...args: string[]) => runAws(server.url, region, args);

  /** Run `fn` with the scenario's outage lifted (to read us-east-1 ids, or after the outage). */
  async function withoutOutage<T>(fn: () => Promise<T>): Promise<T> {
    sim.faults.clear();
    try {
      return await fn();
    } finally {
      sim.faults.load(outage);
    }
  }

  beforeAll(async () => {
    if (!(await awsCliPresent())) {
      throw new Error(
        'The aws CLI is not installed, and these protocol tests need it: install it (apt-get install -y awscli) and run again.',
      );
    }
    sim = await createSimulator({ scenario: 'us-east-1-outage' });
    server = await startSimulatorServer(sim, { port: 0 });
    outage = sim.faults.save();
    workDir = await mkdtemp(path.join(tmpdir(), 'drwr-aws-cli-'));
  });

  afterAll(async () => {
    await server?.close();
    sim?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('covers every aws command in the procedures document', async () => {
    const commands = extractAwsCommands(await readFile(DOC, 'utf8'));
    expect(commands.map((c) => shapeOf(c))).toEqual([
      { op: 's3api restore-object', options: ['--bucket', '--key', '--version-id'] },
      {
        op: 'rds restore-db-instance-to-point-in-time',
        options: ['--restore-time', '--source-db-instance-identifier', '--target-db-instance-identifier'],
      },
      {
        op: 'rds restore-db-instance-from-db-snapshot',
        options: ['--db-instance-identifier', '--db-snapshot-identifier'],
      },
      { op: 'ec2 run-instances', options: ['--image-id', '--instance-type'] },
      { op: 'ec2 create-volume', options: ['--availability-zone', '--snapshot-id'] },
      {
        op: 'dynamodb restore-table-to-point-in-time',
        options: ['--restore-date-time', '--source-table-name', '--target-table-name'],
      },
    ]);
  });

  it('sees the outage: us-east-1 answers 503, us-west-2 works, STS tells who we are', async () => {
    const down = await aws(PRIMARY, 's3api', 'list-objects-v2', '--bucket', 'acme-prod-orders');
    expect(down.code).not.toBe(0);
    expect(down.stderr).toContain('ServiceUnavailable');
    const who = await aws(SECONDARY, 'sts', 'get-caller-identity');
    expect(who.code).toBe(0);
    expect(who.json['Account']).toBe(sim.accountId);
    const buckets = await aws(SECONDARY, 's3api', 'list-buckets');
    expect(rows(buckets.json['Buckets']).map((b) => b['Name'])).toContain('acme-prod-orders-dr');
  });

  it('s3api restore-object --version-id on a STANDARD object: InvalidObjectState (the document is wrong)', async () => {
    const listed = await aws(
      SECONDARY,
      's3api',
      'list-object-versions',
      '--bucket',
      'acme-prod-orders-dr',
      '--prefix',
      'orders/summary.json',
    );
    expect(listed.code).toBe(0);
    const older = rows(listed.json['Versions']).find((v) => v['IsLatest'] === false);
    expect(older?.['StorageClass']).toBe('STANDARD');
    const versionId = String(older?.['VersionId']);
    // The document's command, verbatim in shape, with real values.
    const result = await aws(
      SECONDARY,
      's3api',
      'restore-object',
      '--bucket',
      'acme-prod-orders-dr',
      '--key',
      'orders/summary.json',
      '--version-id',
      versionId,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /An error occurred \(InvalidObjectState\) when calling the RestoreObject operation/,
    );
  });

  it('s3api restore-object is right for archived objects (GLACIER): accepted, then ongoing', async () => {
    const restore = await aws(
      SECONDARY,
      's3api',
      'restore-object',
      '--bucket',
      'acme-prod-archive-dr',
      '--key',
      'records/2025/q4.tar',
      '--restore-request',
      'Days=2,GlacierJobParameters={Tier=Standard}',
    );
    expect(restore.code).toBe(0);
    const head = await aws(
      SECONDARY,
      's3api',
      'head-object',
      '--bucket',
      'acme-prod-archive-dr',
      '--key',
      'records/2025/q4.tar',
    );
    expect(head.json['StorageClass']).toBe('GLACIER');
    expect(head.json['Restore']).toBe('ongoing-request="true"');
  });

  it('s3api copy-object --copy-source bucket/key?versionId=V rolls the object back', async () => {
    const listed = await aws(
      SECONDARY,
      's3api',
      'list-object-versions',
      '--bucket',
      'acme-prod-orders-dr',
      '--prefix',
      'orders/summary.json',
    );
    const versions = rows(listed.json['Versions']);
    const good = versions.find((v) => v['IsLatest'] === false);
    const goodId = String(good?.['VersionId']);
    const copy = await aws(
      SECONDARY,
      's3api',
      'copy-object',
      '--bucket',
      'acme-prod-orders-dr',
      '--key',
      'orders/summary.json',
      '--copy-source',
      `acme-prod-orders-dr/orders/summary.json?versionId=${goodId}`,
    );
    expect(copy.code).toBe(0);
    expect(copy.json['CopySourceVersionId']).toBe(goodId);
    const newId = String(copy.json['VersionId']);
    expect(newId).not.toBe(goodId);
    const out = path.join(workDir, 'summary.json');
    const got = await aws(
      SECONDARY,
      's3api',
      'get-object',
      '--bucket',
      'acme-prod-orders-dr',
      '--key',
      'orders/summary.json',
      out,
    );
    expect(got.code).toBe(0);
    expect(got.json['VersionId']).toBe(newId);
    const content = await readFile(out, 'utf8');
    expect(JSON.parse(content)).toMatchObject({ status: 'ok' });
    const after = await aws(
      SECONDARY,
      's3api',
      'list-object-versions',
      '--bucket',
      'acme-prod-orders-dr',
      '--prefix',
      'orders/summary.json',
    );
    expect(rows(after.json['Versions'])).toHaveLength(versions.length + 1);
  });

  it('rds restore-db-instance-to-point-in-time --source-db-instance-identifier restores only in the source region', async () => {
    // A us-east-1 instance whose automated backups are replicated to us-west-2.
    const backups = await aws(SECONDARY, 'rds', 'describe-db-instance-automated-backups');
    expect(backups.code, backups.stderr).toBe(0);
    const replicated = rows(backups.json['DBInstanceAutomatedBackups']).find((b) => b['Region'] === PRIMARY);
    expect(replicated, 'the default scenario replicates some automated backups to us-west-2').toBeDefined();
    const id = String(replicated?.['DBInstanceIdentifier']);
    const source = await withoutOutage(async () => {
      const described = await aws(PRIMARY, 'rds', 'describe-db-instances', '--db-instance-identifier', id);
      expect(described.code, described.stderr).toBe(0);
      return rows(described.json['DBInstances'])[0] as Row;
    });
    const restoreTime = String(source['LatestRestorableTime']);
    expect(Number.isNaN(Date.parse(restoreTime))).toBe(false);
    const doc = (region: string, target: string) =>
      aws(
        region,
        'rds',
        'restore-db-instance-to-point-in-time',
        '--source-db-instance-identifier',
        id,
        '--target-db-instance-identifier',
        target,
        '--restore-time',
        restoreTime,
      );
    // The document's command during the outage: the source region does not answer…
    const inPrimary = await doc(PRIMARY, `${id}-pitr`);
    expect(inPrimary.code).not.toBe(0);
    expect(inPrimary.stderr).toContain('ServiceUnavailable');
    // …and in us-west-2 the source instance does not exist.
    const inSecondary = await doc(SECONDARY, `${id}-pitr`);
    expect(inSecondary.code).not.toBe(0);
    expect(inSecondary.stderr).toContain('DBInstanceNotFound');

    // The right call for us-west-2: the replicated automated backups' ARN, inside the restore window.
    const window = replicated?.['RestoreWindow'] as Row;
    const restored = await aws(
      SECONDARY,
      'rds',
      'restore-db-instance-to-point-in-time',
      '--source-db-instance-automated-backups-arn',
      String(replicated?.['DBInstanceAutomatedBackupsArn']),
      '--target-db-instance-identifier',
      `${id}-dr`,
      '--restore-time',
      String(window['LatestTime']),
    );
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.json['DBInstance']).toMatchObject({
      DBInstanceIdentifier: `${id}-dr`,
      DBInstanceStatus: 'creating',
    });
    const listed = await aws(
      SECONDARY,
      'rds',
      'describe-db-instances',
      '--db-instance-identifier',
      `${id}-dr`,
    );
    expect(rows(listed.json['DBInstances'])[0]?.['DBInstanceIdentifier']).toBe(`${id}-dr`);

    // After the outage, the document's command works, in us-east-1 (where the source lives).
    const after = await withoutOutage(() => doc(PRIMARY, `${id}-pitr`));
    expect(after.code, after.stderr).toBe(0);
    expect(after.json['DBInstance']).toMatchObject({
      DBInstanceIdentifier: `${id}-pitr`,
      DBInstanceStatus: 'creating',
    });
  });

  it('rds restore-db-instance-from-db-snapshot with a snapshot in us-west-2', async () => {
    const snapshots = await aws(SECONDARY, 'rds', 'describe-db-snapshots');
    expect(snapshots.code).toBe(0);
    const snapshot = rows(snapshots.json['DBSnapshots']).find((s) => s['Status'] === 'available');
    expect(snapshot, 'the default scenario has an available DB snapshot in us-west-2').toBeDefined();
    const target = `${String(snapshot?.['DBInstanceIdentifier'])}-from-snap`;
    const result = await aws(
      SECONDARY,
      'rds',
      'restore-db-instance-from-db-snapshot',
      '--db-instance-identifier',
      target,
      '--db-snapshot-identifier',
      String(snapshot?.['DBSnapshotIdentifier']),
    );
    expect(result.code, result.stderr).toBe(0);
    const instance = result.json['DBInstance'] as Row;
    expect(instance['DBInstanceIdentifier']).toBe(target);
    expect(instance['DBInstanceStatus']).toBe('creating');
    const missing = await aws(
      SECONDARY,
      'rds',
      'restore-db-instance-from-db-snapshot',
      '--db-instance-identifier',
      `${target}-2`,
      '--db-snapshot-identifier',
      'no-such-snapshot',
    );
    expect(missing.stderr).toContain('DBSnapshotNotFound');
  });

  it('ec2 run-instances with an AMI in us-west-2', async () => {
    const images = await aws(SECONDARY, 'ec2', 'describe-images', '--owners', 'self');
    expect(images.code).toBe(0);
    const image = rows(images.json['Images']).find((i) => i['State'] === 'available');
    expect(image, 'the default scenario has an available AMI in us-west-2').toBeDefined();
    const result = await aws(
      SECONDARY,
      'ec2',
      'run-instances',
      '--image-id',
      String(image?.['ImageId']),
      '--instance-type',
      't3.micro',
    );
    expect(result.code, result.stderr).toBe(0);
    const instance = rows(result.json['Instances'])[0];
    expect(instance?.['ImageId']).toBe(image?.['ImageId']);
    expect((instance?.['State'] as Row)['Name']).toBe('pending');
    const wrong = await aws(
      SECONDARY,
      'ec2',
      'run-instances',
      '--image-id',
      'ami-0123456789abcdef0',
      '--instance-type',
      't3.micro',
    );
    expect(wrong.stderr).toContain('InvalidAMIID');
  });

  it('ec2 create-volume from a snapshot in us-west-2, in an Availability Zone', async () => {
    const snapshots = await aws(SECONDARY, 'ec2', 'describe-snapshots', '--owner-ids', 'self');
    expect(snapshots.code).toBe(0);
    const snapshot = rows(snapshots.json['Snapshots']).find((s) => s['State'] === 'completed');
    expect(snapshot, 'the default scenario has a completed EBS snapshot in us-west-2').toBeDefined();
    const zones = await aws(SECONDARY, 'ec2', 'describe-availability-zones');
    const zone = String(rows(zones.json['AvailabilityZones'])[0]?.['ZoneName']);
    expect(zone.startsWith(SECONDARY)).toBe(true);
    const result = await aws(
      SECONDARY,
      'ec2',
      'create-volume',
      '--snapshot-id',
      String(snapshot?.['SnapshotId']),
      '--availability-zone',
      zone,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.json['SnapshotId']).toBe(snapshot?.['SnapshotId']);
    expect(result.json['AvailabilityZone']).toBe(zone);
    expect(['creating', 'available']).toContain(result.json['State']);
  });

  it('dynamodb restore-table-to-point-in-time --source-table-name works only in the source region', async () => {
    const source = await withoutOutage(async () => {
      const listed = await aws(PRIMARY, 'dynamodb', 'list-tables');
      expect(listed.code).toBe(0);
      for (const name of (listed.json['TableNames'] as string[] | undefined) ?? []) {
        const backups = await aws(PRIMARY, 'dynamodb', 'describe-continuous-backups', '--table-name', name);
        const pitr = (backups.json['ContinuousBackupsDescription'] as Row | undefined)?.[
          'PointInTimeRecoveryDescription'
        ] as Row | undefined;
        if (pitr?.['PointInTimeRecoveryStatus'] === 'ENABLED') {
          const table = await aws(PRIMARY, 'dynamodb', 'describe-table', '--table-name', name);
          return {
            name,
            latest: String(pitr['LatestRestorableDateTime']),
            arn: String((table.json['Table'] as Row)['TableArn']),
          };
        }
      }
      return undefined;
    });
    expect(source, 'the default scenario has a us-east-1 table with PITR').toBeDefined();
    if (!source) return;
    const doc = (region: string, target: string) =>
      aws(
        region,
        'dynamodb',
        'restore-table-to-point-in-time',
        '--source-table-name',
        source.name,
        '--target-table-name',
        target,
        '--restore-date-time',
        source.latest,
      );
    const inPrimary = await doc(PRIMARY, `${source.name}-pitr`);
    expect(inPrimary.code).not.toBe(0);
    expect(inPrimary.stderr).toMatch(/ServiceUnavailable|InternalServerError/);
    const inSecondary = await doc(SECONDARY, `${source.name}-pitr`);
    expect(inSecondary.code).not.toBe(0);
    expect(inSecondary.stderr).toMatch(
      /SourceTableNotFoundException|TableNotFoundException|ResourceNotFoundException/,
    );

    // The right call for us-west-2: the source table's ARN.
    const crossRegion = await aws(
      SECONDARY,
      'dynamodb',
      'restore-table-to-point-in-time',
      '--source-table-arn',
      source.arn,
      '--target-table-name',
      `${source.name}-dr`,
      '--use-latest-restorable-time',
    );
    expect(crossRegion.code, crossRegion.stderr).toBe(0);
    expect((crossRegion.json['TableDescription'] as Row)['TableName']).toBe(`${source.name}-dr`);

    const after = await withoutOutage(() => doc(PRIMARY, `${source.name}-pitr`));
    expect(after.code, after.stderr).toBe(0);
    expect((after.json['TableDescription'] as Row)['TableName']).toBe(`${source.name}-pitr`);
  });
});
