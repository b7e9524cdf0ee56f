import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { januaryLeadStudy, pickStudyPair, referenceDayFor } from '../../../core/scenarios/history-study.ts';
import { MARKET_DATA_DIR, realBars } from '../../helpers/market-data.ts';
import { bars, weekdays } from '../../helpers/synthetic.ts';

/** Closes straight from the CSV text, without the project's parser. */
function closes(file: string): Map<string, number> {
  const [header, ...rows] = readFileSync(path.join(MARKET_DATA_DIR, `${file}.csv`), 'utf8').trim().split('\n');
  const col = header!.split(',').indexOf('Close');
  return new Map(rows.map((r) => { const cells = r.split(','); return [cells[0]!, Number(cells[col])]; }));
}

/** The YTD spread change by hand: common dates, base on the last session of the previous year. */
function byHand(year: number, referenceDay: string) {
  const iwm = closes('IWM');
  const spy = closes('SPY');
  const common = [...iwm.keys()].filter((d) => spy.has(d)).sort();
  const lastOnOrBefore = (d: string) => common.filter((x) => x <= d).at(-1)!;
  const base = lastOnOrBefore(`${year - 1}-12-31`);
  const spread = (d: string) => (iwm.get(d)! / iwm.get(base)! - spy.get(d)! / spy.get(base)!) * 100;
  const ref = lastOnOrBefore(`${year}-${referenceDay}`);
  const plus10 = common[common.indexOf(ref) + 10]!;
  const endFeb = common.filter((d) => d.startsWith(`${year}-02`)).at(-1)!;
  const yearEnd = common.filter((d) => d.startsWith(`${year}-`)).at(-1)!;
  return { ref, lead: spread(ref), ten: spread(plus10) - spread(ref), feb: spread(endFeb) - spread(ref), end: spread(yearEnd) - spread(ref) };
}

const iwmSpy = () => ({ small: { symbol: 'IWM', bars: realBars('IWM') }, large: { symbol: 'SPY', bars: realBars('SPY') } });

describe('January lead study on ../shared/market-data', () => {
  const study = januaryLeadStudy(iwmSpy(), '2026-01-20', 3);

  it.each([2004, 2021])('matches a hand computation from the CSV closes for %i', (year) => {
    const hand = byHand(year, '01-20');
    const row = study.years.find((y) => y.year === year)!;
    expect(row.referenceDate).toBe(hand.ref);
    expect(row.leadAtReference).toBeCloseTo(hand.lead, 9);
    expect(row.change10Sessions).toBeCloseTo(hand.ten, 9);
    expect(row.changeToEndFeb).toBeCloseTo(hand.feb, 9);
    expect(row.changeToYearEnd).toBeCloseTo(hand.end, 9);
  });

  it('finds the four years since 2001 in which IWM led SPY by 3 pp or more on 20 January', () => {
    expect(study.examined).toEqual({ count: 25, first: 2001, last: 2025 });
    expect(study.years.map((y) => y.year)).toEqual([2004, 2006, 2019, 2021]);
    expect(study.summary).toMatchObject({ count: 4, shrankWithin10: 1 });
    expect(study.summary!.median10).toBeCloseTo((byHand(2019, '01-20').ten + byHand(2021, '01-20').ten) / 2, 9);
  });

  it('measures this year\'s lead but none of its future', () => {
    expect(study.current).toMatchObject({ year: 2026, referenceDate: '2026-01-20', change10Sessions: null, changeToEndFeb: null, changeToYearEnd: null });
    expect(study.current!.leadAtReference).toBeCloseTo(7.31, 2);
  });

  it('keeps only the last N years when asked', () => {
    const recent = januaryLeadStudy(iwmSpy(), '2026-01-20', 3, 10);
    expect(recent.examined).toEqual({ count: 10, first: 2016, last: 2025 });
    expect(recent.years.map((y) => y.year)).toEqual([2019, 2021]);
  });

  it('picks the longest pair that reaches the as-of year: IWM vs SPY, not ^RUT (2016) nor ^SP600 (ends 2020)', () => {
    const pairs = [
      { small: { symbol: '^RUT', bars: realBars('RUT') }, large: { symbol: '^GSPC', bars: realBars('GSPC') } },
      { small: { symbol: '^SP600', bars: realBars('SP600') }, large: { symbol: '^GSPC', bars: realBars('GSPC') } },
      { small: { symbol: 'IJR', bars: realBars('IJR') }, large: { symbol: 'SPY', bars: realBars('SPY') } },
      iwmSpy(),
    ];
    expect(pickStudyPair(pairs, '2026-01-20')?.small.symbol).toBe('IWM');
  });
});

describe('January lead study rules', () => {
  const dates = weekdays('2019-12-02', '2023-03-31');
  const large = bars(dates, () => 100);

  it('says none qualify when small caps never led by the threshold', () => {
    const small = bars(dates, (i) => 100 + (i % 3));
    const s = januaryLeadStudy({ small: { symbol: 'S', bars: small }, large: { symbol: 'L', bars: large } }, '2023-01-20', 5);
    expect(s.years).toEqual([]);
    expect(s.summary).toBeNull();
  });

  it('looks at 20 January when the as-of date is outside January', () => {
    expect(referenceDayFor('2026-08-21')).toEqual({ day: '01-20', reference: 'january-20' });
    expect(referenceDayFor('2026-01-09')).toEqual({ day: '01-09', reference: 'as-of' });
  });

  it('measures each horizon from the reference close, in pp of the YTD spread', () => {
    // Small caps +5% from the first 2021 session, back to +1% ten sessions after 20 January.
    const small = bars(dates, (_, d) => (d < '2021-01-01' ? 100 : d <= '2021-01-20' ? 105 : 101));
    const s = januaryLeadStudy({ small: { symbol: 'S', bars: small }, large: { symbol: 'L', bars: large } }, '2023-01-20', 3);
    expect(s.years.map((y) => y.year)).toEqual([2021]);
    expect(s.years[0]!.leadAtReference).toBeCloseTo(5, 10);
    expect(s.years[0]!.change10Sessions).toBeCloseTo(-4, 10);
    expect(s.years[0]!.changeToEndFeb).toBeCloseTo(-4, 10);
    expect(s.summary).toMatchObject({ count: 1, shrankWithin10: 1 });
  });
});
