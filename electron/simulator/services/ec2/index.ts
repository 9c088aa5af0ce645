import type { ServiceSimulator, SimContext, SimErrorShape, SimResponse } from '../../core/types';
import { ec2ErrorResponse } from '../../protocol/query';
import { createQueryHandler } from '../../protocol/query-dispatch';
import { emptyEc2State, type Ec2State } from './model';
import { ec2CopyOperations } from './operations/copies';
import { ec2DescribeOperations } from './operations/describe';
import { ec2InstanceOperations } from './operations/instances';
import { ec2NetworkOperations } from './operations/network';
import { ec2VolumeOperations } from './operations/volumes';
import { ec2FromScenario } from './scenario';
import { ec2ScenarioSchema, type Ec2Section } from './scenario-schema';

/** The EC2 API version's XML namespace. */
export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const handle = createQueryHandler<Ec2State>({
  flavour: 'ec2',
  xmlns: EC2_XMLNS,
  operations: {
    ...ec2DescribeOperations,
    ...ec2NetworkOperations,
    ...ec2CopyOperations,
    ...ec2InstanceOperations,
    ...ec2VolumeOperations,
  },
});

/**
 * Simulated EC2 (ec2Query): instances and status checks, AMIs and their cross-region copies,
 * EBS volumes and snapshots, availability zones, subnets and security groups.
 */
export const ec2Service: ServiceSimulator<Ec2State, Ec2Section> = {
  signingName: 'ec2',
  emptyState: emptyEc2State,
  scenarioSchema: ec2ScenarioSchema,
  fromScenario: ec2FromScenario,
  handle,
  encodeError(error: SimErrorShape, ctx: SimContext): SimResponse {
    return ec2ErrorResponse(error, ctx.requestId);
  },
};

export type { Ec2State } from './model';
export type { Ec2Section, Ec2SectionInput } from './scenario-schema';
export { ec2ScenarioSchema } from './scenario-schema';
