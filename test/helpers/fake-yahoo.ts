import type { Bar } from '../../core/market/types.ts';

/** Seconds since epoch of 09:30 New York time on a date (Yahoo stamps daily bars at the session open). */
export function sessionOpenEpoch(date: string): number {
  const utcGuess = Date.parse(`${date}T14:30:00Z`);
  const nyHour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hour12: false }).format(utcGuess));
  return (utcGuess - (nyHour - 9) * 3_600_000) / 1000;
}

/** A Yahoo v8 chart payload in the shape Yahoo sends, from bars (null entries make null rows). */
export function chartPayload(symbol: string, bars: readonly (Bar | null)[], dates: readonly string[]) {
  const closes = bars.map((b) => (b ? b.close : null));
  return {
    chart: {
      result: [
        {
          meta: {
            currency: 'USD', symbol, exchangeName: 'PCX', fullExchangeName: 'NYSEArca', instrumentType: 'ETF',
            firstTradeDate: 959347800, regularMarketTime: sessionOpenEpoch(dates.at(-1)!) + 23400, hasPrePostMarketData: true,
            gmtoffset: -18000, timezone: 'EST', exchangeTimezoneName: 'America/New_York', regularMarketPrice: closes.at(-1),
            chartPreviousClose: 240,
            currentTradingPeriod: {
              pre: { timezone: 'EST', start: 0, end: 0, gmtoffset: -18000 },
              regular: { timezone: 'EST', start: 0, end: 0, gmtoffset: -18000 },
              post: { timezone: 'EST', start: 0, end: 0, gmtoffset: -18000 },
            }, priceHint: 2, dataGranularity: '1d', range: '', validRanges: ['1d', '5d', 'max'],
          },
          timestamp: dates.map(sessionOpenEpoch),
          indicators: {
            quote: [{ open: closes, high: closes, low: closes, close: closes, volume: closes.map((c) => (c === null ? null : 1000)) }],
            adjclose: [{ adjclose: bars.map((b) => (b ? (b.adjClose ?? b.close) : null)) }],
          },
        },
      ],
      error: null,
    },
  };
}

export type FakeYahoo = { fetch: typeof fetch; urls: string[] };

/** A fetch that answers Yahoo's cookie, crumb and chart requests from memory; nothing leaves the process. */
export function fakeYahooFetch(answer: (symbol: string, url: URL) => { status: number; body: unknown }): FakeYahoo {
  const urls: string[] = [];
  const fetchImpl = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    urls.push(url.href);
    if (url.pathname.includes('/v1/test/getcrumb')) return new Response('fake-crumb', { status: 200 });
    const chart = /\/v8\/finance\/chart\/([^/?]+)/.exec(url.pathname);
    if (chart) {
      const { status, body } = answer(decodeURIComponent(chart[1]!), url);
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }
    return new Response('<html></html>', { status: 200, headers: { 'set-cookie': 'A3=d=fake; Domain=.yahoo.com; Path=/; Secure' } });
  };
  return { fetch: fetchImpl as typeof fetch, urls };
}
