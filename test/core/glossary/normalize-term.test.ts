import { describe, it, expect } from 'vitest';
import { foldTerm, normalizeTerm } from '../../../core/glossary/normalize-term.ts';

describe('normalizeTerm', () => {
  it('makes S&P spellings with and without spaces, or with "and", equal', () => {
    const forms = ['S&P 500', 's&p500', 'S and P 500', 'S & P-500', 'Ｓ＆Ｐ５００'];
    expect(new Set(forms.map(normalizeTerm))).toEqual(new Set(['s&p500']));
  });

  it('drops spaces, hyphens, underscores, dots, apostrophes, quotes and slashes', () => {
    expect(normalizeTerm(' Tax-loss_selling. ')).toBe('taxlossselling');
    expect(normalizeTerm('"Show me" story')).toBe('showmestory');
    expect(normalizeTerm("Standard and Poor's 500")).toBe('standard&poors500');
    expect(normalizeTerm('P/E ratio')).toBe('peratio');
    expect(normalizeTerm('^RUT')).toBe('rut');
  });

  it('drops spaces between Hangul syllables and Korean punctuation such as the middle dot', () => {
    expect(normalizeTerm('세금 손실 매도')).toBe(normalizeTerm('세금손실매도'));
    expect(normalizeTerm('러셀 2000')).toBe('러셀2000');
    expect(normalizeTerm('기술·통신서비스')).toBe('기술통신서비스');
  });

  it('keeps % so that "%p" stays distinct from "p"', () => {
    expect(normalizeTerm('%p')).toBe('%p');
  });

  it('leaves "and" inside words alone', () => {
    expect(normalizeTerm('Andes standard')).toBe('andesstandard');
  });

  it('returns an empty string for punctuation only', () => {
    expect(normalizeTerm(' -- ./ ')).toBe('');
  });
});

describe('foldTerm', () => {
  it('splits Hangul syllables into jamo so a half-typed syllable is a prefix', () => {
    expect(foldTerm(normalizeTerm('러셀2000')).startsWith(foldTerm(normalizeTerm('러세')))).toBe(true);
    expect(foldTerm(normalizeTerm('러셀2000')).startsWith(foldTerm(normalizeTerm('러ㅅ')))).toBe(true);
  });
});
