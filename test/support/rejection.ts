/**
 * The error a promise rejects with, typed as the caller expects (`rejectionOf<AppError>(…)`);
 * throws if the promise resolves, since the test expected a failure.
 */
export async function rejectionOf<T = Record<string, unknown>>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('expected a rejection');
}
