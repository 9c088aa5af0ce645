import type { z } from 'zod';
import type { CallSpec } from './define-call';
import type { Result } from './result';
import { appCalls } from './calls/app';
import { procedureCalls } from './calls/procedure';
import { incidentCalls } from './calls/incident';
import { recordCalls } from './calls/record';
import { runbookCalls } from './calls/runbooks';
import { sessionCalls } from './calls/session';
import { assessCalls } from './calls/assess';
import { recoverCalls } from './calls/recover';
import { validateCalls } from './calls/validate';
import { drillCalls } from './calls/drill';
import { tabletopCalls } from './calls/tabletop';

/**
 * THE contract: every call between the UI (or the bridge, or the CLI) and the core.
 * The preload, the IPC handlers, the HTTP bridge routes and the renderer client derive from it.
 */
export const contract = {
  ...appCalls,
  ...procedureCalls,
  ...incidentCalls,
  ...recordCalls,
  ...runbookCalls,
  ...sessionCalls,
  ...assessCalls,
  ...recoverCalls,
  ...validateCalls,
  ...drillCalls,
  ...tabletopCalls,
} as const;

/** Every call name, e.g. `procedure.get`. */
export type CallName = keyof typeof contract;

/** What a caller passes (before zod defaults and transforms). */
export type CallInput<K extends CallName> = z.input<(typeof contract)[K]['input']>;

/** What the handler receives (after validation). */
export type CallParsedInput<K extends CallName> = z.output<(typeof contract)[K]['input']>;

/** The call's result value. */
export type CallOutput<K extends CallName> =
  (typeof contract)[K] extends CallSpec<infer _I, infer O> ? O : never;

/** The call's answer as it crosses a process boundary. */
export type CallResult<K extends CallName> = Result<CallOutput<K>>;

/** Every call name, at run time (the preload and the bridge iterate over it). */
export const callNames = Object.keys(contract) as CallName[];

/** True when a string is a call name of the contract. */
export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The domain part of call names (`procedure` of `procedure.get`). */
export type CallDomain = CallName extends `${infer D}.${string}` ? D : never;

/** The method names of one domain. */
export type DomainMethod<D extends CallDomain> = CallName extends infer K
  ? K extends `${D}.${infer M}`
    ? M
    : never
  : never;

/**
 * The client shape every side exposes: `api.procedure.get(input)` → `Promise<Result<…>>`.
 * Calls without required input may be called with no argument.
 */
export type ApiClient = {
  [D in CallDomain]: {
    [M in DomainMethod<D>]: `${D}.${M}` extends infer K extends CallName
      ? Record<string, never> extends CallInput<K>
        ? (input?: CallInput<K>) => Promise<CallResult<K>>
        : (input: CallInput<K>) => Promise<CallResult<K>>
      : never;
  };
};

/** The IPC channel of one call. */
export function ipcChannel(name: CallName): string {
  return `dr:${name}`;
}

/** The IPC channel events are sent on. */
export const EVENT_CHANNEL = 'dr:event';

/** Build the nested client object from one transport function (used by preload and renderer). */
export function buildClient(invoke: (name: CallName, input: unknown) => Promise<Result<unknown>>): ApiClient {
  const client: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of callNames) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const method = name.slice(dot + 1);
    (client[domain] ??= {})[method] = (input?: unknown) => invoke(name, input ?? {});
  }
  return client as unknown as ApiClient;
}
