/** The ids of the bundled runbooks that the DR procedure and the other engineers rely on. */
export const EXPECTED_RUNBOOK_IDS = [
  's3-version-rollback',
  's3-archive-restore',
  's3-cross-region-failover',
  's3-backup-test',
  'rds-pitr-in-region',
  'rds-pitr-cross-region',
  'rds-snapshot-copy-restore',
  'rds-read-replica-promotion',
  'rds-backup-test',
  'ec2-ami-recovery',
  'ec2-ebs-volume-recovery',
  'ec2-backup-test',
  'dynamodb-pitr-restore',
  'dynamodb-backup-restore',
  'dynamodb-global-table-failover',
  'dynamodb-backup-test',
  'backup-monitoring',
  'dr-procedure',
  'compliance-mapping',
] as const;

/** The bundled runbooks with no `aws` command to run (prose and mappings only). */
export const RUNBOOK_IDS_WITHOUT_AWS_COMMANDS: ReadonlySet<string> = new Set(['compliance-mapping']);

/** The bundled runbooks that have `aws` commands to run. */
export const RUNBOOK_IDS_WITH_AWS_COMMANDS: readonly string[] = EXPECTED_RUNBOOK_IDS.filter(
  (id) => !RUNBOOK_IDS_WITHOUT_AWS_COMMANDS.has(id),
);
