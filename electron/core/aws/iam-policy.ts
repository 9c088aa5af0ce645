import { operations as registry, type AwsOperation, type AwsService } from './operations';
import { DRILL_OBJECT_PREFIX, TAG_INCIDENT } from './tags';

/** One statement of an IAM policy document. */
export interface IamStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** An IAM policy document. */
export interface IamPolicy {
  Version: '2012-10-17';
  Statement: IamStatement[];
}

/** The path of the committed policy, relative to the package root. */
export const IAM_POLICY_PATH = 'build/iam-policy.json';

function actionsOf(ops: readonly AwsOperation[], withExtras: boolean): string[] {
  const set = new Set<string>();
  for (const op of ops) {
    if (op.iamAction) set.add(op.iamAction);
    if (withExtras) for (const extra of op.alsoRequires) set.add(extra);
  }
  return [...set].sort();
}

function sid(service: AwsService): string {
  return service
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/**
 * How each service lets a delete be limited to what the app created: EC2, RDS and DynamoDB by
 * the `dr-war-room:incident` resource tag (any value); S3 object deletes by the drill prefix
 * (S3 does not evaluate object tags for DeleteObject).
 */
function cleanupStatement(service: AwsService, actions: string[]): IamStatement {
  if (service === 's3') {
    return {
      Sid: 'CleanupOwnS3DrillObjects',
      Effect: 'Allow',
      Action: actions,
      Resource: `arn:aws:s3:::*/${DRILL_OBJECT_PREFIX}*`,
    };
  }
  return {
    Sid: `CleanupOwn${sid(service)}`,
    Effect: 'Allow',
    Action: actions,
    Resource: '*',
    Condition: { StringLike: { [`aws:ResourceTag/${TAG_INCIDENT}`]: '*' } },
  };
}

/**
 * The least-privilege IAM policy for an operations registry (pure): one statement with every
 * read action, one with every create action (and what AWS also checks for them), and per
 * service a `cleanup-own` statement whose deletes require the app's incident tag (or, for S3,
 * the drill prefix). Operations that need no IAM permission (STS identity, SSO bearer calls)
 * add nothing.
 */
export function buildIamPolicy(ops: readonly AwsOperation[] = registry): IamPolicy {
  const reads = actionsOf(
    ops.filter((o) => o.kind === 'read'),
    true,
  );
  const creates = actionsOf(
    ops.filter((o) => o.kind === 'create'),
    true,
  ).filter((a) => !reads.includes(a));
  const statements: IamStatement[] = [];
  if (reads.length > 0)
    statements.push({ Sid: 'DrWarRoomRead', Effect: 'Allow', Action: reads, Resource: '*' });
  if (creates.length > 0) {
    statements.push({ Sid: 'DrWarRoomRecoverCreate', Effect: 'Allow', Action: creates, Resource: '*' });
  }
  const services = [...new Set(ops.filter((o) => o.kind === 'cleanup-own').map((o) => o.service))].sort();
  for (const service of services) {
    const cleanup = ops.filter((o) => o.kind === 'cleanup-own' && o.service === service);
    const actions = actionsOf(cleanup, true);
    if (actions.length > 0) statements.push(cleanupStatement(service, actions));
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The policy as the committed file's text (2-space JSON and a final newline). */
export function iamPolicyText(ops: readonly AwsOperation[] = registry): string {
  return `${JSON.stringify(buildIamPolicy(ops), null, 2)}\n`;
}
