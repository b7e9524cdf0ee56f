import { describe, expect, it } from 'vitest';
import { createFredProvider } from '../../../core/data/fred-provider.ts';
import { createCsvMacroProvider } from '../../../core/data/csv-macro-provider.ts';
import { ProviderError, UnknownSymbolError } from '../../../core/data/provider.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';

function fakeFetch(answer: (url: URL) => Response) {
  const urls: string[] = [];
  const f = (async (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    urls.push(url.href);
    return answer(url);
  }) as typeof fetch;
  return { f, urls };
}

describe('FRED provider', () => {
  it('reads the keyless fredgraph.csv, skipping "." values', async () => {
    const { f, urls } = fakeFetch(() => new Response('observation_date,DFF\n2026-01-01,3.64\n2026-01-02,.\n2026-01-05,-0.1\n'));
    const s = await createFredProvider({ fetch: f, timeoutMs: 1000 }).getSeries('dff');
    expect(urls[0]).toBe('https://fred.stlouisfed.org/graph/fredgraph.csv?id=DFF');
    expect(s.observations).toEqual([{ date: '2026-01-01', value: 3.64 }, { date: '2026-01-05', value: -0.1 }]);
  });

  it('uses the JSON API when a key is set', async () => {
    const { f, urls } = fakeFetch(() => Response.json({ observations: [{ date: '2025-10-01', value: '1246.0' }, { date: '2025-11-01', value: '.' }] }));
    const s = await createFredProvider({ apiKey: 'k', fetch: f, timeoutMs: 1000 }).getSeries('HOUST');
    expect(urls[0]).toContain('/fred/series/observations?series_id=HOUST&api_key=k&file_type=json');
    expect(s.observations).toEqual([{ date: '2025-10-01', value: 1246 }]);
  });

  it('reports an unknown series and a failing server differently', async () => {
    await expect(createFredProvider({ fetch: fakeFetch(() => new Response('', { status: 404 })).f, timeoutMs: 1000 }).getSeries('NOPE')).rejects.toBeInstanceOf(UnknownSymbolError);
    await expect(createFredProvider({ fetch: fakeFetch(() => new Response('', { status: 500 })).f, timeoutMs: 1000 }).getSeries('DFF')).rejects.toBeInstanceOf(ProviderError);
  });
});

describe('CSV macro provider', () => {
  it('reads macro series from the folder\'s macro/ subfolder', async () => {
    const s = await createCsvMacroProvider(MARKET_DATA_DIR).getSeries('ISM_MANUFACTURING_PMI');
    expect(s.observations.find((o) => o.date === '2026-01-27')?.value).toBe(52.6);
  });
});
