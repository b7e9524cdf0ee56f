import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../commands/dispatch.ts';
import { createServices } from '../../bots/services.ts';
import { loadConfig } from '../../core/config.ts';
import { chartPayload } from '../helpers/fake-yahoo.ts';
import { realBars } from '../helpers/market-data.ts';
import { everyFredSeries } from '../helpers/fred-fixtures.ts';
import { startFakeFred } from '../fakes/fake-fred.ts';
import type { FakeFred } from '../fakes/fake-fred.ts';
import { consoleContext, noLog } from '../helpers/services.ts';

/** Yahoo answered from memory (real closes from ../shared/market-data up to the as-of date); anything on 127.0.0.1 goes to the real fetch. */
function yahooInMemoryElseLoopback(asOf: string): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.hostname === '127.0.0.1') return fetch(url, init);
    if (url.pathname.includes('/v1/test/getcrumb')) return new Response('fake-crumb', { status: 200 });
    const chart = /\/v8\/finance\/chart\/([^/?]+)/.exec(url.pathname);
    if (!chart) return new Response('<html></html>', { status: 200, headers: { 'set-cookie': 'A3=d=fake; Domain=.yahoo.com; Path=/; Secure' } });
    const symbol = decodeURIComponent(chart[1]!).replace(/^\^/, '');
    const bars = realBars(symbol).filter((b) => b.date <= asOf);
    return Response.json(chartPayload(symbol, bars, bars.map((b) => b.date)));
  }) as typeof fetch;
}

type Result = {
  verdict: string;
  confidence: number;
  evidence: Record<string, number>;
  factors: { id: string; state: string; source: string; detail: Record<string, string | number> }[];
  sources: { prices: string; macro: string };
};

describe('/scenario in production configuration (Yahoo + FRED, no CSV folder) against a fake FRED on 127.0.0.1', () => {
  let fred: FakeFred;
  let running: ReturnType<typeof createServices>;
  const ask = (line: string, locale: 'en' | 'ko' = 'en') => runText(COMMANDS, line, consoleContext(running, locale), noLog);

  beforeAll(async () => {
    fred = await startFakeFred(everyFredSeries());
    running = createServices(
      loadConfig({ ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', FRED_API_KEY: 'test-key', FRED_API_URL: fred.apiUrl, ROTATION_FETCH_RETRIES: '0' }, {}),
      { fetch: yahooInMemoryElseLoopback('2026-01-20') },
    );
  });
  afterAll(async () => {
    await running?.close();
    await fred?.close();
  });

  it('fills at least 9 of the 11 factors from data or labelled proxies', async () => {
    const outcome = await ask('/scenario');
    expect(outcome.ok).toBe(true);
    const result = outcome.output.result as Result;
    expect(result.sources).toMatchObject({ prices: 'Yahoo Finance', macro: 'FRED' });
    expect(Object.fromEntries(result.factors.map((f) => [f.id, `${f.state}/${f.source}`]))).toEqual({
      seasonality: 'in-window/data',
      momentum: 'small-leading/data',
      monetary: 'easing/data',
      fiscal: 'no-stimulus/proxy',
      tariffs: 'easing/proxy',
      ism: 'stalling/proxy',
      housing: 'weak/data',
      autos: 'steady/data',
      credit: 'calm/data',
      revisions: 'unknown/unknown',
      valuation: 'small/data',
    });
    expect(result.evidence).toEqual({ data: 7, proxy: 3, user: 0, config: 0, unknown: 1, total: 11 });
    expect(result.evidence.data! + result.evidence.proxy!).toBeGreaterThanOrEqual(9);
    // Every series came from the fake, through the JSON API; the ISM file and RELATIVE_PE are not on FRED.
    const asked = new Set(fred.requests.map((r) => r.id));
    for (const id of ['DFF', 'HOUST', 'TOTALSA', 'BAMLH0A0HYM2', 'EPUTRADE', 'EPUFISCAL', 'NOCDISA066MSFRBNY', 'NOCDFSA066MSFRBPHI', 'VNWOSAMFRBDAL']) expect(asked.has(id), id).toBe(true);
    expect(fred.requests.filter((r) => r.status !== 200).map((r) => r.id).sort()).toEqual(['BAMLH0A0HYM2_RECENT', 'ISM_MANUFACTURING_PMI', 'RELATIVE_PE']);
  });

  it('combines the regional surveys published by the as-of date into one proxy, and says so', async () => {
    const outcome = await ask('/scenario');
    const ism = (outcome.output.result as Result).factors.find((f) => f.id === 'ism')!;
    // Empire State (15 Jan) and Philadelphia (third Thursday, 15 Jan) are out for January; Dallas (last Monday, 26 Jan) is not.
    expect(ism.detail).toMatchObject({ series: 'REGIONAL_NEW_ORDERS', surveys: 'NY+PHIL', surveyCount: 2, month: '2026-01', earlierMonth: '2025-10' });
    expect(ism.detail.index).toBeCloseTo((7.0 - 5.1) / 2, 10);
    expect(ism.detail.earlierIndex).toBeCloseTo((3.7 + 18.2) / 2, 10);
    const reply = outcome.output.replies[0]!;
    expect(reply.fields[5]!.value).toBe(
      'Expanding, losing pace · proxy · Jan 1, 2026\nproxy for ISM new orders: regional Fed new orders 1.0 for Jan 2026 (Empire State, Philadelphia), 11.0 in Oct 2025; 0 is the line between growth and contraction',
    );
    expect(reply.text.split('\n')[1]).toBe('Evidence: 7 from data, 3 from proxies, 0 set by you, 1 unknown (of 11 factors).');
    // The chart labels the proxies too, and counts the sources.
    expect(reply.chart!.alt).toContain('ISM manufacturing: Expanding, losing pace (proxy)');
    expect(reply.chart!.alt).toContain('Tariffs & trade: Easing (proxy)');
  });

  it('shows auto sales when FRED answers', async () => {
    // Oct–Dec 2025 average 15.63M against Apr–Jun 16.07M: −2.7%, inside ±5%.
    const reply = (await ask('/scenario')).output.replies[0]!;
    expect(reply.fields[7]!.value).toBe('Flat · data · Dec 1, 2025\n16.0M sales a year in Dec 2025; 3-month average -2.7% vs six months earlier');
  });

  it('reads tariffs and fiscal policy from policy uncertainty against its own history, and the user still overrides', async () => {
    const result = (await ask('/scenario')).output.result as Result;
    const tariffs = result.factors.find((f) => f.id === 'tariffs')!;
    // Sep–Nov 2025 average 376.7 against Jun–Aug 696.7: −46%, a fall of more than a fifth.
    expect(tariffs.detail).toMatchObject({ series: 'EPUTRADE', month: '2025-11', reading: 'falling' });
    expect(tariffs.detail.changePct).toBeCloseTo(((420 + 380 + 330) / (760 + 690 + 640) - 1) * 100, 10);
    const fiscal = result.factors.find((f) => f.id === 'fiscal')!;
    expect(fiscal.detail).toMatchObject({ series: 'EPUFISCAL', reading: 'high' });
    const overridden = (await ask('/scenario stimulus:yes tariffs:worsening')).output.result as Result;
    expect(overridden.factors.find((f) => f.id === 'fiscal')).toMatchObject({ state: 'stimulus', source: 'user' });
    expect(overridden.factors.find((f) => f.id === 'tariffs')).toMatchObject({ state: 'worsening', source: 'user' });
    expect(overridden.evidence).toMatchObject({ proxy: 1, user: 2 });
  });

  it('answers in Korean with the proxies named as such', async () => {
    const reply = (await ask('/scenario', 'ko')).output.replies[0]!;
    expect(reply.text.split('\n')[1]).toBe('근거: 데이터 7개, 대리지표 3개, 사용자 지정 0개, 알 수 없음 1개(전체 11개 요인).');
    expect(reply.fields[5]!.value).toContain('ISM 신규 주문 대리지표');
  });
});
