import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../commands/dispatch.ts';
import { autoChartKind } from '../../commands/smallcaps-charts.ts';
import { parsePeriod } from '../../core/market/period.ts';
import { consoleContext, noLog, realServices } from '../helpers/services.ts';
import { realBars } from '../helpers/market-data.ts';

const running = realServices('2026-01-31');
afterAll(() => running.close());
const ask = (line: string, locale: 'en' | 'ko' = 'en') => runText(COMMANDS, line, consoleContext(running, locale), noLog);
const close = (symbol: string, date: string) => realBars(symbol).find((b) => b.date === date)!.close;

describe('/seasonality at 2026-01-31', () => {
  it('gives this January\'s spread from the December close to the last January close', async () => {
    const outcome = await ask('/seasonality');
    expect(outcome.ok).toBe(true);
    const result = outcome.output.result as { years: { year: number; spreadPp: number; finished: boolean }[]; count: number; medianPp: number };
    const expected = ((close('IWM', '2026-01-30') / close('IWM', '2025-12-31')) - (close('SPY', '2026-01-30') / close('SPY', '2025-12-31'))) * 100;
    const jan2026 = result.years.find((y) => y.year === 2026)!;
    expect(jan2026.spreadPp).toBeCloseTo(expected, 10);
    expect(jan2026.finished).toBe(true);
    expect(result.count).toBe(20);
  });

  it('takes the median over the 20 complete Januaries before this one', async () => {
    const result = (await ask('/seasonality')).output.result as { years: { year: number; spreadPp: number }[]; medianPp: number };
    const past = result.years.filter((y) => y.year < 2026).map((y) => y.spreadPp).sort((a, b) => a - b);
    expect(past).toHaveLength(20);
    expect(result.medianPp).toBeCloseTo((past[9]! + past[10]!) / 2, 12);
  });

  it('highlights this year on a seasonality chart', async () => {
    const reply = (await ask('/seasonality years:10')).output.replies[0]!;
    expect(reply.chart?.alt).toContain('2026');
    expect(reply.text).toContain('of the last 10 Januaries');
  });

  it('answers in Korean', async () => {
    const reply = (await ask('/seasonality', 'ko')).output.replies[0]!;
    expect(reply.title).toBe('1월 효과, 최근 20년');
  });

  it('rejects a year count out of range with usage', async () => {
    const outcome = await ask('/seasonality years:400');
    expect(outcome.ok).toBe(false);
    expect(outcome.output.replies[0]!.text).toContain('between 3 and 40');
  });
});

describe('/smallcaps chart choice', () => {
  it('picks bars for a day or week, the ratio for a year or more, lines otherwise', () => {
    expect(autoChartKind(parsePeriod('1d'))).toBe('bars');
    expect(autoChartKind(parsePeriod('ytd'))).toBe('lines');
    expect(autoChartKind(parsePeriod('2023'))).toBe('lines');
    expect(autoChartKind(parsePeriod('5y'))).toBe('ratio');
  });

  it.each(['lines', 'ratio', 'bars', 'seasonality'])('renders chart:%s', async (kind) => {
    const reply = (await ask(`/smallcaps ytd chart:${kind}`)).output.replies[0]!;
    expect(reply.chart!.width).toBe(1200);
    expect(Buffer.from(reply.chart!.png.subarray(1, 4)).toString()).toBe('PNG');
  });

  it('uses the square preset when asked', async () => {
    const reply = (await ask('/smallcaps ytd size:square')).output.replies[0]!;
    expect([reply.chart!.width, reply.chart!.height]).toEqual([1080, 1080]);
  });
});
