import { chartPayload } from './fake-yahoo.ts';
import { realBars } from './market-data.ts';

/** What the scripted Yahoo does with one chart request. */
export type YahooAnswer =
  | { readonly kind: 'ok'; readonly symbol?: string; readonly nullRows?: readonly number[] }
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly retryAfter?: string }
  | { readonly kind: 'raw'; readonly body: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'network' };

export type ScriptedYahoo = {
  readonly fetch: typeof fetch;
  /** Chart requests received, by symbol, in order. */
  readonly chartCalls: string[];
  /** Answers for the next chart requests, in order; when empty, `otherwise`. */
  readonly script: YahooAnswer[];
};

/** Sessions served for each symbol: real closes from ../shared/market-data. */
export function servedBars(symbol: string, from = '2025-06-02', to = '2026-01-20') {
  return realBars(symbol.replace(/^\^/, '')).filter((b) => b.date >= from && b.date <= to);
}

/**
 * A fetch standing in for Yahoo behind the real yahoo-finance2: cookie and crumb requests succeed;
 * chart requests follow the script (timeouts, statuses with Retry-After, truncated JSON, another
 * symbol's data, null rows, dropped connections), then `otherwise`.
 */
export function scriptedYahoo(otherwise: YahooAnswer = { kind: 'ok' }): ScriptedYahoo {
  const chartCalls: string[] = [];
  const script: YahooAnswer[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.pathname.includes('/v1/test/getcrumb')) return new Response('fake-crumb', { status: 200 });
    const chart = /\/v8\/finance\/chart\/([^/?]+)/.exec(url.pathname);
    if (!chart) return new Response('<html></html>', { status: 200, headers: { 'set-cookie': 'A3=d=fake; Domain=.yahoo.com; Path=/; Secure' } });
    const symbol = decodeURIComponent(chart[1]!);
    chartCalls.push(symbol);
    const answer = script.shift() ?? otherwise;
    switch (answer.kind) {
      case 'ok': {
        const served = answer.symbol ?? symbol;
        const bars = servedBars(served);
        const rows = bars.map((b, i) => (answer.nullRows?.includes(i) ? null : b));
        return Response.json(chartPayload(served, rows, bars.map((b) => b.date)));
      }
      case 'status':
        return new Response(answer.body ?? 'Too Many Requests', { status: answer.status, headers: answer.retryAfter ? { 'retry-after': answer.retryAfter } : {} });
      case 'raw':
        return new Response(answer.body, { status: 200, headers: { 'content-type': 'application/json' } });
      case 'hang':
        return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason ?? new Error('aborted'))));
      case 'network':
        throw new TypeError('fetch failed');
    }
  };
  return { fetch: fetchImpl as typeof fetch, chartCalls, script };
}
