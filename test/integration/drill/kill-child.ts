/**
 * The drilling process of the kill test: a tabletop core on the given data folder (the simulated
 * account is saved there after every change) runs a drill of RDS, EC2 and DynamoDB at real-time
 * speed, and prints `WAITING <drill id>` once all three restores were requested and tagged, so
 * the test can SIGKILL it while it waits.
 *
 * Usage: node --import tsx kill-child.ts <dataDir>
 */
import { drillBench } from './support';

const WAITING: Record<string, string> = {
  rds: 'waiting for available',
  ec2: 'waiting for status checks',
  dynamodb: 'waiting for ACTIVE',
};

async function main(): Promise<void> {
  const { core, sim } = await drillBench({ dataDir: process.argv[2]! });
  sim.clock.setSpeed(1);
  let told = false;
  core.events.subscribe((event) => {
    if (event.type !== 'drill.progress' || told) return;
    if (event.run.services.every((s) => WAITING[s.service] === s.phase)) {
      told = true;
      process.stdout.write(`WAITING ${event.run.id}\n`);
    }
  });
  await core.drill.run({ services: ['rds', 'ec2', 'dynamodb'], targets: { ec2: 'i-0a1b2c3d4e0000005' } });
  process.stdout.write('FINISHED\n');
  await core.close();
}

void main();
