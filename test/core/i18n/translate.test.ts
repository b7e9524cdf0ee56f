import { describe, expect, it } from 'vitest';
import { sourceName, t } from '../../../core/i18n/translate.ts';

describe('t: plural forms and source names', () => {
  it('says "1 session" and "12 sessions" in the footer', () => {
    const footer = (sessions: number) => t('en', 'smallcaps.footer', { basis: 'Price return', from: 'a', to: 'b', sessions, source: 'CSV folder', asOf: 'c' });
    expect(footer(1)).toContain('(1 session)');
    expect(footer(12)).toContain('(12 sessions)');
    expect(footer(1_234)).toContain('(1234 sessions)');
  });

  it('picks the form from a number already formatted for display', () => {
    expect(t('en', 'explain.browseIntro', { count: '1', example: 'x' })).toMatch(/^1 term for/);
    expect(t('en', 'explain.browseIntro', { count: '1,204', example: 'x' })).toMatch(/^1,204 terms for/);
  });

  it('has one form in Korean, which has no plural', () => {
    expect(t('ko', 'smallcaps.footer', { basis: 'b', from: 'a', to: 'b', sessions: 1, source: 'CSV folder', asOf: 'c' })).toContain('(1거래일)');
  });

  it('names the data source in the answer’s language', () => {
    expect(sourceName('ko', 'CSV folder')).toBe('CSV 폴더');
    expect(sourceName('en', 'CSV folder')).toBe('CSV folder');
    expect(sourceName('ko', 'Some Other Source')).toBe('Some Other Source');
    expect(t('ko', 'smallcaps.chartFooter', { asOf: '2026-01-20', source: 'CSV folder', basis: 'b' })).toContain('출처: CSV 폴더');
  });
});
