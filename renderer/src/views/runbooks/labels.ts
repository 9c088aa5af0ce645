import type { RunbookServiceId, RunbookStageId } from '../../../../electron/core/runbooks/runbook-view';

/** How each service is named on screen. */
export const serviceLabels: Record<RunbookServiceId, string> = {
  s3: 'S3',
  rds: 'RDS',
  ec2: 'EC2 / EBS',
  dynamodb: 'DynamoDB',
  general: 'General',
};

/** How each stage is named on screen. */
export const stageLabels: Record<RunbookStageId, string> = {
  assess: 'Assess',
  activate: 'Activate',
  recover: 'Recover',
  validate: 'Validate',
  document: 'Document',
};

/** True when a runbook's review date (YYYY-MM-DD) has passed on `today`. */
export function reviewOverdue(reviewDue: string, today: Date = new Date()): boolean {
  return reviewDue < today.toISOString().slice(0, 10);
}
