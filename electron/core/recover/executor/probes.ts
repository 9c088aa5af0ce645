import type { AwsClients } from '../../aws/clients';
import type { PlanAction, RecoverService, WaitKind } from '../types';
import { sendCall, type SdkAnswer } from './commands';

/** One look at a target: its status, progress, whether it is ready or failed, and new output. */
export interface ProbeResult {
  status: string;
  progress: number | null;
  done: boolean;
  failed: string | null;
  output?: Record<string, string>;
}

/** Sends one read call of a probe. */
type ProbeSend = (
  service: RecoverService,
  operation: string,
  params: Record<string, unknown>,
) => Promise<SdkAnswer>;

/** The call a probe made (journaled when it shows the target ready). */
export interface ProbeCall {
  service: RecoverService;
  operation: string;
  requestId: string | null;
}

type Probe = (send: ProbeSend, output: Record<string, string>, action: PlanAction) => Promise<ProbeResult>;

const FAILED_DB = new Set([
  'failed',
  'incompatible-restore',
  'incompatible-parameters',
  'incompatible-network',
  'storage-full',
  'inaccessible-encryption-credentials',
  'restore-error',
]);

function percent(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const n = Number.parseFloat(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function need(output: Record<string, string>, field: string, action: PlanAction): string {
  const v = output[field];
  if (!v) throw new Error(`${action.title}: no ${field} recorded to watch.`);
  return v;
}

/** The call that made an action's target, named when the target fails (`CreateVolume`). */
function madeBy(action: PlanAction): string {
  return action.calls[0]?.operation ?? action.title;
}

const PROBES: Record<WaitKind, Probe> = {
  'db-instance-available': async (send, output, action) => {
    const id = need(output, 'DBInstanceIdentifier', action);
    const answer = await send('rds', 'DescribeDBInstances', {
      DBInstanceIdentifier: id,
    });
    const db = (answer.DBInstances as Array<Record<string, unknown>> | undefined)?.[0];
    const status = String(db?.DBInstanceStatus ?? 'unknown');
    const endpoint = db?.Endpoint as { Address?: string; Port?: number } | undefined;
    const arn = typeof db?.DBInstanceArn === 'string' ? db.DBInstanceArn : undefined;
    return {
      status,
      progress: null,
      done: status === 'available' && !db?.ReadReplicaSourceDBInstanceIdentifier,
      failed: FAILED_DB.has(status) ? `The DB instance ${id} is ${status}.` : null,
      output: {
        ...(endpoint?.Address
          ? { Endpoint: `${endpoint.Address}${endpoint.Port ? `:${endpoint.Port}` : ''}` }
          : {}),
        ...(arn ? { DBInstanceArn: arn } : {}),
      },
    };
  },
  'db-snapshot-available': async (send, output, action) => {
    const id = need(output, 'DBSnapshotIdentifier', action);
    const answer = await send('rds', 'DescribeDBSnapshots', {
      DBSnapshotIdentifier: id,
    });
    const snap = (answer.DBSnapshots as Array<Record<string, unknown>> | undefined)?.[0];
    const status = String(snap?.Status ?? 'unknown');
    return {
      status,
      progress: percent(snap?.PercentProgress),
      done: status === 'available',
      failed: status === 'failed' || status === 'error' ? `The snapshot copy ${id} is ${status}.` : null,
    };
  },
  'image-available': async (send, output, action) => {
    const id = need(output, 'ImageId', action);
    const answer = await send('ec2', 'DescribeImages', { ImageIds: [id] });
    const image = (answer.Images as Array<Record<string, unknown>> | undefined)?.[0];
    const status = String(image?.State ?? 'pending');
    return {
      status,
      progress: null,
      done: status === 'available',
      failed: ['failed', 'error', 'invalid', 'deregistered'].includes(status)
        ? `The image copy ${id} is ${status}.`
        : null,
    };
  },
  'snapshot-completed': async (send, output, action) => {
    const id = need(output, 'SnapshotId', action);
    const answer = await send('ec2', 'DescribeSnapshots', { SnapshotIds: [id] });
    const snap = (answer.Snapshots as Array<Record<string, unknown>> | undefined)?.[0];
    const status = String(snap?.State ?? 'pending');
    return {
      status,
      progress: percent(snap?.Progress),
      done: status === 'completed',
      failed:
        status === 'error'
          ? `The snapshot ${id} made by ${madeBy(action)} is in state error: ${String(snap?.StateMessage ?? 'no reason given').replace(/\.$/, '')}.`
          : null,
    };
  },
  'volume-available': async (send, output, action) => {
    const id = need(output, 'VolumeId', action);
    const answer = await send('ec2', 'DescribeVolumes', { VolumeIds: [id] });
    const volume = (answer.Volumes as Array<Record<string, unknown>> | undefined)?.[0];
    const status = String(volume?.State ?? 'creating');
    return {
      status,
      progress: null,
      done: status === 'available' || status === 'in-use',
      failed: status === 'error' ? `The volume ${id} made by ${madeBy(action)} is in state error.` : null,
    };
  },
  'volume-in-use': async (send, output, action) => {
    const id = need(output, 'VolumeId', action);
    const answer = await send('ec2', 'DescribeVolumes', { VolumeIds: [id] });
    const volume = (answer.Volumes as Array<Record<string, unknown>> | undefined)?.[0];
    const attachment = (volume?.Attachments as Array<Record<string, unknown>> | undefined)?.[0];
    const status = String(attachment?.State ?? volume?.State ?? 'attaching');
    return {
      status,
      progress: null,
      done: status === 'attached',
      failed: volume?.State === 'error' ? `The volume ${id} is in error.` : null,
    };
  },
  'instance-status-ok': async (send, output, action) => {
    const id = need(output, 'InstanceId', action);
    const answer = await send('ec2', 'DescribeInstanceStatus', {
      InstanceIds: [id],
      IncludeAllInstances: true,
    });
    const s = (answer.InstanceStatuses as Array<Record<string, unknown>> | undefined)?.[0];
    const state = String((s?.InstanceState as { Name?: string } | undefined)?.Name ?? 'pending');
    const instanceCheck = String(
      (s?.InstanceStatus as { Status?: string } | undefined)?.Status ?? 'initializing',
    );
    const systemCheck = String(
      (s?.SystemStatus as { Status?: string } | undefined)?.Status ?? 'initializing',
    );
    const okCount = (instanceCheck === 'ok' ? 1 : 0) + (systemCheck === 'ok' ? 1 : 0);
    return {
      status: state === 'running' ? `running, checks ${okCount}/2` : state,
      progress: state === 'running' ? 50 + okCount * 25 : null,
      done: state === 'running' && okCount === 2,
      failed:
        ['terminated', 'shutting-down', 'stopped'].includes(state) ||
        instanceCheck === 'impaired' ||
        systemCheck === 'impaired'
          ? `The instance ${id} is ${state} (instance check ${instanceCheck}, system check ${systemCheck}).`
          : null,
    };
  },
  'table-active': async (send, output, action) => {
    const name = need(output, 'TableName', action);
    const answer = await send('dynamodb', 'DescribeTable', { TableName: name });
    const table = answer.Table as Record<string, unknown> | undefined;
    const status = String(table?.TableStatus ?? 'CREATING');
    const arn = typeof table?.TableArn === 'string' ? table.TableArn : undefined;
    return {
      status,
      progress: null,
      done: status === 'ACTIVE',
      failed:
        status === 'INACCESSIBLE_ENCRYPTION_CREDENTIALS' || status === 'ARCHIVED'
          ? `The table ${name} is ${status}.`
          : null,
      ...(arn ? { output: { TableArn: arn } } : {}),
    };
  },
};

/** Look once at the target of an action's wait; also says which call it made (and its request id). */
export async function probe(
  kind: WaitKind,
  clients: AwsClients,
  region: string,
  output: Record<string, string>,
  action: PlanAction,
): Promise<ProbeResult & { call: ProbeCall | null }> {
  let call: ProbeCall | null = null;
  const send: ProbeSend = async (service, operation, params) => {
    const answer = await sendCall(clients, service, region, operation, params);
    call = { service, operation, requestId: answer.$metadata?.requestId ?? null };
    return answer;
  };
  const result = await PROBES[kind](send, output, action);
  return { ...result, call };
}
