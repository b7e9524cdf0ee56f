import type { MacroData, Observation } from './macro.ts';
import { ProviderError, UnknownSymbolError } from './provider.ts';
import { parsePriceCsv } from './parse-price-csv.ts';
import { UserError } from '../user-error.ts';

export type FredOptions = {
  readonly apiKey?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs: number;
  readonly apiBase?: string;
  readonly graphBase?: string;
};

const SERIES_ID = /^[A-Z0-9_]{1,40}$/;

/**
 * FRED: the JSON API when a key is set, otherwise the keyless `fredgraph.csv` download
 * (first column `observation_date`, "." for missing values).
 */
export function createFredProvider(options: FredOptions): MacroData {
  const doFetch = options.fetch ?? fetch;
  const apiBase = options.apiBase ?? 'https://api.stlouisfed.org/fred';
  const graphBase = options.graphBase ?? 'https://fred.stlouisfed.org/graph';

  async function get(url: string, id: string): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : String(error instanceof Error ? error.message : error);
      throw new ProviderError('fred', id, reason);
    }
    if (response.status === 400 || response.status === 404) throw new UnknownSymbolError('fred', id);
    if (!response.ok) throw new ProviderError('fred', id, `HTTP ${response.status}`);
    return response;
  }

  return {
    sourceLabel: 'FRED',
    async getSeries(rawId) {
      const id = rawId.toUpperCase();
      if (!SERIES_ID.test(id)) throw new UserError('data.badSymbol', { symbol: rawId.slice(0, 30) });
      let observations: Observation[];
      if (options.apiKey) {
        const url = `${apiBase}/series/observations?series_id=${encodeURIComponent(id)}&api_key=${encodeURIComponent(options.apiKey)}&file_type=json`;
        const body = (await (await get(url, id)).json()) as { observations?: { date: string; value: string }[] };
        if (!Array.isArray(body.observations)) throw new ProviderError('fred', id, 'unexpected answer');
        observations = body.observations.filter((o) => o.value !== '.' && Number.isFinite(Number(o.value))).map((o) => ({ date: o.date, value: Number(o.value) }));
      } else {
        const text = await (await get(`${graphBase}/fredgraph.csv?id=${encodeURIComponent(id)}`, id)).text();
        observations = parsePriceCsv(text, `fredgraph.csv?id=${id}`, { values: 'any' }).bars.map((b) => ({ date: b.date, value: b.close }));
      }
      return { id, observations, source: 'FRED' };
    },
  };
}
