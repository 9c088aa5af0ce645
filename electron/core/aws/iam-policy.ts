import {
  CLEANUP_STATEMENTS,
  CREATE_STATEMENTS,
  type IamCondition,
  type PolicyRegions,
  type StatementTemplate,
} from './iam-create-statements';
import { operations as registry, type AwsOperation, type AwsService } from './operations';
import { DRILL_OBJECT_PREFIX } from './tags';

export type { PolicyRegions } from './iam-create-statements';

/** One statement of an IAM policy document. */
export interface IamStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
  Condition?: IamCondition;
}

/** An IAM policy document. */
export interface IamPolicy {
  Version: '2012-10-17';
  Statement: IamStatement[];
}

/** The path of the committed policy, relative to the package root. */
export const IAM_POLICY_PATH = 'build/iam-policy.json';

function actionsOf(ops: readonly AwsOperation[]): string[] {
  const set = new Set<string>();
  for (const op of ops) {
    if (op.iamAction) set.add(op.iamAction);
    for (const extra of op.alsoRequires) set.add(extra);
  }
  return [...set].sort();
}

function checkRegions(regions: PolicyRegions): void {
  const name = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;
  for (const [role, region] of Object.entries(regions)) {
    if (!name.test(region)) {
      throw new Error(
        `The ${role} region "${region}" is not an AWS region name: fix regions in runbooks/dr-procedure.yaml (or the --${role} option).`,
      );
    }
  }
  if (regions.primary === regions.secondary) {
    throw new Error(
      `The primary and secondary regions are both ${regions.primary}: a DR policy needs two regions (runbooks/dr-procedure.yaml).`,
    );
  }
}

/** Resolve templates against the regions, keeping only the actions in `needed` (sorted). */
function resolve(
  templates: readonly StatementTemplate[],
  needed: ReadonlySet<string>,
  regions: PolicyRegions,
): IamStatement[] {
  const out: IamStatement[] = [];
  for (const t of templates) {
    const actions = t.actions.filter((a) => needed.has(a)).sort();
    if (actions.length === 0) continue;
    const resources = t.resources(regions);
    out.push({
      Sid: t.sid,
      Effect: 'Allow',
      Action: actions,
      Resource: resources.length === 1 ? resources[0]! : resources,
      ...(t.condition ? { Condition: t.condition(regions) } : {}),
    });
  }
  return out;
}

function uncovered(needed: readonly string[], templates: readonly StatementTemplate[], kind: string): void {
  const covered = new Set(templates.flatMap((t) => t.actions));
  const missing = needed.filter((a) => !covered.has(a));
  if (missing.length > 0) {
    throw new Error(
      `No IAM statement limits the ${kind} action${missing.length === 1 ? '' : 's'} ${missing.join(', ')}: ` +
        'add it to a template in electron/core/aws/iam-create-statements.ts with the narrowest resources and conditions AWS supports.',
    );
  }
}

function byService(ops: readonly AwsOperation[], service: AwsService): AwsOperation[] {
  return ops.filter((o) => o.service === service);
}

/**
 * The least-privilege IAM policy for the procedure's regions and an operations registry (pure):
 * one statement with every read action (`Resource: "*"`), the create statements of
 * {@link CREATE_STATEMENTS} (by region, tag on create, resource tag or ARN, as AWS allows for
 * each action), and the `cleanup-own` deletes of {@link CLEANUP_STATEMENTS} (drill-tagged
 * resources in the secondary region; S3: the drill prefix). Operations that need no IAM
 * permission (STS identity, SSO bearer calls) add nothing. Throws when a create or clean-up
 * action has no statement template, or the regions are not two region names.
 */
export function buildIamPolicy(regions: PolicyRegions, ops: readonly AwsOperation[] = registry): IamPolicy {
  checkRegions(regions);
  const reads = actionsOf(ops.filter((o) => o.kind === 'read'));
  const creates = actionsOf(ops.filter((o) => o.kind === 'create')).filter((a) => !reads.includes(a));
  const cleanups = actionsOf(ops.filter((o) => o.kind === 'cleanup-own' && o.service !== 's3')).filter(
    (a) => !reads.includes(a) && !creates.includes(a),
  );
  uncovered(creates, CREATE_STATEMENTS, 'create');
  uncovered(cleanups, CLEANUP_STATEMENTS, 'clean-up');
  const statements: IamStatement[] = [];
  if (reads.length > 0)
    statements.push({ Sid: 'DrWarRoomRead', Effect: 'Allow', Action: reads, Resource: '*' });
  statements.push(...resolve(CREATE_STATEMENTS, new Set(creates), regions));
  statements.push(...resolve(CLEANUP_STATEMENTS, new Set(cleanups), regions));
  const s3Deletes = actionsOf(byService(ops, 's3').filter((o) => o.kind === 'cleanup-own'));
  if (s3Deletes.length > 0) {
    statements.push({
      Sid: 'CleanupOwnS3',
      Effect: 'Allow',
      Action: s3Deletes,
      Resource: `arn:aws:s3:::*/${DRILL_OBJECT_PREFIX}*`,
      Condition: { StringEquals: { 'aws:RequestedRegion': [regions.primary, regions.secondary] } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The policy as the committed file's text (2-space JSON and a final newline). */
export function iamPolicyText(regions: PolicyRegions, ops: readonly AwsOperation[] = registry): string {
  return `${JSON.stringify(buildIamPolicy(regions, ops), null, 2)}\n`;
}
