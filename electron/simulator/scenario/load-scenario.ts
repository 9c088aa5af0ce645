import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { simulatorServices } from '../core/services';
import type { ServiceSimulator } from '../core/types';
import type { Scenario, ScenarioSummary } from './scenario-schema';
import { scenarioTopSchema } from './scenario-schema';
import { regionsOutsideScenario } from './section-regions';

/** A scenario file that failed to load; the message is `<file>: <path.to.field>: <what is wrong>`. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const TOP_KEYS = new Set(Object.keys(scenarioTopSchema.shape));

function formatPath(prefix: string, issuePath: ReadonlyArray<PropertyKey>): string {
  let out = prefix;
  for (const part of issuePath) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

function describeIssues(source: string, prefix: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${source}: ${formatPath(prefix, issue.path)}: ${issue.message}`)
    .join('\n');
}

/**
 * Validate parsed scenario data: the top level, then each service's section with that service's
 * `scenarioSchema` (fields, then cross-references), then that every region a resource names is
 * one of the scenario's `regions`. Throws a {@link ScenarioError} naming the source and the field.
 */
export function parseScenario(
  data: unknown,
  source: string,
  services: readonly ServiceSimulator[],
): Scenario {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ScenarioError(`${source}: (top level): must be a mapping of keys (name, title, regions, …)`);
  }
  const record = data as Record<string, unknown>;
  const bySigningName = new Map(services.map((s) => [s.signingName, s]));
  const unknown = Object.keys(record).filter((k) => !TOP_KEYS.has(k) && !bySigningName.has(k));
  if (unknown.length > 0) {
    const known = [...TOP_KEYS, ...bySigningName.keys()].join(', ');
    throw new ScenarioError(`${source}: ${unknown[0]}: unknown key; expected one of ${known}`);
  }
  const topInput = Object.fromEntries(Object.entries(record).filter(([k]) => TOP_KEYS.has(k)));
  const top = scenarioTopSchema.safeParse(topInput);
  if (!top.success) throw new ScenarioError(describeIssues(source, '', top.error));
  const sections: Record<string, unknown> = {};
  for (const service of services) {
    const raw = record[service.signingName];
    if (raw === undefined || raw === null) continue;
    const parsed = service.scenarioSchema.safeParse(raw);
    if (!parsed.success) throw new ScenarioError(describeIssues(source, service.signingName, parsed.error));
    const outside = regionsOutsideScenario(service.signingName, parsed.data, top.data.regions);
    if (outside.length > 0) {
      throw new ScenarioError(
        outside
          .map(
            (r) =>
              `${source}: ${formatPath(service.signingName, r.path)}: region ${r.region} is not one of the scenario's regions (${top.data.regions.join(', ')}); add it to regions, or move the resource into one of them`,
          )
          .join('\n'),
      );
    }
    sections[service.signingName] = parsed.data;
  }
  return { ...top.data, source, sections };
}

/** Read and validate one scenario file (YAML). */
export async function loadScenarioFile(
  file: string,
  services: readonly ServiceSimulator[],
): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(`${file}: cannot read the file (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ScenarioError(`${file}: (YAML): ${(error as Error).message.split('\n')[0]}`);
  }
  return parseScenario(data, file, services);
}

/**
 * Find a scenario by name in `dir` (`<dir>/<name>.yaml` or `.yml`), or take `nameOrPath` as a
 * file path when it contains a path separator or ends in .yaml/.yml.
 */
export async function resolveScenarioFile(nameOrPath: string, dir: string): Promise<string> {
  if (/[\\/]/.test(nameOrPath) || /\.ya?ml$/i.test(nameOrPath)) return path.resolve(nameOrPath);
  const entries = await readdir(dir).catch(() => {
    throw new ScenarioError(`${dir}: the scenarios folder cannot be read; pass scenariosDir or a file path`);
  });
  const match = entries.find((e) => e === `${nameOrPath}.yaml` || e === `${nameOrPath}.yml`);
  if (!match) {
    const names = entries.filter((e) => /\.ya?ml$/i.test(e)).map((e) => e.replace(/\.ya?ml$/i, ''));
    throw new ScenarioError(
      `Unknown scenario "${nameOrPath}" in ${dir}; available: ${names.join(', ') || '(none)'}`,
    );
  }
  return path.join(dir, match);
}

/** The scenarios in a folder (each validated; a broken file throws naming the file and field). */
export async function listScenarios(
  dir: string,
  services: readonly ServiceSimulator[] = simulatorServices,
): Promise<ScenarioSummary[]> {
  const entries = (await readdir(dir)).filter((e) => /\.ya?ml$/i.test(e)).sort();
  const out: ScenarioSummary[] = [];
  for (const entry of entries) {
    const file = path.join(dir, entry);
    const scenario = await loadScenarioFile(file, services);
    out.push({ name: scenario.name, title: scenario.title, description: scenario.description, file });
  }
  return out;
}
