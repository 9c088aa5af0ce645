import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { simulatorFaultsCommand } from '../../../../electron/cli/commands/simulator-faults';
import {
  applyFaultChanges,
  checkFaultChanges,
} from '../../../../electron/cli/simulator-faults/apply-fault-changes';
import type { FaultOptions } from '../../../../electron/cli/simulator-faults/fault-options';
import { faultChangesFromOptions } from '../../../../electron/cli/simulator-faults/fault-options';
import { formatFaults } from '../../../../electron/cli/simulator-faults/format-faults';
import { emptyFaultState } from '../../../../electron/simulator/core/fault-state';

/** Parse `faults` options as the shell would, without running the command. */
async function parse(args: string[]): Promise<FaultOptions> {
  let opts: FaultOptions = {};
  const command: Command = simulatorFaultsCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: () => undefined })
    .action((o: FaultOptions) => {
      opts = o;
    });
  await command.parseAsync(args, { from: 'user' });
  return opts;
}

describe('dr-war-room simulator faults: options', () => {
  it('turns every option into the FaultController change it names, in a fixed order', async () => {
    const opts = await parse([
      '--replication-lag',
      'us-east-1:us-west-2=15m',
      '--quota',
      'ec2.concurrentSnapshotCopies=2',
      '--fail-restore',
      'orders-db-dr',
      '--allow-restore',
      'old-db-dr',
      '--throttle',
      '30%',
      '--region',
      'us-west-2',
      '--service',
      's3',
      '--region-down',
      'us-east-1',
      '--mode',
      'timeout',
      '--services',
      's3,rds',
      '--region-up',
      'us-west-2',
      '--clear-quota',
      'rds.concurrentSnapshotCopies',
      '--clear',
    ]);
    expect(faultChangesFromOptions(opts)).toEqual([
      { kind: 'clearAll' },
      { kind: 'regionUp', region: 'us-west-2' },
      { kind: 'regionDown', region: 'us-east-1', mode: 'timeout', services: ['s3', 'rds'] },
      { kind: 'throttle', ratePercent: 30, region: 'us-west-2', service: 's3' },
      { kind: 'clearRestoreFailure', target: 'old-db-dr' },
      { kind: 'failRestore', target: 'orders-db-dr' },
      { kind: 'clearQuota', key: 'rds.concurrentSnapshotCopies' },
      { kind: 'setQuota', key: 'ec2.concurrentSnapshotCopies', value: 2 },
      { kind: 'replicationLag', sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMinutes: 15 },
    ]);
  });

  it('repeats --region-down with one mode (refused by default), and shows only without a change', async () => {
    expect(
      faultChangesFromOptions(await parse(['--region-down', 'us-east-1', '--region-down', 'us-west-2'])),
    ).toEqual([
      { kind: 'regionDown', region: 'us-east-1', mode: 'refused' },
      { kind: 'regionDown', region: 'us-west-2', mode: 'refused' },
    ]);
    expect(faultChangesFromOptions(await parse(['--show']))).toEqual([]);
    expect(faultChangesFromOptions(await parse([]))).toEqual([]);
  });

  it('refuses a bad value naming the option and what it takes', async () => {
    await expect(parse(['--mode', 'down', '--region-down', 'us-east-1'])).rejects.toThrow(
      /option '--mode <mode>' argument 'down' is invalid\. must be refused .*timeout .*5xx/,
    );
    await expect(parse(['--throttle', '2'])).rejects.toThrow(
      /--throttle <rate>.*must be a fraction from 0 to 1/,
    );
    await expect(parse(['--region-down', 'east'])).rejects.toThrow(
      /"east" is not a region name like us-east-1/,
    );
  });

  it('refuses options that only make sense together, saying what to add', async () => {
    expect(() => faultChangesFromOptions({ mode: 'timeout' })).toThrow(
      '--mode and --services describe a --region-down: add --region-down REGION.',
    );
    expect(() => faultChangesFromOptions({ region: 'us-east-1' })).toThrow(
      '--region and --service scope a --throttle rule: add --throttle RATE',
    );
    expect(() => faultChangesFromOptions({ regionDown: ['us-east-1'], regionUp: ['us-east-1'] })).toThrow(
      'us-east-1 is given to both --region-down and --region-up: choose one.',
    );
  });

  it('checks every change with the app’s own fault-change schema, naming the option', () => {
    expect(() => faultChangesFromOptions({ failRestore: ['  '] })).toThrow(
      '--fail-restore: name the restore target.',
    );
    expect(() =>
      faultChangesFromOptions({
        replicationLag: [
          { sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMs: 8 * 24 * 3_600_000 },
        ],
      }),
    ).toThrow('--replication-lag: at most a week (10080 minutes).');
  });

  it('checks the changes against what the running simulator has', () => {
    const scope = { regions: ['us-east-1', 'us-west-2'], services: ['s3', 'rds'] };
    expect(
      checkFaultChanges(faultChangesFromOptions({ regionDown: ['us-east-1'], services: ['s3'] }), scope),
    ).toBeNull();
    expect(checkFaultChanges(faultChangesFromOptions({ regionDown: ['eu-west-1'] }), scope)).toBe(
      'Region eu-west-1 is not in this exercise; choose one of us-east-1, us-west-2.',
    );
    expect(
      checkFaultChanges(
        faultChangesFromOptions({ quota: [{ key: 'ec2.concurentSnapshotCopies', value: 3 }] }),
        scope,
      ),
    ).toMatch(
      /^Quota ec2.concurentSnapshotCopies is not one the simulator enforces; choose one of ec2.concurrentSnapshotCopies, /,
    );
  });
});

describe('dr-war-room simulator faults: applying and showing', () => {
  it('applies changes with the simulator’s own rules (a new outage replaces the region’s old one)', () => {
    const start = {
      ...emptyFaultState(),
      regionOutages: [{ region: 'us-east-1', mode: '5xx' as const }],
      quotas: { 'dynamodb.concurrentRestores': 50 },
    };
    const after = applyFaultChanges(start, [
      { kind: 'regionDown', region: 'us-east-1', mode: 'timeout', services: ['rds'] },
      { kind: 'throttle', ratePercent: 50, service: 'dynamodb' },
      { kind: 'failRestore', target: 'orders-db-dr' },
      { kind: 'replicationLag', sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMinutes: 1 },
    ]);
    expect(after).toEqual({
      regionOutages: [{ region: 'us-east-1', mode: 'timeout', services: ['rds'] }],
      throttling: [{ service: 'dynamodb', rate: 0.5 }],
      failingRestores: ['orders-db-dr'],
      quotas: { 'dynamodb.concurrentRestores': 50 },
      replicationLag: [{ sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMs: 60_000 }],
    });
    expect(start.regionOutages).toEqual([{ region: 'us-east-1', mode: '5xx' }]);
    const undone = applyFaultChanges(after, [
      { kind: 'regionUp', region: 'us-east-1' },
      { kind: 'throttle', ratePercent: 0, service: 'dynamodb' },
      { kind: 'clearRestoreFailure', target: 'orders-db-dr' },
      { kind: 'replicationLag', sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMinutes: 0 },
    ]);
    expect(undone).toEqual({ ...emptyFaultState(), quotas: { 'dynamodb.concurrentRestores': 50 } });
    expect(applyFaultChanges(after, [{ kind: 'clearAll' }])).toEqual(emptyFaultState());
  });

  it('shows each fault on a line a facilitator can read', () => {
    expect(
      formatFaults({
        regionOutages: [
          { region: 'us-east-1', mode: '5xx' },
          { region: 'us-west-2', mode: 'refused', services: ['s3', 'rds'] },
        ],
        throttling: [{ rate: 0.3, region: 'us-west-2', service: 's3' }, { rate: 0.125 }],
        failingRestores: ['orders-db-dr'],
        quotas: { 'ec2.concurrentSnapshotCopies': 5 },
        replicationLag: [{ sourceRegion: 'us-east-1', destinationRegion: 'us-west-2', lagMs: 900_000 }],
      }),
    ).toEqual([
      '  region us-east-1 down (all services): every call answers 503',
      '  region us-west-2 down (s3, rds): connections refused',
      '  throttling: 30% of requests (s3 in us-west-2)',
      '  throttling: 12.5% of requests (every service in every region)',
      '  failing restore: orders-db-dr',
      '  quota: ec2.concurrentSnapshotCopies = 5',
      '  replication lag: us-east-1 → us-west-2 15m',
    ]);
    expect(formatFaults(emptyFaultState())).toEqual(['  (no faults in force)']);
  });
});
