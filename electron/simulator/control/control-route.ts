import { createHash } from 'node:crypto';
import type { FaultState } from '../core/fault-state';
import { faultStateSchema } from '../core/fault-state';
import type { FaultController } from '../core/faults';
import type { FaultsView } from './control-view';
import { SIMULATOR_CONTROL_PREFIX, SIMULATOR_FAULTS_PATH } from './control-view';
import { isLoopbackAddress, isLoopbackHostHeader, isVirtualHostedS3Host } from './loopback';

/** The parts of an HTTP request the control route looks at. */
export interface ControlRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The `Host` header. */
  host: string | undefined;
  /** The peer's address (`req.socket.remoteAddress`). */
  remoteAddress: string | undefined;
  /** The `Origin` header: present when a web page sent the request. */
  origin: string | undefined;
  contentType: string | undefined;
  /** The `If-Match` header: the ETag of the faults the change was made from. */
  ifMatch: string | undefined;
  body: Buffer;
}

/** What the control route changes and shows. */
export interface ControlTarget {
  faults: FaultController;
  regions: readonly string[];
  /** Signing names an outage or a throttling rule may name. */
  services: readonly string[];
  /** Save the simulator after a change (absent: the simulator keeps no state file). */
  persist?: () => Promise<void>;
}

/** The control route's answer. */
export interface ControlAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const LOOPBACK_ONLY =
  "The simulator's control route answers only on this machine's loopback interface (Host 127.0.0.1, localhost or [::1]): run `dr-war-room simulator faults` on the machine that runs the simulator.";

/**
 * True when a request is for the control route rather than for AWS: its path is under
 * `/_simulator` (path-style, that would be a bucket named `_simulator`, which S3 does not allow,
 * and RDS, EC2, DynamoDB and STS only use `/`), unless the host name carries an S3 bucket
 * (virtual-hosted style), where the path is an object key and belongs to S3.
 */
export function isControlRequest(path: string, host: string | undefined): boolean {
  const underPrefix = path === SIMULATOR_CONTROL_PREFIX || path.startsWith(`${SIMULATOR_CONTROL_PREFIX}/`);
  return underPrefix && !isVirtualHostedS3Host(host);
}

/** The ETag of a set of faults (a change sent with `If-Match` applies only to the faults it was made from). */
export function faultsEtag(faults: FaultState): string {
  return `"${createHash('sha256').update(JSON.stringify(faults)).digest('hex').slice(0, 32)}"`;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): ControlAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: `${JSON.stringify(value, null, 2)}\n`,
  };
}

function fail(status: number, error: string, headers: Record<string, string> = {}): ControlAnswer {
  return json(status, { error }, headers);
}

function viewOf(target: ControlTarget): FaultsView {
  return {
    faults: target.faults.save(),
    regions: [...target.regions],
    services: [...target.services],
    persisted: target.persist !== undefined,
  };
}

/**
 * What a set of faults names that this simulator does not have (a region outside the account,
 * an unknown service), as `field: problem` lines; empty when the set is usable.
 */
export function unknownNamesInFaults(
  faults: FaultState,
  regions: readonly string[],
  services: readonly string[],
): string[] {
  const problems: string[] = [];
  const region = (field: string, name: string | undefined): void => {
    if (name !== undefined && !regions.includes(name))
      problems.push(`${field}: ${name} is not a region of this account (${regions.join(', ')})`);
  };
  const service = (field: string, name: string | undefined): void => {
    if (name !== undefined && !services.includes(name))
      problems.push(`${field}: ${name} is not a simulated service (${services.join(', ')})`);
  };
  faults.regionOutages.forEach((o, i) => {
    region(`regionOutages.${i}.region`, o.region);
    (o.services ?? []).forEach((s, j) => service(`regionOutages.${i}.services.${j}`, s));
  });
  faults.throttling.forEach((t, i) => {
    region(`throttling.${i}.region`, t.region);
    service(`throttling.${i}.service`, t.service);
  });
  faults.replicationLag.forEach((l, i) => {
    region(`replicationLag.${i}.sourceRegion`, l.sourceRegion);
    region(`replicationLag.${i}.destinationRegion`, l.destinationRegion);
  });
  return problems;
}

function parseFaults(request: ControlRequest, target: ControlTarget): FaultState | ControlAnswer {
  const type = (request.contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return fail(415, 'Send the faults as JSON (Content-Type: application/json).');
  let data: unknown;
  try {
    data = JSON.parse(request.body.toString('utf8'));
  } catch (error) {
    return fail(
      400,
      `The body is not valid JSON (${(error as Error).message}); send the whole fault set as GET returns it in "faults".`,
    );
  }
  const parsed = faultStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      400,
      `The fault set is not valid: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}. Send it in the shape GET returns in "faults".`,
    );
  }
  const problems = unknownNamesInFaults(parsed.data, target.regions, target.services);
  if (problems.length > 0)
    return fail(400, `The fault set names what this simulator does not have: ${problems.join('; ')}.`);
  return parsed.data;
}

/**
 * Answer a control request: `GET /_simulator/faults` shows the faults in force, `PUT` replaces
 * them (validated with the fault-state schema, conditional on `If-Match` when given) and saves
 * the simulator. Loopback only: any other peer or `Host`, or a request from a web page, is refused.
 * Undefined when the request is not for the control route (it goes to the simulated AWS).
 */
export async function answerControlRequest(
  request: ControlRequest,
  target: ControlTarget,
): Promise<ControlAnswer | undefined> {
  if (!isControlRequest(request.path, request.host)) return undefined;
  if (!isLoopbackAddress(request.remoteAddress) || !isLoopbackHostHeader(request.host))
    return fail(403, LOOPBACK_ONLY);
  if (request.origin !== undefined)
    return fail(403, 'The control route does not answer web pages; use `dr-war-room simulator faults`.');
  if (request.path !== SIMULATOR_FAULTS_PATH)
    return fail(
      404,
      `Nothing at ${request.path}: the faults are at ${SIMULATOR_FAULTS_PATH} (GET reads them, PUT sets them).`,
    );
  const method = request.method.toUpperCase();
  if (method === 'GET') {
    const view = viewOf(target);
    return json(200, view, { etag: faultsEtag(view.faults) });
  }
  if (method !== 'PUT')
    return fail(
      405,
      `${method} is not allowed on ${SIMULATOR_FAULTS_PATH}: GET reads the faults, PUT sets them.`,
      {
        allow: 'GET, PUT',
      },
    );
  const faults = parseFaults(request, target);
  if ('status' in faults) return faults;
  if (request.ifMatch !== undefined && request.ifMatch !== faultsEtag(target.faults.save()))
    return fail(
      412,
      'The faults changed since you read them: read them again and make your change on the new set.',
    );
  target.faults.load(faults);
  const view = viewOf(target);
  const etag = faultsEtag(view.faults);
  if (target.persist) {
    try {
      await target.persist();
    } catch (error) {
      return fail(
        500,
        `The faults are in force but could not be saved to the state file (${(error as Error).message}); they will be lost if the simulator stops.`,
        { etag },
      );
    }
  }
  return json(200, view, { etag });
}
