import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceOutcome } from '../../../electron/core/record/types';
import type { ValidationRun } from '../../../electron/core/validate/types';
import { describeEntry } from '../../../electron/core/incident/timeline';
import { allowKinds } from '../../../electron/core/aws/guard';
import { checkEc2 } from '../../../electron/core/validate/check-ec2';
import type { ValidationSubject } from '../../../electron/core/validate/subjects';
import { DEFAULT_VALIDATION_OPTIONS } from '../../../electron/core/validate/types';
import type { Ec2State } from '../../../electron/simulator/services/ec2/model';
import { corruptObject, dropItems, impairInstance, setDbClass } from './faults';
import { checkOf, recovered, resourceOf, type Recovered } from './support';

const DOCS = 'arn:aws:s3:::acme-prod-customer-docs';
const DB = 'arn:aws:rds:us-east-1:123456789012:db:customers-db';
const CARTS = 'arn:aws:dynamodb:us-east-1:123456789012:table/carts';
const API = 'arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e0000005';

let r: Recovered;

beforeAll(async () => {
  // The source region answers: validation compares every restore with its source.
  r = await recovered({
    sourceUp: true,
    names: ['acme-prod-customer-docs', 'customers-db', 'carts', 'sessions', 'api-1'],
  });
}, 120_000);

afterAll(async () => {
  await r.close();
});

function subjectBase(volumeId: string): ValidationSubject {
  return {
    resourceId: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-source',
    service: 'ec2',
    kind: 'volume',
    source: 'vol-source',
    sourceRegion: 'us-east-1',
    targetRegion: 'us-west-2',
    targetId: volumeId,
    strategy: 'ebs-snapshot-copy',
    tier: null,
    chain: r.plan.chains[0]!,
    output: { VolumeId: volumeId },
    planned: {},
    assessed: null,
    option: null,
    optionRpoMinutes: null,
    restoredPoint: { kind: 'unknown', why: 'test' },
    assessedAt: null,
  };
}

function targetOf(run: ValidationRun, id: string): string {
  return resourceOf(run, id).targetId;
}

describe('validation against the simulator (source region reachable)', () => {
  let clean: ValidationRun;

  it('a clean restore passes every check, journals the results and marks the procedure step done', async () => {
    clean = await r.validate();
    const failed = clean.resources.flatMap((x) =>
      x.checks.filter((c) => c.status === 'fail').map((c) => `${x.resourceId} ${c.id}: ${c.evidence}`),
    );
    expect(failed).toEqual([]);
    expect(clean.passed).toBe(true);
    expect(clean.resources.map((x) => x.resourceId).sort()).toEqual(
      [API, CARTS, DB, DOCS, 'arn:aws:dynamodb:us-east-1:123456789012:table/sessions'].sort(),
    );
    expect(checkOf(clean, DOCS, 'checksums').evidence).toMatch(/verified by SHA-256/);
    expect(checkOf(clean, DOCS, 'object-count').status).toBe('pass');
    expect(checkOf(clean, CARTS, 'item-count').status).toBe('pass');
    expect(checkOf(clean, CARTS, 'sample-items').status).toBe('pass');
    expect(checkOf(clean, DB, 'class').status).toBe('pass');
    // In tabletop the simulated endpoints do not resolve: recorded as skipped, never as a pass.
    expect(checkOf(clean, DB, 'endpoint')).toMatchObject({ status: 'skipped' });
    expect(checkOf(clean, DB, 'endpoint').evidence).toMatch(/tabletop endpoint/);
    expect(checkOf(clean, API, 'status-checks').status).toBe('pass');
    for (const x of clean.resources) {
      expect(x.achievedRtoMinutes).not.toBeNull();
      expect(x.rtoTargetMinutes).not.toBeNull();
    }
    // The RDS restore went to the latest restorable time: a known, bounded data-loss window.
    expect(resourceOf(clean, DB).achievedRpoMinutes).toBeGreaterThanOrEqual(0);
    expect(resourceOf(clean, DB).rpoBasis).toMatch(/latest restorable time/);

    const state = await r.core.incidents.state(r.incidentId);
    expect(state.steps['run-validation']?.status).toBe('done');
    expect(state.resources[DB]?.validationOk).toBe(true);
    expect(state.resources[DB]?.achievedRtoMinutes).toBe(resourceOf(clean, DB).achievedRtoMinutes);
    const latest = await r.call<{ latest: ValidationRun | null }>('validate.latest', {
      incidentId: r.incidentId,
    });
    expect(latest.latest?.id).toBe(clean.id);
    // Carried into the lessons-learned record: validated, achieved against the targets.
    const draft = await r.call<{ facts: { resources: ResourceOutcome[] } }>('record.draft', {
      incidentId: r.incidentId,
    });
    const outcome = draft.facts.resources.find((o) => o.resourceId === DB);
    expect(outcome).toMatchObject({
      validated: true,
      achievedRtoMinutes: resourceOf(clean, DB).achievedRtoMinutes,
      achievedRpoMinutes: resourceOf(clean, DB).achievedRpoMinutes,
      rtoTargetMinutes: resourceOf(clean, DB).rtoTargetMinutes,
    });
  });

  it('fails a replica object whose bytes no longer match its checksum', async () => {
    const bucket = targetOf(clean, DOCS);
    const undo = corruptObject(r.sim, bucket, 'customers/C-10002/contract.pdf');
    try {
      const run = await r.validate({ only: [DOCS], s3Sample: 'all' });
      const c = checkOf(run, DOCS, 'checksums');
      expect(c.status).toBe('fail');
      expect(c.evidence).toContain('customers/C-10002/contract.pdf');
      expect(c.fix).toBeDefined();
      expect(resourceOf(run, DOCS).status).toBe('fail');
      expect(run.passed).toBe(false);
      expect((await r.core.incidents.state(r.incidentId)).resources[DOCS]?.validationOk).toBe(false);
      // The timeline (and the record's timeline) says what failed.
      const entry = (await r.core.incidents.entries(r.incidentId))
        .filter((e) => e.type === 'validate.completed')
        .at(-1)!;
      expect(describeEntry(entry)).toMatch(
        /^validate\.completed: 1 resources validated: 0 passed, 0 with warnings, 1 failed · FAILED acme-prod-customer-docs: checksums/,
      );
    } finally {
      undo();
    }
  });

  it('fails a restored table with missing items', async () => {
    const undo = dropItems(r.sim, 'us-west-2', targetOf(clean, CARTS), 3);
    try {
      const run = await r.validate({ only: [CARTS] });
      const c = checkOf(run, CARTS, 'item-count');
      expect(c.status).toBe('fail');
      expect(c.evidence).toMatch(/3 missing/);
      expect(resourceOf(run, CARTS).status).toBe('fail');
    } finally {
      undo();
    }
  });

  it('fails a restored database of the wrong class', async () => {
    const undo = setDbClass(r.sim, targetOf(clean, DB), 'db.t3.micro');
    try {
      const run = await r.validate({ only: [DB] });
      const c = checkOf(run, DB, 'class');
      expect(c.status).toBe('fail');
      expect(c.evidence).toContain('db.t3.micro');
      expect(c.evidence).toContain('db.m6g.xlarge');
      expect(checkOf(run, DB, 'engine').status).toBe('pass');
    } finally {
      undo();
    }
  });

  it('fails an instance whose status check is impaired', async () => {
    const undo = impairInstance(r.sim, targetOf(clean, API));
    try {
      const run = await r.validate({ only: [API] });
      const c = checkOf(run, API, 'status-checks');
      expect(c.status).toBe('fail');
      expect(c.evidence).toMatch(/impaired/);
      expect(checkOf(run, API, 'status').status).toBe('pass');
    } finally {
      undo();
    }
  });

  it('checks a recovered volume: attached to the instance, size and encryption as the source; detached fails', async () => {
    const instance = Object.values(r.sim.state<Ec2State>('ec2').instances).find(
      (i) => i.id === targetOf(clean, API),
    )!;
    const volumeId = instance.devices[0]!.volumeId;
    const volume = Object.values(r.sim.state<Ec2State>('ec2').volumes).find((v) => v.id === volumeId)!;
    const base = await r.core.session.clients();
    const read = base.withPolicy(allowKinds(['read'], 'Validation'));
    const ctx = {
      clients: read,
      sourceClients: read.fastFail(),
      options: DEFAULT_VALIDATION_OPTIONS,
      networkSkip: 'tabletop',
    };
    const subject: ValidationSubject = {
      ...subjectBase(volumeId),
      option: {
        strategy: 'ebs-snapshot-copy',
        sourceSnapshotId: 'snap-1',
        createdAt: '2026-11-26T03:00:00Z',
        encrypted: volume.encrypted,
        sizeGiB: volume.size,
        attach: { instanceResourceId: API, device: '/dev/xvda' },
      },
    };
    const ok = await checkEc2(ctx, subject);
    expect(ok.map((c) => [c.id, c.status])).toEqual([
      ['status', 'pass'],
      ['volumes', 'pass'],
      ['size', 'pass'],
      ['encryption', volume.encrypted ? 'pass' : 'skipped'],
    ]);
    expect(ok.find((c) => c.id === 'volumes')?.evidence).toContain(instance.id);
    const attachments = volume.attachments;
    volume.attachments = [];
    try {
      const detached = await checkEc2(ctx, subject);
      expect(detached.find((c) => c.id === 'volumes')).toMatchObject({
        status: 'fail',
        evidence: 'not attached.',
      });
    } finally {
      volume.attachments = attachments;
    }
  });

  it('passes again once the faults are gone, and validating sends no write to AWS', async () => {
    const writes: string[] = [];
    const stop = r.sim.onRequest((record) => {
      if (record.mutating) writes.push(`${record.service} ${record.region}`);
    });
    const run = await r.validate({ s3Sample: 'all' });
    stop();
    expect(run.passed).toBe(true);
    expect(writes).toEqual([]);
  });
});
