import type { Core } from '../core';
import type { Handlers } from '../dispatch';

type RecoverCall =
  | 'recover.resources'
  | 'recover.plan'
  | 'recover.status'
  | 'recover.confirm'
  | 'recover.pause'
  | 'recover.resume'
  | 'recover.cancel'
  | 'recover.retry'
  | 'recover.endpointMap';

/** Handlers of the `recover.*` calls. */
export function recoverHandlers(core: Core): Pick<Handlers, RecoverCall> {
  return {
    'recover.resources': (input) =>
      core.recover.recoverable({
        ...(input.incidentId ? { incidentId: input.incidentId } : {}),
        fresh: input.fresh,
      }),
    'recover.plan': (input) =>
      core.recover.plan({
        selection: input.selection,
        fresh: input.fresh,
        ...(input.incidentId ? { incidentId: input.incidentId } : {}),
        ...(input.mapping ? { mapping: input.mapping } : {}),
        ...(input.reapply ? { reapply: input.reapply } : {}),
        ...(input.by ? { by: input.by } : {}),
      }),
    'recover.status': async (input, ctx) => {
      const view = await core.recover.status(input.incidentId);
      // The UI opening an incident picks up a run a restart interrupted (the CLI's `recover`
      // re-attaches on its own); a paused run stays paused. When that fails, the board offers Resume.
      if ((ctx.via !== 'ipc' && ctx.via !== 'http') || !view.interrupted || view.run.status !== 'running')
        return view;
      try {
        await core.recover.reattachInterrupted(view.incidentId);
      } catch (error) {
        core.events.emit({
          type: 'app.notice',
          level: 'warning',
          message: `The interrupted recovery was not re-attached (${error instanceof Error ? error.message : String(error)}): press Resume on the operations board.`,
        });
      }
      return core.recover.status(view.incidentId);
    },
    'recover.confirm': (input) =>
      core.recover.confirm({
        incidentId: input.incidentId,
        planId: input.planId,
        typed: input.typed,
        ...(input.by ? { by: input.by } : {}),
      }),
    'recover.pause': (input) => core.recover.pause(input),
    'recover.resume': (input) => core.recover.resume(input),
    'recover.cancel': (input) => core.recover.cancel(input),
    'recover.retry': (input) => core.recover.retry(input),
    'recover.endpointMap': (input) => core.recover.endpointMap(input.incidentId),
  };
}
