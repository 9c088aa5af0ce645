import { describe, expect, it } from 'vitest';
import { parseCallerArn } from '../../../../electron/core/credentials/identity';

describe('parseCallerArn', () => {
  it('reads an SSO permission set role', () => {
    expect(
      parseCallerArn(
        'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_IncidentCommander_5f2a9c1d7e3b4a60/alice@example.com',
      ),
    ).toEqual({
      principalType: 'assumed-role',
      roleName: 'AWSReservedSSO_IncidentCommander_5f2a9c1d7e3b4a60',
      displayRole: 'IncidentCommander',
      sessionName: 'alice@example.com',
    });
  });

  it('reads a plain assumed role, an IAM user and root', () => {
    expect(
      parseCallerArn('arn:aws:sts::111122223333:assumed-role/DrWarRoomRecovery/session-1'),
    ).toMatchObject({
      roleName: 'DrWarRoomRecovery',
      displayRole: 'DrWarRoomRecovery',
      sessionName: 'session-1',
    });
    expect(parseCallerArn('arn:aws:iam::111122223333:user/ops/bob')).toMatchObject({
      principalType: 'user',
      displayRole: 'IAM user',
      sessionName: 'ops/bob',
    });
    expect(parseCallerArn('arn:aws:iam::111122223333:root')).toMatchObject({ displayRole: 'root' });
  });
});
