import { dynamoScenarioRegions, type DynamoSection } from '../services/dynamodb/scenario';
import { ec2ScenarioRegions, type Ec2Section } from '../services/ec2/scenario-schema';
import { rdsScenarioRegions, type RdsSection } from '../services/rds/scenario';
import { s3ScenarioRegions, type S3Section } from '../services/s3/scenario';
import type { RegionReference, SectionRegions } from './region-reference';

/**
 * The regions each service's validated section names, by signing name. A service without an
 * entry holds no regional resources in its section.
 */
export const SECTION_REGIONS: Readonly<Record<string, SectionRegions>> = {
  s3: (section) => s3ScenarioRegions(section as S3Section),
  rds: (section) => rdsScenarioRegions(section as RdsSection),
  ec2: (section) => ec2ScenarioRegions(section as Ec2Section),
  dynamodb: (section) => dynamoScenarioRegions(section as DynamoSection),
};

/** The references in a validated section to regions that are not among the scenario's `regions`. */
export function regionsOutsideScenario(
  signingName: string,
  section: unknown,
  regions: readonly string[],
): RegionReference[] {
  const list = SECTION_REGIONS[signingName];
  return list ? list(section).filter((r) => !regions.includes(r.region)) : [];
}
