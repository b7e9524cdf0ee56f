import { describe, expect, it } from 'vitest';
import { createYahooProvider } from '../../../core/data/yahoo-provider.ts';
import { ProviderError, UnknownSymbolError } from '../../../core/data/provider.ts';
import { chartPayload, fakeYahooFetch } from '../../helpers/fake-yahoo.ts';
import { realBars } from '../../helpers/market-data.ts';

const jan = realBars('IWM').filter((b) => b.date >= '2025-12-29' && b.date <= '2026-01-20');
const dates = jan.map((b) => b.date);

describe('Yahoo provider (yahoo-finance2 chart) with an injected fetch', () => {
  it('turns session-open timestamps into New York session dates and skips null rows', async () => {
    const withNull = jan.map((b, i) => (i === 3 ? null : b));
    const fake = fakeYahooFetch(() => ({ status: 200, body: chartPayload('IWM', withNull, dates) }));
    const bars = await createYahooProvider({ fetch: fake.fetch, timeoutMs: 2000 }).fetchDaily('IWM', { from: '2025-12-29' });
    expect(bars.map((b) => b.date)).toEqual(dates.filter((_, i) => i !== 3));
    expect(bars.find((b) => b.date === '2026-01-20')!.close).toBe(262.5799865722656);
    expect(fake.urls.some((u) => u.includes('/v8/finance/chart/IWM') && u.includes('interval=1d'))).toBe(true);
  });

  it('reports a symbol Yahoo does not know as unknown', async () => {
    const fake = fakeYahooFetch(() => ({ status: 404, body: { chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } } }));
    await expect(createYahooProvider({ fetch: fake.fetch, timeoutMs: 2000 }).fetchDaily('ZZZZ')).rejects.toBeInstanceOf(UnknownSymbolError);
  });

  it('reports a server error as a provider failure with its cause', async () => {
    const fake = fakeYahooFetch(() => ({ status: 503, body: 'Service Unavailable' }));
    await expect(createYahooProvider({ fetch: fake.fetch, timeoutMs: 2000 }).fetchDaily('IWM')).rejects.toBeInstanceOf(ProviderError);
  });

  it('rejects an answer for another symbol', async () => {
    const fake = fakeYahooFetch(() => ({ status: 200, body: chartPayload('SPY', jan, dates) }));
    await expect(createYahooProvider({ fetch: fake.fetch, timeoutMs: 2000 }).fetchDaily('IWM')).rejects.toThrowError(/instead/);
  });

  it('times out a provider that never answers', async () => {
    const hanging = (async (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
    await expect(createYahooProvider({ fetch: hanging, timeoutMs: 100 }).fetchDaily('IWM')).rejects.toThrowError(/no answer within 100 ms/);
  });
});
