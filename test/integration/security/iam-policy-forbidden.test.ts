import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  DeleteTableCommand,
  RestoreTableToPointInTimeCommand,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateTagsCommand, RunInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import {
  AddTagsToResourceCommand,
  CopyDBSnapshotCommand,
  DeleteDBInstanceCommand,
  PromoteReadReplicaCommand,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClients } from '../../../electron/core/aws';
import { buildIamPolicy, type IamPolicy } from '../../../electron/core/aws/iam-policy';
import { appTags } from '../../../electron/core/aws/tags';
import { loadProcedure } from '../../../electron/core/runbooks/load-procedure';
import type { Simulator } from '../../../electron/simulator';
import { ACCOUNT, WEB_AMI, WEB_AMI_WEST } from '../../fixtures/recover/scenario';
import { denied, evaluate, type Authorization } from '../../support/iam-evaluator';
import { recordAuthorizations, type IamRecording } from '../../support/iam-recording';
import { BUNDLED_RUNBOOKS_DIR } from '../../support/test-core';
import { REGIONS, startSim } from '../recover/support';

/**
 * Requests the app must not be able to make under the generated policy, serialised by the real
 * SDK through the app's guarded clients and evaluated like the allowed ones
 * (iam-policy-proof.test.ts): each is denied. The last block states, as tests, what AWS does
 * not let the policy limit.
 */

let policy: IamPolicy;
let sim: Simulator;
let clients: AwsClients;
let recording: IamRecording;

const TAGS = appTags({ incident: 'DR-20261126-09', source: 'test', createdBy: 'dr-war-room' });
const DRILL_TAGS = appTags({ incident: 'drill-20261126-041500-ab12', source: 'test', createdBy: 'x' });
const REPLICA_ARN = `arn:aws:rds:us-west-2:${ACCOUNT}:db:billing-db-usw2`;

beforeAll(async () => {
  policy = buildIamPolicy((await loadProcedure(BUNDLED_RUNBOOKS_DIR)).regions);
  const started = await startSim({ mutate: (s) => delete s.faults });
  sim = started.sim;
  clients = started.clients;
  recording = recordAuthorizations(sim);
});

afterAll(() => sim.close());

/** Send one command (its answer does not matter) and return the authorisations AWS would make. */
async function authorizationsFor(send: () => Promise<unknown>): Promise<Authorization[]> {
  const from = recording.authorizations.length;
  await send().catch(() => undefined);
  expect(recording.unreadable).toEqual([]);
  const made = recording.authorizations.slice(from);
  expect(made.length).toBeGreaterThan(0);
  return made;
}

function launch(region: string, image: string, subnet: string, tagged: boolean) {
  return new RunInstancesCommand({
    ImageId: image,
    InstanceType: 'm6i.large',
    MinCount: 1,
    MaxCount: 1,
    SubnetId: subnet,
    ...(tagged
      ? {
          TagSpecifications: (['instance', 'volume', 'network-interface'] as const).map((ResourceType) => ({
            ResourceType,
            Tags: TAGS,
          })),
        }
      : {}),
  });
}

describe('the generated IAM policy denies', () => {
  it('an untagged RunInstances in the secondary region (instance, volume and network interface)', async () => {
    const auths = await authorizationsFor(() =>
      clients.ec2(REGIONS.secondary).send(launch(REGIONS.secondary, WEB_AMI_WEST, 'subnet-0f2a0000', false)),
    );
    const refused = denied(policy, auths);
    expect(refused.join('\n')).toMatch(/instance\/\*/);
    expect(refused.join('\n')).toMatch(/volume\/\*/);
    expect(refused.join('\n')).toMatch(/network-interface\/\*/);
    // What the launch only uses (the AMI, the subnet) is allowed: the denial is the missing tag.
    expect(
      auths.filter((a) => /image\/|subnet\//.test(a.resource)).every((a) => evaluate(policy, a).allowed),
    ).toBe(true);
  });

  it('a tagged RunInstances in the primary region', async () => {
    const auths = await authorizationsFor(() =>
      clients.ec2(REGIONS.primary).send(launch(REGIONS.primary, WEB_AMI, 'subnet-0e1a0000', true)),
    );
    expect(auths.every((a) => !evaluate(policy, a).allowed)).toBe(true);
  });

  it('a DynamoDB restore into the primary region', async () => {
    const auths = await authorizationsFor(() =>
      clients.dynamodb(REGIONS.primary).send(
        new RestoreTableToPointInTimeCommand({
          SourceTableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/events`,
          TargetTableName: 'events-copy',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(denied(policy, auths).length).toBeGreaterThan(0);
  });

  it('tagging an existing EC2 resource outside a create call', async () => {
    const auths = await authorizationsFor(() =>
      clients
        .ec2(REGIONS.secondary)
        .send(new CreateTagsCommand({ Resources: [WEB_AMI_WEST], Tags: DRILL_TAGS })),
    );
    expect(denied(policy, auths)).toHaveLength(1);
  });

  it('an untagged RDS snapshot copy into the secondary region', async () => {
    const auths = await authorizationsFor(() =>
      clients.rds(REGIONS.secondary).send(
        new CopyDBSnapshotCommand({
          SourceDBSnapshotIdentifier: `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:crm-db-nightly`,
          TargetDBSnapshotIdentifier: 'crm-db-untagged-copy',
        }),
      ),
    );
    expect(denied(policy, auths).join('\n')).toMatch(/snapshot:crm-db-untagged-copy/);
  });

  it('an S3 object written without the app’s tag', async () => {
    const auths = await authorizationsFor(() =>
      clients
        .s3(REGIONS.secondary)
        .send(new PutObjectCommand({ Bucket: 'acme-site', Key: 'index.html', Body: 'defaced' })),
    );
    expect(denied(policy, auths)).toHaveLength(1);
  });

  it('changing settings of a table the app did not restore', async () => {
    const auths = await authorizationsFor(() =>
      clients.dynamodb(REGIONS.secondary).send(
        new UpdateContinuousBackupsCommand({
          TableName: 'ledger',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
        }),
      ),
    );
    expect(denied(policy, auths)).toHaveLength(1);
  });

  it('deleting untagged resources: a production instance, table and the read replica', async () => {
    const deletes = [
      () =>
        clients
          .ec2(REGIONS.primary)
          .send(new TerminateInstancesCommand({ InstanceIds: ['i-0eeeeeeeeeeeeeee1'] })),
      () => clients.dynamodb(REGIONS.secondary).send(new DeleteTableCommand({ TableName: 'ledger' })),
      () =>
        clients
          .rds(REGIONS.secondary)
          .send(
            new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'billing-db-usw2', SkipFinalSnapshot: true }),
          ),
    ];
    for (const send of deletes) {
      const auths = await authorizationsFor(send);
      expect(denied(policy, auths)).toHaveLength(auths.length);
    }
  });

  it('deleting the read replica even after tagging it as a drill’s (clean-up is limited to drill names too)', async () => {
    const tag = await authorizationsFor(() =>
      clients
        .rds(REGIONS.secondary)
        .send(new AddTagsToResourceCommand({ ResourceName: REPLICA_ARN, Tags: DRILL_TAGS })),
    );
    // AWS lets RDS tags be limited only by the tags in the request, and recovery tags the replica it promotes.
    expect(denied(policy, tag)).toEqual([]);
    const del = await authorizationsFor(() =>
      clients
        .rds(REGIONS.secondary)
        .send(
          new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'billing-db-usw2', SkipFinalSnapshot: true }),
        ),
    );
    expect(del[0]?.context['aws:ResourceTag/dr-war-room:incident']).toBe(DRILL_TAGS[0]!.Value);
    expect(denied(policy, del)).toHaveLength(1);
  });
});

describe('what AWS does not let the policy limit (allowed, and documented in docs/security.md)', () => {
  it('promoting a read replica: it exists before the incident and carries no app tag', async () => {
    const auths = await authorizationsFor(() =>
      clients
        .rds(REGIONS.secondary)
        .send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: 'billing-db-usw2' })),
    );
    expect(denied(policy, auths)).toEqual([]);
  });

  it('an untagged snapshot copy inside the primary region: IAM cannot tell it from the source half of a cross-region copy', async () => {
    const auths = await authorizationsFor(() =>
      clients.rds(REGIONS.primary).send(
        new CopyDBSnapshotCommand({
          SourceDBSnapshotIdentifier: 'crm-db-nightly',
          TargetDBSnapshotIdentifier: 'crm-db-same-region-copy',
        }),
      ),
    );
    expect(denied(policy, auths)).toEqual([]);
  });
});
