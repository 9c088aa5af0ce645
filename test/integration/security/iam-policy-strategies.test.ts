import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildIamPolicy, type IamPolicy } from '../../../electron/core/aws/iam-policy';
import { loadProcedure } from '../../../electron/core/runbooks/load-procedure';
import type { RecoverableResource, ResourceSelection } from '../../../electron/core/recover/types';
import type { Simulator } from '../../../electron/simulator';
import { EVENTS_ARN, eventsTable, recoverResources } from '../../fixtures/recover/resources';
import type { SentRequest } from '../../support/iam-capture';
import { denied, type Authorization } from '../../support/iam-evaluator';
import { recordAuthorizations } from '../../support/iam-recording';
import { BUNDLED_RUNBOOKS_DIR } from '../../support/test-core';
import { execute, plan, rdsWindow, REGIONS, startSim } from '../recover/support';

/**
 * Every recovery strategy's AWS requests, captured on the wire from the executor's guarded
 * clients, are allowed by the generated IAM policy: the default scenario's recovery
 * (iam-policy-proof.test.ts) uses only some strategies, so each of the others runs here, with
 * us-east-1 answering so that the cross-region copies (and their presigned source-region halves)
 * are sent too.
 */

let policy: IamPolicy;
let sim: Simulator | null = null;

beforeAll(async () => {
  policy = buildIamPolicy((await loadProcedure(BUNDLED_RUNBOOKS_DIR)).regions);
});

afterEach(() => {
  sim?.close();
  sim = null;
});

function option(data: RecoverableResource['options'][number]['data']): RecoverableResource['options'] {
  return [{ data, available: true, note: null, rpoMinutes: 0, best: true }];
}

function bucket(name: string, region: string, options: RecoverableResource['options']): RecoverableResource {
  const arn = `arn:aws:s3:::${name}`;
  const base = { id: arn, service: 's3', kind: 'bucket', name, arn, region, tier: 'production' } as const;
  return { ...base, tags: {}, details: {}, options };
}

/** Run a plan on a fresh simulator (us-east-1 answering) and return what the executor sent. */
async function recoverAndCapture(
  build: (ctx: {
    resources: RecoverableResource[];
    now: Date;
    clients: Awaited<ReturnType<typeof startSim>>['clients'];
  }) => Promise<{ resources: RecoverableResource[]; selection: ResourceSelection[] }>,
): Promise<{ sent: SentRequest[]; authorizations: Authorization[]; status: string }> {
  const started = await startSim({ mutate: (s) => delete s.faults });
  sim = started.sim;
  const resources = recoverResources(await rdsWindow(started.clients, 'orders-db')).map((r) => ({
    ...r,
    options: r.options.map((o) => ({ ...o, available: true })),
  }));
  const chosen = await build({ resources, now: started.sim.clock.now(), clients: started.clients });
  const recording = recordAuthorizations(started.sim);
  const { run } = await execute(started.clients, plan(chosen.resources, chosen.selection));
  recording.stop();
  expect(recording.unreadable).toEqual([]);
  return { sent: recording.sent, authorizations: recording.authorizations, status: run.status };
}

function ops(sent: readonly SentRequest[]): string[] {
  return [...new Set(sent.map((r) => `${r.service}:${r.operation}`))];
}

describe('the generated IAM policy allows every recovery strategy', () => {
  it('EC2 launch from the AMI in us-west-2, with the data volume copied, created and attached; RDS point in time', async () => {
    const got = await recoverAndCapture(async ({ resources }) => ({
      resources,
      selection: [{ resourceId: 'web-1' }, { resourceId: resources[5]!.id }, { resourceId: 'orders-db' }],
    }));
    expect(got.status).toBe('completed');
    expect(ops(got.sent)).toEqual(
      expect.arrayContaining([
        'ec2:RunInstances',
        'ec2:CopySnapshot',
        'ec2:CreateVolume',
        'ec2:AttachVolume',
        'rds:RestoreDBInstanceToPointInTime',
      ]),
    );
    // The presigned source-region half of the snapshot copy is authorised in us-east-1.
    expect(got.authorizations.some((a) => a.context['aws:RequestedRegion'] === REGIONS.primary)).toBe(true);
    expect(denied(policy, got.authorizations)).toEqual([]);
  });

  it('EC2 AMI copy then launch', async () => {
    const got = await recoverAndCapture(async ({ resources }) => ({
      resources,
      selection: [{ resourceId: 'web-1', strategy: 'ec2-ami-copy-launch' }],
    }));
    expect(got.status).toBe('completed');
    expect(ops(got.sent)).toEqual(expect.arrayContaining(['ec2:CopyImage', 'ec2:RunInstances']));
    expect(denied(policy, got.authorizations)).toEqual([]);
  });

  it('RDS snapshot copy across regions (presigned, KMS key) then restore', async () => {
    const got = await recoverAndCapture(async ({ resources }) => ({
      resources,
      selection: [{ resourceId: 'crm-db', strategy: 'rds-snapshot-copy-restore' }],
    }));
    expect(got.status).toBe('completed');
    expect(ops(got.sent)).toEqual(
      expect.arrayContaining(['rds:CopyDBSnapshot', 'rds:RestoreDBInstanceFromDBSnapshot']),
    );
    const sourceHalf = got.authorizations.filter(
      (a) => a.action === 'rds:CopyDBSnapshot' && a.context['aws:RequestedRegion'] === REGIONS.primary,
    );
    expect(sourceHalf.length).toBe(1);
    expect(got.authorizations.some((a) => a.action === 'kms:CreateGrant')).toBe(true);
    expect(denied(policy, got.authorizations)).toEqual([]);
  });

  it('RDS read replica promotion (and its tagging) and a restore from a snapshot already in us-west-2', async () => {
    const got = await recoverAndCapture(async ({ resources }) => ({
      resources,
      selection: [{ resourceId: 'billing-db' }, { resourceId: 'crm-db' }],
    }));
    expect(got.status).toBe('completed');
    expect(ops(got.sent)).toEqual(
      expect.arrayContaining([
        'rds:PromoteReadReplica',
        'rds:AddTagsToResource',
        'rds:RestoreDBInstanceFromDBSnapshot',
      ]),
    );
    expect(denied(policy, got.authorizations)).toEqual([]);
  });

  it('DynamoDB cross-region point in time, then tags, PITR and TTL re-applied on the target', async () => {
    const got = await recoverAndCapture(async ({ now }) => {
      const events = eventsTable(
        option({
          strategy: 'dynamodb-pitr-cross-region',
          sourceTableArn: EVENTS_ARN,
          window: {
            earliest: new Date(now.getTime() - 86_400_000).toISOString(),
            latest: new Date(now.getTime() - 300_000).toISOString(),
          },
        }),
      );
      return { resources: [events], selection: [{ resourceId: EVENTS_ARN }] };
    });
    expect(got.status).toBe('completed');
    expect(ops(got.sent)).toEqual(
      expect.arrayContaining([
        'dynamodb:RestoreTableToPointInTime',
        'dynamodb:TagResource',
        'dynamodb:UpdateContinuousBackups',
        'dynamodb:UpdateTimeToLive',
      ]),
    );
    expect(denied(policy, got.authorizations)).toEqual([]);
  });

  it('S3 version rollback (CopyObject, tagged) and archive restore (RestoreObject)', async () => {
    const got = await recoverAndCapture(async ({ clients }) => {
      const versions = await clients
        .s3(REGIONS.secondary)
        .send(new ListObjectVersionsCommand({ Bucket: 'acme-site' }));
      const good = versions.Versions?.find((v) => !v.IsLatest);
      if (!good?.VersionId || !good.Key) throw new Error('no earlier version in the scenario');
      return {
        resources: [
          bucket(
            'acme-site',
            REGIONS.secondary,
            option({
              strategy: 's3-version-rollback',
              bucket: 'acme-site',
              region: REGIONS.secondary,
              objects: [{ key: good.Key, versionId: good.VersionId }],
            }),
          ),
          bucket(
            'acme-archive',
            REGIONS.secondary,
            option({
              strategy: 's3-archive-restore',
              bucket: 'acme-archive',
              region: REGIONS.secondary,
              objects: [{ key: 'records/2025.tar' }],
              days: 3,
              tier: 'Standard',
            }),
          ),
        ],
        selection: [{ resourceId: 'arn:aws:s3:::acme-site' }, { resourceId: 'arn:aws:s3:::acme-archive' }],
      };
    });
    expect(got.status).toBe('completed');
    expect(ops(got.sent)).toEqual(expect.arrayContaining(['s3:CopyObject', 's3:RestoreObject']));
    expect(denied(policy, got.authorizations)).toEqual([]);
  });
});
