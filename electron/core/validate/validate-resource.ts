/**
 * Validating one restored resource: its service's integrity checks, the custom probes aimed at
 * it, and the achieved RTO/RPO against its tier's targets.
 */
import type { IncidentState } from '../incident/types';
import type { CheckContext } from './check-context';
import { checkDynamo } from './check-dynamodb';
import { checkEc2, instanceAddress } from './check-ec2';
import { checkRds } from './check-rds';
import { checkS3 } from './check-s3';
import { check, rollUp } from './compare';
import {
  achievedRpo,
  achievedRto,
  targetsMet,
  type LossWindowReference,
  type RestoredPoint,
} from './measures';
import { runProbe } from './run-probes';
import { errorText } from './send';
import type { ValidationSubject } from './subjects';
import type { ProbeSpec, ResourceValidation, ValidationCheck } from './types';

/**
 * Check one restored resource. Checks that stop with an error become one failed check saying why;
 * the RTO runs from the declaration to `validatedAt()`, the RPO from the restored point (the time
 * AWS reports for a DynamoDB restore beats the plan's) to `reference`.
 */
export async function validateResource(
  ctx: CheckContext,
  s: ValidationSubject,
  state: IncidentState,
  reference: LossWindowReference | null,
  probes: readonly ProbeSpec[],
  validatedAt: () => string,
): Promise<ResourceValidation> {
  let checks: ValidationCheck[];
  let point: RestoredPoint = s.restoredPoint;
  try {
    switch (s.service) {
      case 's3':
        checks = await checkS3(ctx, s);
        break;
      case 'rds':
        checks = await checkRds(ctx, s);
        break;
      case 'ec2':
        checks = await checkEc2(ctx, s);
        break;
      case 'dynamodb': {
        const r = await checkDynamo(ctx, s);
        checks = r.checks;
        // The restore time AWS reports beats the plan's.
        if (r.restoredAt) point = { kind: 'time', at: r.restoredAt, what: 'restored to (RestoreDateTime)' };
        break;
      }
    }
  } catch (error) {
    checks = [check('status', 'Checks ran', 'fail', `The checks stopped: ${errorText(error)}`)];
  }
  const address = s.service === 'ec2' ? instanceAddress(s.output) : s.output.Endpoint?.split(':')[0];
  for (const p of probes)
    if (p.resourceId === s.resourceId || p.resourceId === s.source) checks.push(await runProbe(p, address));
  const at = validatedAt();
  const tier = state.targets.find((t) => t.id === s.tier) ?? null;
  const rto = achievedRto(state.declaredAt, at);
  const rpo = achievedRpo(point, reference);
  const status = rollUp(checks);
  return {
    resourceId: s.resourceId,
    service: s.service,
    kind: s.kind,
    source: s.source,
    targetId: s.targetId,
    strategy: s.strategy,
    tier: s.tier,
    checks,
    status,
    achievedRtoMinutes: rto,
    achievedRpoMinutes: rpo.minutes,
    rpoBasis: rpo.basis,
    rtoTargetMinutes: tier?.rtoMinutes ?? null,
    rpoTargetMinutes: tier?.rpoMinutes ?? null,
    targetsMet: targetsMet(rto, tier?.rtoMinutes ?? null, rpo.minutes, tier?.rpoMinutes ?? null),
  };
}
