import { contract, isCallName, type CallName, type CallOutput, type CallParsedInput } from '../api/contract';
import { isAppError } from '../api/errors';
import { formatIssuePath } from '../data/format-issue-path';
import type { Result } from '../api/result';
import type { CallContext } from './call-context';

/** One handler per contract call; TypeScript refuses a contract call without one. */
export type Handlers = {
  [K in CallName]: (input: CallParsedInput<K>, ctx: CallContext) => Promise<CallOutput<K>> | CallOutput<K>;
};

/** Turn anything thrown into a clean error value (no stack traces, no secrets). */
export function toErrorResult(error: unknown): Result<never> {
  if (isAppError(error)) return { ok: false, error: error.toValue() };
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `Unexpected failure: ${message}. The app is still running; try again, and report this if it repeats.`,
    },
  };
}

/**
 * Validate a raw input against the call's schema, run its handler, and return a value.
 * Unknown calls and bad input never reach a handler.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  ctx: CallContext,
): Promise<Result<unknown>> {
  if (typeof name !== 'string' || !isCallName(name)) {
    return {
      ok: false,
      error: { code: 'UNKNOWN_CALL', message: `There is no call named "${String(name).slice(0, 80)}".` },
    };
  }
  const spec = contract[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((issue) => ({
      field: formatIssuePath(issue.path),
      message: issue.message,
    }));
    const first = issues[0];
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid input for ${name}: ${first ? `${first.field}: ${first.message}` : 'not accepted'}.`,
        detail: { call: name, issues },
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (error) {
    return toErrorResult(error);
  }
}
