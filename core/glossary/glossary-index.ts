import { foldTerm, normalizeTerm } from './normalize-term.ts';
import type { Glossary, GlossaryCategory, GlossaryEntry, Locale } from './types.ts';

export type KeyKind = 'id' | 'term' | 'alias';

/** One searchable name of an entry: its id, a term or an alias, in several forms. */
export type IndexKey = {
  /** Position of the entry in `GlossaryIndex.entries`. */
  readonly entry: number;
  readonly kind: KeyKind;
  /** Language of a term or alias; ids have none. */
  readonly locale: Locale | null;
  /** As written in the content, for display. */
  readonly text: string;
  readonly norm: string;
  readonly fold: string;
  /** How often each character occurs in `fold`, for the fuzzy pre-filter. */
  readonly chars: ReadonlyMap<string, number>;
};

export type GlossaryIndex = {
  readonly entries: readonly GlossaryEntry[];
  readonly categories: readonly GlossaryCategory[];
  readonly byId: ReadonlyMap<string, GlossaryEntry>;
  readonly keys: readonly IndexKey[];
  /** Normalized id/term/alias → its key; an id or term wins over an alias of the same form. */
  readonly exact: ReadonlyMap<string, IndexKey>;
  /** Entry positions sorted by term in each locale: the default autocomplete list. */
  readonly alphabetical: Readonly<Record<Locale, readonly number[]>>;
};

/**
 * Builds everything lookups need once. Accepts a validated Glossary, or bare entries (category
 * titles then default to the category ids).
 */
export function createGlossaryIndex(source: Glossary | readonly GlossaryEntry[]): GlossaryIndex {
  const entries = isEntryList(source) ? source : source.entries;
  const categories = isEntryList(source) ? categoriesFromEntries(entries) : source.categories;
  const keys: IndexKey[] = [];
  const add = (entry: number, kind: KeyKind, locale: Locale | null, text: string) => {
    const norm = normalizeTerm(text);
    if (norm === '') return;
    const fold = foldTerm(norm);
    keys.push({ entry, kind, locale, text, norm, fold, chars: charCounts(fold) });
  };
  entries.forEach((e, i) => {
    add(i, 'term', 'en', e.term.en);
    add(i, 'term', 'ko', e.term.ko);
    add(i, 'id', null, e.id);
  });
  entries.forEach((e, i) => {
    for (const locale of ['en', 'ko'] as const) for (const alias of e.aliases[locale]) add(i, 'alias', locale, alias);
  });
  const exact = new Map<string, IndexKey>();
  for (const k of keys) if (!exact.has(k.norm)) exact.set(k.norm, k);
  return {
    entries,
    categories,
    byId: new Map(entries.map((e) => [e.id, e])),
    keys,
    exact,
    alphabetical: { en: sortedByTerm(entries, 'en'), ko: sortedByTerm(entries, 'ko') },
  };
}

function isEntryList(source: Glossary | readonly GlossaryEntry[]): source is readonly GlossaryEntry[] {
  return Array.isArray(source);
}

function categoriesFromEntries(entries: readonly GlossaryEntry[]): GlossaryCategory[] {
  const ids = [...new Set(entries.map((e) => e.category))];
  return ids.map((id) => ({ id, title: { en: id, ko: id }, description: { en: '', ko: '' } }));
}

function sortedByTerm(entries: readonly GlossaryEntry[], locale: Locale): number[] {
  const collator = new Intl.Collator(locale === 'ko' ? 'ko-KR' : 'en-US', { sensitivity: 'base', numeric: true });
  return entries
    .map((_, i) => i)
    .sort((a, b) => collator.compare(entries[a]!.term[locale], entries[b]!.term[locale]) || a - b);
}

export function charCounts(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}
