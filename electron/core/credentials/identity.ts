import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from '../aws/clients';
import { describeAwsError } from '../aws/describe-aws-error';

/** Whether one region's STS answered, and as whom. */
export interface RegionReach {
  region: string;
  role: 'primary' | 'secondary';
  reachable: boolean;
  accountId: string | null;
  arn: string | null;
  /** Why it did not answer (code and a sentence); null when it did. */
  error: { code: string; message: string } | null;
}

/** The parts of a caller ARN the header shows. */
export interface ArnParts {
  /** `assumed-role`, `user`, `root`, `federated-user` … */
  principalType: string;
  /** The IAM role name (`AWSReservedSSO_IncidentCommander_0123…`), for assumed roles. */
  roleName: string | null;
  /** A readable role (`IncidentCommander` for an SSO permission set). */
  displayRole: string | null;
  /** The session or user name. */
  sessionName: string | null;
}

/** Split an STS caller ARN (pure). */
export function parseCallerArn(arn: string): ArnParts {
  const resource = arn.split(':').slice(5).join(':');
  const [principalType = '', ...rest] = resource.split('/');
  if (principalType === 'assumed-role') {
    const roleName = rest[0] ?? null;
    const sso = roleName ? /^AWSReservedSSO_(.+)_[0-9a-f]{8,}$/.exec(roleName) : null;
    return {
      principalType,
      roleName,
      displayRole: sso?.[1] ?? roleName,
      sessionName: rest.slice(1).join('/') || null,
    };
  }
  if (principalType === 'root' || resource === 'root') {
    return { principalType: 'root', roleName: null, displayRole: 'root', sessionName: null };
  }
  return {
    principalType,
    roleName: null,
    displayRole: principalType === 'user' ? 'IAM user' : principalType || null,
    sessionName: rest.join('/') || null,
  };
}

/**
 * STS GetCallerIdentity in the primary and the secondary region at the same time, with
 * fast-fail clients, so a dead us-east-1 does not hide that us-west-2's STS answers. Ungated:
 * an expired session is reported, not waited on.
 */
export async function callerIdentityInRegions(
  clients: AwsClients,
  regions: { primary: string; secondary: string },
): Promise<RegionReach[]> {
  const fast = clients.ungated().fastFail();
  const ask = async (region: string, role: 'primary' | 'secondary'): Promise<RegionReach> => {
    try {
      const answer = await fast.sts(region).send(new GetCallerIdentityCommand({}));
      return {
        region,
        role,
        reachable: true,
        accountId: answer.Account ?? null,
        arn: answer.Arn ?? null,
        error: null,
      };
    } catch (error) {
      const described = describeAwsError(error, { service: 'sts', operation: 'GetCallerIdentity', region });
      return {
        region,
        role,
        reachable: false,
        accountId: null,
        arn: null,
        error: { code: described.code, message: described.message },
      };
    }
  };
  return Promise.all([ask(regions.primary, 'primary'), ask(regions.secondary, 'secondary')]);
}

/**
 * The account's display name from the SSO portal (`ListAccounts` with the bearer token): the
 * alias shown in the header. Ungated and fast-fail: a nicety must never wait.
 */
export async function ssoAccountName(
  clients: AwsClients,
  ssoRegion: string,
  accessToken: string,
  accountId: string,
): Promise<string | null> {
  const answer = await clients
    .ungated()
    .fastFail()
    .sso(ssoRegion)
    .send(new ListAccountsCommand({ accessToken }));
  return answer.accountList?.find((a) => a.accountId === accountId)?.accountName ?? null;
}
