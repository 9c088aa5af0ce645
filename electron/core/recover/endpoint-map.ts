import type { EndpointMapping, RecoveryPlan, RecoveryRun } from './types';

/**
 * The endpoint map (PURE): for every chain whose actions are all done, old → new (bucket names,
 * DB endpoints, instance ids and addresses, table names and ARNs), for updating connection strings.
 */
export function buildEndpointMap(plan: RecoveryPlan, run: RecoveryRun): EndpointMapping[] {
  const rows: EndpointMapping[] = [];
  for (const chain of plan.chains) {
    const actions = chain.actions.map((a) => run.actions[a.id]);
    if (actions.length === 0 || actions.some((a) => a?.state !== 'done')) continue;
    const out: Record<string, string> = Object.assign({}, ...actions.map((a) => a?.output ?? {}));
    const r = chain.resource;
    let target = chain.targetName;
    let detail: string | null = null;
    switch (r.service) {
      case 's3':
        target = out.Bucket ?? chain.targetName;
        detail = out.Checked
          ? `${out.Region ?? plan.regions.secondary}; ${out.Checked}`
          : (out.Region ?? null);
        break;
      case 'rds':
        target = out.DBInstanceIdentifier ?? chain.targetName;
        detail = out.Endpoint ?? null;
        break;
      case 'ec2':
        target = out.InstanceId ?? out.VolumeId ?? chain.targetName;
        detail = [out.PrivateIpAddress, out.AvailabilityZone].filter(Boolean).join(' in ') || null;
        break;
      case 'dynamodb':
        target = out.TableName ?? chain.targetName;
        detail = out.TableArn ?? null;
        break;
    }
    rows.push({ resourceId: r.id, service: r.service, kind: r.kind, source: r.name, target, detail });
  }
  return rows;
}

/** The endpoint map as tab-separated text (pastes into a spreadsheet or a ticket). */
export function endpointMapText(rows: readonly EndpointMapping[]): string {
  const lines = [
    'service\tkind\tsource\ttarget\tdetail',
    ...rows.map((r) => [r.service, r.kind, r.source, r.target, r.detail ?? ''].join('\t')),
  ];
  return `${lines.join('\n')}\n`;
}
