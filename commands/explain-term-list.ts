import type { GlossaryIndex } from '../core/glossary/glossary-index.ts';
import type { GlossaryEntry } from '../core/glossary/types.ts';
import { lookupTerm } from '../core/glossary/lookup.ts';

export type TermList = { readonly entries: readonly GlossaryEntry[]; readonly missing: readonly string[] };

/**
 * Reads `spread,percentage-point,ratio` (what the "Explain the terms" button sends: entry ids,
 * or names such as `ratio` that lookup knows) as a list of terms. Null unless the query holds
 * at least two comma-separated parts. A part that is not clearly one entry goes to `missing`.
 */
export function readTermList(index: GlossaryIndex, query: string): TermList | null {
  const parts = query.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return null;
  const entries: GlossaryEntry[] = [];
  const missing: string[] = [];
  for (const part of parts) {
    const entry = index.byId.get(part.toLowerCase()) ?? foundEntry(index, part);
    if (!entry) missing.push(part);
    else if (!entries.includes(entry)) entries.push(entry);
  }
  return { entries, missing };
}

function foundEntry(index: GlossaryIndex, part: string): GlossaryEntry | undefined {
  const r = lookupTerm(index, part);
  return r.kind === 'found' ? r.entry : undefined;
}
