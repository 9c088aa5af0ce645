import type { IdentityView, RegionReachView } from '../api/calls/session';
import { parseCallerArn } from './identity';

/** The first region whose STS answered with an account and an ARN, or null (PURE). */
export function firstAnswer(regions: readonly RegionReachView[]): { accountId: string; arn: string } | null {
  const answered = regions.find((r) => r.reachable && r.accountId && r.arn);
  return answered?.accountId && answered.arn ? { accountId: answered.accountId, arn: answered.arn } : null;
}

/** Who the app acts as, for the header (PURE): the account, its alias, and the role and session from the ARN. */
export function identityView(
  answer: { accountId: string; arn: string },
  accountAlias: string | null,
): IdentityView {
  const parts = parseCallerArn(answer.arn);
  return {
    accountId: answer.accountId,
    accountAlias,
    arn: answer.arn,
    role: parts.displayRole,
    roleName: parts.roleName,
    sessionName: parts.sessionName,
  };
}
