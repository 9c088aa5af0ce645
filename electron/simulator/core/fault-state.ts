import { z } from 'zod';

/** How a failing region's APIs fail. */
export const outageModeSchema = z.enum(['refused', 'timeout', '5xx']);
/** How a failing region's APIs fail: connection refused, no answer, or 503 in the protocol's shape. */
export type OutageMode = z.infer<typeof outageModeSchema>;

/** A region's APIs failing, for every service or only the listed ones. */
export const regionOutageSchema = z
  .object({
    region: z.string().min(1),
    mode: outageModeSchema,
    services: z.array(z.string().min(1)).optional(),
  })
  .strict();
/** A region's APIs failing. */
export type RegionOutage = z.infer<typeof regionOutageSchema>;

/** A fraction of requests throttled, optionally limited to a region and/or a service. */
export const throttleRuleSchema = z
  .object({
    region: z.string().min(1).optional(),
    service: z.string().min(1).optional(),
    rate: z.number().min(0).max(1),
  })
  .strict();
/** A throttling rule. */
export type ThrottleRule = z.infer<typeof throttleRuleSchema>;

/** Extra S3 replication lag between two regions. */
export const replicationLagSchema = z
  .object({
    sourceRegion: z.string().min(1),
    destinationRegion: z.string().min(1),
    lagMs: z.number().int().min(0),
  })
  .strict();
/** Extra replication lag for a region pair. */
export type ReplicationLag = z.infer<typeof replicationLagSchema>;

/** Every fault in force: plain JSON, saved with the simulator and accepted in scenario files. */
export const faultStateSchema = z
  .object({
    regionOutages: z.array(regionOutageSchema).default([]),
    throttling: z.array(throttleRuleSchema).default([]),
    failingRestores: z.array(z.string().min(1)).default([]),
    quotas: z.record(z.string(), z.number().int().min(0)).default({}),
    replicationLag: z.array(replicationLagSchema).default([]),
  })
  .strict();
/** Every fault in force. */
export type FaultState = z.infer<typeof faultStateSchema>;

/** No faults. */
export function emptyFaultState(): FaultState {
  return { regionOutages: [], throttling: [], failingRestores: [], quotas: {}, replicationLag: [] };
}
