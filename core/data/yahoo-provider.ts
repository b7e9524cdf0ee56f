import type YahooFinance from 'yahoo-finance2';
import type { Bar, IsoDate } from '../market/types.ts';
import type { PriceProvider, ProviderFailure } from './provider.ts';
import { ProviderError, UnknownSymbolError } from './provider.ts';
import { parseRetryAfter } from './retry-policy.ts';

export type YahooOptions = {
  readonly fetch?: typeof fetch;
  readonly timeoutMs: number;
  /** The earliest date asked for on a first fetch. */
  readonly historyStart?: IsoDate;
};

const localDate = (instant: Date, timeZone: string): IsoDate =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/**
 * Yahoo Finance daily bars through yahoo-finance2's `chart()`. Yahoo stamps each daily bar with
 * the session's opening instant, so the session date is that instant in the exchange's zone.
 */
export function createYahooProvider(options: YahooOptions): PriceProvider {
  // yahoo-finance2 keeps a failed answer's status and headers to itself; each chart() call has its
  // own signal, so the fetch notes them by signal for the retry policy (Retry-After).
  const failures = new WeakMap<AbortSignal, ProviderFailure>();
  const observedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await (options.fetch ?? fetch)(input, init);
    if (!response.ok && init?.signal) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      failures.set(init.signal, { status: response.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    }
    return response;
  };
  // Loaded on the first fetch: a bot answering from a CSV folder or the cache never pays for it.
  let client: Promise<InstanceType<typeof YahooFinance>> | undefined;
  const yahoo = () =>
    (client ??= import('yahoo-finance2').then(
      ({ default: Client }) =>
        new Client({
          versionCheck: false,
          suppressNotices: ['yahooSurvey', 'ripHistorical'],
          queue: { concurrency: 2 },
          fetch: observedFetch as typeof fetch,
          logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, dir: () => {} },
        }),
    ));

  return {
    id: 'yahoo',
    label: 'Yahoo Finance',
    async fetchDaily(symbol, { from, signal } = {}) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let result;
      try {
        result = await (await yahoo()).chart(
          symbol,
          { period1: from ?? options.historyStart ?? '1985-01-01', interval: '1d', return: 'array' },
          { fetchOptions: { signal: combined } },
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/no data found|not found|delisted|invalid symbol/i.test(message)) throw new UnknownSymbolError('yahoo', symbol);
        const failure = failures.get(combined) ?? {};
        const reason = timeout.aborted
          ? `no answer within ${options.timeoutMs} ms`
          : failure.status !== undefined
            ? `HTTP ${failure.status}`
            : /not parsable|Unexpected (token|end)|JSON/i.test(message)
              ? 'an unreadable answer (not JSON)'
              : message.split('\n')[0]!.slice(0, 160);
        throw new ProviderError('yahoo', symbol, reason, failure);
      }
      const zone = result.meta.exchangeTimezoneName || 'America/New_York';
      if (result.meta.symbol && result.meta.symbol.toUpperCase() !== symbol.toUpperCase()) {
        throw new ProviderError('yahoo', symbol, `answered for ${result.meta.symbol} instead`);
      }
      const byDate = new Map<IsoDate, Bar>();
      for (const q of result.quotes) {
        if (q.close === null || !Number.isFinite(q.close) || q.close <= 0) continue;
        const date = localDate(q.date, zone);
        const adj = q.adjclose;
        byDate.set(date, adj !== null && adj !== undefined && adj > 0 ? { date, close: q.close, adjClose: adj } : { date, close: q.close });
      }
      if (byDate.size === 0) throw new UnknownSymbolError('yahoo', symbol);
      return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    },
  };
}
