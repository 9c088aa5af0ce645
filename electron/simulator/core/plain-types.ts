/** Simulator types with no Node.js types in them (the app's fault rules, shared with the renderer's tests, use them). */

/** A deterministic random source (seeded). */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** Hex string of the given length. */
  hex(length: number): string;
  /** Pick one element. */
  pick<T>(items: readonly T[]): T;
}

/** An AWS error as the router hands it to `ServiceSimulator.encodeError` (core/types.ts). */
export interface SimErrorShape {
  /** AWS error code (`SlowDown`, `Throttling`, `ResourceNotFoundException` …). */
  code: string;
  message: string;
  /** HTTP status. */
  status: number;
  /** Sender or Receiver (Query protocols); derived from the status when absent. */
  type?: 'Sender' | 'Receiver';
  /** Extra response headers (e.g. `x-amz-bucket-region`). */
  headers?: Record<string, string>;
  /** Extra protocol fields (e.g. S3's `BucketName`, `Endpoint`). */
  fields?: Record<string, string>;
}
