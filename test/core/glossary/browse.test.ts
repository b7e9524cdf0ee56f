import { describe, it, expect } from 'vitest';
import { entriesInCategory, listCategories } from '../../../core/glossary/browse.ts';
import { createGlossaryIndex } from '../../../core/glossary/lookup.ts';
import { realGlossary, realIndex } from './real-glossary.ts';

describe('listCategories', () => {
  it('lists every category in file order with localized titles', () => {
    const en = listCategories(realIndex, 'en');
    const ko = listCategories(realIndex, 'ko');
    expect(en.map((c) => c.id)).toEqual(realGlossary.categories.map((c) => c.id));
    expect(en.find((c) => c.id === 'flows-seasonality')?.title).toBe('Flows, seasonality and rotation');
    expect(ko.find((c) => c.id === 'flows-seasonality')?.title).toMatch(/\p{Script=Hangul}/u);
  });

  it('samples at most 5 terms per category, in the requested language, and counts all entries', () => {
    for (const c of listCategories(realIndex, 'ko')) {
      expect(c.sample.length).toBeGreaterThan(0);
      expect(c.sample.length).toBeLessThanOrEqual(5);
      expect(c.count).toBe(entriesInCategory(realIndex, c.id).length);
    }
    const indices = listCategories(realIndex, 'ko').find((c) => c.id === 'indices');
    expect(indices?.sample[0]).toEqual({ id: 'russell-2000', term: '러셀2000' });
  });

  it('falls back to category ids as titles when built from bare entries', () => {
    const bare = createGlossaryIndex(realGlossary.entries);
    expect(listCategories(bare, 'en').map((c) => c.title)).toContain('indices');
  });
});
