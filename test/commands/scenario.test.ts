import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../commands/dispatch.ts';
import { createServices } from '../../bots/services.ts';
import { loadConfig } from '../../core/config.ts';
import { FACTOR_IDS, FACTOR_STATES } from '../../core/scenarios/factors.ts';
import { VERDICTS } from '../../core/scenarios/rules.ts';
import { hasMessage, messageKeys } from '../../core/i18n/translate.ts';
import { MARKET_DATA_DIR } from '../helpers/market-data.ts';
import { consoleContext, noLog } from '../helpers/services.ts';

const running = createServices(loadConfig({
  ROTATION_DATA_DIR: path.resolve(import.meta.dirname, '../../../shared/market-data'),
  ROTATION_AS_OF: '2026-01-20',
  ROTATION_DB_PATH: ':memory:',
  ROTATION_RENDER_POOL_SIZE: '1',
}, {}));
afterAll(() => running.close());
const ask = (line: string, locale: 'en' | 'ko' = 'en') => runText(COMMANDS, line, consoleContext(running, locale), noLog);

type Result = {
  verdict: string;
  confidence: number;
  evidence: Record<string, number>;
  factors: { id: string; state: string; lean: string; source: string; asOf: string | null }[];
  flips: { changes: { id: string; from: string; to: string }[]; verdict: string }[];
  watch: { kind: string; date: string }[];
  years?: { year: number; leadAtReference: number; change10Sessions: number | null; changeToEndFeb: number | null; changeToYearEnd: number | null }[];
};
const resultOf = (outcome: Awaited<ReturnType<typeof ask>>) => outcome.output.result as Result;

describe('/scenario on ../shared/market-data at 2026-01-20', () => {
  it('agrees with the analysts: a short-term trade, from the data alone, with 7 of 11 factors read from data', async () => {
    const outcome = await ask('/scenario');
    expect(outcome.ok).toBe(true);
    const result = resultOf(outcome);
    expect(result.verdict).toBe('short-term-trade');
    expect(result.confidence).toBe(0.35);
    expect(result.evidence).toEqual({ data: 7, proxy: 0, user: 0, config: 0, unknown: 4, total: 11 });
    expect(Object.fromEntries(result.factors.map((f) => [f.id, `${f.state}/${f.source}`]))).toEqual({
      seasonality: 'in-window/data',
      momentum: 'small-leading/data',
      monetary: 'easing/data',
      fiscal: 'unknown/unknown',
      tariffs: 'unknown/unknown',
      ism: 'contracting/data',
      housing: 'weak/data',
      autos: 'unknown/unknown',
      credit: 'calm/data',
      revisions: 'unknown/unknown',
      valuation: 'small/data',
    });
  });

  it('opens with the verdict in one sentence, with the lead it explains', async () => {
    const reply = (await ask('/scenario')).output.replies[0]!;
    expect(reply.text.split('\n')[0]).toBe(
      '**Short-term trade** (confidence 35%): small caps are ahead (+7.3 pp year to date), but the lead falls inside the January tax-loss reversal window, so it is largely technical. Expect it to fade as the window closes unless earnings confirm it.',
    );
    expect(reply.tone).toBe('warning');
  });

  it('shows the factor checklist with state, source and date, and the reasons, flips, dates and framing', async () => {
    const reply = (await ask('/scenario')).output.replies[0]!;
    expect(reply.fields.map((f) => f.label)).toEqual(['Tax-loss season', 'Price momentum', 'Monetary policy', 'Fiscal stimulus', 'Tariffs & trade', 'ISM manufacturing', 'Housing', 'Autos', 'Credit spreads', 'Earnings revisions', 'Valuation gap']);
    expect(reply.fields[5]!.value).toBe('Contracting · data · Dec 31, 2025\nheadline PMI 47.9 for Dec 2025, 49.1 in Sep 2025, released Jan 5, 2026; new orders are not in the data');
    expect(reply.fields[3]!.value).toBe('Unknown\nThe data source has no EPUFISCAL series. Set it with `stimulus:yes|no`.');
    expect(reply.fields[8]!.value).toBe('Calm (tight or narrowing) · data · Jan 19, 2026\nHY spread (BAMLH0A0HYM2) 2.65%, -0.39 pp since Oct 17, 2025');
    expect(reply.fields[10]!.value).toBe(
      "Favours small caps (an opportunity) · data · Jan 20, 2026\nrelative price, not P/E: the IWM/SPY ratio is above 14% of the last 10 years' sessions and 7% of the last 20 years'",
    );
    expect(reply.fields[9]!.value).toContain('FactSet');
    expect(reply.text.split('\n')[1]).toBe('Evidence: 7 from data, 0 from proxies, 0 set by you, 4 unknown (of 11 factors).');
    for (const heading of ['**Why**', '**What would flip it**', '**What to watch**', '**Portfolio framing (education)**']) expect(reply.text).toContain(heading);
    expect(reply.text).toContain('• Price momentum: Small caps leading → No clear leader ⇒ **Mixed**');
    expect(reply.text).toContain('• Feb 2, 2026, 10:00 ET: ISM manufacturing report for Jan 2026');
    expect(reply.text).toContain('_Educational, not investment advice._');
    expect(reply.footer).toBe('Prices: CSV folder (IWM/SPY, price return) · Macro: CSV folder · Data as of Jan 20, 2026 · Educational, not investment advice');
  });

  it('attaches a scorecard chart', async () => {
    const reply = (await ask('/scenario')).output.replies[0]!;
    expect(Buffer.from(reply.chart!.png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect(reply.chart!.filename).toBe('scenario-2026-01-20.png');
  });

  it('gives the flips and the dates to watch as data', async () => {
    const result = resultOf(await ask('/scenario'));
    expect(result.flips[0]).toEqual({ changes: [{ id: 'momentum', from: 'small-leading', to: 'no-clear-leader' }], verdict: 'mixed' });
    expect(result.watch.map((w) => `${w.kind} ${w.date}`)).toEqual(['seasonal-window-end 2026-01-30', 'ism-release 2026-02-02', 'earnings-season-end 2026-02-20']);
  });

  it('takes the user\'s word on revisions and valuation, marking them as set by the user', async () => {
    const result = resultOf(await ask('/scenario revisions:large valuation:large'));
    expect(result.verdict).toBe('short-term-trade');
    expect(result.factors.find((f) => f.id === 'revisions')).toMatchObject({ state: 'large', lean: 'large', source: 'user', asOf: null });
  });

  it('takes the user\'s word on credit over the high-yield spread reading', async () => {
    const data = resultOf(await ask('/scenario')).factors.find((f) => f.id === 'credit');
    expect(data).toMatchObject({ source: 'data' });
    const result = resultOf(await ask('/scenario credit:stressed'));
    expect(result.factors.find((f) => f.id === 'credit')).toMatchObject({ state: 'stressed', source: 'user', asOf: null });
  });

  it.each([
    ['small-cap-case', 'durable-rerating'],
    ['large-cap-case', 'large-cap-leadership'],
  ])('turns preset %s into %s', async (preset, verdict) => {
    const outcome = await ask(`/scenario preset:${preset}`);
    expect(resultOf(outcome).verdict).toBe(verdict);
    expect(resultOf(outcome).factors.every((f) => f.source === 'config')).toBe(true);
    expect(outcome.output.replies[0]!.text).toContain('_What-if:');
  });

  it('lists the allowed values when a factor option gets one it does not know', async () => {
    const outcome = await ask('/scenario easing:maybe');
    expect(outcome.ok).toBe(false);
    expect(outcome.output.replies[0]!.text).toContain('easing, on-hold, tightening');
  });

  it('answers in Korean', async () => {
    const reply = (await ask('/scenario', 'ko')).output.replies[0]!;
    expect(reply.title).toBe('소형주 강세, 트레이드인가 재평가인가? · 2026년 1월 20일');
    expect(reply.text.split('\n')[0]).toMatch(/^\*\*단기 트레이드\*\* \(신뢰도 35%\): 소형주가 앞서 있지만\(연초 대비 \+7\.3%p\)/);
    expect(reply.text).toContain('_교육용 정보이며 투자 조언이 아닙니다._');
  });
});

describe('/scenario preset:study', () => {
  it('finds the four January leads of 3 pp or more since 2001 and says the sample is small', async () => {
    const outcome = await ask('/scenario study');
    const result = resultOf(outcome);
    expect(result.years!.map((y) => y.year)).toEqual([2004, 2006, 2019, 2021]);
    expect(result.years![3]!.leadAtReference).toBeCloseTo(6.67, 2);
    expect(result.verdict).toBe('short-term-trade');
    const reply = outcome.output.replies[0]!;
    expect(reply.text).toContain('Years from 2001 to 2025 in which small caps (IWM) led large caps (SPY) by at least 3 pp year to date on Jan 20: 4 of 25.');
    expect(reply.text).toContain('In 1 of 4 such years the lead shrank within two weeks (10 sessions); median change +0.5 pp.');
    expect(reply.text).toContain('⚠️ Only 4 years qualify');
    expect(reply.chart?.filename).toBe('scenario-study-2026-01-20.png');
  });

  it('says so, without a chart, when no year qualifies', async () => {
    const outcome = await ask('/scenario study lead:30');
    expect(resultOf(outcome).years).toEqual([]);
    expect(outcome.output.replies[0]!.text).toContain('No year qualifies');
    expect(outcome.output.replies[0]!.chart).toBeUndefined();
  });
});

describe('/scenario without macro data', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scenario-prices-only-'));
  for (const f of ['IWM', 'SPY']) symlinkSync(path.join(MARKET_DATA_DIR, `${f}.csv`), path.join(dir, `${f}.csv`));
  const bare = createServices(loadConfig({ ROTATION_DATA_DIR: dir, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1' }, {}));
  afterAll(async () => {
    await bare.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('degrades the macro factors to unknown and still answers', async () => {
    const outcome = await runText(COMMANDS, '/scenario', consoleContext(bare), noLog);
    expect(outcome.ok).toBe(true);
    const result = resultOf(outcome);
    for (const id of ['monetary', 'ism', 'housing', 'autos']) expect(result.factors.find((f) => f.id === id)?.state).toBe('unknown');
    expect(result.verdict).toBe('short-term-trade');
    expect(result.confidence).toBeLessThan(0.45);
  });
});

describe('scenario texts', () => {
  it('has every scenario message in both English and Korean', () => {
    const en = messageKeys('en').filter((k) => k.startsWith('scenario.') || k.startsWith('commands.scenario.'));
    const ko = messageKeys('ko').filter((k) => k.startsWith('scenario.') || k.startsWith('commands.scenario.'));
    expect(ko).toEqual(en);
  });

  it('names every factor, state and verdict and explains every state', () => {
    for (const locale of ['en', 'ko'] as const) {
      for (const id of FACTOR_IDS) {
        expect(hasMessage(locale, `scenario.factor.${id}`)).toBe(true);
        for (const state of FACTOR_STATES[id]) {
          expect(hasMessage(locale, `scenario.state.${id}.${state}`), `${locale} ${id}.${state}`).toBe(true);
          expect(hasMessage(locale, `scenario.why.${id}.${state}`), `${locale} why ${id}.${state}`).toBe(true);
        }
      }
      for (const v of VERDICTS) expect(hasMessage(locale, `scenario.verdict.${v}`)).toBe(true);
    }
  });

  it('describes every option of the command', () => {
    const command = COMMANDS.find((c) => c.name === 'scenario')!;
    for (const option of Object.keys(command.options)) {
      expect(hasMessage('en', `commands.scenario.options.${option}`), option).toBe(true);
      expect(hasMessage('ko', `commands.scenario.options.${option}`), option).toBe(true);
    }
  });
});
