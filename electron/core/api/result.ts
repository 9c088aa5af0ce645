import type { ErrorCode } from './errors';

/** The error half of a {@link Result}: a stable code, a sentence for people, and optional detail. */
export interface ErrorValue {
  code: ErrorCode;
  /** What went wrong and what to do, in one or two sentences. */
  message: string;
  /** Structured detail (field paths, AWS request id, the resource, the call …); never secrets. */
  detail?: Record<string, unknown>;
}

/**
 * Every call's answer crosses IPC and HTTP as a value, never as a thrown error
 * (Electron IPC drops an Error's own fields).
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result. */
export function fail<T = never>(error: ErrorValue): Result<T> {
  return { ok: false, error };
}
