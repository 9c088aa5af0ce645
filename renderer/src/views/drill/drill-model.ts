import type {
  DrillCheck,
  DrillHistory,
  DrillServiceName,
  DrillTargets,
} from '../../../../electron/core/api/calls/drill';

/** What each service's target is, for labels. */
export const TARGET_LABEL: Readonly<Record<DrillServiceName, string>> = {
  s3: 'S3 bucket (test object written under dr-war-room-drill/)',
  rds: 'RDS DB instance (restored from its newest snapshot)',
  ec2: 'EC2 instance (launched from its newest AMI, with a restored volume)',
  dynamodb: 'DynamoDB table (restored to a point in time)',
};

/** Service names for people. */
export const SERVICE_TITLE: Readonly<Record<DrillServiceName, string>> = {
  s3: 'S3',
  rds: 'RDS',
  ec2: 'EC2',
  dynamodb: 'DynamoDB',
};

/** Check status words. */
export const CHECK_TEXT: Readonly<Record<DrillCheck['status'], string>> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  skipped: 'Skipped',
};

/** The suggested target per service (PURE), for the form's first values. */
export function suggestedTargets(targets: DrillTargets): Record<DrillServiceName, string> {
  const pick = (s: DrillServiceName) => targets[s].find((t) => t.suggested)?.id ?? targets[s][0]?.id ?? '';
  return { s3: pick('s3'), rds: pick('rds'), ec2: pick('ec2'), dynamodb: pick('dynamodb') };
}

/** The per-quarter series of the history chart (PURE): quarters oldest first, passed and failed drills. */
export function quarterSeries(history: DrillHistory): {
  quarters: string[];
  passed: number[];
  failed: number[];
} {
  return {
    quarters: history.quarters.map((q) => q.quarter),
    passed: history.quarters.map((q) => q.passed),
    failed: history.quarters.map((q) => q.failed),
  };
}

/** Minutes for a table cell. */
export function minutesText(value: number | null): string {
  return value === null ? '–' : `${value} min`;
}
