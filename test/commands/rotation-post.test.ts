import { afterAll, describe, expect, it } from 'vitest';
import type { ConsoleIo } from '../../bots/console/console-bot.ts';
import { firstMorningFor, postNow, reportDateForMorning } from '../../bots/console/post-now.ts';
import { buildClosedNotice, buildMorningPost } from '../../commands/rotation-post.ts';
import { loadLegs } from '../../commands/load-legs.ts';
import { compareLegs } from '../../core/market/compare.ts';
import { parsePeriod } from '../../core/market/period.ts';
import { legsFor } from '../../core/market/universe.ts';
import { holidayOn } from '../../core/calendar/index.ts';
import { createLogger } from '../../core/logger.ts';
import { consoleContext, noLog, realServices } from '../helpers/services.ts';
import { runText } from '../../commands/dispatch.ts';
import { COMMANDS } from '../../commands/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const running = realServices('2026-01-21', { ROTATION_OUT_DIR: '/tmp/rotation-bot-test-out' });
afterAll(() => running.close());
const log = createLogger('silent');

async function capture(run: (io: ConsoleIo) => Promise<number>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run({ out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

type PeriodJson = { baseDate: string; endDate: string; spreadPp: number; legs: { symbol: string; baseClose: number; endClose: number; return: number }[] };

describe('post-now --as-of 2026-01-21', () => {
  it('reports the session before that morning', () => {
    expect(reportDateForMorning('2026-01-21', '08:30', 'America/New_York')).toBe('2026-01-20');
    expect(reportDateForMorning('2026-01-21', '08:30', 'Asia/Seoul')).toBe('2026-01-20');
    expect(reportDateForMorning('2026-01-20', '08:30', 'America/New_York')).toBe('2026-01-16');
  });

  it('prints the 2026-01-20 session in English, every figure in the JSON matching compareLegs', async () => {
    const { code, out } = await capture((io) => postNow(running.services, log, io, true));
    expect(code).toBe(0);
    const shown = JSON.parse(out) as { ok: boolean; reply: { title: string; text: string; chart: { path: string } }; result: { reportDate: string; dataAsOf: string; periods: Record<'d1' | 'mtd' | 'ytd', PeriodJson> } };
    expect(shown.ok).toBe(true);
    expect(shown.result).toMatchObject({ reportDate: '2026-01-20', dataAsOf: '2026-01-20' });
    expect(shown.reply.title).toBe('Morning brief · small vs large caps · Jan 20, 2026');
    expect(shown.reply.text.split('\n')[0]).toBe(
      'Jan 20, 2026: small caps gained 0.8 pp on large caps (Russell 2000 -1.2%, S&P 500 -2.0%). Year to date they lead by 7.3 pp (+6.7% vs -0.6%).',
    );
    expect(shown.reply.chart.path).toMatch(/morning-brief-2026-01-20\.png$/);

    const family = legsFor(running.services.universe, 'price');
    const loaded = await loadLegs(running.services.market, [...family.small, ...family.large], new Set());
    for (const [key, code] of [['d1', '1d'], ['mtd', 'mtd'], ['ytd', 'ytd']] as const) {
      const direct = compareLegs(loaded.legs, parsePeriod(code), '2026-01-20', 'price');
      expect(shown.result.periods[key]).toEqual({
        baseDate: direct.baseDate,
        endDate: '2026-01-20',
        spreadPp: direct.spreadPp,
        legs: direct.legs.map((l) => ({ symbol: l.instrument.symbol, baseClose: l.baseClose, endClose: l.endClose, return: l.return })),
      });
    }
    expect(shown.result.periods.d1.baseDate).toBe('2026-01-16');
  });

  it('prints it in Korean', async () => {
    const ko = realServices('2026-01-21', { ROTATION_LANG: 'ko', ROTATION_OUT_DIR: '/tmp/rotation-bot-test-out' });
    try {
      const { code, out } = await capture((io) => postNow(ko.services, log, io, false));
      expect(code).toBe(0);
      expect(out).toContain('== 모닝 브리핑 · 소형주 대 대형주 · 2026년 1월 20일 ==');
      expect(out).toContain('2026년 1월 20일 소형주가 대형주보다 0.8%p 앞섰습니다(러셀2000 -1.2%, S&P 500 -2.0%). 연초 대비로는 소형주가 7.3%p 앞서 있습니다(+6.7% 대 -0.6%).');
      expect(out).toContain('격차: 러셀2000 − S&P 500');
      expect(out).toContain('1일 +0.8%p · 월초 대비 +7.3%p · 연초 대비 +7.3%p');
    } finally {
      await ko.close();
    }
  });

  it('says when no brief goes out that morning (a Sunday, a holiday, the morning after one) and which morning it went out', async () => {
    expect(firstMorningFor('2026-01-16', '08:30', 'America/New_York')).toBe('2026-01-17');
    expect(firstMorningFor('2026-01-20', '08:30', 'America/New_York')).toBe('2026-01-21');
    const sunday = realServices('2026-01-18', { ROTATION_OUT_DIR: '/tmp/rotation-bot-test-out' });
    try {
      const text = await capture((io) => postNow(sunday.services, log, io, false));
      expect(text.out.split('\n')[0]).toBe('No brief goes out on the morning of Jan 18, 2026: no session has closed since Jan 16, 2026, whose brief went out on the morning of Jan 17, 2026. That brief, for reference:');
      const json = JSON.parse((await capture((io) => postNow(sunday.services, log, io, true))).out) as { result: { postsThatMorning: boolean; firstMorning: string } };
      expect(json.result).toMatchObject({ postsThatMorning: false, firstMorning: '2026-01-17' });
    } finally {
      sunday.close();
    }
    const json = JSON.parse((await capture((io) => postNow(running.services, log, io, true))).out) as { result: { postsThatMorning: boolean } };
    expect(json.result.postsThatMorning).toBe(true);
  });

  it('lists the console calls settled at the reported close', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rotation-post-now-'));
    const settings = { ROTATION_DB_PATH: path.join(dir, 'bot.db'), ROTATION_OUT_DIR: dir };
    const made = realServices('2026-01-20', settings);
    const later = realServices('2026-02-04', settings);
    try {
      const outcome = await runText(COMMANDS, '/call side:small by:2026-02-03', consoleContext(made), noLog);
      expect(outcome.ok).toBe(true);
      const { code, out } = await capture((io) => postNow(later.services, log, io, false));
      expect(code).toBe(0);
      expect(out).toContain('Morning brief · small vs large caps · Feb 3, 2026');
      expect(out).toMatch(/Calls settled since the last post +• \w{6} test, Russell 2000 \(IWM\) over S&P 500 \(SPY\)\. Settled at the Feb 3, 2026 close: IWM \+0\.08% vs SPY \+1\.76%, spread -1\.69 pp\. A miss\./);
    } finally {
      made.close();
      later.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the morning post', () => {
  it('lists 1D, MTD and YTD for each leg and the spread, what to watch, the term of the day and the data date', async () => {
    const built = await buildMorningPost(running.services, { locale: 'en', reportDate: '2026-01-20', channelKey: 'slack:C1', shownTerms: new Set(), acceptStale: false });
    if (built.status !== 'ready') throw new Error('not ready');
    const reply = built.replies[0]!;
    expect(reply.fields.map((f) => f.label)).toEqual([
      'Russell 2000 (IWM)',
      'S&P 600 (IJR)',
      'S&P 500 (SPY)',
      'Nasdaq-100 (QQQ)',
      'Spread: Russell 2000 − S&P 500',
      'What to watch',
      `Term of the day: ${running.services.glossary.byId.get(built.term!.id)!.term.en}`,
    ]);
    expect(reply.fields[0]!.value).toBe('1D -1.2% · MTD +6.7% · YTD +6.7%');
    expect(reply.fields[4]!.value).toBe('1D +0.8 pp · MTD +7.3 pp · YTD +7.3 pp');
    expect(reply.fields[5]!.value.split('\n')).toEqual([
      '• The January tax-loss reversal window closes about Jan 30, 2026',
      '• ISM manufacturing report for January 2026: Feb 2, 2026, 10:00 New York time',
      '• Earnings season (Q4 2025) runs to about Feb 20, 2026',
    ]);
    expect(reply.footer).toBe('Price return (ETF closes, dividends excluded) · Source: CSV folder · Data as of Jan 20, 2026');
    expect(reply.visibility).toBe('public');
    expect(reply.chart?.filename).toBe('morning-brief-2026-01-20.png');
  });

  it('waits when the report session is not in the data, then posts the older data and says so', async () => {
    const request = { locale: 'en' as const, reportDate: '2026-08-24', channelKey: 'slack:C1', shownTerms: new Set<string>() };
    expect(await buildMorningPost(running.services, { ...request, acceptStale: false })).toEqual({ status: 'not-ready', dataAsOf: '2026-08-21' });
    const stale = await buildMorningPost(running.services, { ...request, acceptStale: true });
    if (stale.status !== 'ready') throw new Error('not ready');
    expect(stale.replies[0]!.text).toContain("Prices for the Aug 24, 2026 session weren't available yet; the figures are as of Aug 21, 2026.");
    expect(stale.replies[0]!.tone).toBe('warning');
    expect(stale.dataAsOf).toBe('2026-08-21');
  });

  it('says in one line that markets were closed, naming the holiday in the channel language', () => {
    const holiday = holidayOn('2026-01-19')!;
    const en = buildClosedNotice('en', holiday);
    const ko = buildClosedNotice('ko', holiday);
    expect(en.status === 'ready' && en.replies[0]!.text).toBe(
      'The NYSE was closed on Jan 19, 2026 for Martin Luther King Jr. Day, so there is no morning brief today; the next one follows the Jan 20, 2026 session.',
    );
    expect(ko.status === 'ready' && ko.replies[0]!.text).toContain('마틴 루서 킹 주니어의 날');
  });
});
