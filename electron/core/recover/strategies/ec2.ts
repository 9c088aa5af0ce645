import type { OptionData, ParamValue, PlanAction, PlanProblem } from '../types';
import {
  action,
  actionId,
  missingSettings,
  plannedCall,
  problem,
  ref,
  tagParams,
  tagsFor,
  tokenFor,
  type StrategyContext,
  type StrategyResult,
} from './common';

type Ec2Data<S extends OptionData['strategy']> = Extract<OptionData, { strategy: S }>;

function runInstance(ctx: StrategyContext, n: number, imageId: ParamValue): PlanAction {
  const region = ctx.options.regions.secondary;
  const id = actionId(ctx.chainId, n);
  const tags = [...tagsFor(ctx), { Key: 'Name', Value: ctx.targetName }];
  return action(ctx, n, {
    title: `Launch ${ctx.targetName} and wait for both status checks`,
    kind: 'ec2.run-instance',
    calls: [
      plannedCall(
        'ec2',
        'RunInstances',
        region,
        {
          ImageId: imageId,
          InstanceType: ctx.settings.instanceType ?? ctx.resource.details.instanceType ?? null,
          SubnetId: ctx.settings.subnetId ?? null,
          SecurityGroupIds: ctx.settings.securityGroupIds ?? null,
          MinCount: 1,
          MaxCount: 1,
          ClientToken: tokenFor(ctx, id),
          TagSpecifications: [
            { ResourceType: 'instance', Tags: tagParams(tags) },
            { ResourceType: 'volume', Tags: tagParams(tagsFor(ctx)) },
            // Tagged on create too: the IAM policy requires the incident tag on every resource RunInstances creates.
            { ResourceType: 'network-interface', Tags: tagParams(tagsFor(ctx)) },
          ],
        },
        'create',
      ),
    ],
    wait: {
      kind: 'instance-status-ok',
      describe: 'DescribeInstanceStatus until the instance and system checks are ok',
    },
    target: { type: 'instance', name: ctx.targetName },
    idempotency: { clientToken: tokenFor(ctx, id) },
    estimatedMinutes: 6,
  });
}

function settingsProblems(ctx: StrategyContext): PlanProblem[] {
  const p = missingSettings(ctx, ['subnetId', 'securityGroupIds'], 'ec2');
  const out = p ? [p] : [];
  if (!ctx.settings.instanceType && !ctx.resource.details.instanceType) {
    out.push(
      problem(
        ctx,
        'error',
        'missing-mapping',
        `${ctx.resource.name}: no instance type.`,
        'Set instanceType under defaults.ec2 in recovery-mapping.yaml.',
      ),
    );
  }
  return out;
}

/** Launch from an AMI already in the secondary region. */
export function ec2AmiLaunch(ctx: StrategyContext<Ec2Data<'ec2-ami-launch'>>): StrategyResult {
  return { problems: settingsProblems(ctx), actions: [runInstance(ctx, 0, ctx.data.imageId)] };
}

/** Copy the AMI into the secondary region (ClientToken), wait until available, then launch. */
export function ec2AmiCopyLaunch(ctx: StrategyContext<Ec2Data<'ec2-ami-copy-launch'>>): StrategyResult {
  const region = ctx.options.regions.secondary;
  const id = actionId(ctx.chainId, 0);
  const problems = settingsProblems(ctx);
  if (ctx.data.encrypted && !ctx.settings.kmsKeyId) {
    problems.push(
      problem(
        ctx,
        'error',
        'missing-mapping',
        `${ctx.resource.name}: the AMI is encrypted, so its copy needs a KMS key in ${region}.`,
        'Set kmsKeyId under defaults.ec2 in recovery-mapping.yaml.',
      ),
    );
  }
  const copy = action(ctx, 0, {
    title: `Copy AMI ${ctx.data.sourceImageId} into ${region}`,
    kind: 'ec2.copy-image',
    calls: [
      plannedCall(
        'ec2',
        'CopyImage',
        region,
        {
          SourceRegion: ctx.resource.region,
          SourceImageId: ctx.data.sourceImageId,
          Name: ctx.targetName,
          ClientToken: tokenFor(ctx, id),
          Encrypted: ctx.data.encrypted ? true : null,
          KmsKeyId: ctx.data.encrypted ? (ctx.settings.kmsKeyId ?? null) : null,
          // The copy's backing snapshots are created too: tag them so they can be traced.
          TagSpecifications: [
            { ResourceType: 'image', Tags: tagParams(tagsFor(ctx)) },
            { ResourceType: 'snapshot', Tags: tagParams(tagsFor(ctx)) },
          ],
        },
        'create',
      ),
    ],
    wait: { kind: 'image-available', describe: 'DescribeImages until the image is available' },
    target: { type: 'image', name: ctx.targetName },
    quota: 'cross-region-snapshot-copy',
    idempotency: { clientToken: tokenFor(ctx, id) },
    estimatedMinutes: 30,
  });
  return { problems, actions: [copy, runInstance(ctx, 1, ref(id, 'ImageId'))] };
}

/**
 * Copy an EBS snapshot into the secondary region (unless it is already there: a copy made before
 * the outage), create a volume in the instance's AZ, attach it.
 */
export function ebsSnapshotCopy(ctx: StrategyContext<Ec2Data<'ebs-snapshot-copy'>>): StrategyResult {
  const region = ctx.options.regions.secondary;
  const problems: PlanProblem[] = [];
  const tags = tagParams(tagsFor(ctx));
  const inSecondary = ctx.data.snapshotRegion === region;
  if (!inSecondary && ctx.data.encrypted && !ctx.settings.kmsKeyId) {
    problems.push(
      problem(
        ctx,
        'error',
        'missing-mapping',
        `${ctx.resource.name}: the snapshot is encrypted, so its copy needs a KMS key in ${region}.`,
        'Set kmsKeyId under defaults.ec2 in recovery-mapping.yaml.',
      ),
    );
  }
  const copyId = inSecondary ? null : actionId(ctx.chainId, 0);
  const actions: PlanAction[] = [];
  if (!inSecondary)
    actions.push(
      action(ctx, 0, {
        title: `Copy snapshot ${ctx.data.sourceSnapshotId} into ${region}`,
        kind: 'ec2.copy-snapshot',
        calls: [
          plannedCall(
            'ec2',
            'CopySnapshot',
            region,
            {
              SourceRegion: ctx.resource.region,
              SourceSnapshotId: ctx.data.sourceSnapshotId,
              Description: `${ctx.targetName} (dr-war-room ${ctx.options.incidentId})`,
              Encrypted: ctx.data.encrypted ? true : null,
              KmsKeyId: ctx.data.encrypted ? (ctx.settings.kmsKeyId ?? null) : null,
              TagSpecifications: [{ ResourceType: 'snapshot', Tags: tags }],
            },
            'create',
          ),
        ],
        wait: {
          kind: 'snapshot-completed',
          describe: 'DescribeSnapshots until the copy is completed (no 10-minute waiter limit)',
        },
        target: { type: 'snapshot', name: ctx.targetName },
        quota: 'cross-region-snapshot-copy',
        idempotency: { adoptBy: 'tag' },
        estimatedMinutes: Math.round(10 + ctx.data.sizeGiB * 0.2),
      }),
    );
  const attach = ctx.data.attach;
  const instanceChain = attach ? ctx.chainOf(attach.instanceResourceId) : null;
  const instanceAction = instanceChain ? `${instanceChain}#last` : null;
  const az: ParamValue = instanceAction
    ? ref(instanceAction, 'AvailabilityZone')
    : (ctx.settings.availabilityZone ?? null);
  if (!instanceAction && !ctx.settings.availabilityZone) {
    problems.push(
      problem(
        ctx,
        'error',
        'missing-mapping',
        `${ctx.resource.name}: no Availability Zone for the new volume (it is not attached to a recovered instance).`,
        'Set availabilityZone for this volume in recovery-mapping.yaml, or recover its instance in the same plan.',
      ),
    );
  }
  if (attach && !instanceChain) {
    problems.push(
      problem(
        ctx,
        'warning',
        'unknown-dependency',
        `${ctx.resource.name} is attached to ${attach.instanceResourceId} at the source, which is not in this plan: the volume is created but not attached.`,
        'Select the instance too to attach the volume automatically.',
      ),
    );
  }
  const volumeIndex = actions.length;
  const volumeId = actionId(ctx.chainId, volumeIndex);
  actions.push(
    action(ctx, volumeIndex, {
      title: `Create volume ${ctx.targetName}${instanceAction ? ' in the recovered instance’s Availability Zone' : ''}`,
      kind: 'ec2.create-volume',
      calls: [
        plannedCall(
          'ec2',
          'CreateVolume',
          region,
          {
            SnapshotId: copyId ? ref(copyId, 'SnapshotId') : ctx.data.sourceSnapshotId,
            AvailabilityZone: az,
            ClientToken: tokenFor(ctx, volumeId),
            TagSpecifications: [
              {
                ResourceType: 'volume',
                Tags: [...(tags as never[]), { Key: 'Name', Value: ctx.targetName }],
              },
            ],
          },
          'create',
        ),
      ],
      wait: { kind: 'volume-available', describe: 'DescribeVolumes until the volume is available' },
      target: { type: 'volume', name: ctx.targetName },
      after: [...(copyId ? [copyId] : []), ...(instanceAction ? [instanceAction] : [])],
      idempotency: { clientToken: tokenFor(ctx, volumeId) },
      estimatedMinutes: 2,
    }),
  );
  if (attach && instanceAction) {
    actions.push(
      action(ctx, volumeIndex + 1, {
        title: `Attach ${ctx.targetName} to the recovered instance as ${attach.device}`,
        kind: 'ec2.attach-volume',
        calls: [
          plannedCall(
            'ec2',
            'AttachVolume',
            region,
            {
              Device: attach.device,
              InstanceId: ref(instanceAction, 'InstanceId'),
              VolumeId: ref(volumeId, 'VolumeId'),
            },
            'create',
          ),
        ],
        wait: { kind: 'volume-in-use', describe: 'DescribeVolumes until the volume is in-use (attached)' },
        target: { type: 'volume', name: ctx.targetName },
        idempotency: { adoptBy: 'state' },
        estimatedMinutes: 1,
      }),
    );
  }
  return { problems, actions };
}
