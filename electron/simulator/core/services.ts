import { dynamodbService } from '../services/dynamodb';
import { ec2Service } from '../services/ec2';
import { rdsService } from '../services/rds';
import { s3Service } from '../services/s3';
import { stsService } from '../services/sts';
import { ssoOidcService } from '../services/sso-oidc';
import { ssoPortalService } from '../services/sso-portal';
import type { ServiceSimulator } from './types';

/**
 * Every simulated service, by signing name. Shared file: each service's owner adds one line.
 * A scenario's sections are keyed by these signing names.
 */
export const simulatorServices: readonly ServiceSimulator[] = [
  s3Service as ServiceSimulator,
  rdsService as ServiceSimulator,
  ec2Service as ServiceSimulator,
  dynamodbService as ServiceSimulator,
  stsService as ServiceSimulator,
  ssoOidcService as ServiceSimulator,
  ssoPortalService as ServiceSimulator,
];
