import type { PlanProblem, RecoverableResource, TargetSettings } from './types';

/** The tag naming a resource's dependencies (comma-separated names or ids). */
export const DEPENDS_ON_TAG = 'dr-war-room:depends-on';
/** Tags naming the application a resource belongs to (data stores before its compute). */
const APP_TAGS = ['app', 'application', 'App', 'Application'];

const DATA_STORES = new Set(['s3', 'rds', 'dynamodb']);

function appOf(r: RecoverableResource): string | null {
  for (const key of APP_TAGS) if (r.tags[key]) return r.tags[key];
  return null;
}

/**
 * The dependency edges between selected resources (pure): explicit ones (mapping `dependsOn`,
 * the `dr-war-room:depends-on` tag, the assessment's `details.dependsOn`) and implicit ones
 * (compute after the data stores of the same application). Unknown names become warnings.
 */
export function dependencyEdges(
  selected: Array<{ resource: RecoverableResource; settings: TargetSettings }>,
): { edges: Map<string, Set<string>>; problems: PlanProblem[] } {
  const byKey = new Map<string, string>();
  for (const { resource } of selected) {
    byKey.set(resource.id, resource.id);
    byKey.set(resource.name, resource.id);
  }
  const edges = new Map<string, Set<string>>();
  const problems: PlanProblem[] = [];
  for (const { resource, settings } of selected) {
    const deps = new Set<string>();
    const named = [
      ...(settings.dependsOn ?? []),
      ...(resource.details.dependsOn ?? []),
      ...(resource.tags[DEPENDS_ON_TAG] ?? '').split(/[,\s]+/).filter(Boolean),
    ];
    for (const name of named) {
      const id = byKey.get(name);
      if (id && id !== resource.id) deps.add(id);
      else if (!id) {
        problems.push({
          severity: 'warning',
          code: 'unknown-dependency',
          chainId: resource.id,
          message: `${resource.name} depends on "${name}", which is not selected in this plan: it starts without waiting for it.`,
          fix: `Select "${name}" too, or remove it from dependsOn.`,
        });
      }
    }
    if (resource.service === 'ec2' && resource.kind === 'instance') {
      const app = appOf(resource);
      if (app) {
        for (const other of selected) {
          if (DATA_STORES.has(other.resource.service) && appOf(other.resource) === app)
            deps.add(other.resource.id);
        }
      }
    }
    edges.set(resource.id, deps);
  }
  return { edges, problems };
}

/**
 * Depth of every node (0 without dependencies), breaking cycles: an edge closing a cycle is
 * dropped and reported as an error on the chain.
 */
export function depthsOf(edges: Map<string, Set<string>>): {
  depth: Map<string, number>;
  problems: PlanProblem[];
} {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const problems: PlanProblem[] = [];
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    visiting.add(id);
    let d = 0;
    for (const dep of [...(edges.get(id) ?? [])]) {
      if (visiting.has(dep)) {
        edges.get(id)?.delete(dep);
        problems.push({
          severity: 'error',
          code: 'dependency-cycle',
          chainId: id,
          message: `${id} and ${dep} depend on each other (a cycle).`,
          fix: 'Remove one of the two dependencies in recovery-mapping.yaml or the tags.',
        });
        continue;
      }
      d = Math.max(d, visit(dep) + 1);
    }
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const id of edges.keys()) visit(id);
  return { depth, problems };
}
