import { describe, expect, it } from 'vitest';
import { compareLegs } from '../../../core/market/compare.ts';
import { parsePeriod } from '../../../core/market/period.ts';
import { DEFAULT_UNIVERSE, instrument } from '../../../core/market/universe.ts';
import { realBars } from '../../helpers/market-data.ts';

const legs = (small: [string, string], large: [string, string]) => [
  { instrument: instrument(small[0], 'small'), bars: realBars(small[1]) },
  { instrument: instrument(large[0], 'large'), bars: realBars(large[1]) },
];

describe('golden figures on ../shared/market-data', () => {
  // Published calendar-year price returns (SOURCES.md checked them against the index providers).
  it.each([
    ['^RUT', 'RUT', 2019, 0.2372],
    ['^RUT', 'RUT', 2022, -0.2156],
    ['^GSPC', 'GSPC', 2019, 0.2888],
    ['^GSPC', 'GSPC', 2022, -0.1944],
    ['^SP600', 'SP600', 2019, 0.2086],
  ])('%s returned the published %s calendar-year figure', (symbol, file, year, published) => {
    const role = symbol === '^GSPC' ? 'large' : 'small';
    const other = role === 'large' ? { instrument: instrument('^RUT', 'small'), bars: realBars('RUT') } : { instrument: instrument('^GSPC', 'large'), bars: realBars('GSPC') };
    const c = compareLegs([{ instrument: instrument(symbol, role), bars: realBars(file) }, other], parsePeriod(String(year)), '2026-08-21', 'index');
    const leg = c.legs.find((l) => l.instrument.symbol === symbol)!;
    expect(leg.return).toBeCloseTo(published, 4);
  });

  it('reproduces YTD at 2026-01-20: small caps about 8% up, well ahead of large caps', () => {
    const universe = DEFAULT_UNIVERSE.etf;
    const input = [...universe.small, ...universe.large].map((i) => ({ instrument: i, bars: realBars(i.symbol) }));
    const c = compareLegs(input, parsePeriod('ytd'), '2026-01-20', 'price');
    expect(c.baseDate).toBe('2025-12-31');
    expect(c.endDate).toBe('2026-01-20');
    const r = Object.fromEntries(c.legs.map((l) => [l.instrument.symbol, l.return]));
    expect(r.IWM).toBeCloseTo(262.5799865722656 / 246.16000366210938 - 1, 12);
    expect(r.IWM).toBeCloseTo(0.0667, 4);
    expect(r.IJR).toBeCloseTo(0.0553, 4);
    expect(r.SPY).toBeCloseTo(-0.0064, 4);
    expect(r.QQQ).toBeCloseTo(-0.0102, 4);
    expect(c.spreadPp).toBeCloseTo(7.31, 2);
    expect(c.percentile!.rank).toBeGreaterThan(99);
  });

  it('index basis: the Russell 2000 and S&P 500 YTD at 2026-01-20, with the S&P 600 index left out for lack of data', () => {
    const universe = DEFAULT_UNIVERSE.index;
    const files: Record<string, string> = { '^RUT': 'RUT', '^SP600': 'SP600', '^GSPC': 'GSPC', '^NDX': 'NDX' };
    const input = [...universe.small, ...universe.large].map((i) => ({ instrument: i, bars: realBars(files[i.symbol]!) }));
    const c = compareLegs(input, parsePeriod('ytd'), '2026-01-20', 'index');
    expect(c.omitted).toEqual([expect.objectContaining({ reason: 'not-covered', last: '2020-04-16' })]);
    expect(c.legs.map((l) => l.instrument.symbol)).toEqual(['^RUT', '^GSPC', '^NDX']);
    const gspc = c.legs.find((l) => l.instrument.symbol === '^GSPC')!;
    expect(gspc.baseClose).toBeCloseTo(6845.5, 1);
  });

  it('ratio versus S&P 500 matches the two returns', () => {
    const c = compareLegs(legs(['IWM', 'IWM'], ['SPY', 'SPY']), parsePeriod('2024'), '2026-08-21', 'price');
    const [s, l] = c.legs;
    expect(c.ratio.end).toBeCloseTo(((1 + s!.return) / (1 + l!.return)) * 100, 10);
  });
});
