import MiniSearch from 'minisearch';
import type { RunbookSearchHit, RunbookServiceId, RunbookStageId } from './runbook-view';

/** What the index holds of one runbook. */
export interface SearchableRunbook {
  id: string;
  title: string;
  summary: string;
  keywords: string[];
  service: RunbookServiceId;
  stage: RunbookStageId;
  /** The body as plain text (commands included). */
  text: string;
}

interface IndexedDoc {
  id: string;
  title: string;
  summary: string;
  keywords: string;
  service: string;
  stage: string;
  text: string;
}

const SNIPPET_RADIUS = 90;

/** Fuzziness per query term: none for short terms (prefix only), one edit up to 6 letters, two beyond. */
function fuzziness(term: string): number | false {
  if (term.length <= 3) return false;
  return term.length <= 6 ? 1 : 2;
}

function snippetOf(doc: SearchableRunbook, terms: readonly string[]): string {
  const text = doc.text
    .replace(/\s\\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lower = text.toLowerCase();
  let at = -1;
  let length = 0;
  for (const term of terms) {
    const found = lower.indexOf(term.toLowerCase());
    if (found >= 0 && (at < 0 || found < at)) {
      at = found;
      length = term.length;
    }
  }
  if (at < 0) return doc.summary;
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(text.length, at + length + SNIPPET_RADIUS);
  let piece = text.slice(start, end);
  if (start > 0) piece = piece.replace(/^\S*\s/, '');
  if (end < text.length) piece = piece.replace(/\s\S*$/, '');
  return `${start > 0 ? '… ' : ''}${piece}${end < text.length ? ' …' : ''}`;
}

/**
 * The runbooks' full-text index (MiniSearch): ranked (BM25 with title, keywords and summary
 * boosted), prefix matching for as-you-type, and typo tolerance. Built once per load.
 */
export class RunbookSearch {
  private readonly index: MiniSearch<IndexedDoc>;
  private readonly docs: Map<string, SearchableRunbook>;

  constructor(runbooks: readonly SearchableRunbook[]) {
    this.docs = new Map(runbooks.map((doc) => [doc.id, doc]));
    this.index = new MiniSearch<IndexedDoc>({
      fields: ['title', 'keywords', 'summary', 'service', 'stage', 'text', 'id'],
      storeFields: [],
      searchOptions: {
        boost: { title: 4, keywords: 3, summary: 2, id: 2, service: 1.5, stage: 1, text: 1 },
        prefix: true,
        fuzzy: fuzziness,
        weights: { fuzzy: 0.4, prefix: 0.6 },
      },
    });
    this.index.addAll(
      runbooks.map((doc) => ({
        id: doc.id,
        title: doc.title,
        summary: doc.summary,
        keywords: doc.keywords.join(' '),
        service: doc.service,
        stage: doc.stage,
        text: doc.text,
      })),
    );
  }

  /**
   * The best runbooks for a query, best first. Every term must match (prefix or with a typo);
   * when no runbook matches every term, runbooks matching any term are returned instead.
   */
  search(query: string, limit = 20): RunbookSearchHit[] {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    let results = this.index.search(trimmed, { combineWith: 'AND' });
    if (results.length === 0) results = this.index.search(trimmed, { combineWith: 'OR' });
    return results.slice(0, limit).flatMap((result) => {
      const doc = this.docs.get(String(result.id));
      if (!doc) return [];
      return [
        {
          id: doc.id,
          title: doc.title,
          service: doc.service,
          stage: doc.stage,
          summary: doc.summary,
          score: Math.round(result.score * 1000) / 1000,
          snippet: snippetOf(doc, result.terms),
          terms: result.terms,
        },
      ];
    });
  }
}
