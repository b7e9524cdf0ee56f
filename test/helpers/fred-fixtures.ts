import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Observation } from '../../core/data/macro.ts';
import { parsePriceCsv } from '../../core/data/parse-price-csv.ts';
import { MARKET_DATA_DIR } from './market-data.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/fred');

/** A fixture file as FRED sends it (the JSON text). */
export const fredFixtureText = (id: string): string => readFileSync(path.join(FIXTURES, `${id}.json`), 'utf8');

/** The series written as fixtures (test/fixtures/fred). */
export const FIXTURE_SERIES = ['EPUTRADE', 'EPUFISCAL', 'TOTALSA', 'NOCDISA066MSFRBNY', 'NOCDFSA066MSFRBPHI', 'VNWOSAMFRBDAL'] as const;

const fromFixture = (id: string): Observation[] =>
  (JSON.parse(fredFixtureText(id)) as { observations: { date: string; value: string }[] }).observations
    .filter((o) => o.value !== '.')
    .map((o) => ({ date: o.date, value: Number(o.value) }));

const fromSharedCsv = (file: string): Observation[] =>
  parsePriceCsv(readFileSync(path.join(MARKET_DATA_DIR, 'macro', `${file}.csv`), 'utf8'), `${file}.csv`, { values: 'any' }).bars.map((b) => ({ date: b.date, value: b.close }));

/**
 * Every series the scenario reads from FRED: the real ones ../shared/market-data has (fed funds,
 * housing starts, the high-yield spread, both copies joined as FRED serves one series) and the
 * written fixtures for the rest.
 */
export function everyFredSeries(): Map<string, Observation[]> {
  const hy = new Map([...fromSharedCsv('BAMLH0A0HYM2'), ...fromSharedCsv('BAMLH0A0HYM2_recent')].map((o) => [o.date, o.value]));
  return new Map<string, Observation[]>([
    ['DFF', fromSharedCsv('DFF')],
    ['FEDFUNDS', fromSharedCsv('FEDFUNDS')],
    ['HOUST', fromSharedCsv('HOUST')],
    ['BAMLH0A0HYM2', [...hy].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, value]) => ({ date, value }))],
    ...FIXTURE_SERIES.map((id) => [id, fromFixture(id)] as [string, Observation[]]),
  ]);
}
