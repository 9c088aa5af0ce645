import type { Rng } from './types';

/** An AWS-style request id: a UUID for JSON/Query services, 16 upper-case hex digits for S3. */
export function makeRequestId(service: string, rng: Rng): string {
  if (service === 's3') return rng.hex(16).toUpperCase();
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** S3's extended request id (`x-amz-id-2`): base64 of random bytes. */
export function makeS3HostId(rng: Rng): string {
  return Buffer.from(rng.hex(96), 'hex').toString('base64');
}
