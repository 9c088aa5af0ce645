import type { Core } from '../core';
import type { Handlers } from '../dispatch';

/** Handlers of the `runbooks.*` calls. */
export function runbookHandlers(
  core: Core,
): Pick<
  Handlers,
  | 'runbooks.list'
  | 'runbooks.get'
  | 'runbooks.search'
  | 'runbooks.policy'
  | 'runbooks.problems'
  | 'runbooks.reload'
> {
  return {
    'runbooks.list': async () => (await core.runbooks.catalog()).list(),
    'runbooks.get': async (input) => {
      const catalog = await core.runbooks.catalog();
      const values = { ...(await core.runbooks.defaultValues()), ...input.values };
      return catalog.get(input.id, values);
    },
    'runbooks.search': async (input) => (await core.runbooks.catalog()).search(input.query, input.limit),
    'runbooks.policy': () => core.runbooks.policy(),
    'runbooks.problems': async () => (await core.runbooks.catalog()).problems,
    'runbooks.reload': async () => (await core.runbooks.reload()).problems,
  };
}
