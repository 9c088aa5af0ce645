import { z } from 'zod';
import { faultStateSchema } from './fault-state';

/** A saved simulator (plain JSON): `sim.save()` writes it, `createSimulator({ state })` resumes from it. */
export const simulatorStateSchema = z.object({
  version: z.literal(1),
  scenario: z.object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    notes: z.array(z.string()).default([]),
  }),
  accountId: z.string().regex(/^\d{12}$/),
  accountAlias: z.string().optional(),
  seed: z.number().int(),
  regions: z.array(z.string()),
  rng: z.object({ main: z.number().int(), requestIds: z.number().int(), faults: z.number().int() }),
  /**
   * The simulated time and speed at the save, and the real time of the save (`wallTime`, added
   * later, so optional): a resumed account's clock catches up the real time since then × speed.
   */
  clock: z.object({ now: z.string(), speed: z.number(), wallTime: z.iso.datetime().optional() }),
  faults: faultStateSchema,
  services: z.record(z.string(), z.unknown()),
});

/** A saved simulator. */
export type SimulatorState = z.infer<typeof simulatorStateSchema>;
