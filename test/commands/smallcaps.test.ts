import { articleFor } from '../../commands/smallcaps-reply.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../commands/dispatch.ts';
import { consoleContext, noLog, realServices } from '../helpers/services.ts';

const running = realServices('2026-01-20');
afterAll(() => running.close());
const ask = (line: string, locale: 'en' | 'ko' = 'en') => runText(COMMANDS, line, consoleContext(running, locale), noLog);

describe('/smallcaps on ../shared/market-data at 2026-01-20', () => {
  it('opens with one plain sentence giving both returns and the lead in percentage points', async () => {
    const outcome = await ask('/smallcaps ytd');
    expect(outcome.ok).toBe(true);
    const reply = outcome.output.replies[0]!;
    expect(reply.text.split('\n')[0]).toBe(
      'Small caps (Russell 2000) are up 6.7% this year against -0.6% for the S&P 500: a 7.3 percentage-point lead.',
    );
  });

  it('says its basis, dates and source in the footer', async () => {
    const reply = (await ask('/smallcaps ytd')).output.replies[0]!;
    expect(reply.footer).toBe('Price return (ETF closes, dividends excluded) · Dec 31, 2025 → Jan 20, 2026 (12 sessions) · Source: CSV folder · Data as of Jan 20, 2026');
  });

  it('lists every leg, the spread, the ratio and the percentile as fields', async () => {
    const reply = (await ask('/smallcaps ytd')).output.replies[0]!;
    const labels = reply.fields.map((f) => f.label);
    expect(labels).toEqual(['Russell 2000 (IWM)', 'S&P 600 (IJR)', 'S&P 500 (SPY)', 'Nasdaq-100 (QQQ)', 'Spread: Russell 2000 − S&P 500', 'Small/large ratio (start = 100)', 'How unusual', 'Ratio vs its last 52 weeks']);
    expect(reply.fields[4]!.value).toBe('+7.3 pp');
    expect(reply.fields[5]!.value).toBe('107.4 (+7.4%)');
  });

  it('attaches a PNG chart with alt text', async () => {
    const reply = (await ask('/smallcaps ytd')).output.replies[0]!;
    expect(Buffer.from(reply.chart!.png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect(reply.chart!.alt).toContain('IWM');
  });

  it('gives machine-readable numbers: base and end sessions, basis, each leg\'s closes and decimal return', async () => {
    const result = (await ask('/smallcaps ytd')).output.result as { baseDate: string; endDate: string; basis: string; legs: { symbol: string; baseClose: number; endClose: number; return: number }[] };
    expect(result.baseDate).toBe('2025-12-31');
    expect(result.endDate).toBe('2026-01-20');
    expect(result.basis).toBe('price');
    expect(result.legs[0]).toMatchObject({ symbol: 'IWM', baseClose: 246.16000366210938, endClose: 262.5799865722656 });
    expect(result.legs[0]!.return).toBeCloseTo(0.0667, 4);
  });

  it('answers in Korean with Korean number formatting', async () => {
    const reply = (await ask('/smallcaps ytd', 'ko')).output.replies[0]!;
    expect(reply.text.split('\n')[0]).toBe('올해 들어 소형주(러셀2000) +6.7%, S&P 500 -0.6%로 소형주가 7.3%p 앞서 있습니다.');
    expect(reply.locale).toBe('ko');
  });

  it('compares with the Nasdaq-100 when asked', async () => {
    const result = (await ask('/smallcaps ytd vs:nasdaq')).output.result as { legs: { symbol: string }[]; spreadPp: number };
    expect(result.legs.map((l) => l.symbol)).toEqual(['IWM', 'IJR', 'QQQ']);
    expect(result.spreadPp).toBeCloseTo((0.0667045 + 0.010174) * 100, 2);
  });

  it('sets the S&P 600 against the Russell 2000 when vs names it, listing it once', async () => {
    const result = (await ask('/smallcaps ytd vs:IJR')).output.result as { legs: { symbol: string }[]; spreadPp: number };
    expect(result.legs.map((l) => l.symbol)).toEqual(['IWM', 'IJR']);
    expect(result.spreadPp).toBeGreaterThan(0);
  });

  it('writes dates and numbers as people read them: "Since Mar 1, 2025", "an 8.3", "5,294-session"', async () => {
    const since = (await ask('/smallcaps from:2025-03-01')).output.replies[0]!;
    expect(since.title).toBe('Small caps vs large caps · Since Mar 1, 2025');
    expect(since.text.split('\n')[0]).toMatch(/: an 8\.3 percentage-point lead\.$/);
    expect((await ask('/smallcaps from:2025-03-01 to:2025-06-30')).output.replies[0]!.title).toBe('Small caps vs large caps · Mar 1, 2025 – Jun 30, 2025');
    const max = (await ask('/smallcaps max')).output.replies[0]!;
    expect(max.fields.map((f) => f.value).join(' ')).toMatch(/\d,\d{3}-session spreads/);
    expect(articleFor('8.3')).toBe('an');
    expect(articleFor('11')).toBe('an');
    expect(articleFor('18.0')).toBe('an');
    expect(articleFor('1.1')).toBe('a');
    expect(articleFor('110.5')).toBe('a');
  });

  it('says a total return needs adjusted closes when the data has none, rather than suggesting a shorter period', async () => {
    const outcome = await ask('/smallcaps ytd basis:total');
    expect(outcome.ok).toBe(false);
    expect(outcome.output.replies[0]!.text).toContain('SPY, QQQ: this data has no adjusted closes (dividends reinvested), so the total return cannot be measured. Ask with basis:price');
  });

  it('names the side no data covers, in Korean too', async () => {
    const ko = await runText(COMMANDS, '/smallcaps from:1995-01-03 to:1995-12-29', { ...consoleContext(running), locale: 'ko' }, noLog);
    expect(ko.output.replies[0]!.text).toContain('소형주 데이터가 없습니다(IWM, IJR 확인)');
    expect(ko.output.replies[0]!.text).not.toMatch(/\b(small|large)\b/);
  });

  it('never sets an index against its own ETF: vs:^RUT leaves IWM out', async () => {
    const reply = (await ask('/smallcaps ytd vs:^RUT')).output.replies[0]!;
    expect(reply.title).toBe('S&P 600 vs Russell 2000 · Year to date');
    expect(reply.text).not.toContain('Russell 2000 − Russell 2000');
  });

  it('names the two indexes, not small and large caps, when the comparison is the S&P 600', async () => {
    const reply = (await ask('/smallcaps ytd vs:IJR')).output.replies[0]!;
    expect(reply.title).toBe('Russell 2000 vs S&P 600 · Year to date');
    expect(reply.text.split('\n')[0]).toBe('The Russell 2000 is up 6.7% this year against +5.5% for the S&P 600: a 1.1 percentage-point lead.');
    expect(reply.fields.map((f) => f.label)).toContain('Russell 2000/S&P 600 ratio (start = 100)');
    expect(reply.text).not.toMatch(/small caps|large caps/i);
    const usual = (await ask('/smallcaps ytd')).output.replies[0]!;
    expect(usual.title).toBe('Small caps vs large caps · Year to date');
    expect(usual.fields.map((f) => f.label)).toContain('Small/large ratio (start = 100)');
  });

  it('leaves out the S&P 600 index on index basis, saying why', async () => {
    const reply = (await ask('/smallcaps ytd basis:index')).output.replies[0]!;
    expect(reply.text).toContain('S&P 600 (^SP600) is left out: its data runs from 1989-01-03 to 2020-04-16');
    expect(reply.footer).toContain('Price return (index levels)');
  });

  it.each([
    ['/smallcaps fortnight', '"fortnight" is not a period I know'],
    ['/smallcaps ytd basis:indx', 'Did you mean index?'],
    ['/smallcaps from:2026-01-10 to:2026-01-05', 'The dates are reversed'],
    ['/smallcaps from:2027-01-02', 'is in the future'],
    ['/smallcaps ytd vs:ZZZZ', 'CSV folder has no data for ZZZZ'],
    ['/smallcaps ytd vs:../../etc/passwd', 'is not a ticker symbol'],
    ['/smalcaps ytd', 'Did you mean /smallcaps?'],
  ])('%s gets a short error with usage', async (line, message) => {
    const outcome = await ask(line);
    expect(outcome.ok).toBe(false);
    const reply = outcome.output.replies[0]!;
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.text).toContain(message);
    expect(reply.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('snaps a weekend start to the next session and says so', async () => {
    const reply = (await ask('/smallcaps from:2026-01-03 to:2026-01-20')).output.replies[0]!;
    expect(reply.text).toContain('2026-01-03 is not a trading session; the period starts at the next session, 2026-01-05.');
  });
});
