import { itemSize, itemsAt } from './items';
import type { ItemVersion } from './model';

/** A table's item count and size (bytes, as {@link itemSize} counts them) at one time. */
export interface ItemStats {
  count: number;
  sizeBytes: number;
}

/** The final stats of one history array: valid while it keeps its length, for times at or after its last write. */
interface SettledStats extends ItemStats {
  length: number;
  lastWriteMs: number;
}

const settled = new WeakMap<readonly ItemVersion[], SettledStats>();

function statsOf(history: readonly ItemVersion[], time: Date): ItemStats {
  const items = itemsAt(history, time);
  let sizeBytes = 0;
  for (const item of items) sizeBytes += itemSize(item);
  return { count: items.length, sizeBytes };
}

/**
 * The item count and size of a table's history at `time` (what DescribeTable reports). Once
 * every version is in the past the answer no longer changes, so it is computed once per history
 * and reused until the history grows (a new array, as a restore makes, starts afresh).
 */
export function itemStatsAt(history: readonly ItemVersion[], time: Date): ItemStats {
  const t = time.getTime();
  const cached = settled.get(history);
  if (cached && cached.length === history.length && t >= cached.lastWriteMs) {
    return { count: cached.count, sizeBytes: cached.sizeBytes };
  }
  let lastWriteMs = Number.NEGATIVE_INFINITY;
  for (const version of history) lastWriteMs = Math.max(lastWriteMs, Date.parse(version.writtenAt));
  const stats = statsOf(history, time);
  if (t >= lastWriteMs) settled.set(history, { ...stats, length: history.length, lastWriteMs });
  return stats;
}
