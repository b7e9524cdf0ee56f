import type { GlossaryIndex, IndexKey } from './glossary-index.ts';
import { scoreEntries } from './fuzzy-score.ts';
import { foldTerm, normalizeTerm } from './normalize-term.ts';
import type { Locale } from './types.ts';
import { DISCORD_LIMITS } from '../platform-limits.ts';
import { truncate } from '../text/fit-text.ts';

/** As many choices as Discord shows, each name as long as it allows. */
export const MAX_CHOICES = DISCORD_LIMITS.choices;
/** Looser than lookup's bar: a list of guesses may include weak ones, after the good ones. */
const SUGGEST_MAX = 0.5;

export type AutocompleteChoice = { readonly name: string; readonly value: string };

/**
 * Choices for a partly typed term: entries with a name (term or alias, either language) starting
 * with the query first, then fuzzy matches; the first entries by term when the query is blank.
 */
export function autocomplete(index: GlossaryIndex, query: string, locale: Locale, limit: number = MAX_CHOICES): AutocompleteChoice[] {
  const max = Math.max(0, Math.min(MAX_CHOICES, Math.floor(limit)));
  if (max === 0) return [];
  const fold = foldTerm(normalizeTerm(query));
  if (fold === '') return index.alphabetical[locale].slice(0, max).map((i) => choice(index, i, locale, null));

  const picked = new Map<number, IndexKey>();
  const prefixed = index.keys
    .filter((k) => k.fold.startsWith(fold))
    .sort((a, b) => prefixRank(a, fold, locale) - prefixRank(b, fold, locale) || a.fold.length - b.fold.length || a.entry - b.entry);
  for (const k of prefixed) if (!picked.has(k.entry)) picked.set(k.entry, k);
  if (picked.size < max) {
    for (const s of scoreEntries(index, query)) {
      if (s.score > SUGGEST_MAX || picked.size >= max) break;
      if (!picked.has(s.entry)) picked.set(s.entry, s.key);
    }
  }
  return [...picked].slice(0, max).map(([i, key]) => choice(index, i, locale, key));
}

/** A whole-name match first, then the user's language's term, the other term, the id, aliases. */
function prefixRank(k: IndexKey, fold: string, locale: Locale): number {
  const kind = k.kind === 'term' ? (k.locale === locale ? 0 : 1) : k.kind === 'id' ? 2 : 3;
  return (k.fold === fold ? 0 : 10) + kind;
}

/** The term in the user's language, plus the name that matched when it is another one ("Russell 2000 (IWM)"). */
function choice(index: GlossaryIndex, i: number, locale: Locale, key: IndexKey | null): AutocompleteChoice {
  const entry = index.entries[i]!;
  const term = entry.term[locale];
  const shown = key && key.kind !== 'id' && key.norm !== normalizeTerm(term) ? `${term} (${key.text})` : term;
  return { name: truncate(shown, DISCORD_LIMITS.choiceName), value: entry.id };
}
