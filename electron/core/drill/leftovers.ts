import type { DrillLeftover, DrillResource } from '../api/calls/drill';
import { shellQuote } from '../recover/cli-equivalent';

/** What leaving each kind of drill resource running costs (PURE data). */
export const COST_RISK: Readonly<Record<DrillResource['kind'], string>> = {
  'rds-instance': 'Billed every hour for the DB instance class and its allocated storage until deleted.',
  'ec2-instance': 'Billed every second it runs for the instance type (and its root volume) until terminated.',
  'ebs-volume': 'Billed monthly for the provisioned GB (and IOPS) until deleted, attached or not.',
  'dynamodb-table':
    'Billed for storage (and provisioned capacity, if any) until deleted; it also counts toward the table quota.',
  's3-object-version': 'Small: billed for the stored bytes of the test object version until deleted.',
};

/** The exact `aws` CLI command that removes one drill resource (PURE). */
export function removalCommand(r: DrillResource): string {
  const region = `--region ${shellQuote(r.region)}`;
  switch (r.kind) {
    case 'rds-instance':
      return `aws rds delete-db-instance ${region} --db-instance-identifier ${shellQuote(r.id)} --skip-final-snapshot --delete-automated-backups`;
    case 'ec2-instance':
      return `aws ec2 terminate-instances ${region} --instance-ids ${shellQuote(r.id)}`;
    case 'ebs-volume':
      return `aws ec2 delete-volume ${region} --volume-id ${shellQuote(r.id)}`;
    case 'dynamodb-table':
      return `aws dynamodb delete-table ${region} --table-name ${shellQuote(r.id)}`;
    case 's3-object-version':
      return `aws s3api delete-object ${region} --bucket ${shellQuote(r.bucket ?? '?')} --key ${shellQuote(r.key ?? '?')} --version-id ${shellQuote(r.id)}`;
  }
}

/** A leftover from a resource and the reason it stays (PURE). */
export function leftover(r: DrillResource, reason: string): DrillLeftover {
  return { ...r, reason, costRisk: COST_RISK[r.kind], command: removalCommand(r) };
}

/** A short label of a drill resource for people (`rds-instance drwr-drill-rds-… in us-west-2`). */
export function resourceLabel(r: DrillResource): string {
  const where =
    r.kind === 's3-object-version' ? `s3://${r.bucket ?? '?'}/${r.key ?? '?'} version ${r.id}` : r.id;
  return `${r.kind} ${where} in ${r.region}`;
}
