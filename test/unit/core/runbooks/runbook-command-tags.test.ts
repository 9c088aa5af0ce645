import { beforeAll, describe, expect, it } from 'vitest';
import { TAG_INCIDENT, TAG_SOURCE } from '../../../../electron/core/aws/tags';
import type { LoadedRunbook } from '../../../../electron/core/runbooks/load-runbooks';
import { awsCommandsOf, loadBundledRunbooks } from './bundled-aws-commands';

/**
 * The runbooks' create commands carry the app's tags, written the way the generated IAM policy
 * checks them (`aws:RequestTag/dr-war-room:incident` on EC2 and RDS creates,
 * `s3:RequestObjectTag/dr-war-room:incident` on S3 writes). The integration test
 * `test/integration/runbooks/runbook-iam-policy.test.ts` runs them and evaluates the requests;
 * this one pins the text, fast.
 */

let runbooks: LoadedRunbook[];

/** The values given after an option, up to the next option. */
function values(words: readonly string[], option: string): string[] {
  const at = words.indexOf(option);
  if (at < 0) return [];
  const out: string[] = [];
  for (const word of words.slice(at + 1)) {
    if (word.startsWith('--')) break;
    out.push(word);
  }
  return out;
}

const INCIDENT_EC2 = `{Key=${TAG_INCIDENT},Value=<incident-id>}`;
const SOURCE_EC2 = new RegExp(`\\{Key=${TAG_SOURCE},Value=<[a-z-]+>\\}`);

/** The resource types an EC2 create must tag, by operation. */
const EC2_TAGGED: Record<string, string[]> = {
  'ec2 copy-image': ['image', 'snapshot'],
  'ec2 copy-snapshot': ['snapshot'],
  'ec2 create-volume': ['volume'],
  'ec2 run-instances': ['instance', 'volume', 'network-interface'],
};

beforeAll(async () => {
  runbooks = await loadBundledRunbooks();
});

describe('the create commands in the bundled runbooks carry the app tags', () => {
  it('EC2: every resource the create makes, with the incident and the source', () => {
    const creates = awsCommandsOf(runbooks).filter((c) => c.operation in EC2_TAGGED);
    expect(creates.map((c) => c.operation)).toEqual(expect.arrayContaining(Object.keys(EC2_TAGGED)));
    for (const c of creates) {
      const specs = values(c.words, '--tag-specifications');
      for (const type of EC2_TAGGED[c.operation]!) {
        const spec = specs.find((s) => s.startsWith(`ResourceType=${type},`));
        expect(spec, `${c.runbook}: ${c.operation} tags its ${type}`).toBeDefined();
        expect(spec, `${c.runbook}: ${c.operation}`).toContain(INCIDENT_EC2);
        expect(spec, `${c.runbook}: ${c.operation}`).toMatch(SOURCE_EC2);
      }
    }
  });

  it('RDS: copies and restores pass --tags with the incident and the source', () => {
    const creates = awsCommandsOf(runbooks).filter((c) =>
      /^rds (copy-db-snapshot|restore-db-instance-)/.test(c.operation),
    );
    expect(creates.length).toBeGreaterThanOrEqual(4);
    for (const c of creates) {
      const tags = values(c.words, '--tags');
      expect(tags, `${c.runbook}: ${c.operation}`).toContain(`Key=${TAG_INCIDENT},Value=<incident-id>`);
      expect(tags.some((t) => t.startsWith(`Key=${TAG_SOURCE},Value=<`))).toBe(true);
    }
  });

  it('S3: every object write passes --tagging with the incident; copies replace the tags', () => {
    const writes = awsCommandsOf(runbooks).filter((c) =>
      /^s3api (put-object|copy-object)$/.test(c.operation),
    );
    expect(writes.map((c) => c.runbook).sort()).toEqual(
      expect.arrayContaining(['s3-archive-restore', 's3-backup-test', 's3-version-rollback']),
    );
    for (const c of writes) {
      const [tagging] = values(c.words, '--tagging');
      expect(tagging, `${c.runbook}: ${c.operation}`).toBeDefined();
      const tags = new URLSearchParams(tagging);
      expect(tags.get(TAG_INCIDENT), `${c.runbook}: ${c.operation}`).toBe('<incident-id>');
      expect(tags.get(TAG_SOURCE), `${c.runbook}: ${c.operation}`).toMatch(/^<[a-z-]+>$/);
      if (c.operation === 's3api copy-object')
        expect(values(c.words, '--tagging-directive'), `${c.runbook}`).toEqual(['REPLACE']);
    }
  });

  it('DynamoDB: the restored table is tagged before PITR and TTL are re-applied', () => {
    const ops = awsCommandsOf(runbooks)
      .filter((c) => c.runbook === 'dynamodb-pitr-restore')
      .map((c) => c.operation);
    const tag = ops.indexOf('dynamodb tag-resource');
    expect(tag).toBeGreaterThan(ops.lastIndexOf('dynamodb restore-table-to-point-in-time'));
    expect(tag).toBeLessThan(ops.indexOf('dynamodb update-continuous-backups'));
    expect(tag).toBeLessThan(ops.indexOf('dynamodb update-time-to-live'));
  });

  it('say why the tags are there, in every runbook that creates', () => {
    const creating = new Set(
      awsCommandsOf(runbooks)
        .filter(
          (c) =>
            c.operation in EC2_TAGGED ||
            /^rds copy-db-snapshot$|^s3api (put|copy)-object$|^dynamodb tag-resource$/.test(c.operation),
        )
        .map((c) => c.runbook),
    );
    for (const id of creating) {
      const body = runbooks.find((r) => r.meta.id === id)!.body;
      expect(body.replace(/\s+/g, ' '), id).toMatch(/IAM role (only allows|changes)/);
    }
  });
});
