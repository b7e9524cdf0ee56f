import { describe, expect, it } from 'vitest';
import { createFredProvider } from '../../../core/data/fred-provider.ts';
import { createCsvMacroProvider } from '../../../core/data/csv-macro-provider.ts';
import { ProviderError, UnknownSymbolError } from '../../../core/data/provider.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';
import { FIXTURE_SERIES, fredFixtureText } from '../../helpers/fred-fixtures.ts';

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

describe('FRED provider on fixtures in FRED\'s formats', () => {
  it.each(FIXTURE_SERIES)('parses %s from the JSON API answer, skipping "." values', async (id) => {
    const text = fredFixtureText(id);
    const sent = (JSON.parse(text) as { observations: { date: string; value: string }[] }).observations;
    const { f, urls } = fakeFetch(() => new Response(text, { headers: { 'content-type': 'application/json' } }));
    const s = await createFredProvider({ apiKey: 'k', fetch: f, timeoutMs: 1000 }).getSeries(id);
    expect(urls[0]).toContain(`series_id=${id}&`);
    expect(s.observations).toEqual(sent.filter((o) => o.value !== '.').map((o) => ({ date: o.date, value: Number(o.value) })));
    expect(s.observations.every((o) => Number.isFinite(o.value))).toBe(true);
  });

  it('reads negative diffusion indexes and a missing month from both formats alike', async () => {
    const id = 'NOCDISA066MSFRBNY';
    const json = await createFredProvider({ apiKey: 'k', fetch: fakeFetch(() => new Response(fredFixtureText(id))).f, timeoutMs: 1000 }).getSeries(id);
    expect(json.observations.find((o) => o.date === '2025-09-01')?.value).toBe(-19.6);
    expect(json.observations.some((o) => o.date === '2025-06-01')).toBe(false);
    const csv = `observation_date,${id}\n2025-06-01,.\n${json.observations.map((o) => `${o.date},${o.value}`).join('\n')}\n`;
    const graph = await createFredProvider({ fetch: fakeFetch(() => new Response(csv)).f, timeoutMs: 1000 }).getSeries(id);
    expect(graph.observations).toEqual(json.observations);
  });

  it('treats FRED\'s 400 for a series it does not have (such as the ISM file or RELATIVE_PE) as an unknown series', async () => {
    const body = JSON.stringify({ error_code: 400, error_message: 'Bad Request.  The series does not exist.' });
    await expect(createFredProvider({ apiKey: 'k', fetch: fakeFetch(() => new Response(body, { status: 400 })).f, timeoutMs: 1000 }).getSeries('RELATIVE_PE')).rejects.toBeInstanceOf(UnknownSymbolError);
  });
});
