import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import { appHandlers } from './app';
import { procedureHandlers } from './procedure';
import { incidentHandlers } from './incident';
import { recordHandlers } from './record';
import { runbookHandlers } from './runbooks';
import { sessionHandlers } from './session';
import { assessHandlers } from './assess';
import { recoverHandlers } from './recover';
import { validateHandlers } from './validate';
import { drillHandlers } from './drill';
import { tabletopHandlers } from './tabletop';

/** Every contract call's handler, bound to one core. */
export function createHandlers(core: Core): Handlers {
  return {
    ...appHandlers(core),
    ...procedureHandlers(core),
    ...incidentHandlers(core),
    ...recordHandlers(core),
    ...runbookHandlers(core),
    ...sessionHandlers(core),
    ...assessHandlers(core),
    ...recoverHandlers(core),
    ...validateHandlers(core),
    ...drillHandlers(core),
    ...tabletopHandlers(core),
  };
}
