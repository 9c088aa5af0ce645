import { rejectionOf } from './rejection';

/** What a failed SDK call says: the error name, its message and the HTTP status. */
export interface SdkFailure {
  name: string;
  message: string;
  status: number | undefined;
}

/** The name, message and HTTP status of the SDK error a call fails with. */
export async function sdkFailure(promise: Promise<unknown>): Promise<SdkFailure> {
  const e = await rejectionOf<{ name: string; message: string; $metadata?: { httpStatusCode?: number } }>(
    promise,
  );
  return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
}
