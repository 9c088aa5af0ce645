import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { AssessedResource, AssessmentResult } from '../../../electron/core/api/calls/assess';
import { runScan, type ScanInput } from '../../../electron/core/assess/run-scan';
import { createAwsClients } from '../../../electron/core/aws';
import { scanClientsFor } from '../../../electron/core/assess/scan-clients-for';
import { loadBackupPolicy, type BackupPolicy } from '../../../electron/core/runbooks/backup-policy';
import { createSimulator, type Simulator } from '../../../electron/simulator';

/** The repository's runbooks folder. */
export const RUNBOOKS = path.resolve(__dirname, '../../../runbooks');

/** The regions of the DR procedure. */
export const REGIONS = { primary: 'us-east-1', secondary: 'us-west-2' } as const;

/** A scenario file parsed independently of the simulator (the test's own reading of the ground truth). */
export async function scenarioYaml(name: string): Promise<Record<string, unknown>> {
  return parse(await readFile(path.join(RUNBOOKS, 'scenarios', `${name}.yaml`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Minutes of an age such as `5m`, `7h`, `3d`, `90s`. */
export function ageMinutes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h|d)$/.exec(text.trim());
  if (!match) throw new Error(`not an age: ${text}`);
  const n = Number(match[1]);
  return { s: n / 60, m: n, h: n * 60, d: n * 1440 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

/** A scan of a simulator through the real SDK clients, guarded and read-only, as the app builds them. */
export async function scan(
  sim: Simulator,
  policy: BackupPolicy,
  extra: Partial<ScanInput> = {},
): Promise<{ result: AssessmentResult; requests: number }> {
  const aws = createAwsClients({ mode: 'TABLETOP', simulator: sim.requestHandler });
  const clients = scanClientsFor(aws);
  let requests = 0;
  const off = sim.onRequest(() => {
    requests += 1;
  });
  try {
    const result = await runScan({
      scanId: 'test-scan',
      clients,
      fastClients: clients,
      policy,
      regions: REGIONS,
      now: () => sim.clock.now(),
      ...extra,
    });
    return { result, requests };
  } finally {
    off();
    aws.destroy();
  }
}

/** Open a scenario (optionally changed by `setup`) and the policy. */
export async function openScenario(
  name: string,
  setup?: (sim: Simulator) => void,
): Promise<{ sim: Simulator; policy: BackupPolicy }> {
  const sim = await createSimulator({ scenario: name });
  setup?.(sim);
  return { sim, policy: await loadBackupPolicy(RUNBOOKS) };
}

/** The resource with this service and name (or name prefix for EC2 "Name (id)"), or a clear failure. */
export function resource(result: AssessmentResult, service: string, name: string): AssessedResource {
  const found = result.resources.find(
    (r) => r.service === service && (r.name === name || r.name.startsWith(`${name} (`)),
  );
  if (!found) {
    throw new Error(
      `no ${service} resource "${name}" in the result; have: ${result.resources
        .filter((r) => r.service === service)
        .map((r) => r.name)
        .join(', ')}`,
    );
  }
  return found;
}

/** Narrow a parsed YAML list. */
export function list(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
}
