import type { ErrorValue, Result } from '../../../electron/core/api/result';

/** A value fetched from the core: not yet asked, on its way, here, or failed with an error value. */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ErrorValue };

/** The loadable form of a result. */
export function fromResult<T>(result: Result<T>): Loadable<T> {
  return result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error };
}

/** The initial loadable. */
export const idle = { status: 'idle' } as const;
