import type { GlossaryIndex } from './glossary-index.ts';
import { scoreEntries } from './fuzzy-score.ts';
import { normalizeTerm } from './normalize-term.ts';
import type { GlossaryEntry } from './types.ts';

export { createGlossaryIndex, type GlossaryIndex } from './glossary-index.ts';

export type LookupResult =
  | { readonly kind: 'found'; readonly entry: GlossaryEntry; readonly match: 'exact' | 'alias' | 'fuzzy'; readonly score?: number }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly GlossaryEntry[] }
  | { readonly kind: 'not-found'; readonly suggestions: readonly GlossaryEntry[] }
  | { readonly kind: 'empty' };

/**
 * Fuzzy bar (scores from scoreEntries: 0 perfect, ~0.1 per edit in ten letters, plus up to 0.25
 * for a length mismatch). A best score up to MATCH_MAX is a match; it is *the* match when the
 * runner-up is at least MARGIN worse (one typo in a ten-letter word costs 0.1, so "russel 2000"
 * picks Russell 2000 over Russell 3000), otherwise the query is ambiguous. Above MATCH_MAX we
 * only suggest.
 */
const MATCH_MAX = 0.3;
const MARGIN = 0.08;
const MAX_CHOICES = 3;

export function lookupTerm(index: GlossaryIndex, query: string): LookupResult {
  const norm = normalizeTerm(query);
  if (norm === '') return { kind: 'empty' };
  const hit = index.exact.get(norm);
  if (hit) {
    const entry = index.entries[hit.entry]!;
    return { kind: 'found', entry, match: hit.kind === 'alias' ? 'alias' : 'exact' };
  }
  const scored = scoreEntries(index, query);
  const [first, second] = scored;
  const entryAt = (i: number) => index.entries[i]!;
  if (!first || first.score > MATCH_MAX) {
    return { kind: 'not-found', suggestions: scored.slice(0, MAX_CHOICES).map((s) => entryAt(s.entry)) };
  }
  if (!second || second.score - first.score >= MARGIN) {
    return { kind: 'found', entry: entryAt(first.entry), match: 'fuzzy', score: first.score };
  }
  const close = scored.filter((s) => s.score - first.score < MARGIN).slice(0, MAX_CHOICES);
  return { kind: 'ambiguous', candidates: close.map((s) => entryAt(s.entry)) };
}
