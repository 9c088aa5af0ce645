import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryPlan } from '../../../electron/core/recover/types';
import type { Simulator } from '../../../electron/simulator';
import { dataVolumes } from '../../fixtures/recover/resources';
import { DATA_SNAP } from '../../fixtures/recover/scenario';
import { execute, plan, startSim, VOLUME_MAPPING } from './support';

let sim: Simulator | null = null;
afterEach(() => {
  sim?.close();
  sim = null;
});

/** One data volume, copied from the us-east-1 snapshot and created in us-west-2a. */
const VOLUME = dataVolumes(1)[0]!;

function volumePlan(): RecoveryPlan {
  return plan([VOLUME], [{ resourceId: VOLUME.id }], { mapping: VOLUME_MAPPING });
}

describe('recover executor: EBS targets that end in state error', () => {
  it('fails the snapshot-copy step, naming the snapshot and CopySnapshot, and starts nothing after it', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults });
    sim = started.sim;
    const p = volumePlan();
    const [copy, create] = p.chains[0]!.actions;
    expect(copy!.calls[0]!.operation).toBe('CopySnapshot');
    // The simulator's fault names a snapshot copy by its Name tag: give the planned copy one.
    const specs = copy!.calls[0]!.params.TagSpecifications as Array<{ Tags: Array<Record<string, string>> }>;
    specs[0]!.Tags.push({ Key: 'Name', Value: 'data-0-copy' });
    sim.faults.failRestore('data-0-copy');

    const { run } = await execute(started.clients, p);
    expect(run.status).toBe('failed');
    const failed = run.actions[copy!.id]!;
    expect(failed.state).toBe('failed');
    const snapshotId = failed.output?.SnapshotId;
    expect(snapshotId).toMatch(/^snap-/);
    expect(failed.error?.message).toContain(
      `The snapshot ${snapshotId} made by CopySnapshot is in state error`,
    );
    expect(failed.error?.message).toContain(DATA_SNAP);
    expect(failed.error?.hint).toBe('target-failed');
    expect(run.actions[create!.id]!.state).toBe('pending');
  });

  it('fails the create-volume step when the volume goes creating → error, naming the volume and CreateVolume', async () => {
    const started = await startSim({ mutate: (s) => delete s.faults });
    sim = started.sim;
    const p = volumePlan();
    const chain = p.chains[0]!;
    const create = chain.actions.find((a) => a.calls[0]?.operation === 'CreateVolume')!;
    // CreateVolume carries the chain's target name as its Name tag; the fault names it.
    sim.faults.failRestore(chain.targetName);

    const { run } = await execute(started.clients, p);
    expect(run.status).toBe('failed');
    expect(run.actions[chain.actions[0]!.id]!.state).toBe('done');
    const failed = run.actions[create.id]!;
    expect(failed.state).toBe('failed');
    const volumeId = failed.output?.VolumeId;
    expect(volumeId).toMatch(/^vol-/);
    expect(failed.error).toMatchObject({
      message: `The volume ${volumeId} made by CreateVolume is in state error.`,
      hint: 'target-failed',
      retryable: true,
    });
  });
});
