import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../core/market/period.ts';
import { resolvePeriod } from '../../../core/market/resolve-period.ts';
import { weekdays } from '../../helpers/synthetic.ts';

describe('parsePeriod', () => {
  it.each(['1d', '1w', 'mtd', '1m', 'qtd', '3m', '6m', 'ytd', '1y', '3y', '5y', '10y', 'max', 'YTD'])('accepts %s', (p) => {
    expect(parsePeriod(p)).toEqual({ kind: 'relative', code: p.toLowerCase() });
  });
  it('accepts a calendar year', () => expect(parsePeriod('2023')).toEqual({ kind: 'year', year: 2023 }));
  it('accepts from: with an optional to', () => {
    expect(parsePeriod('from:2026-01-05')).toEqual({ kind: 'range', from: '2026-01-05' });
    expect(parsePeriod('2026-01-05', '2026-01-09')).toEqual({ kind: 'range', from: '2026-01-05', to: '2026-01-09' });
  });
  it('rejects an unknown period', () => expect(() => parsePeriod('fortnight')).toThrowError(/period.unknown/));
  it('rejects reversed dates', () => expect(() => parsePeriod('2026-01-09', '2026-01-05')).toThrowError(/period.reversed/));
  it('rejects impossible dates as no such day', () => expect(() => parsePeriod('2026-02-30')).toThrowError(/input.noSuchDay/));
});

describe('resolvePeriod', () => {
  const sessions = weekdays('2023-01-02', '2024-06-28');
  const at = (i: number) => sessions[i];
  it('bases MTD on the last close of the previous month', () => {
    const r = resolvePeriod({ kind: 'relative', code: 'mtd' }, sessions, '2024-06-28');
    expect(at(r.baseIndex)).toBe('2024-05-31');
  });
  it('bases QTD on the last close of the previous quarter', () => {
    const r = resolvePeriod({ kind: 'relative', code: 'qtd' }, sessions, '2024-05-15');
    expect(at(r.baseIndex)).toBe('2024-03-29');
    expect(at(r.endIndex)).toBe('2024-05-15');
  });
  it('bases 1M on the last close on or before the same day a month earlier', () => {
    const r = resolvePeriod({ kind: 'relative', code: '1m' }, sessions, '2024-03-31');
    expect(at(r.endIndex)).toBe('2024-03-29');
    expect(at(r.baseIndex)).toBe('2024-02-29');
  });
  it('bases 1W on the close a calendar week earlier', () => {
    const r = resolvePeriod({ kind: 'relative', code: '1w' }, sessions, '2024-06-26');
    expect(at(r.baseIndex)).toBe('2024-06-19');
  });
  it('marks a calendar year that is not over as partial', () => {
    const r = resolvePeriod({ kind: 'year', year: 2024 }, sessions, '2024-06-28');
    expect(r.notes).toEqual([{ kind: 'partial-year', year: 2024, through: '2024-06-28' }]);
  });
  it('rejects a range with no session inside', () => {
    expect(() => resolvePeriod({ kind: 'range', from: '2024-06-22', to: '2024-06-23' }, sessions, '2024-06-28')).toThrowError(/noSessionInRange/);
  });
});
