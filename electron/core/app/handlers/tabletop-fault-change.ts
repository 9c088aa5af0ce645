import type {
  FaultChange,
  FaultsInForce,
  TabletopOutageMode,
  TabletopQuotaChoice,
} from '../../api/calls/tabletop';
// The node-free parts of the simulator only: the renderer's tests use these rules too.
import type { FaultState } from '../../../simulator/core/fault-state';
import { FaultController } from '../../../simulator/core/faults';
import {
  DEFAULT_CONCURRENT_COPIES,
  DEFAULT_CONCURRENT_RESTORES,
  DEFAULT_CONCURRENT_SNAPSHOT_COPIES,
} from '../../../simulator/core/quota-defaults';

/** The quotas the simulated services enforce (their `ctx.quota` keys), with AWS's defaults. */
export const TABLETOP_QUOTAS: readonly TabletopQuotaChoice[] = [
  {
    key: 'ec2.concurrentSnapshotCopies',
    title: 'Concurrent EBS snapshot copies into a region',
    defaultValue: DEFAULT_CONCURRENT_SNAPSHOT_COPIES,
    prefix: false,
  },
  {
    key: 'rds.concurrentSnapshotCopies',
    title: 'Concurrent RDS snapshot copies into a region',
    defaultValue: DEFAULT_CONCURRENT_COPIES,
    prefix: false,
  },
  {
    key: 'dynamodb.concurrentRestores',
    title: 'DynamoDB table restores in progress',
    defaultValue: DEFAULT_CONCURRENT_RESTORES,
    prefix: false,
  },
  {
    key: 'ec2.capacity.',
    title: 'EC2 capacity of an instance type in a region (instances that can run)',
    defaultValue: null,
    prefix: true,
  },
];

const SERVICE_TITLES: Readonly<Record<string, string>> = {
  s3: 'S3',
  rds: 'RDS',
  ec2: 'EC2 and EBS',
  dynamodb: 'DynamoDB',
  sts: 'STS (identity checks)',
  'sso-oauth': 'SSO OIDC (sign-in)',
  awsssoportal: 'SSO portal (role credentials)',
};

/** The title of a simulated service for the facilitator (its signing name when unknown). */
export function serviceTitle(id: string): string {
  return SERVICE_TITLES[id] ?? id;
}

/** What a change may name: the scenario's regions and the simulated services. */
export interface FaultChangeScope {
  regions: readonly string[];
  services: readonly string[];
}

/** True when a quota key is one the simulator enforces (a known key, or a prefix with a suffix). */
export function isKnownQuotaKey(key: string): boolean {
  return TABLETOP_QUOTAS.some((q) =>
    q.prefix ? key.startsWith(q.key) && key.length > q.key.length : key === q.key,
  );
}

function checkRegion(region: string, scope: FaultChangeScope): string | null {
  return scope.regions.includes(region)
    ? null
    : `Region ${region} is not in this exercise; choose one of ${scope.regions.join(', ')}.`;
}

function checkService(service: string, scope: FaultChangeScope): string | null {
  return scope.services.includes(service)
    ? null
    : `Service ${service} is not simulated; choose one of ${scope.services.join(', ')}.`;
}

/**
 * What is wrong with a change for this exercise (a region or service it does not have, an unknown
 * quota, lag from a region to itself), or null when it can be applied. Pure.
 */
export function checkFaultChange(change: FaultChange, scope: FaultChangeScope): string | null {
  switch (change.kind) {
    case 'regionDown':
      return (
        checkRegion(change.region, scope) ??
        (change.services ?? []).map((s) => checkService(s, scope)).find((m) => m !== null) ??
        null
      );
    case 'regionUp':
      return checkRegion(change.region, scope);
    case 'throttle':
      return (
        (change.region === undefined ? null : checkRegion(change.region, scope)) ??
        (change.service === undefined ? null : checkService(change.service, scope))
      );
    case 'setQuota':
    case 'clearQuota':
      return isKnownQuotaKey(change.key)
        ? null
        : `Quota ${change.key} is not one the simulator enforces; choose one of ${TABLETOP_QUOTAS.map((q) => (q.prefix ? `${q.key}<instance type>` : q.key)).join(', ')}.`;
    case 'replicationLag':
      if (change.sourceRegion === change.destinationRegion)
        return `Replication lag is between two different regions; ${change.sourceRegion} was given as both.`;
      return checkRegion(change.sourceRegion, scope) ?? checkRegion(change.destinationRegion, scope);
    case 'failRestore':
    case 'clearRestoreFailure':
    case 'clearAll':
      return null;
  }
}

/**
 * The faults after one change, applied with the simulator's own fault switches (so the rules are
 * the simulator's: a new outage of a region replaces the old one, rate 0 removes a rule). Pure:
 * the input is not modified. Call {@link checkFaultChange} first.
 */
export function applyFaultChange(state: FaultState, change: FaultChange): FaultState {
  const faults = new FaultController(state);
  switch (change.kind) {
    case 'regionDown':
      faults.regionDown(change.region, change.mode, change.services);
      break;
    case 'regionUp':
      faults.regionUp(change.region);
      break;
    case 'throttle':
      faults.throttle(change.ratePercent / 100, {
        ...(change.region === undefined ? {} : { region: change.region }),
        ...(change.service === undefined ? {} : { service: change.service }),
      });
      break;
    case 'failRestore':
      faults.failRestore(change.target);
      break;
    case 'clearRestoreFailure':
      faults.clearRestoreFailure(change.target);
      break;
    case 'setQuota':
      faults.setQuota(change.key, change.value);
      break;
    case 'clearQuota': {
      const next = faults.save();
      delete next.quotas[change.key];
      return next;
    }
    case 'replicationLag':
      faults.setReplicationLag(
        change.sourceRegion,
        change.destinationRegion,
        Math.round(change.lagMinutes * 60_000),
      );
      break;
    case 'clearAll':
      faults.clear();
      break;
  }
  return faults.save();
}

const MODE_TEXT: Readonly<Record<TabletopOutageMode, string>> = {
  refused: 'connections refused',
  timeout: 'requests time out',
  '5xx': '503 ServiceUnavailable',
};

function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(2))} %`;
}

/** One sentence that confirms a change to the facilitator ("us-east-1 is down for S3: 503 …"). Pure. */
export function describeFaultChange(change: FaultChange, before: FaultsInForce): string {
  switch (change.kind) {
    case 'regionDown': {
      const which =
        change.services && change.services.length > 0
          ? `for ${change.services.map(serviceTitle).join(', ')}`
          : 'for every service';
      return `${change.region} is down ${which}: ${MODE_TEXT[change.mode]}, from the next request.`;
    }
    case 'regionUp':
      return before.regionOutages.some((o) => o.region === change.region)
        ? `${change.region} is back up: its APIs answer from the next request.`
        : `${change.region} was not down; nothing changed.`;
    case 'throttle': {
      const scope = [
        change.service === undefined ? 'every service' : serviceTitle(change.service),
        change.region === undefined ? 'every region' : change.region,
      ].join(' in ');
      return change.ratePercent === 0
        ? `Throttling of ${scope} is off.`
        : `${formatPercent(change.ratePercent)} of requests to ${scope} are throttled, from the next request.`;
    }
    case 'failRestore':
      return `The restore into "${change.target}" will fail.`;
    case 'clearRestoreFailure':
      return `The restore into "${change.target}" will succeed again.`;
    case 'setQuota':
      return `Quota ${change.key} is ${change.value}.`;
    case 'clearQuota':
      return `Quota ${change.key} is back to its default.`;
    case 'replicationLag':
      return change.lagMinutes === 0
        ? `No extra S3 replication lag from ${change.sourceRegion} to ${change.destinationRegion}.`
        : `S3 replication from ${change.sourceRegion} to ${change.destinationRegion} lags ${Number(change.lagMinutes.toFixed(2))} more minutes.`;
    case 'clearAll':
      return 'Every fault is off: every region answers, no throttling, no failing restores, default quotas, no extra lag.';
  }
}
