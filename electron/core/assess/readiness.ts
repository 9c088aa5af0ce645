import type { GapSeverity, ReadinessGap, ReadinessStatus, RecoveryOption } from '../api/calls/assess';
import type { EnvironmentRules } from '../runbooks/backup-policy';
import { formatMinutes } from './rpo';
import type { PolicyFacts } from './subject';

/** What the readiness rules need about one resource besides its policy facts. */
export interface ReadinessInput {
  role: 'primary' | 'secondary';
  environment: 'production' | 'development';
  tier: { id: string; title: string; rpoMinutes: number; rtoMinutes: number; source: string };
  /** The raw tier tag value when the policy does not map it. */
  unmappedTierTag: string | null;
  critical: boolean;
  /** True for EC2 instances and EBS volumes (held to the AMI and snapshot age rules instead of the tier RPO). */
  imageOrVolume: boolean;
  /** True when the environment's rules require a copy in the secondary region for this service. */
  crossRegionRequired: boolean;
  primary: string;
  secondary: string;
}

function gap(rule: string, severity: GapSeverity, message: string, fix: string): ReadinessGap {
  return { rule, severity, message, fix };
}

function s3Gaps(
  p: Extract<PolicyFacts, { service: 's3' }>,
  rules: EnvironmentRules['s3'],
  input: ReadinessInput,
): ReadinessGap[] {
  const out: ReadinessGap[] = [];
  const env = input.environment;
  if (rules.versioning && p.versioning !== null && p.versioning !== 'Enabled') {
    out.push(
      gap(
        's3.versioning',
        'warning',
        `Versioning is ${p.versioning === 'Off' ? 'off' : 'suspended'}; the policy requires versioning for ${env} buckets (needed for rollback and for replication).`,
        `aws s3api put-bucket-versioning --bucket ${p.name} --versioning-configuration Status=Enabled`,
      ),
    );
  }
  if (input.role === 'primary' && rules.crossRegionReplication && p.replication === 'none') {
    out.push(
      gap(
        's3.crossRegionReplication',
        'critical',
        `${env === 'production' ? 'Production' : 'This'} bucket without cross-region replication: there is no copy of its objects in ${input.secondary}.`,
        `Enable versioning, create a versioned bucket in ${input.secondary}, add a replication rule to it (aws s3api put-bucket-replication), and copy existing objects with S3 Batch Replication.`,
      ),
    );
  }
  for (const e of p.expirations ?? []) {
    if (e.days < rules.retentionDays) {
      out.push(
        gap(
          's3.retentionDays',
          'warning',
          `Lifecycle rule "${e.rule}" deletes ${e.noncurrent ? 'noncurrent versions' : 'objects'} after ${e.days} days; the policy keeps ${env} data for ${rules.retentionDays} days.`,
          `Raise the rule's ${e.noncurrent ? 'NoncurrentVersionExpiration' : 'Expiration'} to at least ${rules.retentionDays} days (aws s3api put-bucket-lifecycle-configuration), or tag the bucket as log data if it is.`,
        ),
      );
    }
  }
  return out;
}

function rdsGaps(
  p: Extract<PolicyFacts, { service: 'rds' }>,
  rules: EnvironmentRules['rds'],
  input: ReadinessInput,
): ReadinessGap[] {
  const out: ReadinessGap[] = [];
  const env = input.environment;
  if (p.retentionDays !== null && p.retentionDays === 0) {
    out.push(
      gap(
        'rds.backupRetentionDays',
        'critical',
        `Automated backups are off (retention 0 days): there is no point-in-time recovery at all; the policy requires ${rules.backupRetentionDays} days.`,
        `aws rds modify-db-instance --db-instance-identifier ${p.id} --backup-retention-period ${rules.backupRetentionDays} --apply-immediately`,
      ),
    );
  } else if (p.retentionDays !== null && p.retentionDays < rules.backupRetentionDays) {
    out.push(
      gap(
        'rds.backupRetentionDays',
        'warning',
        `Retention ${p.retentionDays} day${p.retentionDays === 1 ? '' : 's'}, policy requires ${rules.backupRetentionDays} for ${env} databases.`,
        `aws rds modify-db-instance --db-instance-identifier ${p.id} --backup-retention-period ${rules.backupRetentionDays} --apply-immediately`,
      ),
    );
  }
  if (rules.multiAz && p.multiAz === false) {
    out.push(
      gap(
        'rds.multiAz',
        'warning',
        `Single-AZ: the policy requires Multi-AZ for ${env} databases.`,
        `aws rds modify-db-instance --db-instance-identifier ${p.id} --multi-az --apply-immediately`,
      ),
    );
  }
  if (input.role === 'primary' && rules.crossRegionBackups && p.replicatedBackups === false) {
    const snap =
      p.newestSecondarySnapshotMinutes === undefined
        ? `snapshots in ${input.secondary} are unknown`
        : p.newestSecondarySnapshotMinutes === null
          ? `there is no snapshot in ${input.secondary} either`
          : `newest snapshot in ${input.secondary} is ${formatMinutes(p.newestSecondarySnapshotMinutes)} old`;
    out.push(
      gap(
        'rds.crossRegionBackups',
        'critical',
        `No replicated automated backups: cross-region point-in-time restore is impossible; ${snap}.`,
        `aws rds start-db-instance-automated-backups-replication --region ${input.secondary} --source-db-instance-arn ${p.arn} --backup-retention-period ${rules.backupRetentionDays}${p.encrypted ? ` --kms-key-id <key ARN in ${input.secondary}>` : ''}`,
      ),
    );
  }
  return out;
}

function ec2Gaps(
  p: Extract<PolicyFacts, { service: 'ec2' }>,
  rules: EnvironmentRules['ec2'],
  input: ReadinessInput,
): ReadinessGap[] {
  const out: ReadinessGap[] = [];
  // The policy names AMI ages for its `critical` and `standard` tiers; other tiers have no AMI rule.
  const tierId = input.tier.id;
  const maxAmiHours = tierId === 'critical' || tierId === 'standard' ? rules.amiMaxAgeHours[tierId] : null;
  if (maxAmiHours === null) return out;
  const label = tierId === 'critical' ? 'a critical' : 'a standard';
  const schedule = maxAmiHours <= 24 ? 'daily' : maxAmiHours <= 168 ? 'weekly' : `every ${maxAmiHours} hours`;
  if (p.newestAmiMinutes === null) {
    if (p.complete) {
      out.push(
        gap(
          'ec2.amiMaxAgeHours',
          'critical',
          `No AMI of ${label} instance exists in either region: it cannot be launched elsewhere.`,
          `Create an AMI (aws ec2 create-image --instance-id ${p.id} --no-reboot) on a ${schedule} schedule (AWS Backup or Data Lifecycle Manager), with a copy to ${input.secondary}.`,
        ),
      );
    }
  } else if (p.newestAmiMinutes > maxAmiHours * 60) {
    out.push(
      gap(
        'ec2.amiMaxAgeHours',
        tierId === 'critical' ? 'critical' : 'warning',
        `Newest AMI of ${label} instance is ${formatMinutes(p.newestAmiMinutes)} old; the policy requires one ${schedule} (${maxAmiHours} hours).`,
        `Create a fresh AMI (aws ec2 create-image --instance-id ${p.id} --no-reboot) and schedule them ${schedule}, copied to ${input.secondary}.`,
      ),
    );
  }
  if (
    input.role === 'primary' &&
    input.crossRegionRequired &&
    p.newestAmiMinutes !== null &&
    !p.amiInSecondary &&
    p.complete
  ) {
    out.push(
      gap(
        'ec2.crossRegionAmi',
        'warning',
        `AMIs of this instance exist only in ${input.primary}: copying one needs ${input.primary} to answer.`,
        `Copy the newest AMI to ${input.secondary} now and on every AMI schedule (aws ec2 copy-image --region ${input.secondary} --source-region ${input.primary} --source-image-id <ami>).`,
      ),
    );
  }
  return out;
}

function ebsGaps(
  p: Extract<PolicyFacts, { service: 'ebs' }>,
  rules: EnvironmentRules['ec2'],
  input: ReadinessInput,
): ReadinessGap[] {
  const out: ReadinessGap[] = [];
  const maxHours = rules.ebsSnapshotMaxAgeHours;
  if (maxHours !== null && p.complete) {
    if (p.newestSnapshotMinutes === null) {
      out.push(
        gap(
          'ec2.ebsSnapshotMaxAgeHours',
          'critical',
          `Volume ${p.volumeId} has no snapshot; the policy requires one every ${maxHours} hours for ${input.environment} data volumes.`,
          `aws ec2 create-snapshot --volume-id ${p.volumeId}, then schedule snapshots (Data Lifecycle Manager) with a copy to ${input.secondary}.`,
        ),
      );
    } else if (p.newestSnapshotMinutes > maxHours * 60) {
      out.push(
        gap(
          'ec2.ebsSnapshotMaxAgeHours',
          'warning',
          `Newest snapshot of volume ${p.volumeId} is ${formatMinutes(p.newestSnapshotMinutes)} old; the policy requires one every ${maxHours} hours.`,
          `aws ec2 create-snapshot --volume-id ${p.volumeId}, and fix the snapshot schedule (Data Lifecycle Manager).`,
        ),
      );
    }
  }
  if (input.role === 'primary' && p.complete && p.newestSnapshotMinutes !== null && !p.snapshotInSecondary) {
    out.push(
      gap(
        'ec2.crossRegionSnapshot',
        maxHours !== null ? 'warning' : 'info',
        `Snapshots of volume ${p.volumeId} exist only in ${input.primary}: copying one needs ${input.primary} to answer.`,
        `Copy each new snapshot to ${input.secondary} (aws ec2 copy-snapshot --region ${input.secondary} --source-region ${input.primary} --source-snapshot-id <snap>), e.g. with a Data Lifecycle Manager cross-region copy rule.`,
      ),
    );
  }
  return out;
}

function dynamodbGaps(
  p: Extract<PolicyFacts, { service: 'dynamodb' }>,
  rules: EnvironmentRules['dynamodb'],
  input: ReadinessInput,
): ReadinessGap[] {
  const out: ReadinessGap[] = [];
  const period = rules.pitrRecoveryPeriodDays;
  const periodArg = period ? `,RecoveryPeriodInDays=${period}` : '';
  if (rules.pitr && p.pitr === 'DISABLED') {
    out.push(
      gap(
        'dynamodb.pitr',
        p.globalReplicaInSecondary ? 'warning' : 'critical',
        `PITR disabled: the policy requires point-in-time recovery for ${input.environment} tables${p.globalReplicaInSecondary ? '' : `, and without it there is no cross-region restore`}.`,
        `aws dynamodb update-continuous-backups --table-name ${p.name} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true${periodArg}`,
      ),
    );
  } else if (
    p.pitr === 'ENABLED' &&
    period !== null &&
    p.recoveryPeriodDays !== null &&
    p.recoveryPeriodDays < period
  ) {
    out.push(
      gap(
        'dynamodb.pitrRecoveryPeriodDays',
        'warning',
        `PITR keeps ${p.recoveryPeriodDays} days; the policy requires a ${period}-day recovery window.`,
        `aws dynamodb update-continuous-backups --table-name ${p.name} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true${periodArg}`,
      ),
    );
  }
  return out;
}

/** The backup-policy gaps of one resource (pure). */
export function policyGaps(
  policy: PolicyFacts | null,
  rules: EnvironmentRules,
  input: ReadinessInput,
): ReadinessGap[] {
  const out: ReadinessGap[] = [];
  if (input.unmappedTierTag !== null) {
    out.push(
      gap(
        'tier.tag',
        'info',
        `Tier tag value "${input.unmappedTierTag}" is not in the policy's mapping; the resource is held to the ${input.tier.id} tier.`,
        'Use a tier value the backup policy maps (runbooks/backup-policy.yaml, tierTag.values), or add this one there.',
      ),
    );
  }
  if (!policy) return out;
  switch (policy.service) {
    case 's3':
      return [...out, ...s3Gaps(policy, rules.s3, input)];
    case 'rds':
      return [...out, ...rdsGaps(policy, rules.rds, input)];
    case 'ec2':
      return [...out, ...ec2Gaps(policy, rules.ec2, input)];
    case 'ebs':
      return [...out, ...ebsGaps(policy, rules.ec2, input)];
    case 'dynamodb':
      return [...out, ...dynamodbGaps(policy, rules.dynamodb, input)];
  }
}

/** Gaps of the chosen option against the tier's recovery targets (pure). */
export function targetGaps(
  best: RecoveryOption | null,
  input: ReadinessInput,
  optionsIncomplete: boolean,
): ReadinessGap[] {
  if (input.role !== 'primary') return [];
  if (!best) {
    return [
      gap(
        'recovery.option',
        optionsIncomplete ? 'warning' : input.crossRegionRequired ? 'critical' : 'info',
        optionsIncomplete
          ? `No usable recovery option into ${input.secondary} was found, but not every list there could be read.`
          : input.crossRegionRequired
            ? `No usable way to recover this resource into ${input.secondary} right now.`
            : `No usable way to recover this resource into ${input.secondary} right now; the policy does not require one for ${input.environment} resources.`,
        optionsIncomplete
          ? 'Run the assessment again when the secondary region answers fully.'
          : !input.crossRegionRequired
            ? 'Nothing, unless it matters in a failover: then tag it environment=production and protect it like production.'
            : `Set up a copy in ${input.secondary} (replication, replicated backups, snapshot or AMI copies) as the gaps above say; until then recovery waits for ${input.primary}.`,
      ),
    ];
  }
  const out: ReadinessGap[] = [];
  if (best.rpoMinutes !== null && best.rpoMinutes > input.tier.rpoMinutes) {
    // EC2's own rules (AMI and snapshot age) are what the policy asks of instances and volumes;
    // the tier's RPO is shown for them, but only data stores are held to it.
    const held = !input.imageOrVolume;
    out.push(
      gap(
        'tier.rpo',
        !held ? 'info' : input.critical ? 'critical' : 'warning',
        `Best achievable RPO is ${formatMinutes(best.rpoMinutes)}; the ${input.tier.id} tier allows ${formatMinutes(input.tier.rpoMinutes)} of data loss.`,
        'Shorten the gap between copies: replicated automated backups, continuous replication, or more frequent snapshots copied to the secondary region.',
      ),
    );
  }
  if (best.rtoMinutes > input.tier.rtoMinutes) {
    out.push(
      gap(
        'tier.rto',
        'warning',
        `Estimated RTO is ${formatMinutes(best.rtoMinutes)}; the ${input.tier.id} tier allows ${formatMinutes(input.tier.rtoMinutes)}.`,
        'Keep a warm copy in the secondary region (read replica, global table, replica bucket) to recover faster.',
      ),
    );
  }
  return out;
}

/**
 * The readiness status (pure): without a usable option `unknown` when the lists that could hold
 * one were not read completely, `out-of-scope` when the policy requires no copy for it (its other
 * gaps still stand), else
 * `not-recoverable`; with one, `at-risk` on a critical or warning gap, `ready` otherwise.
 */
export function readinessStatus(
  best: RecoveryOption | null,
  gaps: readonly ReadinessGap[],
  optionsIncomplete: boolean,
  crossRegionRequired = true,
): ReadinessStatus {
  if (!best) {
    if (optionsIncomplete) return 'unknown';
    if (!crossRegionRequired) return 'out-of-scope';
    return 'not-recoverable';
  }
  return gaps.some((g) => g.severity === 'critical' || g.severity === 'warning') ? 'at-risk' : 'ready';
}
