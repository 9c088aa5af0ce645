/** Evidence pack result types (pure declarations, shared with the contract). */

/** What went into a pack. */
export interface EvidencePack {
  dir: string;
  files: string[];
  journal: { entries: number; headHash: string | null; status: 'ok' | 'torn' | 'tampered' };
}

/** The result of re-verifying a pack. */
export interface EvidenceVerification {
  dir: string;
  ok: boolean;
  files: Array<{ name: string; ok: boolean; expected: string; actual: string | null }>;
  problems: string[];
  journal: { entries: number; headHash: string | null; status: 'ok' | 'torn' | 'tampered' | 'missing' };
}
