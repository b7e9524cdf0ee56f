import type { GlossaryIndex } from './glossary-index.ts';
import type { GlossaryEntry, Locale } from './types.ts';

const SAMPLE_SIZE = 5;

export type CategorySummary = {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** How many entries the category holds. */
  readonly count: number;
  /** Its first entries in content order (the most central terms come first), at most 5. */
  readonly sample: readonly { readonly id: string; readonly term: string }[];
};

/** The categories in display order, localized, for `/explain` without a term. */
export function listCategories(index: GlossaryIndex, locale: Locale): CategorySummary[] {
  return index.categories.map((c) => {
    const entries = entriesInCategory(index, c.id);
    return {
      id: c.id,
      title: c.title[locale],
      description: c.description[locale],
      count: entries.length,
      sample: entries.slice(0, SAMPLE_SIZE).map((e) => ({ id: e.id, term: e.term[locale] })),
    };
  });
}

export function entriesInCategory(index: GlossaryIndex, categoryId: string): GlossaryEntry[] {
  return index.entries.filter((e) => e.category === categoryId);
}
