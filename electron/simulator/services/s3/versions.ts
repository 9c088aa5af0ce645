import type { Rng } from '../../core/types';

const VERSION_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

/** A new S3 version id: 32 URL-safe characters, like S3's. */
export function newVersionId(rng: Rng): string {
  let id = '';
  for (let i = 0; i < 32; i += 1) id += VERSION_ALPHABET[rng.int(0, VERSION_ALPHABET.length - 1)];
  return id;
}
