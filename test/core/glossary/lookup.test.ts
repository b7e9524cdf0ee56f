import { describe, it, expect } from 'vitest';
import { createGlossaryIndex, lookupTerm, type LookupResult } from '../../../core/glossary/lookup.ts';
import { realGlossary, realIndex } from './real-glossary.ts';

const foundId = (r: LookupResult) => (r.kind === 'found' ? r.entry.id : `(${r.kind})`);

describe('lookupTerm', () => {
  it('reports a blank or punctuation-only query as empty', () => {
    expect(lookupTerm(realIndex, '')).toEqual({ kind: 'empty' });
    expect(lookupTerm(realIndex, '   ')).toEqual({ kind: 'empty' });
    expect(lookupTerm(realIndex, ' - / ')).toEqual({ kind: 'empty' });
  });

  it('calls a match on an id or term exact, and on an alias alias', () => {
    expect(lookupTerm(realIndex, 'tax-loss-selling')).toMatchObject({ kind: 'found', match: 'exact', entry: { id: 'tax-loss-selling' } });
    expect(lookupTerm(realIndex, 'Tax-loss selling')).toMatchObject({ kind: 'found', match: 'exact' });
    expect(lookupTerm(realIndex, '세금손실 매도')).toMatchObject({ kind: 'found', match: 'exact' });
    expect(lookupTerm(realIndex, 'tax-loss harvesting')).toMatchObject({ kind: 'found', match: 'alias', entry: { id: 'tax-loss-selling' } });
  });

  it.each([
    ['tax los', 'tax-loss-selling'],
    ['russel 2000', 'russell-2000'],
    ['re rating', 're-rating'],
    ['eps revison', 'earnings-revisions'],
    ['ism new order', 'ism-new-orders'],
    ['taks-loss', 'tax-loss-selling'],
    ['janury efect', 'january-effect'],
    ['earnigs seas', 'earnings-season'],
    ['세금손실메도', 'tax-loss-selling'],
    ['펀더멘', 'fundamentals'],
  ])('finds the intended entry for the typo or fragment %j', (query, id) => {
    expect(foundId(lookupTerm(realIndex, query))).toBe(id);
  });

  it('scores fuzzy matches and keeps them apart from exact ones', () => {
    const r = lookupTerm(realIndex, 'russel 2000');
    expect(r).toMatchObject({ kind: 'found', match: 'fuzzy', entry: { id: 'russell-2000' } });
    expect(r.kind === 'found' && r.score).toBeGreaterThan(0);
  });

  it.each([
    ['세금 손실 매도', 'tax-loss-selling'],
    ['러셀 2000', 'russell-2000'],
    ['러셀2000 지수', 'russell-2000'],
    ['나스닥 100', 'nasdaq-100'],
    ['연초대비', 'year-to-date'],
    ['실적시즌', 'earnings-season'],
    ['차익실현', 'profit-taking'],
    ['S and P 500', 's-and-p-500'],
    ['s&p600', 's-and-p-600'],
    ['Nasdaq 100', 'nasdaq-100'],
    ['year end rebalancing', 'year-end-rebalancing'],
  ])('treats the spacing variant %j like the written term', (query, id) => {
    expect(lookupTerm(realIndex, query)).toMatchObject({ kind: 'found', entry: { id }, match: expect.stringMatching(/^(exact|alias)$/) });
  });

  it.each([
    ['what is the january effect', 'january-effect'],
    ['what is EPS?', 'eps'],
    ['EPS가 뭐야', 'eps'],
    ['관세가 뭐야', 'tariffs'],
  ])('finds the term inside the question %j', (query, id) => {
    expect(foundId(lookupTerm(realIndex, query))).toBe(id);
  });

  it.each([
    ['russell', ['russell-2000', 'russell-3000']],
    ['s&p', ['s-and-p-500', 's-and-p-600']],
    ['earnings', ['earnings-season']],
    ['percent', ['percentile', 'percentage-point']],
    ['small caps vs large caps', ['small-cap', 'large-cap']],
  ])('offers up to 3 candidates for the ambiguous query %j', (query, expected) => {
    const r = lookupTerm(realIndex, query);
    expect(r.kind).toBe('ambiguous');
    if (r.kind !== 'ambiguous') return;
    expect(r.candidates.length).toBeGreaterThanOrEqual(2);
    expect(r.candidates.length).toBeLessThanOrEqual(3);
    expect(new Set(r.candidates.map((c) => c.id)).size).toBe(r.candidates.length);
    for (const id of expected) expect(r.candidates.map((c) => c.id)).toContain(id);
  });

  it('answers garbage with not-found and invents nothing', () => {
    for (const q of ['xyzzy qwerty', 'zzzzzzzz', '뷁뷁뷁', '12345678']) {
      const r = lookupTerm(realIndex, q);
      expect(r.kind).toBe('not-found');
      if (r.kind !== 'not-found') continue;
      expect(r.suggestions.length).toBeLessThanOrEqual(3);
      for (const s of r.suggestions) expect(realGlossary.entries).toContain(s);
    }
  });

  it('suggests close entries when a query is too far off to be a match', () => {
    const r = lookupTerm(realIndex, 'rusel 2');
    expect(r.kind).toBe('not-found');
    expect(r.kind === 'not-found' && r.suggestions[0]?.id).toBe('russell-2000');
  });

  it('only ever returns entries from the index it was given', () => {
    const tiny = createGlossaryIndex(realGlossary.entries.filter((e) => e.category === 'indices'));
    expect(lookupTerm(tiny, 'tax-loss selling').kind).not.toBe('found');
    expect(foundId(lookupTerm(tiny, 'IWM'))).toBe('russell-2000');
  });
});
