import type { ServiceSimulator, SimContext, SimErrorShape, SimResponse } from '../../core/types';
import { createQueryHandler } from '../../protocol/query-dispatch';
import { queryErrorResponse } from '../../protocol/query';
import { emptyRdsState, type RdsState } from './model';
import { rdsBackupReplicationOperations } from './operations/backup-replication';
import { rdsDescribeOperations } from './operations/describe';
import { rdsInstanceOperations } from './operations/instances';
import { rdsRestoreOperations } from './operations/restore';
import { rdsSnapshotOperations } from './operations/snapshots';
import { rdsFromScenario, rdsScenarioSchema, type RdsSection } from './scenario';

/** The RDS API version's XML namespace. */
export const RDS_XMLNS = 'http://rds.amazonaws.com/doc/2014-10-31/';

const handle = createQueryHandler<RdsState>({
  flavour: 'query',
  xmlns: RDS_XMLNS,
  operations: {
    ...rdsDescribeOperations,
    ...rdsSnapshotOperations,
    ...rdsRestoreOperations,
    ...rdsInstanceOperations,
    ...rdsBackupReplicationOperations,
  },
});

/**
 * Simulated RDS (awsQuery): instances, read replicas, automated backups and their cross-region
 * replication, snapshots and copies, point-in-time and snapshot restores, subnet groups, tags.
 */
export const rdsService: ServiceSimulator<RdsState, RdsSection> = {
  signingName: 'rds',
  emptyState: emptyRdsState,
  scenarioSchema: rdsScenarioSchema,
  fromScenario: rdsFromScenario,
  handle,
  encodeError(error: SimErrorShape, ctx: SimContext): SimResponse {
    return queryErrorResponse(error, ctx.requestId);
  },
};

export type { RdsState } from './model';
export type { RdsSection, RdsSectionInput } from './scenario';
export { rdsScenarioSchema } from './scenario';
