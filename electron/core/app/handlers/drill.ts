import type { Core } from '../core';
import type { Handlers } from '../dispatch';

/** Handlers of the `drill.*` calls. */
export function drillHandlers(
  core: Core,
): Pick<
  Handlers,
  | 'drill.targets'
  | 'drill.start'
  | 'drill.run'
  | 'drill.status'
  | 'drill.history'
  | 'drill.record'
  | 'drill.cleanup'
> {
  return {
    'drill.targets': () => core.drill.targets(),
    'drill.start': (input) => core.drill.start(input),
    'drill.run': (input) => core.drill.run(input),
    'drill.status': async () => core.drill.status(),
    'drill.history': () => core.drill.history(),
    'drill.record': (input) => core.drill.record(input.id),
    'drill.cleanup': () => core.drill.cleanup(),
  };
}
