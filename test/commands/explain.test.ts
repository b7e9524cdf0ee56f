import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../commands/dispatch.ts';
import { explain } from '../../commands/explain.ts';
import { entryReply } from '../../commands/explain-reply.ts';
import { actionRequest, decodeAction, encodeAction } from '../../commands/actions.ts';
import type { Reply } from '../../core/reply.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { formatPp } from '../../core/i18n/format.ts';
import { median } from '../../core/market/stats.ts';
import { consoleContext, noLog, realServices } from '../helpers/services.ts';
import { realBars } from '../helpers/market-data.ts';

const running = realServices('2026-01-31');
const midJanuary = realServices('2026-01-15');
const dataDir = mkdtempSync(path.join(tmpdir(), 'explain-iwm-only-'));
writeFileSync(path.join(dataDir, 'IWM.csv'), 'Date,Close\n2025-12-30,248.03\n2025-12-31,246.16\n2026-01-02,250.00\n');
const iwmOnly = realServices('2026-01-31', { ROTATION_DATA_DIR: dataDir });
afterAll(async () => {
  await Promise.all([running.close(), midJanuary.close(), iwmOnly.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

type Result = {
  match: string;
  query?: string;
  entryId?: string;
  entryIds?: string[];
  missing?: string[];
  candidates?: string[];
  categories?: string[];
  live?: Record<string, any>;
};

async function ask(line: string, locale: Locale = 'en', services = running) {
  const outcome = await runText(COMMANDS, line, consoleContext(services, locale), noLog);
  expect(outcome.ok, line).toBe(true);
  return { reply: outcome.output.replies[0]! as Reply, result: outcome.output.result as Result };
}

const glossary = running.services.glossary;
const entry = (id: string) => glossary.byId.get(id)!;
const runCommands = (reply: Reply) => (reply.actions ?? []).map((a) => (a.kind === 'run' ? a.command : `${a.kind}?`));
const close = (symbol: string, date: string) => realBars(symbol).find((b) => b.date === date)!.close;
const spreadPp = (from: string, to: string) => (close('IWM', to) / close('IWM', from) - close('SPY', to) / close('SPY', from)) * 100;

/** Names brief.md uses, in both languages, with the entry each opens. */
const BRIEF_TERMS: readonly (readonly [query: string, id: string])[] = [
  ['Russell 2000', 'russell-2000'],
  ['러셀2000', 'russell-2000'],
  ['heavily shorted stocks', 'short-interest'],
  ['공매도', 'short-interest'],
  ['tax-loss selling', 'tax-loss-selling'],
  ['세금손실 매도', 'tax-loss-selling'],
  ['January reversal', 'january-effect'],
  ['1월 반전', 'january-effect'],
  ['EPS revisions', 'earnings-revisions'],
  ['이익 수정', 'earnings-revisions'],
  ['ISM manufacturing new orders', 'ism-new-orders'],
  ['ISM 제조업 신규 주문', 'ism-new-orders'],
  ['trade vs structural shift', 'trade-vs-structural-shift'],
  ['구조적 변화', 'trade-vs-structural-shift'],
  ['"show me" story', 'show-me-story'],
  ['Technology and Communication Services sectors', 'tech-and-communication-services'],
  ['통신서비스', 'tech-and-communication-services'],
  ['low-quality segments', 'rally-quality'],
  ['품질이 낮은 구간', 'rally-quality'],
  ['durable re-rating', 'durable-re-rating'],
  ['내구적 재평가', 'durable-re-rating'],
  ['year-end rebalancing', 'year-end-rebalancing'],
  ['연말 포트폴리오 재배치', 'year-end-rebalancing'],
  ['spread in percentage points vs percent', 'spread'],
];

describe('/explain answers every entry', () => {
  it.each(glossary.entries.map((e) => [e.id] as const))('%s, by its English term in English and its Korean term in Korean', async (id) => {
    const e = entry(id);
    const en = await ask(`/explain ${e.term.en}`);
    expect(en.result).toMatchObject({ match: 'exact', entryId: id });
    expect(en.reply).toMatchObject({ title: e.term.en, locale: 'en', visibility: 'ephemeral' });
    expect(en.reply.text).toContain(e.definition.en);
    expect(en.reply.text).toContain(e.explanation.en);
    expect(en.reply.text).toContain(`**Example:** ${e.example.en}`);
    expect(en.reply.text).toContain(`**Why it matters for rotation:** ${e.whyItMatters.en}`);
    const ko = await ask(`/explain ${e.term.ko}`, 'ko');
    expect(ko.result).toMatchObject({ match: 'exact', entryId: id });
    expect(ko.reply).toMatchObject({ title: e.term.ko, locale: 'ko' });
    expect(ko.reply.text).toContain(e.definition.ko);
    expect(ko.reply.text).toContain(`**순환매에서 중요한 이유:** ${e.whyItMatters.ko}`);
  });

  it.each(BRIEF_TERMS)('opens the brief term %j as %s, by name', async (query, id) => {
    const { result } = await ask(`/explain ${query}`);
    expect(result.entryId).toBe(id);
    expect(result.match).toMatch(/^(exact|alias)$/);
  });
});

describe('/explain finds what people type', () => {
  it('takes aliases and tickers', async () => {
    expect((await ask('/explain R2K')).result).toMatchObject({ match: 'alias', entryId: 'russell-2000' });
    expect((await ask('/explain tax-loss')).result).toMatchObject({ match: 'alias', entryId: 'tax-loss-selling' });
  });

  it('ignores Korean spacing', async () => {
    const { reply, result } = await ask('/explain 세금 손실 매도', 'ko');
    expect(result).toMatchObject({ match: 'exact', entryId: 'tax-loss-selling' });
    expect(reply.title).toBe('세금손실 매도');
  });

  it('says which entry it shows for a typo', async () => {
    const { reply, result } = await ask('/explain janury efect');
    expect(result).toMatchObject({ match: 'fuzzy', entryId: 'january-effect' });
    expect(reply.text.split('\n')[0]).toBe("_Showing January effect (closest match to 'janury efect')._");
  });

  it('asks "did you mean" when a query fits several entries, with a button for each', async () => {
    const { reply, result } = await ask('/explain russel');
    expect(result).toEqual({ match: 'ambiguous', query: 'russel', candidates: ['russell-2000', 'russell-3000', 'index-reconstitution'] });
    expect(reply.title).toBe('Did you mean…?');
    expect(reply.text).toBe('Did you mean: **Russell 2000**, **Russell 3000** or **Index reconstitution**?');
    expect(runCommands(reply)).toEqual(['/explain russell-2000', '/explain russell-3000', '/explain index-reconstitution']);
  });

  it('asks "did you mean" in Korean', async () => {
    const { reply } = await ask('/explain 러셀', 'ko');
    expect(reply.text).toBe('**러셀2000**, **러셀3000** 또는 **지수 정기 변경** 중 어떤 용어를 찾으셨나요?');
  });

  it('says an unknown term is not in the glossary and suggests at most three real entries', async () => {
    const { reply, result } = await ask('/explain valuashun');
    expect(result.match).toBe('not-found');
    expect(result.candidates!.length).toBeGreaterThan(0);
    expect(result.candidates!.length).toBeLessThanOrEqual(3);
    expect(result.candidates).toContain('valuation');
    for (const id of result.candidates!) expect(glossary.byId.has(id)).toBe(true);
    expect(reply.title).toBe('Not in the glossary');
    expect(reply.text).toContain("I don't have 'valuashun' in the glossary.");
    expect(reply.text).toContain('Closest entries: **Valuation**');
    expect(runCommands(reply)).toEqual(result.candidates!.map((id) => `/explain ${id}`));
  });

  it('points to the category list when nothing is close, inventing nothing', async () => {
    const { reply, result } = await ask('/explain cryptocurrency');
    expect(result).toEqual({ match: 'not-found', query: 'cryptocurrency', candidates: [] });
    expect(reply.text).toBe("I don't have 'cryptocurrency' in the glossary.\nType `/explain` on its own to browse every category.");
    expect(reply.actions).toBeUndefined();
  });

  it('lists the categories with a few entries each when asked for no term', async () => {
    const { reply, result } = await ask('/explain');
    expect(result.match).toBe('browse');
    expect(result.categories).toEqual(glossary.categories.map((c) => c.id));
    expect(reply.text).toContain(`${glossary.entries.length} terms`);
    expect(reply.fields.map((f) => f.label)[0]).toBe('Indices and funds (9)');
    expect(reply.fields[0]!.value).toBe('Russell 2000 · S&P 600 · S&P 500 · Nasdaq-100 · Russell 3000 · …');
    const ko = await ask('/explain', 'ko');
    expect(ko.reply.fields[0]!.label).toBe('지수와 펀드 (9)');
  });
});

describe('/explain options', () => {
  it('suggests at most 25 terms, best first, in the user’s language', () => {
    const en = consoleContext(running, 'en');
    expect(explain.suggest!('term', '', en)).toHaveLength(25);
    expect(explain.suggest!('term', 'a', en).length).toBeLessThanOrEqual(25);
    expect(explain.suggest!('term', 'tax los', en)[0]).toEqual({ name: 'Tax-loss selling', value: 'tax-loss-selling' });
    expect(explain.suggest!('term', '세금', consoleContext(running, 'ko'))[0]).toEqual({ name: '세금손실 매도', value: 'tax-loss-selling' });
  });

  it('answers in the language asked for, whatever the user’s locale, and keeps it in follow-ups', async () => {
    const ko = await ask('/explain spread lang:ko');
    expect(ko.reply).toMatchObject({ title: '스프레드', locale: 'ko' });
    expect(runCommands(ko.reply)[0]).toBe('/explain percentage-point lang:ko');
    const en = await ask('/explain 스프레드 lang:en', 'ko');
    expect(en.reply).toMatchObject({ title: 'Spread', locale: 'en' });
    expect(runCommands(en.reply)[0]).toBe('/explain percentage-point lang:en');
  });

  it('answers only the user unless asked to post publicly', async () => {
    expect((await ask('/explain spread')).reply.visibility).toBe('ephemeral');
    expect((await ask('/explain spread public:true')).reply.visibility).toBe('public');
    expect(explain.visibilityFor({ public: true })).toBe('public');
    expect(explain.visibilityFor({ public: false })).toBe('ephemeral');
  });

  it('offers the related entries as follow-ups, at most five', async () => {
    const { reply } = await ask('/explain tax-loss-selling');
    expect(runCommands(reply)).toEqual(entry('tax-loss-selling').related.map((id) => `/explain ${id}`));
    expect(reply.actions![0]!.label).toBe('January effect');
    const many = glossary.entries.slice(0, 7);
    const capped = entryReply(entry('spread'), { match: 'exact', query: 'spread' }, many, null, { locale: 'en', visibility: 'ephemeral', prefix: '/' });
    expect(runCommands(capped)).toEqual(many.slice(0, 5).map((e) => `/explain ${e.id}`));
  });
});

describe('/explain for the "Explain the terms" button', () => {
  const terms = ['spread', 'percentage-point', 'ratio', 'percentile', 'drawdown', 'price-return'];

  it('answers the button’s list with one short definition per term', async () => {
    const pressed = decodeAction(encodeAction({ kind: 'explain-terms', label: 'Explain the terms', terms }));
    if (!pressed || pressed.kind === 'expired') throw new Error('the button did not decode');
    const line = `/explain ${String((actionRequest(pressed).raw as { term: string }).term)}`;
    const { reply, result } = await ask(line);
    expect(result).toEqual({ match: 'list', entryIds: ['spread', 'percentage-point', 'relative-strength-ratio', 'percentile', 'drawdown', 'price-vs-total-return'] });
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe(`**Spread**: ${entry('spread').definition.en}`);
    expect(lines[2]).toBe(`**Relative strength ratio**: ${entry('relative-strength-ratio').definition.en}`);
    expect(reply.fields).toEqual([]);
    expect(reply.title).toBe('The terms, briefly');
  });

  it('answers the list in Korean for a Korean user', async () => {
    const { reply } = await ask('/explain spread,drawdown', 'ko');
    expect(reply.text.split('\n').slice(0, 2)).toEqual([`**스프레드**: ${entry('spread').definition.ko}`, `**낙폭**: ${entry('drawdown').definition.ko}`]);
  });

  it('names the parts it does not know instead of guessing', async () => {
    const { reply, result } = await ask('/explain spread,bogus-term');
    expect(result).toEqual({ match: 'list', entryIds: ['spread'], missing: ['bogus-term'] });
    expect(reply.text).toContain('Not in the glossary: bogus-term');
  });
});

describe('/explain live figures on ../shared/market-data', () => {
  it('shows the real January 2026 small-minus-large spread at as-of 2026-01-31, with its dates', async () => {
    const expected = spreadPp('2025-12-31', '2026-01-30');
    const { reply, result } = await ask('/explain january effect');
    expect(result.live).toMatchObject({ kind: 'january-effect', asOf: '2026-01-30', small: 'IWM', large: 'SPY' });
    expect(result.live!.january).toMatchObject({ year: 2026, baseDate: '2025-12-31', endDate: '2026-01-30', finished: true });
    expect(result.live!.january.spreadPp).toBeCloseTo(expected, 10);
    expect(formatPp('en', expected)).toBe('+4.0 pp');
    expect(reply.fields).toEqual([
      {
        label: 'In the data (as of Jan 30, 2026)',
        value: expect.stringContaining('• January 2026: Russell 2000 (IWM) +5.5% vs S&P 500 (SPY) +1.5%, a spread of +4.0 pp (Dec 31, 2025 → Jan 30, 2026)'),
        inline: false,
      },
    ]);
    expect(reply.footer).toBe('Glossary · Rotation Bot · Source: CSV folder · Data as of Jan 30, 2026');
  });

  it('compares it with the median January of the 20 years before', async () => {
    const januaries = Array.from({ length: 20 }, (_, i) => 2006 + i).map((y) => {
      const last = (symbol: string, upTo: string) => realBars(symbol).filter((b) => b.date <= upTo).at(-1)!.date;
      return spreadPp(last('IWM', `${y - 1}-12-31`), last('IWM', `${y}-01-31`));
    });
    const { reply, result } = await ask('/explain january effect');
    expect(result.live!.history).toMatchObject({ count: 20, firstYear: 2006, lastYear: 2025 });
    expect(result.live!.history.medianPp).toBeCloseTo(median(januaries), 10);
    expect(reply.fields[0]!.value).toContain(`• Median January spread over the previous 20 years (2006–2025): ${formatPp('en', median(januaries))}`);
  });

  it('shows the January figure in Korean', async () => {
    const { reply } = await ask('/explain 1월 효과', 'ko');
    expect(reply.fields[0]!.label).toMatch(/^데이터로 보면 \(.+ 기준\)$/);
    expect(reply.fields[0]!.value).toContain('러셀2000 (IWM) +5.5%, S&P 500 (SPY) +1.5%, 격차 +4.0%p');
  });

  it('says "so far" for a January still running, and pairs it with the December before for tax-loss selling', async () => {
    const { reply, result } = await ask('/explain tax-loss selling', 'en', midJanuary);
    expect(result.live!.december).toMatchObject({ year: 2025, month: 12, baseDate: '2025-11-28', endDate: '2025-12-31', complete: true });
    expect(result.live!.december.spreadPp).toBeCloseTo(spreadPp('2025-11-28', '2025-12-31'), 10);
    expect(result.live!.january).toMatchObject({ year: 2026, month: 1, baseDate: '2025-12-31', endDate: '2026-01-15', finished: false });
    expect(result.live!.january.spreadPp).toBeCloseTo(spreadPp('2025-12-31', '2026-01-15'), 10);
    const value = reply.fields[0]!.value;
    expect(value).toContain(`• December 2025: Russell 2000 (IWM)`);
    expect(value).toContain(`a spread of ${formatPp('en', spreadPp('2025-11-28', '2025-12-31'))} (Nov 28, 2025 → Dec 31, 2025)`);
    expect(value).toContain(`• January 2026 so far: Russell 2000 (IWM)`);
    expect(value).toContain(`a spread of ${formatPp('en', spreadPp('2025-12-31', '2026-01-15'))} (Dec 31, 2025 → Jan 15, 2026)`);
    expect(reply.fields[0]!.label).toBe('In the data (as of Jan 15, 2026)');
  });

  it('shows the year-to-date spread, ratio and percentile from the same comparison as /smallcaps', async () => {
    const expected = spreadPp('2025-12-31', '2026-01-30');
    const spread = await ask('/explain spread');
    expect(spread.result.live).toMatchObject({ kind: 'spread', asOf: '2026-01-30', baseDate: '2025-12-31', small: 'IWM', large: 'SPY' });
    expect(spread.result.live!.spreadPp).toBeCloseTo(expected, 10);
    expect(spread.reply.fields[0]!.value).toBe('Year to date (Dec 31, 2025 → Jan 30, 2026): Russell 2000 (IWM) +5.5% vs S&P 500 (SPY) +1.5%, a spread of +4.0 pp');
    const ratio = await ask('/explain ratio');
    expect(ratio.reply.fields[0]!.value).toBe('Russell 2000/S&P 500 ratio, rebased to 100 on Dec 31, 2025: 103.9 on Jan 30, 2026 (+3.9%)');
    const percentile = await ask('/explain percentile');
    expect(percentile.result.live!.percentile.rank).toBeGreaterThan(0);
    expect(percentile.reply.fields[0]!.value).toMatch(/^This year's spread of \+4\.0 pp over 20 sessions is higher than \d+% of all 20-session spreads since 2000 \([\d,]+ windows\)\.$/);
    const ytd = await ask('/explain year to date');
    expect(ytd.result.live!.legs.map((l: { symbol: string }) => l.symbol)).toEqual(['IWM', 'IJR', 'SPY', 'QQQ']);
  });

  it('shows each leg’s drawdown from its 52-week high', async () => {
    const { result } = await ask('/explain drawdown');
    const iwm = realBars('IWM').filter((b) => b.date <= '2026-01-31').slice(-252);
    const high = Math.max(...iwm.map((b) => b.close));
    expect(result.live!.legs.map((l: { symbol: string }) => l.symbol)).toEqual(['IWM', 'IJR', 'SPY', 'QQQ']);
    expect(result.live!.legs[0].drawdown).toBeCloseTo(iwm.at(-1)!.close / high - 1, 12);
  });

  it('leaves the figure out, and still answers, when the data lacks a leg', async () => {
    for (const line of ['/explain january effect', '/explain tax-loss selling', '/explain spread', '/explain drawdown']) {
      const { reply, result } = await ask(line, 'en', iwmOnly);
      expect(result.live, line).toBeUndefined();
      expect(reply.fields).toEqual([]);
      expect(reply.footer).toBe('Glossary · Rotation Bot');
      expect(reply.text.length).toBeGreaterThan(100);
    }
  });

  it('shows no figure for a term without one', async () => {
    const { reply, result } = await ask('/explain valuation');
    expect(result).toEqual({ match: 'exact', query: 'valuation', entryId: 'valuation' });
    expect(reply.fields).toEqual([]);
    expect(reply.footer).toBe('Glossary · Rotation Bot');
  });
});
