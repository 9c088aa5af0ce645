import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../../electron/simulator';

let sim: Simulator | undefined;
afterEach(() => sim?.close());

function ec2(s: Simulator, region: string): EC2Client {
  return new EC2Client({
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: s.requestHandler,
    maxAttempts: 1,
  });
}

const HOUR = 3_600_000;

async function newestAmiAgeHours(client: EC2Client, app: string, now: Date): Promise<number> {
  const images =
    (
      await client.send(
        new DescribeImagesCommand({
          Owners: ['self'],
          Filters: [{ Name: 'tag:application', Values: [app] }],
        }),
      )
    ).Images ?? [];
  const newest = Math.max(...images.map((i) => Date.parse(i.CreationDate ?? '')));
  return (now.getTime() - newest) / HOUR;
}

describe('EC2 sections of the shipped scenarios', () => {
  it('us-east-1-outage: production and development tiers, a stale critical AMI and an unprotected volume', async () => {
    sim = await createSimulator({ scenario: 'us-east-1-outage', realNow: () => 0 });
    sim.faults.regionUp('us-east-1');
    const east = ec2(sim, 'us-east-1');
    const west = ec2(sim, 'us-west-2');
    const now = sim.clock.now();
    const reservations = (await east.send(new DescribeInstancesCommand({}))).Reservations ?? [];
    const tiers = reservations
      .flatMap((r) => r.Instances ?? [])
      .map((i) => i.Tags?.find((t) => t.Key === 'environment')?.Value);
    expect(tiers.filter((t) => t === 'production').length).toBeGreaterThanOrEqual(10);
    expect(tiers).toContain('development');
    expect(await newestAmiAgeHours(east, 'batch-worker', now)).toBe(72);
    expect(await newestAmiAgeHours(west, 'batch-worker', now)).toBe(71);
    expect(await newestAmiAgeHours(west, 'web', now)).toBeLessThan(24);
    const searchSnaps =
      (
        await east.send(
          new DescribeSnapshotsCommand({
            Filters: [{ Name: 'volume-id', Values: ['vol-0a1b2c3d4e5f80002'] }],
          }),
        )
      ).Snapshots ?? [];
    expect(searchSnaps.map((s) => (now.getTime() - (s.StartTime?.getTime() ?? 0)) / HOUR)).toEqual([216]);
  });

  it('healthy: critical AMIs are under a day old in both regions', async () => {
    sim = await createSimulator({ scenario: 'healthy', realNow: () => 0 });
    const now = sim.clock.now();
    for (const app of ['web', 'api', 'batch-worker']) {
      expect(await newestAmiAgeHours(ec2(sim, 'us-east-1'), app, now), app).toBeLessThanOrEqual(24);
      expect(await newestAmiAgeHours(ec2(sim, 'us-west-2'), app, now), app).toBeLessThanOrEqual(24);
    }
  });
});
