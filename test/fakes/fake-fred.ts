import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Observation } from '../../core/data/macro.ts';

export type FakeFred = {
  /** What FRED_API_URL points at: `http://127.0.0.1:<port>/fred` */
  readonly apiUrl: string;
  /** What FRED_GRAPH_URL points at: `http://127.0.0.1:<port>/graph` */
  readonly graphUrl: string;
  /** Series ids requested, in order, with the status answered. */
  readonly requests: { readonly id: string; readonly status: number; readonly via: 'api' | 'graph' }[];
  close(): Promise<void>;
};

/** FRED's `series/observations` answer (file_type=json): every value a string, "." for a missing one. */
export function fredObservationsJson(observations: readonly { readonly date: string; readonly value: number | null }[], today = '2026-01-20') {
  return {
    realtime_start: today,
    realtime_end: today,
    observation_start: '1600-01-01',
    observation_end: '9999-12-31',
    units: 'lin',
    output_type: 1,
    file_type: 'json',
    order_by: 'observation_date',
    sort_order: 'asc',
    count: observations.length,
    offset: 0,
    limit: 100000,
    observations: observations.map((o) => ({ realtime_start: today, realtime_end: today, date: o.date, value: o.value === null ? '.' : String(o.value) })),
  };
}

/** FRED's keyless `fredgraph.csv` answer. */
export function fredGraphCsv(id: string, observations: readonly Observation[]): string {
  return `observation_date,${id}\n${observations.map((o) => `${o.date},${o.value}`).join('\n')}\n`;
}

/**
 * A FRED on 127.0.0.1 serving the given series through the JSON API (which wants an api_key) and
 * the keyless CSV download. An unknown series gets FRED's 400 ("The series does not exist.").
 */
export async function startFakeFred(series: ReadonlyMap<string, readonly Observation[]>): Promise<FakeFred> {
  const requests: { id: string; status: number; via: 'api' | 'graph' }[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = url.pathname === '/fred/series/observations';
    const graph = url.pathname === '/graph/fredgraph.csv';
    const id = (api ? url.searchParams.get('series_id') : url.searchParams.get('id')) ?? '';
    const found = series.get(id);
    const answer = (status: number, type: string, body: string) => {
      requests.push({ id, status, via: api ? 'api' : 'graph' });
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (api && !url.searchParams.get('api_key')) return answer(400, 'application/json', JSON.stringify({ error_code: 400, error_message: 'Bad Request.  Variable api_key is not set.' }));
    if (!(api || graph)) return answer(404, 'text/plain', 'not found');
    if (!found) return answer(400, 'application/json', JSON.stringify({ error_code: 400, error_message: 'Bad Request.  The series does not exist.' }));
    return api ? answer(200, 'application/json', JSON.stringify(fredObservationsJson(found))) : answer(200, 'text/csv', fredGraphCsv(id, found));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/fred`,
    graphUrl: `http://127.0.0.1:${port}/graph`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
