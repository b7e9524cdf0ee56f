import { describe, it, expect } from 'vitest';
import { autocomplete } from '../../../core/glossary/autocomplete.ts';
import { realGlossary, realIndex } from './real-glossary.ts';

const ids = new Set(realGlossary.entries.map((e) => e.id));

describe('autocomplete', () => {
  it('never returns more than 25 choices, even when asked for more', () => {
    for (const q of ['', 'a', 's', 'e', '소', '주', 'r']) {
      expect(autocomplete(realIndex, q, 'en').length).toBeLessThanOrEqual(25);
      expect(autocomplete(realIndex, q, 'ko', 100).length).toBeLessThanOrEqual(25);
    }
  });

  it('respects a smaller limit', () => {
    expect(autocomplete(realIndex, 's', 'en', 3)).toHaveLength(3);
    expect(autocomplete(realIndex, 's', 'en', 0)).toEqual([]);
  });

  it('lists the first 25 entries in a stable order for a blank query', () => {
    const first = autocomplete(realIndex, '', 'en');
    expect(first).toHaveLength(25);
    expect(autocomplete(realIndex, '  ', 'en')).toEqual(first);
    expect(new Set(first.map((c) => c.value)).size).toBe(25);
  });

  it('shows names in the requested language and uses entry ids as values', () => {
    const [en] = autocomplete(realIndex, 'tax-loss selling', 'en');
    const [ko] = autocomplete(realIndex, 'tax-loss selling', 'ko');
    expect(en).toEqual({ name: 'Tax-loss selling', value: 'tax-loss-selling' });
    expect(ko?.name.startsWith('세금손실 매도')).toBe(true);
    expect(ko?.value).toBe('tax-loss-selling');
  });

  it('mentions the alias that matched when it differs from the shown term', () => {
    expect(autocomplete(realIndex, 'IWM', 'en')[0]).toEqual({ name: 'Russell 2000 (IWM)', value: 'russell-2000' });
  });

  it('keeps every name within 100 characters and every value a real id', () => {
    for (const q of ['', 'e', 'tech', '기술', 'quality', 'spread in percentage points vs percent']) {
      for (const locale of ['en', 'ko'] as const) {
        for (const c of autocomplete(realIndex, q, locale)) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(ids.has(c.value)).toBe(true);
        }
      }
    }
  });

  it('puts prefix matches first, from terms and aliases in either language', () => {
    expect(autocomplete(realIndex, 'tax lo', 'en')[0]?.value).toBe('tax-loss-selling');
    expect(autocomplete(realIndex, '세금', 'ko')[0]?.value).toBe('tax-loss-selling');
    expect(autocomplete(realIndex, 'QQ', 'en')[0]?.value).toBe('nasdaq-100');
    expect(autocomplete(realIndex, 'nas', 'ko')[0]?.value).toBe('nasdaq-100');
  });

  it('completes a Hangul syllable that is still being typed', () => {
    expect(autocomplete(realIndex, '러셀 2', 'ko')[0]?.value).toBe('russell-2000');
    const choices = autocomplete(realIndex, '러세', 'ko').map((c) => c.value);
    expect(choices.slice(0, 2)).toEqual(expect.arrayContaining(['russell-2000', 'russell-3000']));
  });

  it.each([
    ['rusel 2', 'russell-2000'],
    ['taks-lo', 'tax-loss-selling'],
    ['earnigs seas', 'earnings-season'],
    ['janury ef', 'january-effect'],
    ['valuaton g', 'valuation-gap'],
  ])('puts the intended entry first for the typo prefix %j', (query, id) => {
    expect(autocomplete(realIndex, query, 'en')[0]?.value).toBe(id);
  });

  it('lists each entry at most once', () => {
    const values = autocomplete(realIndex, 'russell', 'en').map((c) => c.value);
    expect(new Set(values).size).toBe(values.length);
  });

  it('returns nothing for garbage', () => {
    expect(autocomplete(realIndex, 'xyzzy qwerty', 'en')).toEqual([]);
  });
});
