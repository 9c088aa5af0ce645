import { SimServiceError, isSimServiceError } from '../core/sim-error';
import type { SimErrorShape } from '../core/types';

export { SimServiceError, isSimServiceError, type SimErrorShape };

/** Build a {@link SimServiceError} (shorthand for handlers: `throw simError('X', 'msg')`). */
export function simError(code: string, message: string, status = 400): SimServiceError {
  return new SimServiceError(code, message, status);
}
