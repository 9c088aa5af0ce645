import { z } from 'zod';
import { faultStateSchema } from '../core/fault-state';

/** The control route's path: no AWS request of the simulated services can have it (see `isControlPath`). */
export const SIMULATOR_FAULTS_PATH = '/_simulator/faults';

/** The prefix of every control path (an S3 bucket name cannot start with `_`). */
export const SIMULATOR_CONTROL_PREFIX = '/_simulator';

/** What `GET` and `PUT /_simulator/faults` answer: the faults in force and what they may name. */
export const faultsViewSchema = z
  .object({
    faults: faultStateSchema,
    /** The account's regions: a fault may only name these. */
    regions: z.array(z.string()),
    /** The services (signing names) an outage or a throttling rule may name. */
    services: z.array(z.string()),
    /** True when the simulator keeps its state in a file (`--state`), so a change survives a restart. */
    persisted: z.boolean(),
  })
  .strict();
/** The faults in force, as the control route shows them. */
export type FaultsView = z.infer<typeof faultsViewSchema>;

/** The body of a control route's error answer. */
export const controlErrorSchema = z.object({ error: z.string() });
/** A control route's error answer. */
export type ControlError = z.infer<typeof controlErrorSchema>;
