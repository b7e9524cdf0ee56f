import { describe, expect, it } from 'vitest';
import { createCachedMarketData } from '../../../core/data/cached-market-data.ts';
import type { PriceProvider } from '../../../core/data/provider.ts';
import { ProviderError, UnknownSymbolError } from '../../../core/data/provider.ts';
import { openSqliteStore } from '../../../core/store/sqlite-store.ts';
import type { Bar } from '../../../core/market/types.ts';
import { bars, weekdays } from '../../helpers/synthetic.ts';

function fakeProvider(data: () => Bar[]) {
  const calls: { symbol: string; from?: string }[] = [];
  let failWith: Error | undefined;
  const provider: PriceProvider = {
    id: 'fake',
    label: 'Fake',
    async fetchDaily(symbol, options = {}) {
      calls.push({ symbol, ...(options.from ? { from: options.from } : {}) });
      await new Promise((r) => setTimeout(r, 5));
      if (failWith) throw failWith;
      return data().filter((b) => !options.from || b.date >= options.from);
    },
  };
  return { provider, calls, fail: (e: Error | undefined) => (failWith = e) };
}

const dates = weekdays('2026-01-01', '2026-02-27');

describe('cached market data', () => {
  it('answers the second request from the cache without calling the provider', async () => {
    const fake = fakeProvider(() => bars(dates, (i) => 100 + i));
    const md = createCachedMarketData({ provider: fake.provider, store: openSqliteStore(':memory:').prices, ttlMs: 60_000 });
    await md.getDaily('IWM');
    const second = await md.getDaily('IWM');
    expect(fake.calls).toHaveLength(1);
    expect(second.bars).toHaveLength(dates.length);
  });

  it('shares one fetch between concurrent requests for a symbol', async () => {
    const fake = fakeProvider(() => bars(dates, () => 1));
    const md = createCachedMarketData({ provider: fake.provider, store: openSqliteStore(':memory:').prices, ttlMs: 60_000 });
    await Promise.all([md.getDaily('IWM'), md.getDaily('iwm'), md.getDaily('IWM')]);
    expect(fake.calls).toHaveLength(1);
  });

  it('refreshes only the last sessions and never rewrites closed ones', async () => {
    let clock = 0;
    let version = 1;
    const fake = fakeProvider(() => bars(dates, () => version));
    const store = openSqliteStore(':memory:').prices;
    const md = createCachedMarketData({ provider: fake.provider, store, ttlMs: 1000, now: () => clock });
    await md.getDaily('IWM');
    version = 2;
    clock = 5000;
    const after = await md.getDaily('IWM');
    expect(fake.calls[1]!.from).toBe('2026-02-12');
    expect(after.bars.find((b) => b.date === '2026-01-02')!.close).toBe(1);
    expect(after.bars.at(-1)!.close).toBe(2);
  });

  it('rescales older adjusted closes when a new dividend moves them, keeping total returns continuous', async () => {
    let clock = 0;
    let factor = 1;
    const fake = fakeProvider(() => bars(dates, () => 100, () => 100 * factor));
    const store = openSqliteStore(':memory:').prices;
    const md = createCachedMarketData({ provider: fake.provider, store, ttlMs: 1000, now: () => clock });
    await md.getDaily('IJR');
    factor = 0.99;
    clock = 5000;
    const after = await md.getDaily('IJR');
    expect(after.bars[0]!.adjClose).toBeCloseTo(99, 10);
    expect(after.bars[0]!.close).toBe(100);
  });

  it('answers from the cache, marked stale, when the provider fails', async () => {
    let clock = 0;
    const fake = fakeProvider(() => bars(dates, () => 1));
    const md = createCachedMarketData({ provider: fake.provider, store: openSqliteStore(':memory:').prices, ttlMs: 1000, now: () => clock });
    await md.getDaily('IWM');
    fake.fail(new ProviderError('fake', 'IWM', 'timed out'));
    clock = 5000;
    const result = await md.getDaily('IWM');
    expect(result.stale).toEqual({ reason: 'timed out' });
    expect(result.bars).toHaveLength(dates.length);
  });

  it('names the provider and cause when it fails with nothing cached', async () => {
    const fake = fakeProvider(() => []);
    fake.fail(new ProviderError('fake', 'IWM', 'HTTP 503'));
    const md = createCachedMarketData({ provider: fake.provider, store: openSqliteStore(':memory:').prices, ttlMs: 1000 });
    await expect(md.getDaily('IWM')).rejects.toThrowError('fake failed for IWM: HTTP 503');
  });

  it('passes an unknown symbol through even with a cache', async () => {
    const fake = fakeProvider(() => []);
    fake.fail(new UnknownSymbolError('fake', 'ZZZ'));
    const md = createCachedMarketData({ provider: fake.provider, store: openSqliteStore(':memory:').prices, ttlMs: 1000 });
    await expect(md.getDaily('ZZZ')).rejects.toBeInstanceOf(UnknownSymbolError);
  });
});
