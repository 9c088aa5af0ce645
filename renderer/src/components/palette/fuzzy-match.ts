/**
 * How well a query matches a text: null for no match, otherwise a score (higher is better).
 * Every query word must appear in the text, as a substring (best) or as letters in order (pure).
 */
export function matchScore(query: string, text: string): number | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const haystack = text.toLowerCase();
  let score = 0;
  for (const word of words) {
    const at = haystack.indexOf(word);
    if (at >= 0) {
      const wordStart = at === 0 || /[\s\-:/(.]/.test(haystack[at - 1]!);
      score += 10 + (wordStart ? 6 : 0) + (at === 0 ? 4 : 0);
      continue;
    }
    let from = 0;
    let gaps = 0;
    for (const ch of word) {
      const next = haystack.indexOf(ch, from);
      if (next < 0) return null;
      gaps += next - from;
      from = next + 1;
    }
    score += Math.max(1, 6 - gaps / 4);
  }
  return score;
}

/** The items that match, best first, keeping the given order among equals (pure). */
export function rankMatches<T>(query: string, items: T[], textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: matchScore(query, textOf(item)) }))
    .filter((m): m is { item: T; index: number; score: number } => m.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((m) => m.item);
}
