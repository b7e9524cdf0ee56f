import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePriceCsv } from '../../core/data/parse-price-csv.ts';
import type { Bar } from '../../core/market/types.ts';

/** The real daily prices in ../shared/market-data (read in place, never copied into the repo). */
export const MARKET_DATA_DIR = path.resolve(import.meta.dirname, '../../../shared/market-data');

const cache = new Map<string, Bar[]>();
export function realBars(file: string): Bar[] {
  let bars = cache.get(file);
  if (!bars) {
    bars = parsePriceCsv(readFileSync(path.join(MARKET_DATA_DIR, `${file}.csv`), 'utf8'), `${file}.csv`).bars;
    cache.set(file, bars);
  }
  return bars;
}
