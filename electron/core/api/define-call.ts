import type { ZodType } from 'zod';

/** One call of the contract: its input schema, and (as a phantom type) its result. */
export interface CallSpec<Input extends ZodType, Output> {
  /** One sentence: what the call does (shown in `--help`-like listings and docs). */
  readonly summary: string;
  /** The zod schema every input is validated with before the handler runs. */
  readonly input: Input;
  /** Phantom field carrying the result type; never read at run time. */
  readonly output?: Output;
}

/**
 * Declare a call: `defineCall<ResultType>()({ summary, input: z.object(...) })`.
 * The two-step form lets TypeScript infer the input schema while the result type is named.
 */
export function defineCall<Output>() {
  return <Input extends ZodType>(spec: { summary: string; input: Input }): CallSpec<Input, Output> => spec;
}
