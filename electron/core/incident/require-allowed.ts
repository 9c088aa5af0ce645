import { AppError } from '../api/errors';
import type { Decision } from './transitions';

/** Throw the refusal of a rule's decision as an `AppError` (its code, reason and detail); return when allowed. */
export function requireAllowed(decision: Decision): void {
  if (!decision.ok) throw new AppError(decision.code, decision.reason, decision.detail);
}
