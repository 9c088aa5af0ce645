import { z } from 'zod';

/**
 * One benchmark case as a case module returns it: the measured samples (one per run) and, where
 * the case has a natural baseline, the baseline's samples measured in the same process and run.
 */
export interface BenchCase {
  /** What is measured, e.g. `journal append (p50/p99 per entry)`. */
  name: string;
  /** The unit of every sample, e.g. `ms`, `calls/s`, `MB`. Units ending in `/s` are higher-is-better. */
  unit: string;
  /** One value per run (or per operation, for latency distributions). */
  samples: number[];
  /** The same work done the baseline way, in the same unit. */
  baseline?: { name: string; samples: number[] };
  /** AWS (or simulator) calls one run of the case made. */
  calls?: number;
  /** Calls one run of the baseline made. */
  baselineCalls?: number;
  /** Anything a reader needs to interpret the numbers (sizes, targets, caveats). */
  note?: string;
}

/** What every `…Bench` function of a case module returns. */
export type BenchModuleResult = BenchCase[];

/** A case module's exported benchmark function. */
export type BenchFunction = () => Promise<BenchModuleResult>;

const samplesSchema = z
  .array(z.number().refine(Number.isFinite, 'must be a finite number'))
  .min(1, 'must hold at least one sample');

/** Validates what a case module returned, so a broken case is an error, not a strange table. */
export const benchCaseSchema = z
  .object({
    name: z.string().trim().min(1, 'must name the case'),
    unit: z.string().trim().min(1, 'must give the unit'),
    samples: samplesSchema,
    baseline: z
      .object({ name: z.string().trim().min(1, 'must name the baseline'), samples: samplesSchema })
      .optional(),
    calls: z.number().int().nonnegative().optional(),
    baselineCalls: z.number().int().nonnegative().optional(),
    note: z.string().optional(),
  })
  .strict();

/** The result of one case module: at least one case. */
export const benchModuleResultSchema = z.array(benchCaseSchema).min(1, 'returned no cases');
