/** The AWS client layer: the only way app code gets SDK clients, all guarded by the operations registry. */
export {
  createAwsClients,
  DEFAULT_TUNING,
  FAST_FAIL_TUNING,
  TABLETOP_CREDENTIALS,
  type AwsClients,
  type AwsClientsOptions,
  type ClientTuning,
  type SimulatorRequestHandler,
} from './clients';
export {
  describeAwsError,
  awsErrorFacts,
  type AwsErrorContext,
  type AwsErrorHint,
  type AwsErrorFacts,
} from './describe-aws-error';
export { endpointFor } from './endpoints';
export { isExpiredSessionError } from './expired-session';
export {
  allowKinds,
  checkOperation,
  operationGuardMiddleware,
  GUARD_MIDDLEWARE_NAME,
  type OperationPolicy,
} from './guard';
export {
  buildIamPolicy,
  iamPolicyText,
  IAM_POLICY_PATH,
  type IamPolicy,
  type IamStatement,
} from './iam-policy';
export {
  operations,
  findOperation,
  operationsOf,
  AWS_SERVICES,
  type AwsOperation,
  type AwsService,
  type OperationKind,
} from './operations';
export { redactSecrets } from './redact';
export { createRefreshableCredentials, type RefreshableCredentials } from './refreshable-credentials';
export {
  SessionGate,
  MAX_LOGIN_ROUNDS,
  SESSION_GATE_MIDDLEWARE_NAME,
  type SessionExpiredNotice,
  type SessionGateOptions,
} from './session-gate';
export {
  TAG_INCIDENT,
  TAG_SOURCE,
  TAG_CREATED_BY,
  DRILL_OBJECT_PREFIX,
  appTags,
  ec2TagSpecifications,
  s3TaggingHeader,
  sanitizeTagValue,
  incidentOfTags,
  createdByIncident,
  type AppTagInput,
  type KeyValueTag,
} from './tags';
