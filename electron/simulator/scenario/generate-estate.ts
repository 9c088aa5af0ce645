import { createRng } from '../core/rng';
import type { Rng } from '../core/types';
import { generateDynamoSection } from '../services/dynamodb/generate';
import { generateEc2Section } from '../services/ec2/generate';
import { generateRdsSection } from '../services/rds/generate';
import { generateS3Section } from '../services/s3/generate';

/** One service's part of a generated estate. */
export interface EstateGenerator {
  /** The service's signing name: the scenario section key. */
  signingName: string;
  /** Build the section with about `count` resources. */
  generate(rng: Rng, count: number): unknown;
}

/**
 * The per-service generators. Shared: each service owner adds its line
 * (`electron/simulator/services/<name>/generate.ts`, `generate<Name>Section(rng, count)`).
 */
export const estateGenerators: readonly EstateGenerator[] = [
  { signingName: 's3', generate: generateS3Section },
  { signingName: 'rds', generate: generateRdsSection },
  { signingName: 'ec2', generate: generateEc2Section },
  { signingName: 'dynamodb', generate: generateDynamoSection },
];

/** Options of {@link generateEstate}. */
export interface GenerateEstateOptions {
  /** Total resources across services (default 10,000). */
  resources?: number;
  seed?: number;
  name?: string;
  accountId?: string;
  /** Override the generators (tests). */
  generators?: readonly EstateGenerator[];
}

/**
 * A large seeded estate as scenario data (what a YAML file would parse to), for benchmarks:
 * the resources are split evenly across the services, both regions, no faults.
 */
export function generateEstate(options: GenerateEstateOptions = {}): Record<string, unknown> {
  const total = options.resources ?? 10_000;
  if (!Number.isInteger(total) || total < 1)
    throw new Error(`resources must be a positive integer, got ${total}`);
  const seed = options.seed ?? 1;
  const generators = options.generators ?? estateGenerators;
  const data: Record<string, unknown> = {
    name: options.name ?? `generated-${total}`,
    title: `Generated estate of ${total} resources`,
    description: `A seeded (seed ${seed}) estate for benchmarks.`,
    seed,
    accountId: options.accountId ?? '210987654321',
    regions: ['us-east-1', 'us-west-2'],
    startTime: '2026-11-26T09:00:00Z',
    sts: { arn: 'arn:aws:sts::{accountId}:assumed-role/Benchmark/bench', userId: 'AROABENCHMARK:bench' },
  };
  const share = Math.floor(total / generators.length);
  generators.forEach((g, i) => {
    const count = i === generators.length - 1 ? total - share * (generators.length - 1) : share;
    data[g.signingName] = g.generate(createRng(seed + i * 7919), count);
  });
  return data;
}
