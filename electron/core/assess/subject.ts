import type {
  AssessServiceName,
  AssessedResource,
  RecoveryOption,
  ResourceDetails,
  ResourceFact,
  UnknownFact,
} from '../api/calls/assess';
import type { TagMap } from './inventory';

/** The facts the policy rules need, per service (pure data). */
export type PolicyFacts =
  | {
      service: 's3';
      name: string;
      versioning: 'Enabled' | 'Suspended' | 'Off' | null;
      /** Replication into the secondary region: a rule to a bucket there, none, or not known. */
      replication: 'to-secondary' | 'none' | 'unknown';
      /** Lifecycle expirations in days (current and noncurrent), or null when unknown. */
      expirations: Array<{ rule: string; days: number; noncurrent: boolean }> | null;
    }
  | {
      service: 'rds';
      id: string;
      arn: string;
      retentionDays: number | null;
      multiAz: boolean | null;
      encrypted: boolean | null;
      /** Replicated automated backups in the secondary region: true, false, or null when unknown. */
      replicatedBackups: boolean | null;
      /** Age of the newest snapshot in the secondary region (null: none; undefined: unknown). */
      newestSecondarySnapshotMinutes: number | null | undefined;
    }
  | {
      service: 'ec2';
      id: string;
      /** Age of the newest AMI of the instance in any region (null: none found). */
      newestAmiMinutes: number | null;
      amiInSecondary: boolean;
      /** True when the AMI lists of both regions were read completely. */
      complete: boolean;
    }
  | {
      service: 'ebs';
      volumeId: string;
      /** Age of the newest completed snapshot in any region (null: none found). */
      newestSnapshotMinutes: number | null;
      snapshotInSecondary: boolean;
      /** True when the snapshot lists of both regions were read completely. */
      complete: boolean;
    }
  | {
      service: 'dynamodb';
      name: string;
      pitr: 'ENABLED' | 'DISABLED' | null;
      recoveryPeriodDays: number | null;
      globalReplicaInSecondary: boolean;
    };

/** A resource before classification and readiness: what it is, its facts and its recovery options. */
export interface Subject {
  id: string;
  service: AssessServiceName;
  kind: AssessedResource['kind'];
  region: string;
  name: string;
  role: 'primary' | 'secondary';
  observed: boolean;
  /** The resource's own tags (null when unknown). */
  tags: TagMap | null;
  /** Tags of a copy in the secondary region, used for the tier when the own tags are unknown. */
  copyTags: TagMap | null;
  facts: ResourceFact[];
  details: ResourceDetails;
  options: RecoveryOption[];
  unknowns: UnknownFact[];
  /** True when a list that could hold a copy of this resource was not read completely. */
  optionsIncomplete: boolean;
  /** Data size in GiB, for the RTO estimates (null when unknown). */
  sizeGiB: number | null;
  policy: PolicyFacts | null;
}

/** The context every option builder reads. */
export interface OptionContext {
  primary: string;
  secondary: string;
  now: Date;
  /** True when a service's list in a region could not be read completely. */
  incomplete(service: AssessServiceName, region: string): boolean;
  /** True when a service in a region did not answer during the scan. */
  unreachable(service: AssessServiceName, region: string): boolean;
}
