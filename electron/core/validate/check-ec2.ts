/**
 * EC2 checks: a recovered instance is running with both status checks ok, in the planned AZ,
 * subnet, security groups and type, with its volumes attached; a recovered volume is attached.
 */
import type { CheckContext } from './check-context';
import { check, expectSetting } from './compare';
import { errorText, requestIdOf, send } from './send';
import type { ValidationSubject } from './subjects';
import type { ValidationCheck } from './types';

interface Instance {
  State?: { Name?: string };
  InstanceType?: string;
  SubnetId?: string;
  PrivateIpAddress?: string;
  Placement?: { AvailabilityZone?: string };
  SecurityGroups?: Array<{ GroupId?: string }>;
  BlockDeviceMappings?: Array<{ DeviceName?: string; Ebs?: { VolumeId?: string; Status?: string } }>;
}

interface Volume {
  VolumeId?: string;
  State?: string;
  Size?: number;
  Encrypted?: boolean;
  AvailabilityZone?: string;
  Attachments?: Array<{ InstanceId?: string; Device?: string; State?: string }>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The private address of a recovered instance (for `{address}` in probes). */
export function instanceAddress(output: Record<string, string>): string | undefined {
  return output.PrivateIpAddress;
}

async function checkInstance(ctx: CheckContext, s: ValidationSubject): Promise<ValidationCheck[]> {
  let inst: Instance | undefined;
  let rid: string | null;
  try {
    const a = await send(ctx.clients, 'ec2', s.targetRegion, 'DescribeInstances', {
      InstanceIds: [s.targetId],
    });
    rid = requestIdOf(a);
    inst = (a.Reservations as Array<{ Instances?: Instance[] }> | undefined)?.flatMap(
      (r) => r.Instances ?? [],
    )[0];
  } catch (error) {
    return [
      check(
        'status',
        'Instance running',
        'fail',
        `DescribeInstances ${s.targetId} failed: ${errorText(error)}`,
        { fix: 'Check the instance id in the endpoint map.' },
      ),
    ];
  }
  if (!inst)
    return [
      check('status', 'Instance running', 'fail', `${s.targetId} does not exist in ${s.targetRegion}.`),
    ];
  const checks: ValidationCheck[] = [
    check(
      'status',
      'Instance running',
      inst.State?.Name === 'running' ? 'pass' : 'fail',
      `${s.targetId} is ${inst.State?.Name ?? 'unknown'}.`,
      {
        fix: `Start it or look at its console output: aws ec2 get-console-output --instance-id ${s.targetId} --region ${s.targetRegion}`,
        requestIds: [rid],
      },
    ),
  ];
  try {
    const st = await send(ctx.clients, 'ec2', s.targetRegion, 'DescribeInstanceStatus', {
      InstanceIds: [s.targetId],
      IncludeAllInstances: true,
    });
    const status = (
      st.InstanceStatuses as
        Array<{ InstanceStatus?: { Status?: string }; SystemStatus?: { Status?: string } }> | undefined
    )?.[0];
    const inst1 = status?.InstanceStatus?.Status ?? 'unknown';
    const sys = status?.SystemStatus?.Status ?? 'unknown';
    checks.push(
      check(
        'status-checks',
        'Both status checks ok',
        inst1 === 'ok' && sys === 'ok' ? 'pass' : 'fail',
        `instance check ${inst1}, system check ${sys}.`,
        {
          fix: 'An impaired instance check is usually the OS (boot, disk, network config): read the console output; an impaired system check: stop and start the instance to move it to healthy hardware.',
          requestIds: [requestIdOf(st)],
        },
      ),
    );
  } catch (error) {
    checks.push(
      check(
        'status-checks',
        'Both status checks ok',
        'fail',
        `DescribeInstanceStatus failed: ${errorText(error)}`,
      ),
    );
  }
  const p = s.planned;
  const placement = p.Placement as { AvailabilityZone?: string } | undefined;
  checks.push(
    expectSetting({
      id: 'type',
      title: 'Instance type as planned',
      expected: str(p.InstanceType),
      actual: inst.InstanceType,
      fix: 'Stop the instance, change its type, start it.',
    }),
    expectSetting({
      id: 'subnet',
      title: 'Subnet as planned',
      expected: str(p.SubnetId),
      actual: inst.SubnetId,
      fix: 'Launch again into the planned subnet (an instance cannot change subnet).',
    }),
    expectSetting({
      id: 'availability-zone',
      title: 'Availability Zone as planned',
      expected: str(placement?.AvailabilityZone),
      actual: inst.Placement?.AvailabilityZone,
      fix: 'Launch again in the planned Availability Zone.',
    }),
    expectSetting({
      id: 'security-groups',
      title: 'Security groups as planned',
      expected: Array.isArray(p.SecurityGroupIds) ? (p.SecurityGroupIds as string[]) : undefined,
      actual: (inst.SecurityGroups ?? []).map((g) => g.GroupId ?? ''),
      mode: 'includes',
      fix: `aws ec2 modify-instance-attribute --instance-id ${s.targetId} --groups <planned> --region ${s.targetRegion}`,
    }),
  );
  const devices = inst.BlockDeviceMappings ?? [];
  const detached = devices.filter((d) => d.Ebs?.Status !== 'attached');
  checks.push(
    check(
      'volumes',
      'Volumes attached',
      devices.length === 0 ? 'fail' : detached.length > 0 ? 'fail' : 'pass',
      devices.length === 0
        ? 'no EBS volume is attached.'
        : `${devices.map((d) => `${d.DeviceName ?? '?'} ${d.Ebs?.VolumeId ?? '?'} ${d.Ebs?.Status ?? '?'}`).join('; ')}.`,
      { fix: 'Attach the recovered data volumes (aws ec2 attach-volume) and mount them.' },
    ),
  );
  return checks;
}

async function checkVolume(ctx: CheckContext, s: ValidationSubject): Promise<ValidationCheck[]> {
  let vol: Volume | undefined;
  let rid: string | null;
  try {
    const a = await send(ctx.clients, 'ec2', s.targetRegion, 'DescribeVolumes', { VolumeIds: [s.targetId] });
    rid = requestIdOf(a);
    vol = (a.Volumes as Volume[] | undefined)?.[0];
  } catch (error) {
    return [
      check(
        'status',
        'Volume available or in use',
        'fail',
        `DescribeVolumes ${s.targetId} failed: ${errorText(error)}`,
      ),
    ];
  }
  if (!vol) return [check('status', 'Volume available or in use', 'fail', `${s.targetId} does not exist.`)];
  const att = vol.Attachments?.[0];
  const wantAttach = s.option?.strategy === 'ebs-snapshot-copy' && s.option.attach !== null;
  const checks: ValidationCheck[] = [
    check(
      'status',
      'Volume available or in use',
      vol.State === 'in-use' || vol.State === 'available' ? 'pass' : 'fail',
      `${s.targetId} is ${vol.State ?? 'unknown'} (${vol.Size ?? '?'} GiB, ${vol.Encrypted ? 'encrypted' : 'not encrypted'}, ${vol.AvailabilityZone ?? '?'}).`,
      { requestIds: [rid] },
    ),
    check(
      'volumes',
      'Attached to the recovered instance',
      !wantAttach ? (att ? 'pass' : 'skipped') : att?.State === 'attached' ? 'pass' : 'fail',
      att
        ? `attached to ${att.InstanceId ?? '?'} as ${att.Device ?? '?'} (${att.State ?? '?'}).`
        : wantAttach
          ? 'not attached.'
          : 'not attached (the plan did not attach it).',
      { fix: 'Attach it: aws ec2 attach-volume --volume-id … --instance-id … --device …' },
    ),
  ];
  if (s.option?.strategy === 'ebs-snapshot-copy') {
    checks.push(
      expectSetting({
        id: 'size',
        title: 'Size as the source',
        expected: s.option.sizeGiB,
        actual: vol.Size,
        mode: 'atLeast',
        fix: 'Create the volume again with the source size.',
      }),
    );
    checks.push(
      expectSetting({
        id: 'encryption',
        title: 'Encrypted as the source',
        expected: s.option.encrypted ? true : undefined,
        actual: vol.Encrypted,
        fix: 'Copy the snapshot with a KMS key and create the volume again.',
      }),
    );
  }
  return checks;
}

/** Checks of a recovered instance or volume. */
export function checkEc2(ctx: CheckContext, s: ValidationSubject): Promise<ValidationCheck[]> {
  return s.kind === 'volume' ? checkVolume(ctx, s) : checkInstance(ctx, s);
}
