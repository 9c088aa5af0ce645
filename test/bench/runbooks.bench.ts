import { performance } from 'node:perf_hooks';
import path from 'node:path';
import type { BenchCase } from './support/bench-case';
import { loadRunbooks, type RunbookLoad } from '../../electron/core/runbooks/load-runbooks';
import { createRunbookMarkdown } from '../../electron/core/runbooks/render-markdown';
import { RunbookCatalog } from '../../electron/core/runbooks/runbook-catalog';
import { bundledRunbooksDirSync } from '../../electron/core/paths/package-root';

/** What commanders type, including typos; each is searched prefix by prefix, as the reader does while typing. */
const QUERIES = [
  'snapshot copy',
  'snaphsot restore',
  'point in time cross region',
  'pitr dynamodb',
  'read replica promotion',
  'global table failover',
  'version rollback',
  'glacier archive restore',
  'copy-image',
  'ebs volume attach',
  'backup test quarterly',
  'compliance soc 2',
  'replication status replica',
  'restore-db-instance-to-point-in-time',
  'kms key secondary',
];

/** Extra synthetic runbooks for the scaling case (an organisation with a large overlay). */
const SCALED_COPIES = 25;

function typedPrefixes(query: string): string[] {
  const out: string[] = [];
  for (let i = 2; i <= query.length; i++) out.push(query.slice(0, i));
  return out;
}

function measure(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function scaled(load: RunbookLoad, copies: number): RunbookLoad {
  const runbooks = [...load.runbooks];
  for (let c = 1; c <= copies; c++) {
    for (const runbook of load.runbooks) {
      runbooks.push({
        ...runbook,
        meta: {
          ...runbook.meta,
          id: `${runbook.meta.id}-org-${c}`,
          title: `${runbook.meta.title} (team ${c})`,
        },
      });
    }
  }
  return { runbooks, problems: [] };
}

/** Search latency over all runbooks (p95 target under 20 ms), index build, and rendering one runbook. */
export async function runbooksBench(): Promise<BenchCase[]> {
  const md = createRunbookMarkdown();
  const runbooksDir = bundledRunbooksDirSync();
  const load = await loadRunbooks(md, { runbooksDir });
  const catalog = new RunbookCatalog(md, load);
  const typed = QUERIES.flatMap(typedPrefixes);

  for (const query of typed.slice(0, 50)) catalog.search(query); // warm-up
  const searchSamples = typed.map((query) => measure(() => catalog.search(query)));

  const texts = load.runbooks.map((r) => `${r.meta.title}\n${r.meta.summary}\n${r.plainText}`.toLowerCase());
  const scanSamples = typed.map((query) =>
    measure(() => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      texts.filter((text) => words.every((word) => text.includes(word)));
    }),
  );

  const big = new RunbookCatalog(md, scaled(load, SCALED_COPIES));
  for (const query of typed.slice(0, 50)) big.search(query);
  const bigSamples = typed.map((query) => measure(() => big.search(query)));

  const loadSamples: number[] = [];
  for (let run = 0; run < 15; run++) {
    const start = performance.now();
    const fresh = await loadRunbooks(md, { runbooksDir });
    new RunbookCatalog(md, fresh);
    loadSamples.push(performance.now() - start);
  }

  const values = {
    'primary-region': 'us-east-1',
    'secondary-region': 'us-west-2',
    'bucket-name': 'acme-prod-orders',
  };
  const ids = catalog.list().map((r) => r.id);
  for (const id of ids) catalog.get(id, values);
  const renderSamples: number[] = [];
  for (let run = 0; run < 10; run++)
    for (const id of ids) renderSamples.push(measure(() => catalog.get(id, values)));

  return [
    {
      name: `runbook search as you type (${load.runbooks.length} runbooks, per query)`,
      unit: 'ms',
      samples: searchSamples,
      baseline: { name: 'substring scan of every runbook (no ranking, no typos)', samples: scanSamples },
      note: `${typed.length} queries: every prefix of ${QUERIES.length} commander queries, typos included. Target: p95 under 20 ms.`,
    },
    {
      name: `runbook search, ${load.runbooks.length * (SCALED_COPIES + 1)} runbooks (large overlay, per query)`,
      unit: 'ms',
      samples: bigSamples,
      note: 'The bundled runbooks plus synthetic organisation copies: how search scales with the library.',
    },
    {
      name: 'runbook library load (read, validate, parse, index)',
      unit: 'ms',
      samples: loadSamples,
      note: `From ${path.relative(process.cwd(), runbooksDir) || runbooksDir}; happens once per core, and on reload.`,
    },
    {
      name: 'runbook open (render Markdown, fill placeholders)',
      unit: 'ms',
      samples: renderSamples,
      note: 'One runbooks.get in the core, without IPC; the reader’s first paint is measured by the UI bench.',
    },
  ];
}
