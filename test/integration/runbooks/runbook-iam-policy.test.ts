import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIamPolicy, type IamPolicy } from '../../../electron/core/aws/iam-policy';
import { findOperation, type AwsService } from '../../../electron/core/aws/operations';
import type { LoadedRunbook } from '../../../electron/core/runbooks/load-runbooks';
import { authorizationsOf } from '../../support/iam-authorizations';
import type { SentRequest } from '../../support/iam-capture';
import { denied } from '../../support/iam-evaluator';
import { simResourceTags } from '../../support/iam-sim-tags';
import { RUNBOOK_IDS_WITH_AWS_COMMANDS } from '../../support/runbook-ids';
import { sentRequestOfRaw } from './raw-sent-request';
import { loadRunbookFixtures, type RunbookFixtures } from './runbook-fixtures';
import { runRunbookCommands } from './run-runbook';

/**
 * The runbooks' `aws` commands, typed by hand with DR War Room's IAM role, are allowed by the
 * generated least-privilege policy. Each runbook's commands run with the real AWS CLI against
 * the simulator's HTTP server (as in aws-commands.test.ts); every request the server receives is
 * read on the simulator side, before it is answered, turned into the authorisations AWS makes for
 * it (with the resources' tags at that moment), and evaluated against `buildIamPolicy(regions)`.
 *
 * Reads are not evaluated: the policy grants reads everywhere. Every other request is. The
 * commands the app's role is not meant for (creates in the primary region: in-region restores
 * and the backup tests run where the data is; setting up backup replication ahead of an outage)
 * are listed below with the reason: the test fails if one of them becomes allowed, or if any
 * other command is refused.
 */

/** `runbook: cli operation in <region placeholder>` → why the app's role does not allow it. */
const OUTSIDE_THE_APP_ROLE: Readonly<Record<string, string>> = {
  'rds-pitr-in-region: rds restore-db-instance-to-point-in-time in <primary-region>':
    'an in-region restore creates in the primary region',
  'rds-pitr-cross-region: rds start-db-instance-automated-backups-replication in <secondary-region>':
    'set-up before an outage, not a recovery call: not in the operations registry',
  'rds-backup-test: rds restore-db-instance-from-db-snapshot in <primary-region>':
    'the backup test restores in the region under test',
  'rds-backup-test: rds delete-db-instance in <primary-region>': 'its clean-up, in the same region',
  'ec2-backup-test: ec2 run-instances in <primary-region>':
    'the backup test launches in the region under test',
  'ec2-backup-test: ec2 create-volume in <primary-region>': 'the same',
  'ec2-backup-test: ec2 attach-volume in <primary-region>': 'the same',
  'ec2-backup-test: ec2 terminate-instances in <primary-region>': 'its clean-up, in the same region',
  'ec2-backup-test: ec2 delete-volume in <primary-region>': 'its clean-up, in the same region',
  'dynamodb-pitr-restore: dynamodb restore-table-to-point-in-time in <primary-region>':
    'the in-region restore (the cross-region one, in the secondary region, is allowed)',
  'dynamodb-backup-restore: dynamodb restore-table-from-backup in <primary-region>':
    'an on-demand backup restores in its own region, the primary',
  'dynamodb-backup-test: dynamodb restore-table-to-point-in-time in <primary-region>':
    'the backup test restores in the region under test',
  'dynamodb-backup-test: dynamodb delete-table in <primary-region>': 'its clean-up, in the same region',
};

let runbooks: LoadedRunbook[] = [];
let regions: RunbookFixtures['regions'];
let policy: IamPolicy;
let fixtures: RunbookFixtures;

beforeAll(async () => {
  fixtures = await loadRunbookFixtures('iam');
  ({ runbooks, regions } = fixtures);
  policy = buildIamPolicy(regions);
});

afterAll(async () => {
  await fixtures?.close();
});

/** True for a request that changes nothing (the policy's `DrWarRoomRead` covers every one). */
function isRead(request: SentRequest): boolean {
  const registered = findOperation(request.service as AwsService, `${request.operation}Command`);
  if (registered) return registered.kind === 'read';
  return /^(Describe|List|Get|Head)/.test(request.operation);
}

/** How one write the runbook sent fares under the policy. */
interface WriteOutcome {
  /** `runbook: cli operation in <region placeholder>`. */
  key: string;
  request: string;
  /** Denied authorisations, or why it cannot be modelled (an operation the app never sends). */
  refused: string[];
}

/** Run one runbook's commands and judge every write they send against the policy. */
async function evaluateRunbook(runbook: LoadedRunbook): Promise<{
  outcomes: WriteOutcome[];
  failures: string[];
  ran: number;
  silent: string[];
  unreadable: string[];
}> {
  const id = runbook.meta.id;
  const unreadable: string[] = [];
  const outcomes: WriteOutcome[] = [];
  const run = await runRunbookCommands({
    runbook,
    regions,
    files: fixtures.files,
    onRequest: (raw, sim, command) => {
      let request: SentRequest;
      try {
        request = sentRequestOfRaw(raw);
      } catch (error) {
        unreadable.push(`${command.operation}: ${(error as Error).message}`);
        return;
      }
      if (isRead(request)) return;
      const label = request.region === regions.primary ? '<primary-region>' : '<secondary-region>';
      const key = `${id}: ${command.operation} in ${label}`;
      const what = `${request.service} ${request.operation} in ${request.region}`;
      try {
        const env = { accountId: sim.accountId, resourceTags: simResourceTags(sim) };
        outcomes.push({ key, request: what, refused: denied(policy, authorizationsOf(request, env)) });
      } catch (error) {
        outcomes.push({ key, request: what, refused: [(error as Error).message] });
      }
    },
  });
  return { ...run, outcomes, unreadable };
}

/** The keys of the writes the policy refused. */
function refusedKeys(outcomes: readonly WriteOutcome[]): string[] {
  return [...new Set(outcomes.filter((o) => o.refused.length > 0).map((o) => o.key))];
}

const outcomes: WriteOutcome[] = [];

describe('the runbooks’ aws commands under the generated IAM policy', () => {
  for (const id of RUNBOOK_IDS_WITH_AWS_COMMANDS) {
    it(`${id}: every write is allowed, or is listed as outside the app's role`, async () => {
      const runbook = runbooks.find((r) => r.meta.id === id);
      expect(runbook, `runbook ${id} is bundled`).toBeDefined();
      const run = await evaluateRunbook(runbook!);
      outcomes.push(...run.outcomes);
      expect(run.failures, `${id}:\n  ${run.failures.join('\n  ')}`).toEqual([]);
      expect(run.ran).toBeGreaterThan(0);
      // Every command reached the simulator, so none escaped the capture.
      expect(run.silent).toEqual([]);
      expect(run.unreadable).toEqual([]);
      const refusedHere = run.outcomes
        .filter((o) => o.refused.length > 0 && !(o.key in OUTSIDE_THE_APP_ROLE))
        .map((o) => `${o.key} (${o.request}):\n    ${o.refused.join('\n    ')}`);
      expect(refusedHere, `refused by the policy:\n  ${refusedHere.join('\n  ')}`).toEqual([]);
      const allowedButListed = run.outcomes
        .filter((o) => o.refused.length === 0 && o.key in OUTSIDE_THE_APP_ROLE)
        .map((o) => o.key);
      expect(allowedButListed, 'allowed now: remove it from OUTSIDE_THE_APP_ROLE').toEqual([]);
    });
  }

  it('sends every listed exception, and each is outside the secondary region or the registry', () => {
    const sent = new Set(outcomes.map((o) => o.key));
    for (const key of Object.keys(OUTSIDE_THE_APP_ROLE)) {
      expect(sent, `${key} is no longer sent: remove it from the list`).toContain(key);
      expect(
        key.endsWith('in <primary-region>') ||
          OUTSIDE_THE_APP_ROLE[key]!.includes('not in the operations registry'),
        key,
      ).toBe(true);
    }
  });

  it('evaluates the creates the IAM policy limits by tag, and allows each of them', () => {
    const allowed = new Set(
      outcomes.filter((o) => o.refused.length === 0).map((o) => o.request.split(' in ')[0]),
    );
    for (const create of [
      'ec2 CopyImage',
      'ec2 CopySnapshot',
      'ec2 RunInstances',
      'ec2 CreateVolume',
      'ec2 AttachVolume',
      'rds CopyDBSnapshot',
      'rds RestoreDBInstanceFromDBSnapshot',
      'rds RestoreDBInstanceToPointInTime',
      'rds PromoteReadReplica',
      'dynamodb RestoreTableToPointInTime',
      'dynamodb TagResource',
      'dynamodb UpdateContinuousBackups',
      'dynamodb UpdateTimeToLive',
      's3 PutObject',
      's3 CopyObject',
      's3 RestoreObject',
    ])
      expect(allowed, create).toContain(create);
  });
});

/** A runbook with some command lines removed from the blocks `inBlock` selects. */
function without(runbook: LoadedRunbook, line: RegExp, inBlock: RegExp = /./): LoadedRunbook {
  return {
    ...runbook,
    blocks: runbook.blocks.map((b) =>
      inBlock.test(b.content)
        ? {
            ...b,
            content: b.content
              .split('\n')
              .filter((l) => !line.test(l))
              .join('\n'),
          }
        : b,
    ),
  };
}

describe('the same commands without the app tags are refused (the check above can fail)', () => {
  const bundled = (id: string): LoadedRunbook => runbooks.find((r) => r.meta.id === id)!;
  const cases: Array<{ name: string; runbook: () => LoadedRunbook; refused: string[] }> = [
    {
      name: 'run-instances without the network interface tag',
      runbook: () => without(bundled('ec2-ami-recovery'), /'ResourceType=network-interface/),
      refused: ['ec2-ami-recovery: ec2 run-instances in <secondary-region>'],
    },
    {
      name: 'copy-snapshot without --tag-specifications',
      runbook: () => without(bundled('ec2-ebs-volume-recovery'), /ResourceType=snapshot/),
      refused: ['ec2-ebs-volume-recovery: ec2 copy-snapshot in <secondary-region>'],
    },
    {
      name: 'copy-db-snapshot with --copy-tags only',
      runbook: () => without(bundled('rds-snapshot-copy-restore'), /^\s*--tags /, /copy-db-snapshot/),
      refused: ['rds-snapshot-copy-restore: rds copy-db-snapshot in <secondary-region>'],
    },
    {
      name: 'an S3 rollback without --tagging',
      runbook: () => without(bundled('s3-version-rollback'), /--tagging/),
      refused: ['s3-version-rollback: s3api copy-object in <primary-region>'],
    },
    {
      name: 'DynamoDB PITR and TTL re-applied before the restored table is tagged',
      runbook: () => {
        const r = bundled('dynamodb-pitr-restore');
        const tag = r.blocks.filter((b) => b.content.includes('tag-resource'));
        return { ...r, blocks: [...r.blocks.filter((b) => !tag.includes(b)), ...tag] };
      },
      refused: [
        'dynamodb-pitr-restore: dynamodb restore-table-to-point-in-time in <primary-region>',
        'dynamodb-pitr-restore: dynamodb update-continuous-backups in <secondary-region>',
        'dynamodb-pitr-restore: dynamodb update-time-to-live in <secondary-region>',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const run = await evaluateRunbook(c.runbook());
      expect(run.failures).toEqual([]);
      expect(run.unreadable).toEqual([]);
      expect(refusedKeys(run.outcomes).sort()).toEqual([...c.refused].sort());
    });
  }
});
