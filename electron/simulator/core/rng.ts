import type { Rng } from './types';

const HEX_DIGITS = '0123456789abcdef';

/** A seeded {@link Rng} whose position can be saved and restored. */
export interface SeededRng extends Rng {
  /** The internal state (a 32-bit integer): pass it back to {@link createRng} to continue the sequence. */
  state(): number;
}

/**
 * A deterministic random source (mulberry32): the same seed gives the same sequence.
 * @param seed any finite number (truncated to 32 bits)
 * @param state a saved {@link SeededRng.state} to continue from instead of the seed
 */
export function createRng(seed: number, state?: number): SeededRng {
  if (!Number.isFinite(seed)) throw new Error(`RNG seed must be a finite number, got ${String(seed)}`);
  let s = (state ?? seed) >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int(min: number, max: number): number {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new Error(`rng.int needs integers min <= max, got ${min}..${max}`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    hex(length: number): string {
      let out = '';
      while (out.length < length) out += HEX_DIGITS[Math.floor(next() * 16)];
      return out;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('rng.pick needs at least one item');
      return items[Math.floor(next() * items.length)] as T;
    },
    state: () => s,
  };
}
